// Package queue_closed_at_teardown proves that a slice taken whole only to
// close each of its elements is the set of resources its owner holds until
// it shuts down, not a queue: the one function that takes it closes what was
// held (conns := s.conns; s.conns = nil; for _, c := range conns {
// c.Close() }) instead of working through it. A slice taken whole whose
// elements are handled, or closed and also handed on, stays reported.
package queue_closed_at_teardown

import (
	"net"
	"sync"
)

// server keeps the connections it accepted to close them when it stops.
type server struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
	work  chan net.Conn
}

func (s *server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns = append(s.conns, c) // ok: a registry closed at teardown
		s.mu.Unlock()
		s.work <- c
	}
}

func (s *server) Close() {
	_ = s.ln.Close()
	s.mu.Lock()
	conns := s.conns
	s.conns = nil
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
	}
}

// dialer is anything with a Close method in the io.Closer form.
type dialer interface {
	Dial() error
	Close() error
}

// socket holds the dialers its users add through an exported method.
type socket struct {
	mu      sync.Mutex
	closed  bool
	dialers []dialer
}

func (s *socket) AddDialer(d dialer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return net.ErrClosed
	}
	s.dialers = append(s.dialers, d) // ok: a registry closed at teardown
	return nil
}

func (s *socket) Close() error {
	s.mu.Lock()
	dialers := s.dialers
	s.dialers = nil
	s.closed = true
	s.mu.Unlock()
	for _, d := range dialers {
		d.Close()
	}
	return nil
}

// inbox is taken whole and its elements are worked through: reported.
type inbox struct {
	mu    sync.Mutex
	conns []net.Conn
}

func (b *inbox) fill(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		b.mu.Lock()
		b.conns = append(b.conns, c) // want `slice b.conns is a queue \(grows in inbox.fill, taken whole in drain\)`
		b.mu.Unlock()
	}
}

func (b *inbox) drain() {
	b.mu.Lock()
	conns := b.conns
	b.conns = nil
	b.mu.Unlock()
	for _, c := range conns {
		serve(c)
		_ = c.Close()
	}
}

func serve(c net.Conn) { _ = c }

// handoff closes each element but also hands the batch on: reported.
type handoff struct {
	mu    sync.Mutex
	conns []net.Conn
	out   chan []net.Conn
}

func (h *handoff) fill(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		h.mu.Lock()
		h.conns = append(h.conns, c) // want `slice h.conns is a queue \(grows in handoff.fill, taken whole in flush\)`
		h.mu.Unlock()
	}
}

func (h *handoff) flush() {
	h.mu.Lock()
	conns := h.conns
	h.conns = nil
	h.mu.Unlock()
	h.out <- conns
	for _, c := range conns {
		_ = c.Close()
	}
}
