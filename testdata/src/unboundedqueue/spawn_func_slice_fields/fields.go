// Package spawn_func_slice_fields proves that function values kept in two
// slice fields of the same type are told apart: a closure whose only use is
// to be appended to one field's slice runs only where that field's elements
// are called. A loop that calls the elements of another field per item does
// not start its goroutine; a closure appended to the field that the loop
// calls does.
package spawn_func_slice_fields

import "sync"

type client struct {
	mu            sync.Mutex
	unlockActions []func()
	onClose       []func()
	events        chan int
	count         int
}

// unlock runs the actions deferred while the lock was held.
func (c *client) unlock() {
	actions := c.unlockActions
	c.unlockActions = nil
	c.mu.Unlock()
	for _, a := range actions {
		a()
	}
}

// close runs the close hooks once.
func (c *client) close() {
	for _, f := range c.onClose {
		f()
	}
}

func (c *client) shutdown() {}

func newClient() *client {
	c := &client{events: make(chan int)}
	c.onClose = append(c.onClose, func() { go c.shutdown() })
	c.unlockActions = append(c.unlockActions, func() { c.count++ })
	return c
}

// loop calls unlock per event; unlock runs only unlockActions, none of
// which starts a goroutine: the spawning closure lives in onClose.
func (c *client) loop() {
	for ev := range c.events {
		c.mu.Lock()
		c.count += ev
		c.unlock()
	}
}

type server struct {
	mu      sync.Mutex
	pending []func()
	hooks   []func()
	in      chan int
}

func (s *server) flush() {
	todo := s.pending
	s.pending = nil
	for _, f := range todo {
		f()
	}
}

func (s *server) notify() {}

func newServer() *server {
	s := &server{in: make(chan int)}
	s.hooks = append(s.hooks, func() {})
	s.pending = append(s.pending, func() { go s.notify() })
	return s
}

// run calls flush per value, and flush runs pending, where a closure that
// starts a goroutine was appended.
func (s *server) run() {
	for v := range s.in {
		_ = v
		s.flush() // want `starts a goroutine \(fields.go:\d+\) per value received from s.in with no limit`
	}
}
