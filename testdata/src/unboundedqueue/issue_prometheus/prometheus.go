// Package issue_prometheus holds a regression test from prometheus: the
// oldest entries dropped before the append, with the excess computed in the
// if's init statement.
package issue_prometheus

import "sync"

type sendLoop struct {
	mu       sync.Mutex
	queue    []string
	capacity int
}

func (s *sendLoop) add(alerts ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := (len(s.queue) + len(alerts)) - s.capacity; d > 0 {
		s.queue = s.queue[d:]
	}
	s.queue = append(s.queue, alerts...) // ok: the oldest are dropped first
}

func (s *sendLoop) nextBatch() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	batch := s.queue
	s.queue = s.queue[:0]
	return batch
}

func newLoop() *sendLoop { return &sendLoop{capacity: 10} }
