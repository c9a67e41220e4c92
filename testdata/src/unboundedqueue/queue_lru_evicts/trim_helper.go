package queue_lru_evicts

import (
	"container/list"
	"sync"
)

type proof struct {
	id    string
	bytes int
	elem  *list.Element
}

// proofCache pushes a bundle, then trims to its limits in a helper: the
// front is the eviction order of a bounded cache.
type proofCache struct {
	mu         sync.Mutex
	fifo       *list.List
	byID       map[string]*proof
	totalBytes int
	maxEntries int
	maxBytes   int
	in         chan []*proof
}

func (c *proofCache) run() {
	for bundle := range c.in {
		c.admit(bundle)
	}
}

func (c *proofCache) admit(bundle []*proof) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range bundle {
		p.elem = c.fifo.PushBack(p) // ok: trimmed to maxEntries and maxBytes right after
		c.byID[p.id] = p
		c.totalBytes += p.bytes
	}
	c.enforceLimitsLocked()
}

func (c *proofCache) enforceLimitsLocked() {
	for len(c.byID) > c.maxEntries || c.totalBytes > c.maxBytes {
		front := c.fifo.Front()
		if front == nil {
			return
		}
		p := front.Value.(*proof)
		c.fifo.Remove(front)
		delete(c.byID, p.id)
		c.totalBytes -= p.bytes
	}
}

// logCache's helper after the push only counts: not a trim.
type logCache struct {
	mu    sync.Mutex
	fifo  *list.List
	count int
	in    chan string
	out   chan string
}

func (c *logCache) run() {
	for s := range c.in {
		c.admit(s)
	}
}

func (c *logCache) admit(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fifo.PushBack(s) // want `list c.fifo is a queue \(grows in logCache.admit, taken from the front in next\)`
	c.note()
}

func (c *logCache) note() { c.count++ }

func (c *logCache) next() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.fifo.Front(); e != nil {
		c.fifo.Remove(e)
		c.out <- e.Value.(string)
	}
}
