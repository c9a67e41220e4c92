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

type msg struct{ id int }

type tieredQueue struct {
	low  []*msg
	high []*msg
}

func (q *tieredQueue) Len() int { return len(q.low) + len(q.high) }

func (q *tieredQueue) PushLow(r *msg) {
	q.low = append(q.low, r) // ok: every push waits while Len() is at limit
}

func (q *tieredQueue) PushHigh(r *msg) {
	q.high = append(q.high, r) // ok
}

func (q *tieredQueue) Pop() *msg {
	var r *msg
	if len(q.high) > 0 {
		r = q.high[0]
		q.high = q.high[1:]
	} else if len(q.low) > 0 {
		r = q.low[0]
		q.low = q.low[1:]
	}
	return r
}

type waitQueue struct {
	mu    sync.Mutex
	space sync.Cond
	data  sync.Cond
	queue tieredQueue
	limit int
}

func (q *waitQueue) push(r *msg, urgent, block bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.queue.Len() == q.limit {
		if !block {
			return errFull
		}
		q.space.Wait()
	}
	if urgent {
		q.queue.PushHigh(r)
	} else {
		q.queue.PushLow(r)
	}
	q.data.Signal()
	return nil
}

func (q *waitQueue) pop() *msg {
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
	items []*msg
}

func (f *fifo) Len() int { return len(f.items) }

func (f *fifo) Push(r *msg) {
	f.items = append(f.items, r) // want `slice f\.items is a queue`
}

func (f *fifo) Pop() *msg {
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
func (o *openQueue) put(r *msg) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.q.Push(r)
	o.data.Signal()
}

func (o *openQueue) get() *msg {
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
	items []*msg
}

func (b *boxed) Len() int { return len(b.items) }

func (b *boxed) Push(r *msg) {
	b.items = append(b.items, r) // want `slice b\.items is a queue`
}

func (b *boxed) Pop() *msg {
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

func (w *boxedQueue) put(r *msg) error {
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

func (w *boxedQueue) get() *msg {
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
	items []*msg
}

// NewExposedQ hands the inner queue out.
func NewExposedQ() *exposedQ { return &exposedQ{} }

func (e *exposedQ) Len() int { return len(e.items) }

func (e *exposedQ) Push(r *msg) {
	e.items = append(e.items, r) // want `slice e\.items is a queue`
}

func (e *exposedQ) Pop() *msg {
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

func (w *exposedWrapper) put(r *msg) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.q.Len() >= w.max {
		return errFull
	}
	w.q.Push(r)
	w.data.Signal()
	return nil
}

func (w *exposedWrapper) get() *msg {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.q.Len() == 0 {
		w.data.Wait()
	}
	return w.q.Pop()
}

// pusher is how tupleQ escapes: a constructor's results assigned to an
// interface variable.
type pusher interface{ Push(*msg) }

type tupleQ struct {
	items []*msg
}

func newTupleQ() (*tupleQ, error) { return &tupleQ{}, nil }

func (q *tupleQ) Len() int { return len(q.items) }

func (q *tupleQ) Push(r *msg) {
	q.items = append(q.items, r) // want `slice q\.items is a queue`
}

func (q *tupleQ) Pop() *msg {
	r := q.items[0]
	q.items = q.items[1:]
	return r
}

var published pusher

type tupleWrapper struct {
	mu   sync.Mutex
	data sync.Cond
	q    *tupleQ
	max  int
}

func (w *tupleWrapper) init() (err error) {
	published, err = newTupleQ()
	w.q, _ = newTupleQ()
	return err
}

func (w *tupleWrapper) put(r *msg) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.q.Len() >= w.max {
		return errFull
	}
	w.q.Push(r)
	w.data.Signal()
	return nil
}

func (w *tupleWrapper) get() *msg {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.q.Len() == 0 {
		w.data.Wait()
	}
	return w.q.Pop()
}
