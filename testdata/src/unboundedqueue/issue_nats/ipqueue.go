package issue_nats

import (
	"errors"
	"sync"
)

// ipQueue checks its length through a local (nats-server's ipQueue.push,
// an optional limit): bounded.
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
	q.elts = append(q.elts, e)
	return nil
}

func (q *ipQueue[T]) pop() T {
	q.Lock()
	defer q.Unlock()
	e := q.elts[q.pos]
	q.pos++
	return e
}
