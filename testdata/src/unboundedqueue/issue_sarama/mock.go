package issue_sarama

import "sync"

// MockBroker outside a mocks package: named as a test double.
type MockBroker struct {
	mu       sync.Mutex
	handlers []func() error
}

func (b *MockBroker) Expect(h func() error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handlers = append(b.handlers, h)
}

func (b *MockBroker) serve() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	h := b.handlers[0]
	b.handlers = b.handlers[1:]
	return h()
}
