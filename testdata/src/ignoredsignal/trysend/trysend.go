// Package trysend proves discarded-signal on the Try*/Offer naming
// convention: expression statements, go, defer and values overwritten before
// any read are reported; checked, returned, passed on and stored results,
// and blank assignments (without -strict), are not.
package trysend

import "errors"

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool {
	select {
	case q.ch <- v:
		return true
	default:
		return false
	}
}

func (q *Queue) Offer(v int) error {
	if !q.TrySend(v) {
		return errors.New("full")
	}
	return nil
}

// Len returns a bool-less result; it is not a signal.
func (q *Queue) TryLen() int { return len(q.ch) }

func discarded(q *Queue) {
	q.TrySend(1)      // want `result of q.TrySend is discarded: when the consumer is full the value is refused and silently lost; check it and block, or count the drop`
	q.Offer(2)        // want `error of q.Offer is discarded`
	go q.TrySend(3)   // want `result of q.TrySend is discarded by the go statement`
	defer q.TrySend(4) // want `result of q.TrySend is discarded by the defer statement`
	q.TryLen()        // ok: TryLen returns no bool or error
}

func overwritten(q *Queue) bool { // want overwritten:`signal\(refused via .*TrySend\)`
	ok := q.TrySend(1) // want `result of q.TrySend is assigned to ok but never read`
	ok = q.TrySend(2)
	return ok
}

func overwrittenOnOnePath(q *Queue, again bool) bool { // want overwrittenOnOnePath:`signal\(refused`
	ok := q.TrySend(1) // ok: read on the path where again is false
	if again {
		ok = q.TrySend(2)
	}
	return ok
}

func checked(q *Queue) int {
	dropped := 0
	if !q.TrySend(1) { // ok: checked
		dropped++
	}
	if err := q.Offer(2); err != nil { // ok: checked
		dropped++
	}
	return dropped
}

// returned is a wrapper: its callers must check it.
func returned(q *Queue) bool { // want returned:`signal\(refused`
	return q.TrySend(1) // ok: returned to the caller
}

func passedOn(q *Queue, record func(bool)) {
	record(q.TrySend(1)) // ok: passed on
}

type stats struct{ last bool }

func stored(q *Queue, s *stats) bool {
	s.last = q.TrySend(1) // ok: stored, and read below
	return s.last
}

func blank(q *Queue) {
	_ = q.TrySend(1) // ok: a deliberate blank assignment, reported only with -strict
}

// Sender is an interface with a signal method.
type Sender interface{ TrySend(v int) bool }

func viaInterface(s Sender) {
	s.TrySend(1) // want `result of s.TrySend is discarded`
}

// Generic queues are matched on their origin.
type GQueue[T any] struct{ ch chan T }

func (q *GQueue[T]) TrySend(v T) bool { return false }

func generic(q *GQueue[string]) {
	q.TrySend("x") // want `result of q.TrySend is discarded`
}

func genericParam[S interface{ TrySend(int) bool }](s S) {
	s.TrySend(1) // want `result of s.TrySend is discarded`
}

func methodValue(q *Queue) {
	send := q.TrySend
	send(1) // want `result of send is discarded`
}

func methodExpr(q *Queue) {
	(*Queue).TrySend(q, 1) // want `result of \(\*Queue\).TrySend is discarded`
}

// Embedded: the promoted method is still the signal.
type Outbox struct {
	*Queue
	name string
}

func embedded(o *Outbox) {
	o.TrySend(1) // want `result of o.TrySend is discarded`
}

func inClosure(q *Queue) func() {
	return func() {
		q.TrySend(1) // want `result of q.TrySend is discarded`
	}
}

// A function named TrySend is not a method: the convention is for methods.
func TrySend(v int) bool { return v > 0 }

func plainFunc() {
	TrySend(1) // ok: the naming convention applies to methods only
}
