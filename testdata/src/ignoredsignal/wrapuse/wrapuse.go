// Package wrapuse proves that wrapper facts cross package boundaries.
package wrapuse

import (
	"context"

	"ignoredsignal/wrappers"
)

// Forward wraps a wrapper from another package: a third level.
func Forward(q *wrappers.Queue) bool { // want Forward:`signal\(refused via .*TrySend\)`
	return wrappers.PushTwice(q, 1)
}

func use(ctx context.Context, q *wrappers.Queue, p *wrappers.Pool) {
	wrappers.Push(q, 1)     // want `result of wrappers.Push \(which returns \(\*wrappers.Queue\).TrySend unchanged\) is discarded`
	wrappers.PushOpen(q, 1, false) // want `result of wrappers.PushOpen .* is discarded`
	p.Acquire(ctx)          // want `error of p.Acquire \(which returns \(\*semaphore.Weighted\).Acquire unchanged\) is discarded: when the context ends the work runs without a permit`
	Forward(q)              // want `result of Forward .* is discarded`
	wrappers.Wrapped(ctx, p) // ok: not a signal
	wrappers.Background(p)   // ok: not a signal
	if !wrappers.Push(q, 2) { // ok: checked
		return
	}
}
