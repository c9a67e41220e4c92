// Package queue_retention_window proves that a front cut at an index
// computed by a range over the slice itself, comparing its elements with a
// cutoff (a retention window: elements dropped for their age), is not a
// consumption, while a front cut by a consumer is.
package queue_retention_window

import "sync"

type chunk struct{ maxTime int64 }

// memSeries keeps the chunks of a retention window: the front is cut by
// the chunks' own age, not by a consumer.
type memSeries struct {
	mu     sync.Mutex
	chunks []*chunk
}

func (s *memSeries) appendChunk(c *chunk) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chunks = append(s.chunks, c) // ok: cut by age, not consumed
}

func (s *memSeries) truncateBefore(mint int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var removed int
	for i, c := range s.chunks {
		if c.maxTime >= mint {
			break
		}
		removed = i + 1
	}
	s.chunks = append(s.chunks[:0], s.chunks[removed:]...)
}

// fifo is consumed one element at a time by a worker: reported.
type fifo struct {
	mu    sync.Mutex
	items []*chunk
}

func (f *fifo) push(c *chunk) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, c) // want `slice f.items is a queue`
}

func (f *fifo) pop() *chunk {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 1
	c := f.items[0]
	f.items = f.items[n:]
	return c
}
