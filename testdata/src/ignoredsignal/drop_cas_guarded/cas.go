// Package drop_cas_guarded proves that a send guarded by a compare-and-swap
// that the receiver resets is not reported (the flag admits one sender, so
// the channel has room for it), while a send the flag does not guard is.
package drop_cas_guarded

import "sync/atomic"

type expirer struct {
	w  int32
	ch chan int64
}

// wake sends only when it wins the flag:
// the receiver resets it, so the channel always has room for that one.
func (e *expirer) wake(ttl int64) {
	if atomic.CompareAndSwapInt32(&e.w, 0, 1) {
		select {
		case e.ch <- ttl:
		default:
		}
	}
}

// wakeAlways sends whatever the flag says: a drop.
func (e *expirer) wakeAlways(ttl int64) {
	atomic.CompareAndSwapInt32(&e.w, 0, 1)
	select {
	case e.ch <- ttl: // want `send on e.ch in a select with an empty default drops the value`
	default:
	}
}
