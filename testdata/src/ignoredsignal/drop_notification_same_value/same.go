// Package drop_notification_same_value proves that a send whose value is
// the same on every send of the case is not reported: a function without
// captured variables, a package variable, a field of the method's receiver,
// or a value computed before an open loop and sent on the same channel in
// every iteration (the pending one is what a new send would add). A value
// that varies, a channel that varies, another object's field, a closure
// carrying data, and a retry loop of fixed count are still reported.
package drop_notification_same_value

import (
	"errors"
	"io"
)

type deadliner interface{ SetReadDeadline(int64) error }

type conn struct {
	deadlines chan deadliner // the heartbeater updates read deadlines
	force     chan func(error)
	failed    chan error
	state     chan *config
}

type config struct{ n int }

var defaults = &config{n: 1}

var errStale = errors.New("stale")

// reader re-announces the same connection after every frame it reads.
func (c *conn) reader(r io.Reader, handle func([]byte)) {
	d, haveDeadliner := r.(deadliner)
	buf := make([]byte, 512)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		handle(buf[:n])
		if haveDeadliner {
			select {
			case c.deadlines <- d: // ok: the same connection on every iteration
			default:
			}
		}
	}
}

// nudge forces a heartbeat with a callback that does nothing.
func (c *conn) nudge() {
	select {
	case c.force <- func(error) {}: // ok: a function without captured variables is the same value on every call
	default:
	}
}

func (c *conn) reset() {
	select {
	case c.state <- defaults: // ok: a package variable, the same on every call
	default:
	}
}

type member struct {
	id    string
	ready chan string
	out   chan string
}

// announce sends the member's own id: the same on every call on it.
func (m *member) announce() {
	select {
	case m.ready <- m.id: // ok: a field of the receiver, the same on every call
	default:
	}
}

func (m *member) run(join func(string), relay func(string)) {
	for {
		select {
		case id := <-m.ready:
			join(id)
		case s := <-m.out:
			relay(s)
		}
	}
}

// relayFrom sends another member's field: not the receiver's own.
func (m *member) relayFrom(other *member) {
	select {
	case m.out <- other.id: // want `send on m.out in a select with an empty default drops the value`
	default:
	}
}

func (c *conn) heartbeater(apply func(deadliner), run func(func(error)), use func(*config)) {
	for {
		select {
		case d := <-c.deadlines:
			apply(d)
		case f := <-c.force:
			run(f)
		case s := <-c.state:
			use(s)
		}
	}
}

// The nearest true positives.

// readerFrames sends what it read: a new value every iteration.
func (c *conn) readerFrames(r io.Reader, out chan []byte) {
	buf := make([]byte, 512)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		select {
		case out <- append([]byte(nil), buf[:n]...): // want `send on out in a select with an empty default drops the value`
		default:
		}
	}
}

// broadcast sends the same message to a different channel each iteration.
func broadcast(subs []chan []byte, msg []byte) {
	for _, s := range subs {
		select {
		case s <- msg: // want `send on s in a select with an empty default drops the value`
		default:
		}
	}
}

// retry tries a fixed number of times: the value is one item.
func retry(out chan []byte, msg []byte) {
	for range 3 {
		select {
		case out <- msg: // want `send on out in a select with an empty default drops the value`
		default:
		}
	}
}

// report sends a closure that carries the error it reports.
func (c *conn) report(err error) {
	select {
	case c.force <- func(error) { _ = err }: // want `send on c.force in a select with an empty default drops the value`
	default:
	}
}

// latest sends a parameter once per call: it varies per call.
func (c *conn) latest(cfg *config) {
	select {
	case c.state <- cfg: // want `send on c.state in a select with an empty default drops the value`
	default:
	}
}
