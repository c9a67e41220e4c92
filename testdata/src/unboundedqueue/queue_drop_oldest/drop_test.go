package queue_drop_oldest

import "testing"

func TestNextBatch(t *testing.T) {
	s := newLoop()
	s.mu.Lock()
	s.queue = append(s.queue, "a", "b") // ok: a test setting up state, not a producer
	s.mu.Unlock()
	if got := s.nextBatch(); len(got) != 2 {
		t.Fatal(got)
	}
}
