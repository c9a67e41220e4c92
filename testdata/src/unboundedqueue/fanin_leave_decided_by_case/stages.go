// Package fanin_leave_decided_by_case proves that a value set in one case
// of a select (an error made with fmt.Errorf or errors.New, a flag set to
// a constant) and tested after it decides the path: a stop in two stages
// whose second sender starts only when the first stage's result arrived
// leaves after the first stage's timeout with one sender, which the
// buffer holds. When the value tested after the select can be anything
// (the result of a call, a value received), both ways stay possible and
// the leak is reported.
package fanin_leave_decided_by_case

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type stopper struct {
	fetchers, workers sync.WaitGroup
}

// stop waits for its fetchers, then for its workers, each with the rest of
// one timer; the second sender starts only after the first one was heard.
func (s *stopper) stop(timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()

	done := make(chan struct{}, 1) // ok: the timeout of the first stage returns before the second sender starts
	go func() {
		s.fetchers.Wait()
		done <- struct{}{}
	}()

	var firstErr error
	select {
	case <-done:
	case <-timer.C:
		firstErr = fmt.Errorf("fetchers not stopped after %s", timeout)
	}
	if firstErr != nil {
		return firstErr
	}

	go func() {
		s.workers.Wait()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-timer.C:
		return errors.New("workers not stopped")
	}
	return nil
}

// stopFlag is the same with a flag the timeout case clears.
func (s *stopper) stopFlag(timeout time.Duration) bool {
	timer := time.NewTimer(timeout)
	defer timer.Stop()

	done := make(chan struct{}, 1) // ok: the flag is false only after the first stage's timeout, which returns
	go func() {
		s.fetchers.Wait()
		done <- struct{}{}
	}()
	ok := true
	select {
	case <-done:
	case <-timer.C:
		ok = false
	}
	if !ok {
		return false
	}
	go func() {
		s.workers.Wait()
		done <- struct{}{}
	}()
	select {
	case <-done:
		return true
	case <-timer.C:
		return false
	}
}

// stopErrVar is the same with the error kept from errors.New in a variable
// the case assigns.
func (s *stopper) stopErrVar(timeout time.Duration) error {
	done := make(chan struct{}, 1) // ok: the error is never nil once the timeout case set it
	go func() {
		s.fetchers.Wait()
		done <- struct{}{}
	}()
	var err error
	select {
	case <-done:
	case <-time.After(timeout):
		err = errors.New("timeout")
	}
	if err == nil {
		go func() {
			s.workers.Wait()
			done <- struct{}{}
		}()
		select {
		case <-done:
		case <-time.After(timeout):
			return errors.New("timeout")
		}
	}
	return err
}

func check() error { return nil }

// stopChecked sets the error from a call that may return nil: after the
// first stage's timeout the second sender may start too, and then both
// senders are pending on a buffer of one.
func (s *stopper) stopChecked(timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()

	done := make(chan struct{}, 1) // want `the send on done at line 127 blocks forever when stopChecked returns at line 147 after the <-timer.C case: one goroutine leaks per call; buffer the channel for every sender \(capacity 2\)`
	go func() {
		s.fetchers.Wait()
		done <- struct{}{}
	}()

	var firstErr error
	select {
	case <-done:
	case <-timer.C:
		firstErr = check()
	}
	if firstErr != nil {
		return firstErr
	}

	go func() {
		s.workers.Wait()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-timer.C:
		return errors.New("workers not stopped")
	}
	return nil
}

// stopUnrelated tests a value the select does not decide: both stages'
// senders may be pending when the second one times out.
func (s *stopper) stopUnrelated(timeout time.Duration, strict bool) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()

	done := make(chan struct{}, 1) // want `the send on done at line 161 blocks forever when stopUnrelated returns at line 177 after the <-timer.C case`
	go func() {
		s.fetchers.Wait()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-timer.C:
	}
	if strict {
		return errors.New("strict")
	}
	go func() {
		s.workers.Wait()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-timer.C:
		return errors.New("workers not stopped")
	}
	return nil
}
