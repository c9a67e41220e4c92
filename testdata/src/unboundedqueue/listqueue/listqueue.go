// Package listqueue proves list-queue: container/list and hand-written
// linked lists used as queues across goroutines with no length bound are
// reported; those with a Len() or counter bound are not.
package listqueue

import (
	"container/list"
	"errors"
	"sync"
)

type Job struct{ ID int }

type Jobs struct {
	mu sync.Mutex
	l  *list.List
}

func (j *Jobs) Add(job Job) {
	j.mu.Lock()
	j.l.PushBack(job) // want `list j.l is a queue \(grows in Jobs.Add, taken from the front in Next\) with no bound: a slow consumer grows it until memory runs out; cap j.l.Len\(\): reject, drop or wait at the maximum$`
	j.mu.Unlock()
}

func (j *Jobs) Next() Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	e := j.l.Front()
	j.l.Remove(e)
	return e.Value.(Job)
}

var ErrFull = errors.New("full")

type BoundedJobs struct {
	mu  sync.Mutex
	l   list.List
	max int
}

func (j *BoundedJobs) Add(job Job) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.l.Len() >= j.max {
		return ErrFull
	}
	j.l.PushBack(job) // ok: bounded by Len()
	return nil
}

func (j *BoundedJobs) Next() Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.l.Remove(j.l.Front()).(Job)
}

// A hand-written linked queue.
type node struct {
	job  Job
	next *node
}

type Linked struct {
	mu         sync.Mutex
	head, tail *node
}

func (q *Linked) Enqueue(job Job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := &node{job: job}
	if q.tail == nil {
		q.head, q.tail = n, n
		return
	}
	q.tail.next = n // want `linked list Linked \(head, tail \*node\) is a queue \(grows in Enqueue, taken from the front in Dequeue\)`
	q.tail = n
}

func (q *Linked) Dequeue() Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := q.head
	q.head = q.head.next
	return n.job
}

type cnode struct {
	job  Job
	next *cnode
}

type Counted struct {
	mu         sync.Mutex
	head, tail *cnode
	size, max  int
}

func (q *Counted) Enqueue(job Job) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.size >= q.max {
		return ErrFull
	}
	n := &cnode{job: job}
	q.tail.next = n // ok: a counter bounds it
	q.tail = n
	q.size++
	return nil
}

func (q *Counted) Dequeue() Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := q.head
	q.head = q.head.next
	q.size--
	return n.job
}
