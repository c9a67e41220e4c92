// Package queue_stack_pool proves that a stack is not a queue: a pool of
// idle connections given back at the end and taken from the end serves the
// newest first, and taking it whole when the pool closes is a reset, not a
// consumer. The nearest true positive, a backlog that is only ever taken
// whole and has no pop from the end, is reported. The same holds for a
// hand-written list added to and taken from at its head (list_stack.go),
// beside a FIFO added to at its tail, reported.
package queue_stack_pool

import "sync"

type conn struct{ id int }

type pool struct {
	mu    sync.Mutex
	idle  []*conn
	count int
}

// Release gives a connection back.
func (p *pool) Release(c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, c) // ok: a stack of idle connections, taken from the end
}

// Get takes the most recently released connection.
func (p *pool) Get() *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) == 0 {
		return nil
	}
	n := len(p.idle) - 1
	c := p.idle[n]
	p.idle[n] = nil
	p.idle = p.idle[:n]
	return c
}

// Close takes the whole pool to close it.
func (p *pool) Close() []*conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	conns := p.idle
	p.idle = nil
	return conns
}

// backlog has only the take of the whole: reported.
type backlog struct {
	mu    sync.Mutex
	items []*conn
}

func (b *backlog) Add(c *conn) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items = append(b.items, c) // want `slice b.items is a queue \(grows in backlog.Add, taken whole in Drain\)`
}

func (b *backlog) Drain() []*conn {
	b.mu.Lock()
	defer b.mu.Unlock()
	all := b.items
	b.items = nil
	return all
}
