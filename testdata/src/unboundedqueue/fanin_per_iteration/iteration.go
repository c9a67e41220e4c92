// Package fanin_per_iteration proves unbuffered-fan-in on a channel made
// per iteration of a loop: the iteration waits with a timeout and moves on
// (or leaves the loop) while its goroutine still has to send, one leaked
// goroutine per iteration. The fixed forms beside each are silent.
package fanin_per_iteration

import (
	"errors"
	"time"
)

func probe(addr string) error { return nil }

func probeAll(addrs []string, d time.Duration) []error {
	var errs []error
	for _, addr := range addrs {
		ch := make(chan error) // want `the send on ch at line 18 blocks forever when probeAll moves on to the next iteration after the <-time.After\(d\) case: one goroutine leaks per iteration; buffer the channel for every sender \(capacity 1\)`
		go func() { ch <- probe(addr) }()
		select {
		case err := <-ch:
			errs = append(errs, err)
		case <-time.After(d):
			errs = append(errs, errors.New("timeout"))
		}
	}
	return errs
}

func probeAllFixed(addrs []string, d time.Duration) []error {
	var errs []error
	for _, addr := range addrs {
		ch := make(chan error, 1) // ok: the late answer waits in the buffer
		go func() { ch <- probe(addr) }()
		select {
		case err := <-ch:
			errs = append(errs, err)
		case <-time.After(d):
			errs = append(errs, errors.New("timeout"))
		}
	}
	return errs
}

// retry gives up on an attempt after a timeout and starts the next one.
func retry(addr string, d time.Duration) error {
	for i := 0; i < 3; i++ {
		done := make(chan error) // want `the send on done at line 48 blocks forever when retry moves on to the next iteration after the <-time.After\(d\) case`
		go func() { done <- probe(addr) }()
		select {
		case err := <-done:
			if err == nil {
				return nil
			}
		case <-time.After(d):
			continue
		}
	}
	return errors.New("no luck")
}

// firstAnswer leaves the loop on a timeout.
func firstAnswer(addrs []string, d time.Duration) error {
	for _, addr := range addrs {
		ch := make(chan error) // want `the send on ch at line 65 blocks forever when firstAnswer returns at line 70 after the <-time.After\(d\) case`
		go func() { ch <- probe(addr) }()
		select {
		case err := <-ch:
			return err
		case <-time.After(d):
			return errors.New("timeout")
		}
	}
	return nil
}

// Every iteration waits for its goroutine.
func probeAllWaiting(addrs []string) []error {
	var errs []error
	for _, addr := range addrs {
		ch := make(chan error) // ok: each iteration receives its one result
		go func() { ch <- probe(addr) }()
		errs = append(errs, <-ch)
	}
	return errs
}

// A return from a nested loop leaves both loops at once.
func nested(groups [][]string, d time.Duration) error {
	for _, g := range groups {
		for _, addr := range g {
			ch := make(chan error) // want `the send on ch at line 92 blocks forever when nested returns at line 97 after the <-time.After\(d\) case`
			go func() { ch <- probe(addr) }()
			select {
			case err := <-ch:
				_ = err
			case <-time.After(d):
				return errors.New("timeout")
			}
		}
	}
	return nil
}

// The goroutine sends twice when probe fails (a missing return); each
// iteration receives once.
func probeTwice(addrs []string) []error {
	var errs []error
	for _, addr := range addrs {
		ch := make(chan error) // want `the send on ch at line 112 \(or another of its 2 sends\) blocks forever when probeTwice moves on to the next iteration at line 116: one goroutine leaks per iteration; buffer the channel for every sender \(capacity 2\)`
		go func() {
			if err := probe(addr); err != nil {
				ch <- err
			}
			ch <- nil
		}()
		if err := <-ch; err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}
