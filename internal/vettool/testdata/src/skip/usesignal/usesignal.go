// Package usesignal wraps a signal of another package.
package usesignal

import "skip/signal"

// Push reports whether v was queued: a wrapper of TrySend.
func Push(q *signal.Q, v int) bool { return q.TrySend(v) }
