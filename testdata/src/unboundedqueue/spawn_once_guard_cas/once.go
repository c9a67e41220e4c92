// Package spawn_once_guard_cas proves that a compare-and-swap that admits one
// caller keeps a function from being a spawner, through the method or the
// sync/atomic function, and that a compare-and-swap that guards nothing does
// not.
package spawn_once_guard_cas

import (
	"os"
	"sync/atomic"
)

var exiting atomic.Bool

// exitProcess starts its goroutine only for the caller that wins the
// compare-and-swap : not a spawner.
func exitProcess() {
	if !exiting.CompareAndSwap(false, true) {
		return
	}
	go func() { os.Exit(0) }()
}

func trap(sigs chan os.Signal) {
	for range sigs {
		exitProcess() // once, however many signals arrive
	}
}

var started int32

// startOnce: the same guard through the sync/atomic function.
func startOnce(f func()) {
	if !atomic.CompareAndSwapInt32(&started, 0, 1) {
		return
	}
	go f()
}

func trapAll(sigs chan os.Signal) {
	for range sigs {
		startOnce(func() {})
	}
}

// spawnAlways has a compare-and-swap that does not guard the go statement:
// still a spawner.
func spawnAlways(f func()) { // want spawnAlways:"spawner"
	atomic.CompareAndSwapInt32(&started, 0, 1)
	go f()
}

func trapLeaky(sigs chan string) {
	for range sigs {
		spawnAlways(func() {}) // want `spawnAlways starts a goroutine \(once\.go:49\) per value received from sigs with no limit`
	}
}

// Signals are delivered by the runtime, which drops them when the channel
// is full: a loop over them is not driven by items.
func trapSignals(sigs chan os.Signal) {
	for range sigs {
		spawnAlways(func() {}) // ok: one per signal the OS sends, not per item of load
	}
}

// conn holds its closed flag by pointer, made once with the connection:
// the compare-and-swap on it still admits one Close per connection.
type conn struct {
	closed *uint32
	gone   chan *conn
}

func (c *conn) Close() {
	if atomic.CompareAndSwapUint32(c.closed, 0, 1) {
		go c.linger()
	}
}

// linger drains what is left for the connection.
func (c *conn) linger() {
	for range c.gone {
	}
}

func closeAll(closing chan *conn) {
	for c := range closing {
		c.Close() // ok: once per connection, by its flag
	}
}

// leakyConn's Close spawns on every call: a spawner.
type leakyConn struct {
	closed *uint32
	gone   chan *leakyConn
}

func (c *leakyConn) Close() { // want Close:"spawner"
	atomic.StoreUint32(c.closed, 1)
	go c.linger()
}

func (c *leakyConn) linger() {
	for range c.gone {
	}
}

func closeAllLeaky(closing chan *leakyConn) {
	for c := range closing {
		c.Close() // want `Close starts a goroutine \(once\.go:\d+\) per value received from closing with no limit`
	}
}
