// Package queue_bounded_by_holder_len: a queue whose slices live in an
// inner struct, pushed and popped through that struct's methods, is bounded
// when the wrapper that calls the push first compares the inner struct's
// Len method with a maximum (waiting or rejecting while it is full). The
// same inner queue pushed by a wrapper that checks nothing is reported.
package queue_bounded_by_holder_len

import (
	"errors"
	"sync"
)

var errFull = errors.New("full")

type rpc struct{ id int }

type priorityQueue struct {
	normal   []*rpc
	priority []*rpc
}

func (q *priorityQueue) Len() int { return len(q.normal) + len(q.priority) }

func (q *priorityQueue) NormalPush(r *rpc) {
	q.normal = append(q.normal, r) // ok: every push waits while Len() is at maxSize
}

func (q *priorityQueue) PriorityPush(r *rpc) {
	q.priority = append(q.priority, r) // ok
}

func (q *priorityQueue) Pop() *rpc {
	var r *rpc
	if len(q.priority) > 0 {
		r = q.priority[0]
		q.priority = q.priority[1:]
	} else if len(q.normal) > 0 {
		r = q.normal[0]
		q.normal = q.normal[1:]
	}
	return r
}

type rpcQueue struct {
	mu      sync.Mutex
	space   sync.Cond
	data    sync.Cond
	queue   priorityQueue
	maxSize int
}

func (q *rpcQueue) push(r *rpc, urgent, block bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.queue.Len() == q.maxSize {
		if !block {
			return errFull
		}
		q.space.Wait()
	}
	if urgent {
		q.queue.PriorityPush(r)
	} else {
		q.queue.NormalPush(r)
	}
	q.data.Signal()
	return nil
}

func (q *rpcQueue) pop() *rpc {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.queue.Len() == 0 {
		q.data.Wait()
	}
	r := q.queue.Pop()
	q.space.Signal()
	return r
}

type fifo struct {
	items []*rpc
}

func (f *fifo) Len() int { return len(f.items) }

func (f *fifo) Push(r *rpc) {
	f.items = append(f.items, r) // want `slice f\.items is a queue`
}

func (f *fifo) Pop() *rpc {
	r := f.items[0]
	f.items = f.items[1:]
	return r
}

type openQueue struct {
	mu   sync.Mutex
	data sync.Cond
	q    fifo
}

// put checks nothing before the push.
func (o *openQueue) put(r *rpc) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.q.Push(r)
	o.data.Signal()
}

func (o *openQueue) get() *rpc {
	o.mu.Lock()
	defer o.mu.Unlock()
	for o.q.Len() == 0 {
		o.data.Wait()
	}
	return o.q.Pop()
}

// boxed is bounded by its wrapper's check, but a value of it is handed out
// as an interface: code elsewhere may call its Push.
type boxed struct {
	items []*rpc
}

func (b *boxed) Len() int { return len(b.items) }

func (b *boxed) Push(r *rpc) {
	b.items = append(b.items, r) // want `slice b\.items is a queue`
}

func (b *boxed) Pop() *rpc {
	r := b.items[0]
	b.items = b.items[1:]
	return r
}

type boxedQueue struct {
	mu   sync.Mutex
	data sync.Cond
	q    boxed
	max  int
}

func register(v any) { _ = v }

func (w *boxedQueue) put(r *rpc) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.q.Len() >= w.max {
		return errFull
	}
	w.q.Push(r)
	w.data.Signal()
	register(&w.q)
	return nil
}

func (w *boxedQueue) get() *rpc {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.q.Len() == 0 {
		w.data.Wait()
	}
	return w.q.Pop()
}

// exposedQ is bounded by its wrapper's check, but an exported function
// returns it: its Push can be called from other packages.
type exposedQ struct {
	items []*rpc
}

// NewExposedQ hands the inner queue out.
func NewExposedQ() *exposedQ { return &exposedQ{} }

func (e *exposedQ) Len() int { return len(e.items) }

func (e *exposedQ) Push(r *rpc) {
	e.items = append(e.items, r) // want `slice e\.items is a queue`
}

func (e *exposedQ) Pop() *rpc {
	r := e.items[0]
	e.items = e.items[1:]
	return r
}

type exposedWrapper struct {
	mu   sync.Mutex
	data sync.Cond
	q    exposedQ
	max  int
}

func (w *exposedWrapper) put(r *rpc) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.q.Len() >= w.max {
		return errFull
	}
	w.q.Push(r)
	w.data.Signal()
	return nil
}

func (w *exposedWrapper) get() *rpc {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.q.Len() == 0 {
		w.data.Wait()
	}
	return w.q.Pop()
}
