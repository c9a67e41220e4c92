// Package queue_counted_at_caller proves that a queue whose producer counts
// what it queues is bounded, wherever the count is checked: the function
// that calls the add increments a field that the consumer decrements where
// it takes, and the package compares that field with a maximum in an if
// that leaves (the serve loop closes the connection) or makes a gate the
// producer waits on (a throttle), also when the add is reached through an
// interface. The nearest true positives, the same queues with no count,
// are reported.
package queue_counted_at_caller

import "sync"

type frame struct {
	control bool
	data    []byte
}

// scheduler is how the connection reaches its queue of frames.
type scheduler interface {
	Push(f frame)
	Pop() (frame, bool)
}

// fifo is the queue the counted connection pushes to.
type fifo struct{ q []frame }

func (s *fifo) Push(f frame) {
	s.q = append(s.q, f) // ok: the serve loop counts queued control frames and closes the connection above its maximum
}

func (s *fifo) Pop() (frame, bool) {
	if len(s.q) == 0 {
		return frame{}, false
	}
	f := s.q[0]
	s.q = s.q[1:]
	return f, true
}

type conn struct {
	sched     scheduler
	queued    int // control frames in sched
	maxQueued int
	in        chan frame
	out       chan frame
}

func newConn(max int) *conn { // want newConn:"spawner"
	c := &conn{sched: &fifo{}, maxQueued: max, in: make(chan frame), out: make(chan frame)}
	go c.serve()
	return c
}

func (c *conn) writeFrame(f frame) {
	if f.control {
		c.queued++
	}
	c.sched.Push(f)
}

func (c *conn) serve() {
	for f := range c.in {
		c.writeFrame(f)
		if c.queued > c.maxQueued {
			return // the peer makes us queue frames it does not read: close
		}
		if f, ok := c.sched.Pop(); ok {
			if f.control {
				c.queued--
			}
			c.out <- f
		}
	}
}

// openFifo is the same queue pushed by a connection that counts nothing.
type openFifo struct{ q []frame }

func (s *openFifo) Push(f frame) {
	s.q = append(s.q, f) // want `slice s.q is a queue \(grows in openFifo.Push, taken from the front in Next\)`
}

func (s *openFifo) Next() (frame, bool) {
	if len(s.q) == 0 {
		return frame{}, false
	}
	f := s.q[0]
	s.q = s.q[1:]
	return f, true
}

// openScheduler is how the open connection reaches its queue.
type openScheduler interface {
	Push(f frame)
	Next() (frame, bool)
}

type openConn struct {
	sched openScheduler
	in    chan frame
	out   chan frame
}

func newOpenConn() *openConn { // want newOpenConn:"spawner"
	c := &openConn{sched: &openFifo{}, in: make(chan frame), out: make(chan frame)}
	go c.serve()
	return c
}

func (c *openConn) serve() {
	for f := range c.in {
		c.sched.Push(f)
		if f, ok := c.sched.Next(); ok {
			c.out <- f
		}
	}
}

// A hand-written list of items, as a transport's control buffer keeps it.
type itemNode struct {
	it   item
	next *itemNode
}

type item struct{ response bool }

type itemList struct {
	head, tail *itemNode
}

func (il *itemList) enqueue(i item) {
	n := &itemNode{it: i}
	if il.tail == nil {
		il.head, il.tail = n, n
		return
	}
	il.tail.next = n // ok: the buffer counts response frames and throttles the reader at its maximum
	il.tail = n
}

func (il *itemList) dequeue() (item, bool) {
	if il.head == nil {
		return item{}, false
	}
	i := il.head.it
	il.head = il.head.next
	if il.head == nil {
		il.tail = nil
	}
	return i, true
}

const maxQueuedResponses = 50

type controlBuffer struct {
	mu        sync.Mutex
	list      *itemList
	responses int
	throttle  chan struct{} // closed when the responses fall below the maximum
}

func (c *controlBuffer) put(it item) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list.enqueue(it)
	if it.response {
		c.responses++
		if c.responses == maxQueuedResponses {
			c.throttle = make(chan struct{}) // the reader waits on it before reading the next frame
		}
	}
}

func (c *controlBuffer) get() (item, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.list.dequeue()
	if ok && it.response {
		if c.responses == maxQueuedResponses {
			close(c.throttle)
			c.throttle = nil
		}
		c.responses--
	}
	return it, ok
}

// openList is the same list in a buffer that counts nothing.
type openNode struct {
	it   item
	next *openNode
}

type openList struct {
	head, tail *openNode
}

func (il *openList) enqueue(i item) {
	n := &openNode{it: i}
	if il.tail == nil {
		il.head, il.tail = n, n
		return
	}
	il.tail.next = n // want `linked list openList \(head, tail \*openNode\) is a queue \(grows in enqueue, taken from the front in dequeue\)`
	il.tail = n
}

func (il *openList) dequeue() (item, bool) {
	if il.head == nil {
		return item{}, false
	}
	i := il.head.it
	il.head = il.head.next
	if il.head == nil {
		il.tail = nil
	}
	return i, true
}

type openBuffer struct {
	mu   sync.Mutex
	list *openList
}

func (c *openBuffer) put(it item) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list.enqueue(it)
}

func (c *openBuffer) get() (item, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.list.dequeue()
}
