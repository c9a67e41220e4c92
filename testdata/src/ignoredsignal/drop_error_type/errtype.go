// Package drop_error_type proves that a channel whose element is a
// concrete type implementing error is a channel of failures, as chan error
// is: the first one sent decides (exit, restart), and a later one dropped
// while it is pending is not an item lost. So is a channel of an interface
// that embeds error (a client library's coded error), whose every value is
// an error. A value that only carries an error in a field is data, and its
// drop is reported, as is a value of an interface that is not an error.
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

// CodedError is a library's error interface: every value is an error.
type CodedError interface {
	error
	Code() int
}

// Coded is an interface whose values need not be errors.
type Coded interface {
	Code() int
}

type cluster struct {
	done  chan CodedError // the first failure ends the wait
	codes chan Coded
}

func (c *cluster) tendFailed(err CodedError) {
	select {
	case c.done <- err: // ok: a failure; the pending one decides
	default:
	}
}

func (c *cluster) report(v Coded) {
	select {
	case c.codes <- v: // want `send on c.codes in a select with an empty default drops the value`
	default:
	}
}

func (c *cluster) wait() (CodedError, Coded) {
	return <-c.done, <-c.codes
}
