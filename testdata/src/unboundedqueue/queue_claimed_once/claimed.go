// Package queue_claimed_once proves that an element added only after it
// won a compare-and-swap on its own state enters at most once per state it
// claims: the queue holds elements that exist, de-duplicated. A queue with
// such an add is bounded at it, and its other adds (a batch of the same
// claimed elements, a requeue of what was taken) are not a second
// producer. The nearest true positive, the same add without the claim, is
// reported.
package queue_claimed_once

import (
	"sync"
	"sync/atomic"
)

type ackState struct {
	status atomic.Int32
	cur    *cursor
}

func (st *ackState) tryAck(s int32) bool {
	return st.status.CompareAndSwap(0, s)
}

type cursor struct {
	mu      sync.Mutex
	pending []*ackState
}

func (st *ackState) appendAck() {
	c := st.cur
	c.mu.Lock()
	c.pending = append(c.pending, st) // ok: st claimed its place with a compare-and-swap
	c.mu.Unlock()
}

// Ack is the API: each state is acknowledged once.
func Ack(st *ackState, s int32) {
	if st == nil || !st.tryAck(s) {
		return
	}
	st.appendAck()
}

func (c *cursor) requeue(sts []*ackState) {
	c.mu.Lock()
	c.pending = append(c.pending, sts...) // ok: a requeue of what was taken
	c.mu.Unlock()
}

func (c *cursor) drain() []*ackState {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.pending
	c.pending = nil
	return p
}

// openCursor adds without the claim: reported.
type openCursor struct {
	mu      sync.Mutex
	pending []*ackState
}

func (c *openCursor) Add(st *ackState) {
	c.mu.Lock()
	c.pending = append(c.pending, st) // want `slice c.pending is a queue \(grows in openCursor.Add, taken whole in drain\)`
	c.mu.Unlock()
}

func (c *openCursor) drain() []*ackState {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.pending
	c.pending = nil
	return p
}
