// Package queue_test_double proves that the queue rules judge test doubles
// by their code, never by a name: a script of expected calls kept by a
// double in production code is a queue like any other and is reported
// (package and type names starting with mock or fake are not an
// exemption); the same double in a _test.go file is quiet, since test code
// is not under load (-test-load turns the load rules on there); and a
// script of errors is a list of failures, not of work (mocks/).
package queue_test_double

import "sync"

// MockBroker outside a test file: its script is a queue.
type MockBroker struct {
	mu       sync.Mutex
	handlers []func() error
}

func (b *MockBroker) Expect(h func() error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handlers = append(b.handlers, h) // want `slice b.handlers is a queue \(grows in MockBroker.Expect, taken from the front in serve\)`
}

func (b *MockBroker) serve() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	h := b.handlers[0]
	b.handlers = b.handlers[1:]
	return h()
}
