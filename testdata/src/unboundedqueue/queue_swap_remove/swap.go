// Package queue_swap_remove proves that a loop index is not a head index
// and that removing an element by swapping the last one into its place
// does not consume the front; the nearest true positive, a head index that
// advances, is reported.
package queue_swap_remove

import "sync"

// stmt removes closed entries by swapping with the last element.
type stmt struct {
	mu  sync.Mutex
	css []int
}

func (s *stmt) add(c int) {
	s.mu.Lock()
	s.css = append(s.css, c) // ok: removeClosed swaps with the last element, it does not consume the front
	s.mu.Unlock()
}

func (s *stmt) removeClosed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < len(s.css); i++ {
		if s.css[i] < 0 {
			s.css[i] = s.css[len(s.css)-1]
			s.css = s.css[:len(s.css)-1]
			i--
		}
	}
}

// conns takes the next entry with a head index that advances: reported.
type conns struct {
	mu   sync.Mutex
	css  []int
	head int
}

func (s *conns) add(c int) {
	s.mu.Lock()
	s.css = append(s.css, c) // want `slice s.css is a queue \(grows in conns.add, taken from the front in next\)`
	s.mu.Unlock()
}

func (s *conns) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.css[s.head]
	s.head++
	return c
}
