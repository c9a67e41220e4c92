// Package slicequeue proves slice-queue: slices appended to and consumed
// from the front across a producer/consumer boundary with no length bound
// are reported, in every consumption form; bounded queues (reject, block,
// drop-oldest, flush at max), stacks, ring buffers, BFS worklists and
// single-goroutine lookahead buffers are not.
package slicequeue

import (
	"errors"
	"slices"
	"sync"
)

type Event struct{ ID int }

// Front removal with q = q[1:].
type Inbox struct {
	mu    sync.Mutex
	items []Event
}

func (q *Inbox) Push(ev Event) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, ev) // want `slice q.items is a queue \(grows in Inbox.Push, taken from the front in Pop\) with no bound: a slow consumer grows it until memory runs out; cap len\(q.items\): reject, drop or wait at the maximum$`
}

func (q *Inbox) Pop() (Event, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return Event{}, false
	}
	ev := q.items[0]
	q.items = q.items[1:]
	return ev, true
}

// Batch drain with q = q[n:].
type Batcher struct {
	mu      sync.Mutex
	pending []Event
}

func (b *Batcher) Add(ev Event) {
	b.mu.Lock()
	b.pending = append(b.pending, ev) // want `slice b.pending is a queue`
	b.mu.Unlock()
}

func (b *Batcher) Take(n int) []Event {
	b.mu.Lock()
	defer b.mu.Unlock()
	n = min(n, len(b.pending))
	out := b.pending[:n]
	b.pending = b.pending[n:]
	return out
}

// copy + shrink.
type Shifter struct {
	mu  sync.Mutex
	buf []Event
}

func (s *Shifter) Put(ev Event) {
	s.mu.Lock()
	s.buf = append(s.buf, ev) // want `slice s.buf is a queue`
	s.mu.Unlock()
}

func (s *Shifter) Get() Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	ev := s.buf[0]
	copy(s.buf, s.buf[1:])
	s.buf = s.buf[:len(s.buf)-1]
	return ev
}

// slices.Delete(q, 0, n).
type Deleter struct {
	mu sync.Mutex
	q  []Event
}

func (d *Deleter) Put(ev Event) {
	d.mu.Lock()
	d.q = append(d.q, ev) // want `slice d.q is a queue`
	d.mu.Unlock()
}

func (d *Deleter) Drop(n int) {
	d.mu.Lock()
	d.q = slices.Delete(d.q, 0, n)
	d.mu.Unlock()
}

// A head index that advances.
type Cursor struct {
	mu   sync.Mutex
	buf  []Event
	head int
}

func (c *Cursor) Put(ev Event) {
	c.mu.Lock()
	c.buf = append(c.buf, ev) // want `slice c.buf is a queue`
	c.mu.Unlock()
}

func (c *Cursor) Next() Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	ev := c.buf[c.head]
	c.head++
	return ev
}

// The whole backlog taken and reset.
type Flusher struct {
	mu    sync.Mutex
	items []Event
}

func (f *Flusher) Add(ev Event) {
	f.mu.Lock()
	f.items = append(f.items, ev) // want `slice f.items is a queue`
	f.mu.Unlock()
}

func (f *Flusher) Flush() []Event {
	f.mu.Lock()
	defer f.mu.Unlock()
	batch := f.items
	f.items = nil
	return batch
}

// A relay goroutine buffering between an input and an output channel.
func relay(in <-chan Event, out chan<- Event) {
	var buf []Event
	for {
		var send chan<- Event
		var next Event
		if len(buf) > 0 {
			send, next = out, buf[0]
		}
		select {
		case ev := <-in:
			buf = append(buf, ev) // want `slice buf is a queue \(grows in relay, taken from the front in relay\)`
		case send <- next:
			buf = buf[1:]
		}
	}
}

// A package-level queue shared by goroutines.
var (
	backlogMu sync.Mutex
	backlog   []Event
)

func enqueue(ev Event) {
	backlogMu.Lock()
	backlog = append(backlog, ev) // want `slice backlog is a queue`
	backlogMu.Unlock()
}

func dequeue() Event {
	backlogMu.Lock()
	defer backlogMu.Unlock()
	ev := backlog[0]
	backlog = backlog[1:]
	return ev
}

// Negatives.

var ErrFull = errors.New("queue full")

type Bounded struct {
	mu    sync.Mutex
	items []Event
	max   int
}

func (q *Bounded) Push(ev Event) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= q.max {
		return ErrFull
	}
	q.items = append(q.items, ev) // ok: rejects when full
	return nil
}

func (q *Bounded) Pop() Event {
	q.mu.Lock()
	defer q.mu.Unlock()
	ev := q.items[0]
	q.items = q.items[1:]
	return ev
}

type Blocking struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []Event
	max   int
}

func (q *Blocking) Push(ev Event) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.max {
		q.cond.Wait()
	}
	q.items = append(q.items, ev) // ok: blocks while full
	q.cond.Signal()
}

func (q *Blocking) Pop() Event {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	ev := q.items[0]
	q.items = q.items[1:]
	q.cond.Signal()
	return ev
}

type DropOldest struct {
	mu    sync.Mutex
	items []Event
	max   int
}

func (q *DropOldest) Push(ev Event) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, ev) // ok: trimmed right after
	if len(q.items) > q.max {
		q.items = q.items[1:]
	}
}

func (q *DropOldest) Pop() Event {
	q.mu.Lock()
	defer q.mu.Unlock()
	ev := q.items[0]
	q.items = q.items[1:]
	return ev
}

type FlushAtMax struct {
	mu    sync.Mutex
	items []Event
	max   int
	sink  func([]Event)
}

func (b *FlushAtMax) Add(ev Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items = append(b.items, ev) // ok: drained synchronously at its maximum
	if len(b.items) >= b.max {
		b.flushLocked()
	}
}

func (b *FlushAtMax) flushLocked() {
	batch := b.items
	b.items = nil
	b.sink(batch)
}

type Guarded struct {
	mu    sync.Mutex
	items []Event
	max   int
}

func (q *Guarded) Offer(ev Event) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) < q.max {
		q.items = append(q.items, ev) // ok: only while below the bound
		return true
	}
	return false
}

func (q *Guarded) Pop() Event {
	q.mu.Lock()
	defer q.mu.Unlock()
	ev := q.items[0]
	q.items = q.items[1:]
	return ev
}

type Stack struct {
	mu    sync.Mutex
	items []Event
}

func (s *Stack) Push(ev Event) {
	s.mu.Lock()
	s.items = append(s.items, ev) // ok: a stack, popped from the end
	s.mu.Unlock()
}

func (s *Stack) Pop() Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	ev := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return ev
}

type Ring struct {
	mu         sync.Mutex
	buf        []Event
	head, tail int
}

func (r *Ring) Put(ev Event) {
	r.mu.Lock()
	r.buf[r.tail%len(r.buf)] = ev // ok: a fixed ring, never appended
	r.tail++
	r.mu.Unlock()
}

func (r *Ring) Get() Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	ev := r.buf[r.head%len(r.buf)]
	r.head++
	return ev
}

type Node struct{ Next []*Node }

func bfs(root *Node) int {
	n := 0
	queue := []*Node{root}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		n++
		queue = append(queue, cur.Next...) // ok: a worklist local to one function
	}
	return n
}

// Lexer's lookahead buffer: one goroutine, no lock, no channel.
type Lexer struct {
	peeked []rune
}

func (l *Lexer) unread(r rune) {
	l.peeked = append(l.peeked, r) // ok: a lookahead buffer, not shared between goroutines
}

func (l *Lexer) next() rune {
	if len(l.peeked) > 0 {
		r := l.peeked[0]
		l.peeked = l.peeked[1:]
		return r
	}
	return 0
}
