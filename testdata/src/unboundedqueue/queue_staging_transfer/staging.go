// Package queue_staging_transfer proves that moving the whole of one stage
// into the next (next = append(next, staged...); staged = nil) adds nothing
// the first stage did not admit: the staging slice, capped where it is
// filled, is judged, and the next stage is not a producer. The nearest true
// positive, the same pipeline with an uncapped staging slice, is reported
// at the staging slice.
package queue_staging_transfer

import "sync"

const maxUndecryptable = 32

type packet struct{ data []byte }

type conn struct {
	mu        sync.Mutex
	staged    []packet
	toProcess []packet
	events    chan int
}

// Stage keeps at most maxUndecryptable packets waiting for their keys.
func (c *conn) Stage(p packet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.staged)+1 > maxUndecryptable {
		return // dropped
	}
	c.staged = append(c.staged, p) // ok: capped where it is filled
}

// onKeys moves the staged packets on, once per key event.
func (c *conn) onKeys() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.toProcess = append(c.toProcess, c.staged...) // ok: a transfer from a capped stage
	c.staged = nil
}

// run processes what was moved, taken whole.
func (c *conn) run() {
	for range c.events {
		c.mu.Lock()
		queue := c.toProcess
		c.toProcess = nil
		c.mu.Unlock()
		_ = queue
	}
}

// openConn stages without a cap: reported at the staging slice.
type openConn struct {
	mu        sync.Mutex
	staged    []packet
	toProcess []packet
	events    chan int
}

func (c *openConn) Stage(p packet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.staged = append(c.staged, p) // want `slice c.staged is a queue \(grows in openConn.Stage, taken whole in onKeys\)`
}

func (c *openConn) onKeys() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.toProcess = append(c.toProcess, c.staged...) // ok: a transfer, the staging slice is judged
	c.staged = nil
}

func (c *openConn) run() {
	for range c.events {
		c.mu.Lock()
		queue := c.toProcess
		c.toProcess = nil
		c.mu.Unlock()
		_ = queue
	}
}
