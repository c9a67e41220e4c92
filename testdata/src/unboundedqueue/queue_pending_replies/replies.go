// Package queue_pending_replies proves that a list of pending replies whose
// producer waits for its own element is a closed loop, bounded by the
// number of producers: each caller makes a reply channel, adds it, and
// receives from it right after; a timer that adds under a count of
// outstanding pings is bounded by that count. The nearest true positive,
// replies handed back to a caller who does not wait for them, is reported.
package queue_pending_replies

import (
	"errors"
	"sync"
	"time"
)

var errTimeout = errors.New("timeout")

type conn struct {
	mu     sync.Mutex
	pongs  []chan struct{}
	pout   int
	maxOut int
}

// sendPing is called with the lock held.
func (c *conn) sendPing(ch chan struct{}) {
	c.pongs = append(c.pongs, ch) // ok: every caller waits for its reply or counts the outstanding pings
}

// Flush waits for the reply to its own ping.
func (c *conn) Flush(timeout time.Duration) error {
	c.mu.Lock()
	ch := make(chan struct{}, 1)
	c.sendPing(ch)
	c.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-time.After(timeout):
		return errTimeout
	}
}

// pingTimer stops adding once too many pings are outstanding.
func (c *conn) pingTimer() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pout++
	if c.pout > c.maxOut {
		return
	}
	c.sendPing(nil)
}

// processPong answers the oldest ping.
func (c *conn) processPong() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pout = 0
	if len(c.pongs) == 0 {
		return
	}
	ch := c.pongs[0]
	c.pongs = append(c.pongs[:0], c.pongs[1:]...)
	if ch != nil {
		ch <- struct{}{}
	}
}

// asyncConn hands the reply channel back without waiting: reported.
type asyncConn struct {
	mu    sync.Mutex
	pongs []chan struct{}
}

func (c *asyncConn) sendPing(ch chan struct{}) {
	c.pongs = append(c.pongs, ch) // want `slice c.pongs is a queue \(grows in asyncConn.sendPing, taken from the front in processPong\)`
}

func (c *asyncConn) PingAsync() chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan struct{}, 1)
	c.sendPing(ch)
	return ch
}

func (c *asyncConn) processPong() {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.pongs[0]
	c.pongs = append(c.pongs[:0], c.pongs[1:]...)
	ch <- struct{}{}
}
