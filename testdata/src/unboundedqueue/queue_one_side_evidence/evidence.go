// Package queue_one_side_evidence proves that goroutine evidence on one
// side of a queue suffices: a hand-written list whose lock lives in the
// struct that holds it (a wrapper), and a slice pushed by a helper that a
// receive loop calls once per item (seen through calls on SSA) are
// reported. A value filled through a parameter, whose functions hold no
// lock and use no channel, is a value being built, not a queue between
// goroutines.
package queue_one_side_evidence

import "sync"

type itemNode struct {
	it   any
	next *itemNode
}

// itemList has no lock of its own.
type itemList struct {
	head, tail *itemNode
}

func (il *itemList) enqueue(i any) {
	n := &itemNode{it: i}
	if il.tail == nil {
		il.head, il.tail = n, n
		return
	}
	il.tail.next = n // want `linked list itemList \(head, tail \*itemNode\) is a queue \(grows in enqueue, taken from the front in dequeue\) with no bound: a slow consumer grows it until memory runs out; cap its node count: reject, drop or wait at the maximum`
	il.tail = n
}

func (il *itemList) dequeue() any {
	if il.head == nil {
		return nil
	}
	i := il.head.it
	il.head = il.head.next
	if il.head == nil {
		il.tail = nil
	}
	return i
}

// controlBuffer holds the list under its lock.
type controlBuffer struct {
	mu   sync.Mutex
	list *itemList
}

func (c *controlBuffer) put(it any) {
	c.mu.Lock()
	c.list.enqueue(it)
	c.mu.Unlock()
}

// writeQueue has neither a lock nor a channel; its push is reached once
// per frame received by the serve loop.
type writeQueue struct {
	s []int
}

func (q *writeQueue) push(v int) {
	q.s = append(q.s, v) // want `slice q.s is a queue \(grows in writeQueue.push, taken from the front in shift\)`
}

func (q *writeQueue) shift() int {
	v := q.s[0]
	copy(q.s, q.s[1:])
	q.s = q.s[:len(q.s)-1]
	return v
}

type serverConn struct {
	frames chan int
	wq     writeQueue
}

func (sc *serverConn) writeFrame(v int) { sc.wq.push(v) }

func (sc *serverConn) serve() {
	for f := range sc.frames {
		sc.writeFrame(f)
	}
}

func (sc *serverConn) scheduleWrite() int { return sc.wq.shift() }

func Serve(sc *serverConn) { go sc.serve() } // want Serve:"spawner"

// frame is filled through a parameter by a loop and read by its own
// method: a value being built.
type frame struct {
	parts []int
}

func addPart(f *frame, p int) {
	f.parts = append(f.parts, p) // ok: fills the value it was handed; no lock, no channel
}

func (f *frame) nextPart() int {
	p := f.parts[0]
	f.parts = f.parts[1:]
	return p
}

func assemble(in chan int, f *frame) {
	for p := range in {
		addPart(f, p)
	}
}
