// Package queue_drop_oldest proves that dropping the oldest entries before
// the append bounds the queue, with the excess computed in the if's init
// statement, and that a test filling the queue is setting up state, not
// producing (drop_test.go). The nearest true positive, the same queue with
// the excess computed and not acted on, is reported.
package queue_drop_oldest

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

// logLoop computes the excess but only logs it: reported.
type logLoop struct {
	mu       sync.Mutex
	queue    []string
	capacity int
	over     int
}

func (s *logLoop) add(alerts ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := (len(s.queue) + len(alerts)) - s.capacity; d > 0 {
		s.over++
	}
	s.queue = append(s.queue, alerts...) // want `slice s.queue is a queue \(grows in logLoop.add, taken whole in nextBatch\)`
}

func (s *logLoop) nextBatch() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	batch := s.queue
	s.queue = s.queue[:0]
	return batch
}

// Add is the API that hands alerts over.
func (s *logLoop) Add(a string) { s.add(a) }
