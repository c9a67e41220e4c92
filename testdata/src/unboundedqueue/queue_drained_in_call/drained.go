// Package queue_drained_in_call proves that a list filled and drained
// within one call is not a queue: what a call adds is taken whole before
// the call returns, in its own statements or through the calls it makes
// (a poll that captures hooks under a lock and runs them right after
// unlocking, up to four calls below). The nearest true positive, a list
// filled by one call and drained by a later one, is reported.
package queue_drained_in_call

import "sync"

type consumer struct {
	mu       sync.Mutex
	cond     *sync.Cond
	hooks    []func()
	ready    []*source
	buffered []int
}

type source struct {
	c    *consumer
	recs []int
}

// capture is called with c.mu held: it records a hook to run once the
// lock is released.
func (s *source) capture(recs []int) {
	s.c.hooks = append(s.c.hooks, func() { _ = recs }) // ok: every call that leads here runs the hooks before it returns
}

func (s *source) take() []int {
	r := s.recs
	s.recs = nil
	s.capture(r)
	return r
}

func (s *source) discard() {
	s.capture(s.recs)
	s.recs = nil
}

// runHooks takes the hooks whole and runs them.
func (c *consumer) runHooks() {
	c.mu.Lock()
	fns := c.hooks
	c.hooks = nil
	c.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// Poll fills under the lock (through a literal bound to a variable) and
// runs the hooks right after.
func (c *consumer) Poll() [][]int {
	var out [][]int
	fill := func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, s := range c.ready {
			out = append(out, s.take())
		}
		c.ready = nil
	}
	fill()
	c.runHooks()
	return out
}

// reset discards under the lock and takes the hooks whole when there are
// any.
func (c *consumer) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.ready {
		s.discard()
	}
	c.ready = nil
	if fns := c.hooks; len(fns) > 0 {
		c.hooks = nil
		go func() {
			for _, fn := range fns {
				fn()
			}
		}()
	}
}

// stager appends in one call and is drained by another goroutine later:
// reported.
type stager struct {
	mu      sync.Mutex
	pending []int
}

func (s *stager) add(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, v) // want `slice s.pending is a queue \(grows in stager.add, taken whole in flush\)`
}

func (s *stager) flush() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.pending
	s.pending = nil
	return p
}

// Produce adds and returns; nothing drains in the same call.
func (s *stager) Produce(v int) { s.add(v) }

// drainedSameCall is a batch emptied before its function returns.
type batcher struct {
	mu    sync.Mutex
	batch []int
	out   chan []int
}

func (b *batcher) Send(vs []int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, v := range vs {
		b.batch = append(b.batch, v) // ok: emptied before Send returns
	}
	b.out <- b.take()
}

func (b *batcher) take() []int {
	t := b.batch
	b.batch = nil
	return t
}

type table struct{}

// db adds the current table and flushes them all before returning: the
// growth does not outlive the call.
type db struct {
	mu    sync.Mutex
	imm   []*table
	flush chan *table
}

func (d *db) dropAll(t *table) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.imm = append(d.imm, t) // ok: emptied before the function returns
	for range d.imm {
	}
	d.imm = d.imm[:0]
}

func (d *db) flusher() {
	for range d.flush {
		d.mu.Lock()
		d.imm = d.imm[1:]
		d.mu.Unlock()
	}
}
