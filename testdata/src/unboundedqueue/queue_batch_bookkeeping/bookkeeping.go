// Package queue_batch_bookkeeping proves that a batch only ever taken
// whole is reported only when something outside drives its adds: an
// exported function that hands items over, or an unbounded source. A batch
// filled by the package's own bookkeeping (requests held while the
// connection re-authenticates, taken whole once it is done) follows the
// package's own rounds and is not reported by default (strict reports it).
package queue_batch_bookkeeping

import "sync"

type request struct{ id int }

type conn struct {
	parkMu   sync.Mutex
	parked   []request
	reauth   bool
	incoming chan request
}

func (c *conn) park(r request) {
	c.parkMu.Lock()
	defer c.parkMu.Unlock()
	c.parked = append(c.parked, r) // ok: the package's own bookkeeping, taken whole
}

func (c *conn) takeParked() []request {
	c.parkMu.Lock()
	defer c.parkMu.Unlock()
	p := c.parked
	c.parked = nil
	return p
}

func (c *conn) handle(r request) {
	if c.reauth {
		c.park(r)
		return
	}
	c.write(r)
}

func (c *conn) write(request) {}

func (c *conn) afterReauth() {
	for _, r := range c.takeParked() {
		c.write(r)
	}
}

// hooks are added through an exported function: reported.
type hooks struct {
	mu  sync.Mutex
	fns []func()
}

func (h *hooks) Add(f func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fns = append(h.fns, f) // want `slice h.fns is a queue \(grows in hooks.Add, taken whole in run\)`
}

func (h *hooks) run() {
	h.mu.Lock()
	fns := h.fns
	h.fns = nil
	h.mu.Unlock()
	for _, f := range fns {
		f()
	}
}

// inbox is filled per item received: reported.
type inbox struct {
	mu    sync.Mutex
	items []request
}

func (b *inbox) fill(in chan request) {
	for r := range in {
		b.mu.Lock()
		b.items = append(b.items, r) // want `slice b.items is a queue \(grows in inbox.fill, taken whole in take\)`
		b.mu.Unlock()
	}
}

func (b *inbox) take() []request {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.items
	b.items = nil
	return t
}
