// Package spawn_ctx_cancelled_on_return: a goroutine that waits on the Done
// channel of a context its spawner cancels before returning (a deferred
// cancel, or a cancel later in the same iteration) ends with the call that
// started it, so a loop that makes that call once per item runs at most one
// at a time. A goroutine that does not wait on that context, or a context
// that is not cancelled on return, is still one goroutine per item.
package spawn_ctx_cancelled_on_return

import (
	"context"
	"time"
)

type server struct {
	reqs     chan int
	shutdown chan struct{}
}

func work(ctx context.Context, r int) { _, _ = ctx, r }

// tick reports progress until ctx ends.
func tick(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

// handleDeferred: the monitor ends when handleDeferred returns.
func (s *server) handleDeferred(r int) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	go func() {
		select {
		case <-s.shutdown:
			cancel()
		case <-ctx.Done():
		}
	}()
	work(ctx, r)
}

// handleNamed: the same with a named function given the context.
func (s *server) handleNamed(r int) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go tick(ctx)
	work(ctx, r)
}

func (s *server) serveDeferred() {
	for r := range s.reqs {
		s.handleDeferred(r) // ok: the monitor ends with the call
		s.handleNamed(r)    // ok: the ticker goroutine ends with the call
	}
}

// serveInLoop cancels at the end of each iteration.
func (s *server) serveInLoop() {
	for r := range s.reqs {
		ctx, cancel := context.WithCancel(context.Background())
		go tick(ctx) // ok: cancelled before the next item
		work(ctx, r)
		cancel()
	}
}

// handleNotWaiting: the goroutine is given the context but never waits on
// it: it runs work to its end whatever the context says.
func (s *server) handleNotWaiting(r int) { // want handleNotWaiting:"spawner"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go work(ctx, r)
}

// handleNotCancelled: the context outlives the call (its cancel is kept).
func (s *server) handleNotCancelled(r int) context.CancelFunc { // want handleNotCancelled:"spawner"
	ctx, cancel := context.WithCancel(context.Background())
	go tick(ctx)
	return cancel
}

// handleParentContext: the goroutine waits on the parent, which the call
// does not end.
func (s *server) handleParentContext(parent context.Context, r int) { // want handleParentContext:"spawner"
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go tick(parent)
	work(ctx, r)
}

func (s *server) serveReported() {
	for r := range s.reqs {
		s.handleNotWaiting(r)           // want `handleNotWaiting starts a goroutine \(cancelled\.go:\d+\) per value received from s\.reqs with no limit`
		_ = s.handleNotCancelled(r)     // want `handleNotCancelled starts a goroutine \(cancelled\.go:\d+\) per value received from s\.reqs with no limit`
		s.handleParentContext(nil, r) // want `handleParentContext starts a goroutine \(cancelled\.go:\d+\) per value received from s\.reqs with no limit`
	}
}

// serveInLoopNotWaiting: cancelled each iteration, but the goroutine does
// not wait on the context.
func (s *server) serveInLoopNotWaiting() {
	for r := range s.reqs {
		ctx, cancel := context.WithCancel(context.Background())
		go work(ctx, r) // want `goroutine started per value received from s\.reqs with no limit`
		cancel()
	}
}
