// Package drop_notification_time proves that a dropped send of a time.Time
// (a tick: the moment a frame was sent, a timer fired) is not reported,
// since the pending tick wakes the receiver as well, while a value that
// carries data along with its time still is.
package drop_notification_time

import "time"

type conn struct {
	sends chan time.Time // the heartbeater resets its timer on each
}

func (c *conn) sent() {
	select {
	case c.sends <- time.Now(): // ok: a tick, the pending one wakes the heartbeater too
	default:
	}
}

type waiter struct{ dest chan time.Time }

func fire(ws []*waiter, now time.Time) {
	for _, w := range ws {
		select {
		case w.dest <- now: // ok: a tick, a slow reader skips it as a real ticker does
		default:
		}
	}
}

func (c *conn) heartbeater(reset func(time.Time)) {
	for at := range c.sends {
		reset(at)
	}
}

// The nearest true positive: the time comes with data.

type sample struct {
	at    time.Time
	value float64
}

type recorder struct{ samples chan sample }

func (r *recorder) record(v float64) {
	select {
	case r.samples <- sample{at: time.Now(), value: v}: // want `send on r.samples in a select with an empty default drops the value`
	default:
	}
}

func (r *recorder) run(store func(sample)) {
	for s := range r.samples {
		store(s)
	}
}
