package queue_stack_pool

import "sync"

// node is an idle session of a hand-written doubly linked pool.
type node struct {
	id         int
	next, prev *node
}

// sessions is given back at its head and taken from its head: a stack.
type sessions struct {
	mu   sync.Mutex
	head *node
	tail *node
}

func (p *sessions) Put(id int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := &node{id: id}
	if p.head == nil {
		p.head, p.tail = n, n
		return
	}
	n.next = p.head
	p.head.prev = n // ok: added at the head, taken from the head
	p.head = n
}

func (p *sessions) Get() (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.head == nil {
		return 0, false
	}
	id := p.head.id
	p.head = p.head.next
	if p.head == nil {
		p.tail = nil
	}
	return id, true
}

// job is a node of a hand-written FIFO.
type job struct {
	id   int
	next *job
}

// arrivals is added to at its tail and taken from its head: a FIFO, reported.
type arrivals struct {
	mu   sync.Mutex
	head *job
	tail *job
}

func (q *arrivals) Put(id int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := &job{id: id}
	if q.tail == nil {
		q.head, q.tail = n, n
		return
	}
	q.tail.next = n // want `linked list arrivals \(head, tail \*job\) is a queue \(grows in Put, taken from the front in Get\)`
	q.tail = n
}

func (q *arrivals) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.head == nil {
		return 0, false
	}
	id := q.head.id
	q.head = q.head.next
	if q.head == nil {
		q.tail = nil
	}
	return id, true
}
