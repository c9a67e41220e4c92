// Package queue_bounded_one_add proves that a queue whose length is checked
// against a maximum at one of its adds is a bounded queue: the adds that
// skip the check (a barrier marker pushed to every subscription) are its
// author's exceptions, not a second producer. The nearest true positive,
// the same list with no add checked, is reported.
package queue_bounded_one_add

import (
	"errors"
	"sync"
)

var errSlow = errors.New("slow consumer")

type msg struct {
	barrier bool
}

type sub struct {
	mu      sync.Mutex
	pending []*msg
	n, max  int
}

func (s *sub) deliver(m *msg) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n >= s.max {
		return errSlow
	}
	s.n++
	s.pending = append(s.pending, m)
	return nil
}

// Barrier pushes a marker past the limit.
func (s *sub) Barrier() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, &msg{barrier: true}) // ok: the queue is bounded at deliver; a marker
}

func (s *sub) next() *msg {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.pending[0]
	s.pending = s.pending[1:]
	s.n--
	return m
}

// openSub checks nothing at any add: reported.
type openSub struct {
	mu      sync.Mutex
	pending []*msg
}

func (s *openSub) deliver(m *msg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, m) // want `slice s.pending is a queue \(grows in openSub.deliver, taken from the front in next\)`
}

func (s *openSub) Barrier() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, &msg{barrier: true})
}

func (s *openSub) next() *msg {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.pending[0]
	s.pending = s.pending[1:]
	return m
}
