// Package queue_length_through_local proves that a length check made
// through a local (l := len(q.elts) - q.pos; if l == q.max { return
// errFull }) bounds the queue, while the same local compared with 0 (an
// emptiness test that decides whether to signal) does not.
package queue_length_through_local

import (
	"errors"
	"sync"
)

// ipQueue checks its length through a local (an optional limit): bounded.
type ipQueue[T any] struct {
	sync.Mutex
	elts []T
	pos  int
	mlen int
}

var errFull = errors.New("full")

func (q *ipQueue[T]) push(e T) error {
	q.Lock()
	defer q.Unlock()
	l := len(q.elts) - q.pos
	if q.mlen > 0 && l == q.mlen {
		return errFull
	}
	q.elts = append(q.elts, e) // ok: rejects at its maximum, checked through a local
	return nil
}

func (q *ipQueue[T]) pop() T {
	q.Lock()
	defer q.Unlock()
	e := q.elts[q.pos]
	q.pos++
	return e
}

// signalQueue computes the same local only to signal the first element:
// reported.
type signalQueue[T any] struct {
	sync.Mutex
	elts []T
	pos  int
	ch   chan struct{}
}

func (q *signalQueue[T]) push(e T) {
	q.Lock()
	l := len(q.elts) - q.pos
	q.elts = append(q.elts, e) // want `slice q.elts is a queue \(grows in signalQueue.push, taken from the front in pop\)`
	q.Unlock()
	if l == 0 {
		select {
		case q.ch <- struct{}{}:
		default:
		}
	}
}

func (q *signalQueue[T]) pop() T {
	q.Lock()
	defer q.Unlock()
	e := q.elts[q.pos]
	q.pos++
	return e
}
