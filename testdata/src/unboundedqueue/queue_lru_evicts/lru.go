// Package queue_lru_evicts proves that a list whose growth evicts the
// oldest entry when a count kept beside it reaches a maximum (an LRU cache)
// is bounded, and that the same list without the eviction is reported.
package queue_lru_evicts

import (
	"container/list"
	"sync"
)

type entry struct{ elem *list.Element }

type lruCache struct {
	mu        sync.Mutex
	cache     map[string]*entry
	lruList   *list.List
	cacheSize uint64
}

func (c *lruCache) add(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if uint64(len(c.cache)) >= c.cacheSize {
		c.removeOldestLocked()
	}
	c.cache[key] = &entry{elem: c.lruList.PushFront(key)} // ok: evicts the oldest when full
}

func (c *lruCache) removeOldestLocked() {
	oldest := c.lruList.Back()
	delete(c.cache, oldest.Value.(string))
	c.lruList.Remove(oldest)
}

// fifoCache forgets to evict: reported.
type fifoCache struct {
	mu      sync.Mutex
	cache   map[string]*entry
	lruList *list.List
}

func (c *fifoCache) add(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cache[key] = &entry{elem: c.lruList.PushFront(key)} // want `list c.lruList is a queue \(grows in fifoCache.add, taken from the front in removeOldestLocked\)`
}

func (c *fifoCache) removeOldestLocked() {
	oldest := c.lruList.Back()
	delete(c.cache, oldest.Value.(string))
	c.lruList.Remove(oldest)
}
