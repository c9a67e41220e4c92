// Package issue_grpc holds regression tests from grpc-go: an LRU list whose
// growth evicts the oldest entry when full is bounded; a field of another
// package's struct grown in one function and sliced in another is not a
// queue implemented here.
package issue_grpc

import (
	"container/list"
	"net/http"
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

var mu sync.Mutex

func grow(o *http.Request, ch chan int) {
	mu.Lock()
	defer mu.Unlock()
	o.TransferEncoding = append(o.TransferEncoding, "chunked") // ok: net/http's struct, not a queue implemented here
	ch <- 1
}

func shrink(o *http.Request, ch chan int) {
	mu.Lock()
	defer mu.Unlock()
	o.TransferEncoding = o.TransferEncoding[1:]
	<-ch
}
