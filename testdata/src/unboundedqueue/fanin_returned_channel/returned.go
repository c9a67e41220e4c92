// Package fanin_returned_channel proves unbuffered-fan-in on a channel
// that a function returns with its goroutine pending
// (func async() <-chan T): a caller that selects on it with a timeout
// leaves the goroutine blocked. The function may be in the package (its
// summary) or in another (a PendingFact). Where the make is in this
// package, the finding is on it, where the fix buffers the channel (once,
// for the first caller that leaves: the buffer serves every caller); for a
// function of another package it is at the receive in the caller.
package fanin_returned_channel

import (
	"context"
	"errors"
	"time"

	"unboundedqueue/fanin_returned_channel/async"
)

type Result struct{ N int }

func slowCall() Result { return Result{} }

func fetchAsync() <-chan Result { // want fetchAsync:`spawner`
	ch := make(chan Result) // want `the send in fetchAsync's goroutine at line 25 blocks forever when get returns at line 40 after the <-time.After\(d\) case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { ch <- slowCall() }()
	return ch
}

func fetchAsyncFixed() <-chan Result { // want fetchAsyncFixed:`spawner`
	ch := make(chan Result, 1)
	go func() { ch <- slowCall() }()
	return ch
}

func get(d time.Duration) (Result, error) {
	select {
	case r := <-fetchAsync(): // reported at the make in fetchAsync, where the fix goes
		return r, nil
	case <-time.After(d):
		return Result{}, errors.New("timeout")
	}
}

func getVar(ctx context.Context) (Result, error) {
	c := fetchAsync()
	select {
	case r := <-c: // the same make: reported once, for get
		return r, nil
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

func getFixed(d time.Duration) (Result, error) {
	select {
	case r := <-fetchAsyncFixed(): // ok: the late result waits in the buffer
		return r, nil
	case <-time.After(d):
		return Result{}, errors.New("timeout")
	}
}

func getWaiting() Result {
	return <-fetchAsync() // ok: the caller receives the result
}

func getImported(ctx context.Context) (async.Result, error) {
	select {
	case r := <-async.Fetch(): // want `the goroutine that async.Fetch starts blocks forever on its send when getImported returns at line 72 after the <-ctx.Done\(\) case: one goroutine leaks per call; make the senders select on the way out, or drain them`
		return r, nil
	case <-ctx.Done():
		return async.Result{}, ctx.Err()
	}
}

func getImportedBuffered(ctx context.Context) (async.Result, error) {
	select {
	case r := <-async.FetchBuffered(): // ok: nothing pending
		return r, nil
	case <-ctx.Done():
		return async.Result{}, ctx.Err()
	}
}

// firstOf receives one of len(ids) results.
func firstOf(ids []int) async.Result {
	return <-async.FetchAll(ids) // want `the goroutine that async.FetchAll starts blocks forever on its send when firstOf returns at line 87: its goroutines leak on every call`
}

// allOf receives every result.
func allOf(ids []int) []async.Result {
	c := async.FetchAll(ids)
	var out []async.Result
	for range ids {
		out = append(out, <-c) // ok: one receive per sender
	}
	return out
}

// produced: a helper of another package starts the sender.
func produced(ctx context.Context) (async.Result, error) {
	ch := make(chan async.Result) // want `when produced returns at line 108 after the <-ctx.Done\(\) case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	async.Produce(ch)
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return async.Result{}, ctx.Err()
	}
}

// A function returns a channel with the function that sends on it; the
// caller starts the sender and stops waiting on the context.
func stopper(exp func() error) (<-chan error, func()) {
	done := make(chan error) // want `the send in the function stopper returns, at line 116, blocks forever when shutdown returns at line 126 after the <-ctx.Done\(\) case`
	return done, func() { done <- exp() }
}

func shutdown(ctx context.Context, exp func() error) error { // want shutdown:`spawner`
	done, stop := stopper(exp)
	go stop()
	select {
	case err := <-done: // reported at the make in stopper
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// The receive is of a channel the goroutine's function comes with, not
// seen as a wait for the goroutine, so the function counts as a spawner.
func shutdownWaiting(exp func() error) error { // want shutdownWaiting:`spawner`
	done, stop := stopper(exp)
	go stop()
	return <-done // ok: the caller waits for the answer
}

// A function literal returns the channel with the function that sends on
// it, and its caller starts the sender and stops waiting on the context:
// the finding is on the literal's make.
func shutdownLiteral(ctx context.Context, exp func() error) error { // want shutdownLiteral:`spawner`
	stopFunc := func() (<-chan error, func()) {
		done := make(chan error) // want `the send in the function stopFunc returns, at line 144, blocks forever when shutdownLiteral returns at line 152 after the <-ctx.Done\(\) case`
		return done, func() { done <- exp() }
	}
	done, stop := stopFunc()
	go stop()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func shutdownLiteralFixed(ctx context.Context, exp func() error) error { // want shutdownLiteralFixed:`spawner`
	stopFunc := func() (<-chan error, func()) {
		done := make(chan error, 1) // ok: the late answer waits in the buffer
		return done, func() { done <- exp() }
	}
	done, stop := stopFunc()
	go stop()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// getAsync's goroutine sends only when get succeeds, and closes the
// channel when it is done; a caller that stops waiting on quit leaves it
// blocked on the send all the same.
func getAsync(get func() (Result, error)) <-chan Result { // want getAsync:`spawner`
	c := make(chan Result) // want `the send in getAsync's goroutine at line 182 blocks forever when the function literal returns at line 197 after the <-quit case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() {
		defer close(c)
		r, err := get()
		if err != nil {
			return
		}
		c <- r
	}()
	return c
}

func lookup(quit <-chan struct{}, get func() (Result, error), out chan<- Result) { // want lookup:`spawner`
	go func() {
		select {
		case r := <-getAsync(get):
			select {
			case out <- r:
			case <-quit:
			}
		case <-quit:
		}
	}()
}
