// Package queue_expiry_list: a hand-written linked list whose front is
// removed only by a loop comparing the front node's expiry with the clock
// is a retention window (a seen-message cache), not a queue a consumer
// takes from. The same list whose front is taken by a consumer loop is
// reported.
package queue_expiry_list

import (
	"sync"
	"time"
)

type entry struct {
	id     string
	expire time.Time
	next   *entry
}

// seenCache remembers ids for ttl.
type seenCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	records map[string]bool
	head    *entry
	tail    *entry
}

func (c *seenCache) add(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.records[id] = true
	e := &entry{id: id, expire: time.Now().Add(c.ttl)}
	if c.tail == nil {
		c.head, c.tail = e, e
		return
	}
	c.tail.next = e // ok: trimmed by age
	c.tail = e
}

func (c *seenCache) gc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	for c.head != nil && now.After(c.head.expire) {
		delete(c.records, c.head.id)
		c.head = c.head.next
	}
	if c.head == nil {
		c.tail = nil
	}
}

func (c *seenCache) run(stop chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.gc()
		case <-stop:
			return
		}
	}
}

type job struct {
	id   string
	next *job
}

// jobQueue is taken from the front by a worker.
type jobQueue struct {
	mu   sync.Mutex
	cond sync.Cond
	head *job
	tail *job
}

func (q *jobQueue) put(j *job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.tail == nil {
		q.head, q.tail = j, j
	} else {
		q.tail.next = j // want `linked list`
		q.tail = j
	}
	q.cond.Signal()
}

func (q *jobQueue) worker() {
	for {
		q.mu.Lock()
		for q.head == nil {
			q.cond.Wait()
		}
		j := q.head
		q.head = j.next
		if q.head == nil {
			q.tail = nil
		}
		q.mu.Unlock()
		_ = j
	}
}

func start(q *jobQueue, c *seenCache, stop chan struct{}) { // want start:"spawner"
	go q.worker()
	go c.run(stop)
}
