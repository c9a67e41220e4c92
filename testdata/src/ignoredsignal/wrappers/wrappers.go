// Package wrappers proves that a function returning a signal unchanged is a
// signal (an exported fact), through several levels of wrapping, and that
// functions that change or combine the signal are not.
package wrappers

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/semaphore"
)

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool { return false }

type Pool struct{ sem *semaphore.Weighted }

// Push returns the signal unchanged.
func Push(q *Queue, v int) bool { // want Push:`signal\(refused via \(\*ignoredsignal/wrappers.Queue\).TrySend\)`
	return q.TrySend(v)
}

// PushTwice wraps a wrapper.
func PushTwice(q *Queue, v int) bool { // want PushTwice:`signal\(refused via \(\*ignoredsignal/wrappers.Queue\).TrySend\)`
	return Push(q, v)
}

// PushOpen returns a constant on one path and the signal on the other.
func PushOpen(q *Queue, v int, closed bool) bool { // want PushOpen:`signal\(refused via .*TrySend\)`
	if closed {
		return false
	}
	ok := q.TrySend(v)
	return ok
}

// Acquire wraps an error-typed signal, with a sentinel error on another path.
func (p *Pool) Acquire(ctx context.Context) error { // want Acquire:`signal\(acquire via \(\*golang.org/x/sync/semaphore.Weighted\).Acquire\)`
	if p.sem == nil {
		return ErrClosed
	}
	return p.sem.Acquire(ctx, 1)
}

var ErrClosed = errors.New("closed")

// Negated changes the signal: not a wrapper.
func Negated(q *Queue, v int) bool {
	return !q.TrySend(v)
}

// Wrapped changes the error: not a wrapper.
func Wrapped(ctx context.Context, p *Pool) error {
	if err := p.sem.Acquire(ctx, 1); err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	return nil
}

// Mixed returns another function's result on some path: not a wrapper.
func Mixed(q *Queue, v int, other func() bool) bool {
	if v > 0 {
		return other()
	}
	return q.TrySend(v)
}

// Background never fails for its context: not a wrapper.
func Background(p *Pool) error {
	return p.sem.Acquire(context.Background(), 1)
}

func local(q *Queue) {
	Push(q, 1)      // want `result of Push \(which returns \(\*wrappers.Queue\).TrySend unchanged\) is discarded`
	PushTwice(q, 1) // want `result of PushTwice \(which returns .*TrySend unchanged\) is discarded`
	Negated(q, 1)   // ok: not a signal
	Mixed(q, 1, nil) // ok: not a signal
}
