// Package queue_list_forms proves the list forms of list-queue: a
// hand-written list dequeued through a local (cur := q.head; q.head =
// cur.next), a container/list walked from Front() and removed (directly,
// or after collecting the elements); and the bounds seen on lists: a
// predicate method that compares its node count with a maximum (if
// q.isFull() { return errFull }), and a count check nested in an earlier
// statement that leaves.
package queue_list_forms

import (
	"container/list"
	"errors"
	"sync"
)

type cb struct {
	f    func()
	next *cb
}

// dispatcher dequeues through a local.
type dispatcher struct {
	mu         sync.Mutex
	cond       *sync.Cond
	head, tail *cb
}

func (d *dispatcher) push(f func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := &cb{f: f}
	if d.tail != nil {
		d.tail.next = n // want `linked list dispatcher \(head, tail \*cb\) is a queue \(grows in push, taken from the front in run\) with no bound: a slow consumer grows it until memory runs out; cap its node count: wait on the sync.Cond or reject at the maximum`
	} else {
		d.head = n
	}
	d.tail = n
	d.cond.Signal()
}

func (d *dispatcher) run() {
	for {
		d.mu.Lock()
		for d.head == nil {
			d.cond.Wait()
		}
		cur := d.head
		d.head = cur.next
		if cur == d.tail {
			d.tail = nil
		}
		d.mu.Unlock()
		cur.f()
	}
}

type future struct{ index uint64 }

// leader walks its inflight list from Front() and removes what committed.
type leader struct {
	applyCh  chan *future
	commitCh chan uint64
	inflight *list.List
}

func (l *leader) dispatch(fs []*future) {
	for _, f := range fs {
		l.inflight.PushBack(f) // want `list l.inflight is a queue \(grows in leader.dispatch, taken from the front in loop\)`
	}
}

func (l *leader) loop() {
	for {
		select {
		case f := <-l.applyCh:
			l.dispatch([]*future{f})
		case idx := <-l.commitCh:
			var ready []*list.Element
			for e := l.inflight.Front(); e != nil; e = e.Next() {
				if e.Value.(*future).index > idx {
					break
				}
				ready = append(ready, e)
			}
			for _, e := range ready {
				l.inflight.Remove(e)
			}
		}
	}
}

// cancelAll walks from Front() and removes as it goes.
func (l *leader) cancelAll() {
	for {
		e := l.inflight.Front()
		if e == nil {
			break
		}
		l.inflight.Remove(e)
	}
}

var errFull = errors.New("full")

type waiting struct {
	next *waiting
}

// waitQueue checks its count through a predicate method.
type waitQueue struct {
	mu         sync.Mutex
	head, tail *waiting
	n, max     int
}

func (wq *waitQueue) isFull() bool {
	if wq == nil {
		return false
	}
	return wq.n == wq.max
}

func (wq *waitQueue) add(w *waiting) error {
	wq.mu.Lock()
	defer wq.mu.Unlock()
	if wq.isFull() {
		return errFull
	}
	if wq.head == nil {
		wq.head = w
	} else {
		wq.tail.next = w // ok: isFull compares the node count with the maximum
	}
	wq.tail = w
	wq.n++
	return nil
}

func (wq *waitQueue) pop() *waiting {
	wq.mu.Lock()
	defer wq.mu.Unlock()
	w := wq.head
	wq.head = w.next
	wq.n--
	return w
}

type msg struct {
	next *msg
}

// sub checks its pending count in an earlier statement, under a
// condition of its own.
type sub struct {
	mu           sync.Mutex
	pHead, pTail *msg
	pMsgs, limit int
	async        bool
}

func (s *sub) deliver(m *msg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.async {
		s.pMsgs++
		if s.limit > 0 && s.pMsgs > s.limit {
			return // slow consumer: dropped
		}
	}
	if s.pHead == nil {
		s.pHead, s.pTail = m, m
	} else {
		s.pTail.next = m // ok: the pending count is checked before
		s.pTail = m
	}
}

func (s *sub) next() *msg {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.pHead
	s.pHead = m.next
	s.pMsgs--
	return m
}
