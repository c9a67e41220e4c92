package queue_test_double

import (
	"sync"
	"testing"
)

// fakeBroker in a test file: test code is not under load.
type fakeBroker struct {
	mu       sync.Mutex
	handlers []func() error
}

func (b *fakeBroker) Expect(h func() error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handlers = append(b.handlers, h) // ok: a _test.go file (the load rules are off there by default)
}

func (b *fakeBroker) serve() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	h := b.handlers[0]
	b.handlers = b.handlers[1:]
	return h()
}

func TestBroker(t *testing.T) {
	b := &fakeBroker{}
	b.Expect(func() error { return nil })
	if err := b.serve(); err != nil {
		t.Fatal(err)
	}
}
