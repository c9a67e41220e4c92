package queue_rotation

import "sync"

// client rotates a fixed set of seed addresses between two lists (live
// and dead): nothing is produced.
type client struct {
	mu    sync.Mutex
	seeds []string
	dead  []string
}

func (c *client) init(addrs []string) {
	for _, a := range addrs {
		c.seeds = append(c.seeds, a)
	}
}

func (c *client) deregister(a string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.seeds) > 0 && c.seeds[0] == a {
		c.dead = append(c.dead, a)
		c.seeds = c.seeds[1:]
	}
}

func (c *client) resurrect() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seeds = append(c.seeds, c.dead...)
	c.dead = nil
}

// inflight moves the front to a list that is never given back: the queue
// is still fed by add, reported.
type inflight struct {
	mu      sync.Mutex
	pending []string
	sent    []string
}

func (f *inflight) add(m string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending = append(f.pending, m) // want `slice f.pending is a queue`
}

func (f *inflight) next() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.pending[0]
	f.sent = append(f.sent, m)
	f.pending = f.pending[1:]
	return m
}
