// Package generics proves that generic code is analysed like any other:
// a generic slice queue, a generic container/list queue and a generic
// spawner are reported once (at the generic declaration, not per
// instantiation), and a generic bounded queue is not.
package generics

import (
	"container/list"
	"errors"
	"sync"
)

type Queue[T any] struct {
	mu    sync.Mutex
	items []T
}

func (q *Queue[T]) Push(v T) {
	q.mu.Lock()
	q.items = append(q.items, v) // want `slice q.items is a queue \(grows in Queue.Push, taken from the front in Pop\)`
	q.mu.Unlock()
}

func (q *Queue[T]) Pop() (T, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

var ErrFull = errors.New("full")

type Bounded[T any] struct {
	mu    sync.Mutex
	max   int
	items []T
}

func (q *Bounded[T]) Push(v T) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= q.max {
		return ErrFull
	}
	q.items = append(q.items, v) // ok: rejects when full
	return nil
}

func (q *Bounded[T]) Pop() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

type ListQueue[T any] struct {
	mu sync.Mutex
	l  list.List
}

func (q *ListQueue[T]) Push(v T) {
	q.mu.Lock()
	q.l.PushBack(v) // want `list q.l is a queue`
	q.mu.Unlock()
}

func (q *ListQueue[T]) Pop() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.l.Remove(q.l.Front()).(T)
}

func process[T any](v T) { _ = v }

func dispatch[T any](v T) { // want dispatch:"spawner"
	go process(v)
}

func consume[T any](in <-chan T) {
	for v := range in {
		dispatch(v) // want `dispatch starts a goroutine \(generics\.go:82\) per value received from in with no limit`
	}
}

func uses(in <-chan int, s <-chan string) {
	var q Queue[int]
	q.Push(1)
	var b Bounded[string]
	_ = b.Push("x")
	consume(in)
	consume(s)
}
