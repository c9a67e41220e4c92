// Package libraries proves discarded-signal on library APIs matched by type:
// semaphore, errgroup, rate and sync; and the exemption of Acquire/Wait given
// a context that is never done.
package libraries

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

func sem(ctx context.Context, s *semaphore.Weighted) {
	s.TryAcquire(1)      // want `result of s.TryAcquire is discarded: when no permit is free the work runs anyway, so the concurrency limit is not enforced`
	s.Acquire(ctx, 1)    // want `error of s.Acquire is discarded: when the context ends the work runs without a permit`
	s.Acquire(context.Background(), 1) // ok: a context that is never done cannot end the wait
	s.Acquire(context.TODO(), 1)       // ok: likewise
	if err := s.Acquire(ctx, 1); err != nil { // ok: checked
		return
	}
	s.Release(1)
}

func group(g *errgroup.Group) {
	g.TryGo(func() error { return nil }) // want `result of g.TryGo is discarded: when the group is at its limit the function never runs`
	g.Go(func() error { return nil })    // ok: Go blocks, nothing to discard
	if !g.TryGo(func() error { return nil }) { // ok: checked
		return
	}
}

func limiter(ctx context.Context, lim *rate.Limiter) {
	lim.Allow()                  // want `result of lim.Allow is discarded: the limiter's refusal is ignored, so the work runs at any rate`
	lim.AllowN(time.Now(), 3)    // want `result of lim.AllowN is discarded`
	lim.Wait(ctx)                // want `error of lim.Wait is discarded`
	lim.WaitN(ctx, 2)            // want `error of lim.WaitN is discarded`
	lim.Wait(context.Background()) // ok: never done
	if !lim.Allow() { // ok: checked
		return
	}
	lim.Reserve() // ok: not a signal
}

func locks(mu *sync.Mutex, rw *sync.RWMutex) {
	mu.TryLock()  // want `result of mu.TryLock is discarded: the critical section runs whether or not the lock was taken`
	rw.TryLock()  // want `result of rw.TryLock is discarded`
	rw.TryRLock() // want `result of rw.TryRLock is discarded`
	if mu.TryLock() { // ok: checked
		mu.Unlock()
	}
}

// Limiter is a local type with the same method names as rate.Limiter: bare
// names of library APIs are not matched.
type Limiter struct{}

func (Limiter) Allow() bool              { return true }
func (Limiter) Wait(context.Context) error { return nil }

func lookalike(ctx context.Context, l Limiter) {
	l.Allow()   // ok: not golang.org/x/time/rate
	l.Wait(ctx) // ok: likewise
}
