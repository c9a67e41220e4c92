// Package fanin_select_timeout proves unbuffered-fan-in on one sender: a
// goroutine sends its result on an unbuffered channel and the parent waits
// in a select whose other case (a timeout, ctx.Done(), a stop channel,
// another result, a default) can win and leave; the fix buffers the
// channel for its one sender. The fixed forms beside each are silent.
package fanin_select_timeout

import (
	"context"
	"errors"
	"time"
)

type Result struct{ N int }

func slowCall() Result { return Result{} }

func fetch(ctx context.Context) (Result, error) {
	ch := make(chan Result) // want `the send on ch at line 20 blocks forever when fetch returns at line 25 after the <-ctx.Done\(\) case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { ch <- slowCall() }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

func fetchFixed(ctx context.Context) (Result, error) {
	ch := make(chan Result, 1) // ok: the buffer holds the one result nobody waits for
	go func() { ch <- slowCall() }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

func withTimeout(d time.Duration) (Result, error) {
	ch := make(chan Result) // want `when withTimeout returns at line 48 after the <-time.After\(d\) case`
	go func() { ch <- slowCall() }()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(d):
	}
	return Result{}, errors.New("timeout")
}

func withTimer(d time.Duration) (Result, error) {
	ch := make(chan Result) // want `after the <-t.C case`
	t := time.NewTimer(d)
	defer t.Stop()
	go func() { ch <- slowCall() }()
	select {
	case r := <-ch:
		return r, nil
	case <-t.C:
		return Result{}, errors.New("timeout")
	}
}

type server struct{ stop chan struct{} }

func (s *server) ask() (Result, bool) {
	errc := make(chan Result) // want `when ask returns at line 73 after the <-s.stop case`
	go func() { errc <- slowCall() }()
	select {
	case r := <-errc:
		return r, true
	case <-s.stop:
		return Result{}, false
	}
}

// first of two results: the loser blocks.
func first() Result {
	a := make(chan Result) // want `the send on a at line 81 blocks forever when first returns at line 87 after the <-b case`
	b := make(chan Result) // want `the send on b at line 82 blocks forever when first returns at line 85 after the <-a case`
	go func() { a <- slowCall() }()
	go func() { b <- slowCall() }()
	select {
	case r := <-a:
		return r
	case r := <-b:
		return r
	}
}

func firstFixed() Result {
	a := make(chan Result, 1) // ok: the loser's result waits in the buffer
	b := make(chan Result, 1) // ok: likewise
	go func() { a <- slowCall() }()
	go func() { b <- slowCall() }()
	select {
	case r := <-a:
		return r
	case r := <-b:
		return r
	}
}

// poll gives up at once when the result is not there yet.
func poll() (Result, bool) { // want poll:`spawner`
	ch := make(chan Result) // want `when poll returns at line 112 after the default case`
	go func() { ch <- slowCall() }()
	select {
	case r := <-ch:
		return r, true
	default:
		return Result{}, false
	}
}

// A sender that selects on the context the receiver leaves by can give up.
func fetchCancellable(ctx context.Context) (Result, error) {
	ch := make(chan Result) // ok: the sender gives up when ctx is done
	go func() {
		select {
		case ch <- slowCall():
		case <-ctx.Done():
		}
	}()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

// Close is the signal: no value is ever sent.
func waitDone(ctx context.Context) error {
	done := make(chan struct{}) // ok: the goroutine closes it, it never blocks
	go func() {
		slowCall()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// The receiver always waits for the result.
func waitAlways() Result {
	ch := make(chan Result) // ok: every path receives
	go func() { ch <- slowCall() }()
	for {
		select {
		case r := <-ch:
			return r
		case <-time.After(time.Second):
			// keep waiting
		}
	}
}

// A goroutine started on one way out receives the late result; the other
// way out has none.
func drainOnOnePath(ctx context.Context, d time.Duration) (Result, error) {
	ch := make(chan Result) // want `the send on ch at line 166 blocks forever when drainOnOnePath returns at line 174 after the <-time.After\(d\) case`
	go func() { ch <- slowCall() }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		go func() { <-ch }() // ok: this way out drains
		return Result{}, ctx.Err()
	case <-time.After(d):
		return Result{}, errors.New("timeout")
	}
}

type conn struct{}

func accept() (*conn, error) { return nil, nil }

// The goroutine answers on one of two channels: the other answer means it
// will not send.
func acceptOne(d time.Duration) (*conn, error) {
	connc := make(chan *conn) // ok: after the error the goroutine sends nothing on connc
	errc := make(chan error)  // ok: after the connection it sends nothing on errc
	go func() {
		c, err := accept()
		if err != nil {
			errc <- err
			return
		}
		connc <- c
	}()
	select {
	case c := <-connc:
		return c, nil
	case err := <-errc:
		return nil, err
	}
}

// Both answers are sent: the error first, then the result.
func acceptBoth() (*conn, error) {
	connc := make(chan *conn)   // want `the send on connc at line 210 blocks forever when acceptBoth returns at line 216 after the <-errc case`
	errc := make(chan error, 1) // ok: buffered for its one send
	go func() {
		c, err := accept()
		errc <- err
		connc <- c
	}()
	select {
	case c := <-connc:
		return c, nil
	case err := <-errc:
		return nil, err
	}
}

// The goroutine closes done after its last chance to send an error: once
// done is closed, nothing more is sent.
func fetchOrFail(ids []int) error {
	errs := make(chan error) // ok: received, or retired by the close of done
	done := make(chan struct{})
	go func() {
		for range ids {
			if r := slowCall(); r.N < 0 {
				errs <- errors.New("negative")
				return
			}
		}
		close(done)
	}()
	select {
	case err := <-errs:
		return err
	case <-done:
		return nil
	}
}

// Closed first, then one more send: done says nothing about it.
func closeThenSend() error {
	errs := make(chan error) // want `the send on errs at line 248 blocks forever when closeThenSend returns at line 254 after the <-done case`
	done := make(chan struct{})
	go func() {
		close(done)
		errs <- errors.New("late")
	}()
	select {
	case err := <-errs:
		return err
	case <-done:
		return nil
	}
}

// Neither answer is received: one goroutine leaks, told once.
func acceptNeither(d time.Duration) error {
	connc := make(chan *conn) // want `the send on connc at line 268 blocks forever when acceptNeither returns at line 277 after the <-time.After\(d\) case: one goroutine leaks per call; make the senders select on the way out, or drain them`
	errc := make(chan error)  // ok: the same goroutine, told at connc
	go func() {
		c, err := accept()
		if err != nil {
			errc <- err
			return
		}
		connc <- c
	}()
	select {
	case c := <-connc:
		_ = c
		return nil
	case err := <-errc:
		return err
	case <-time.After(d):
		return errors.New("timeout")
	}
}
