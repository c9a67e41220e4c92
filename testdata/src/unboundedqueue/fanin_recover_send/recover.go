// Package fanin_recover_send proves that a send in a deferred recover
// handler (`if r := recover(); r != nil { ch <- err }`) is not counted with
// the goroutine's other sends: it runs only when the goroutine panicked,
// before those sends (each of them ends the goroutine). A one-slot channel
// then covers the one send of every path. Beside it, the nearest forms that
// still leak are reported: an unbuffered channel, and a handler that sends
// on every exit, panic or not.
package fanin_recover_send

import (
	"errors"
	"fmt"
	"time"
)

func step() error { return nil }

// call: one result or one panic report, never both; capacity 1 covers it.
func call() error {
	ch := make(chan error, 1) // ok: one send on every path
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- fmt.Errorf("panic recovered: %v", r)
			}
		}()
		if err := step(); err != nil {
			ch <- err
			return
		}
		ch <- nil
	}()
	select {
	case err := <-ch:
		return err
	case <-time.After(time.Second):
		return errors.New("timeout")
	}
}

// callUnbuffered: the result's send blocks when the timeout wins.
func callUnbuffered() error {
	ch := make(chan error) // want `the send on ch at line 50 blocks forever when callUnbuffered returns at line 56 after the <-time.After\(time.Second\) case: .*\(capacity 1\)`
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- fmt.Errorf("panic recovered: %v", r)
			}
		}()
		ch <- step()
	}()
	select {
	case err := <-ch:
		return err
	case <-time.After(time.Second):
		return errors.New("timeout")
	}
}

// callAlwaysReports: the deferred handler sends on every exit, after the
// result was sent: two sends, one slot.
func callAlwaysReports() error {
	ch := make(chan error, 1) // want `the send on ch at line 66 \(or another of its 2 sends\) blocks forever when callAlwaysReports returns at line 74 after the <-time.After\(time.Second\) case: .*\(capacity 2\)`
	go func() {
		defer func() {
			ch <- errors.New("done")
		}()
		ch <- step()
	}()
	select {
	case err := <-ch:
		return err
	case <-time.After(time.Second):
		return errors.New("timeout")
	}
}
