// Package drop_configured_policy proves that a dropping send that is one
// branch of a condition whose other branch sends the same value on the same
// channel blocking is not reported (dropping is the configured policy);
// an if without that blocking alternative still is.
package drop_configured_policy

type packet struct{ data []byte }

type simConn struct {
	backPressure bool
	packets      chan packet
	closed       chan struct{}
}

func (c *simConn) deliver(p packet) {
	if c.backPressure {
		select {
		case c.packets <- p:
		case <-c.closed:
		}
	} else {
		select {
		case c.packets <- p: // ok: the blocking send above is the alternative; dropping is configured
		default:
		}
	}
}

type waiter struct {
	skipIfBlocked bool
	dest          chan packet
}

func (w *waiter) fire(p packet) {
	if w.skipIfBlocked {
		select {
		case w.dest <- p: // ok: the else branch blocks; skipping is the waiter's choice
		default:
		}
	} else {
		w.dest <- p
	}
}

// The nearest true positives.

func (c *simConn) deliverLossy(p packet, log chan packet) {
	if c.backPressure {
		log <- p // another channel: not the alternative of this drop
	} else {
		select {
		case c.packets <- p: // want `send on c.packets in a select with an empty default drops the value`
		default:
		}
	}
}

func (c *simConn) deliverAlways(p packet) {
	if len(p.data) > 0 {
		select {
		case c.packets <- p: // want `send on c.packets in a select with an empty default drops the value`
		default:
		}
	}
}
