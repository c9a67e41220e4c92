// Package fanin_returned_channel proves unbuffered-fan-in on a channel
// that a function returns with its goroutine pending
// (func async() <-chan T): a caller that selects on it with a timeout
// leaves the goroutine blocked. The function may be in the package (its
// summary) or in another (a PendingFact); the finding is at the receive in
// the caller, and the fix, where the make is in this package, buffers it.
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
	ch := make(chan Result)
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
	case r := <-fetchAsync(): // want `the send in fetchAsync's goroutine at line 23 blocks forever when get returns at line 38 after the <-time.After\(d\) case: one goroutine leaks per call under load; buffer the channel for every sender \(capacity 1\)`
		return r, nil
	case <-time.After(d):
		return Result{}, errors.New("timeout")
	}
}

func getVar(ctx context.Context) (Result, error) {
	c := fetchAsync()
	select {
	case r := <-c: // want `the send in fetchAsync's goroutine at line 23 blocks forever when getVar returns at line 48 after the <-ctx.Done\(\) case`
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
	case r := <-async.Fetch(): // want `the goroutine that async.Fetch starts blocks forever on its send when getImported returns at line 70 after the <-ctx.Done\(\) case: one goroutine leaks per call under load; make the senders select on the way out too, or receive what they send`
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
	return <-async.FetchAll(ids) // want `the goroutine that async.FetchAll starts blocks forever on its send when firstOf returns at line 85: the goroutines left leak on every call under load`
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
	ch := make(chan async.Result) // want `when produced returns at line 106 after the <-ctx.Done\(\) case: one goroutine leaks per call under load; buffer the channel for every sender \(capacity 1\)`
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
	done := make(chan error)
	return done, func() { done <- exp() }
}

func shutdown(ctx context.Context, exp func() error) error { // want shutdown:`spawner`
	done, stop := stopper(exp)
	go stop()
	select {
	case err := <-done: // want `the send in the function stopper returns, at line 114, blocks forever when shutdown returns at line 124 after the <-ctx.Done\(\) case`
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
