// Package fanin_names_the_case_that_leaves proves which way out the
// message names when several leave a sender blocked: the first in the
// source among those taken after a select case that won over the receive
// (a timeout, a stop), else the first in the source. A return on a setup
// error before the wait, and a poll's default, are named only when no
// such case leaves.
package fanin_names_the_case_that_leaves

import (
	"context"
	"errors"
	"time"
)

func produce() int { return 1 }

func setup() error { return errors.New("refused") }

// subscribe returns on a setup error before it waits, and on ctx.Done():
// the message names the case.
func subscribe(ctx context.Context) (int, error) {
	ch := make(chan int) // want `the send on ch at line 23 blocks forever when subscribe returns at line 31 after the <-ctx.Done\(\) case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { ch <- produce() }()
	if err := setup(); err != nil {
		return 0, err
	}
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// polled first polls the channel, then waits with a timeout: the message
// names the timeout, not the poll's default.
func polled() error {
	done := make(chan struct{}) // want `the send on done at line 39 blocks forever when polled returns at line 50 after the <-time.After\(time.Second\) case`
	go func() { done <- struct{}{} }()
	select {
	case <-done:
		return nil
	default:
	}
	if err := setup(); err != nil {
		return err
	}
	select {
	case <-time.After(time.Second):
		return errors.New("timeout")
	case <-done:
		return nil
	}
}

// setupOnly has no select: the first way out in the source is named.
func setupOnly() error {
	errc := make(chan error) // want `the send on errc at line 59 blocks forever when setupOnly returns at line 61: one goroutine leaks per call`
	go func() { errc <- setup() }()
	if err := setup(); err != nil {
		return err
	}
	if err := setup(); err != nil {
		return err
	}
	return <-errc
}

// subscribeBuffered gives its one sender a slot. Not reported.
func subscribeBuffered(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() { ch <- produce() }()
	if err := setup(); err != nil {
		return 0, err
	}
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
