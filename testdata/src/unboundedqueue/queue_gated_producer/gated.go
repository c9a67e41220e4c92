// Package queue_gated_producer proves that a producer that waits for its
// own element to be taken before it adds it again is a closed loop: a
// fetch loop that lists its source as ready, and receives on the source's
// own channel (closed when the source is taken) at the start of every
// iteration, has at most one entry in the list. The nearest true positive,
// the same loop without the wait, is reported.
package queue_gated_producer

import "sync"

type source struct {
	c   *consumer
	sem chan struct{} // closed when the buffered fetch is taken
	buf []int
}

type consumer struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready []*source
	open  []*source
}

func (c *consumer) addReady(s *source) {
	c.mu.Lock()
	c.ready = append(c.ready, s) // ok: each source waits on its own channel before it adds itself again
	c.mu.Unlock()
	c.cond.Broadcast()
}

func (c *consumer) poll() *source {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.ready) == 0 {
		c.cond.Wait()
	}
	s := c.ready[0]
	c.ready = c.ready[1:]
	close(s.sem)
	return s
}

func (s *source) fetch() {
	s.buf = append(s.buf[:0], 1)
	s.sem = make(chan struct{})
	s.c.addReady(s)
}

func (s *source) loop(quit chan struct{}) {
	for {
		select {
		case <-quit:
			return
		case <-s.sem:
		}
		s.fetch()
	}
}

func start(s *source, quit chan struct{}) { go s.loop(quit) } // want start:"spawner"

// eager adds itself on every tick, without waiting for the take: reported.
func (c *consumer) addOpen(s *source) {
	c.mu.Lock()
	c.open = append(c.open, s) // want `slice c.open is a queue \(grows in consumer.addOpen, taken from the front in pollOpen\)`
	c.mu.Unlock()
}

func (c *consumer) pollOpen() *source {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.open[0]
	c.open = c.open[1:]
	return s
}

func (s *source) eagerLoop(ticks chan int) {
	for range ticks {
		s.c.addOpen(s)
	}
}
