// Package drop_oneshot_method proves that a send on a one-slot reply
// channel that its caller made for one answer and handed to a method (not
// a closure) is not reported, since later answers have no reader; a method
// given a shared or larger channel, or one its caller ranges over, still
// is.
package drop_oneshot_method

import "time"

type server struct{ events chan string }

type request struct{ payload string }

func (s *server) handle(reqs <-chan request, replyCh chan string) {
	for r := range reqs {
		select {
		case replyCh <- r.payload: // ok: the caller's one-slot reply channel; it waits for the first answer
		default:
		}
	}
}

func (s *server) waitReply(reqs <-chan request, timeout time.Duration) (string, bool) {
	replyCh := make(chan string, 1)
	go s.handle(reqs, replyCh)
	select {
	case r := <-replyCh:
		return r, true
	case <-time.After(timeout):
		return "", false
	}
}

// The nearest true positives.

func (s *server) forward(reqs <-chan request, out chan string) {
	for r := range reqs {
		select {
		case out <- r.payload: // want `send on out in a select with an empty default drops the value`
		default:
		}
	}
}

func (s *server) start(reqs <-chan request) {
	go s.forward(reqs, s.events) // a shared channel, not a reply slot
}

func (s *server) pump(reqs <-chan request, out chan string) {
	for r := range reqs {
		select {
		case out <- r.payload: // want `send on out in a select with an empty default drops the value`
		default:
		}
	}
}

func (s *server) collect(reqs <-chan request, keep func(string)) {
	out := make(chan string, 1)
	go s.pump(reqs, out)
	for v := range out { // a stream: every value is received
		keep(v)
	}
}

func (s *server) relay(reqs <-chan request, out chan string) {
	for r := range reqs {
		select {
		case out <- r.payload: // want `send on out in a select with an empty default drops the value`
		default:
		}
	}
}

func (s *server) first(reqs <-chan request) string {
	out := make(chan string, 8) // eight slots: not a single answer
	go s.relay(reqs, out)
	return <-out
}
