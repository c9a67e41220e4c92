// Package drop_error_type proves that a channel whose element is a
// concrete type implementing error is a channel of failures, as chan error
// is: the first one sent decides (exit, restart), and a later one dropped
// while it is pending is not an item lost. A value that only carries an
// error in a field is data, and its drop is reported.
package drop_error_type

import "fmt"

// FatalErr asks the service to exit with a status.
type FatalErr struct {
	Err    error
	Status int
}

func (e *FatalErr) Error() string { return fmt.Sprintf("fatal: %v (%d)", e.Err, e.Status) }

type service struct {
	exitChan chan *FatalErr // one slot: whoever is first is handled
	results  chan result
}

// result is a value with an error beside it: data.
type result struct {
	n   int
	err error
}

func (s *service) fatal(err *FatalErr) {
	select {
	case s.exitChan <- err: // ok: a failure; the pending one decides
	default:
	}
}

func (s *service) publish(n int, err error) {
	select {
	case s.results <- result{n, err}: // want `send on s.results in a select with an empty default drops the value`
	default:
	}
}

func (s *service) serve() int {
	for {
		select {
		case e := <-s.exitChan:
			return e.Status
		case r := <-s.results:
			_ = r.n
		}
	}
}
