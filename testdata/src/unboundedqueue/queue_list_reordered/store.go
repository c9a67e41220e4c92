// Package queue_list_reordered proves that a container/list whose elements
// are moved within it (MoveToFront on each access, MoveToBack on each
// update) is a recency order over a set of entries, an LRU cache or a
// session store, not a queue: removals from its end evict the oldest entry,
// and a FIFO between a producer and a consumer never reorders what it
// holds. The nearest true positive, the same store that never moves an
// element, is reported.
package queue_list_reordered

import (
	"container/list"
	"sync"
	"time"
)

type session struct {
	id       string
	accessed time.Time
}

// sessionStore keeps sessions in access order and cuts the oldest.
type sessionStore struct {
	mu       sync.Mutex
	byID     map[string]*list.Element
	order    *list.List
	lifetime time.Duration
}

func (s *sessionStore) Read(id string) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.byID[id]; ok {
		e.Value.(*session).accessed = time.Now()
		s.order.MoveToFront(e)
		return e.Value.(*session)
	}
	ss := &session{id: id, accessed: time.Now()}
	s.byID[id] = s.order.PushFront(ss) // ok: a recency order, reordered on each access
	return ss
}

func (s *sessionStore) GC() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		e := s.order.Back()
		if e == nil || time.Since(e.Value.(*session).accessed) < s.lifetime {
			return
		}
		s.order.Remove(e)
		delete(s.byID, e.Value.(*session).id)
	}
}

// replyCache moves an entry to the back when it is updated and evicts from
// the front.
type replyCache struct {
	mu    sync.Mutex
	byKey map[string]*list.Element
	order *list.List
}

func (c *replyCache) Put(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToBack(e)
		return
	}
	c.byKey[key] = c.order.PushBack(key) // ok: reordered on each update
}

func (c *replyCache) Evict() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.order.Front(); e != nil {
		c.order.Remove(e)
		delete(c.byKey, e.Value.(string))
	}
}

// arrivals never moves an element: it is a FIFO, reported.
type arrivals struct {
	mu    sync.Mutex
	order *list.List
}

func (a *arrivals) Add(ss *session) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.order.PushFront(ss) // want `list a.order is a queue`
}

func (a *arrivals) Oldest() *session {
	a.mu.Lock()
	defer a.mu.Unlock()
	e := a.order.Back()
	if e == nil {
		return nil
	}
	a.order.Remove(e)
	return e.Value.(*session)
}
