// Package fanin_error_after_last_send proves that a receiver which leaves
// only on the error its one sender sends as its last act leaks nothing:
// the sender reads a stream, sends each value, and on the first error
// sends the error and returns, so once the receiver took the error every
// value was taken too. Seen on a relay's connection handler (the reader
// named function and its two channels made in place) and on an event
// stream client (the two channels returned by a helper that starts the
// reader).
package fanin_error_after_last_send

import (
	"context"
	"errors"
)

type conn struct{ n int }

func (c *conn) read() (int, error) {
	c.n++
	if c.n > 3 {
		return 0, errors.New("eof")
	}
	return c.n, nil
}

// reader sends what it reads, and the error as its last act.
func reader(c *conn, msgs chan<- int, errs chan<- error) {
	for {
		m, err := c.read()
		if err != nil {
			errs <- err
			return
		}
		msgs <- m
	}
}

// handle leaves only after the error: silent.
func handle(c *conn) error {
	msgs := make(chan int)
	errs := make(chan error)
	go reader(c, msgs, errs)
	total := 0
	for {
		select {
		case m := <-msgs:
			total += m
		case err := <-errs:
			_ = total
			return err
		}
	}
}

// handleLiteral is the same with the reader written in place: silent.
func handleLiteral(c *conn) error {
	msgs := make(chan int)
	errs := make(chan error)
	go func() {
		for {
			m, err := c.read()
			if err != nil {
				errs <- err
				return
			}
			msgs <- m
		}
	}()
	for {
		select {
		case <-msgs:
		case err := <-errs:
			return err
		}
	}
}

// handleCancel also leaves on ctx.Done: the reader may be blocked on its
// send on msgs then.
func handleCancel(ctx context.Context, c *conn) error {
	msgs := make(chan int) // want `the sends on msgs at line 34 block forever when handleCancel returns at line 90 after the <-ctx.Done\(\) case`
	errs := make(chan error) // want `the send on errs at line 31 blocks forever when handleCancel returns at line 90 after the <-ctx.Done\(\) case`
	go reader(c, msgs, errs)
	for {
		select {
		case <-msgs:
		case err := <-errs:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// readerGoesOn sends the error and then goes on sending values: the error
// is not its last act.
func readerGoesOn(c *conn, msgs chan<- int, errs chan<- error) {
	for {
		m, err := c.read()
		if err != nil {
			errs <- err
		}
		msgs <- m
	}
}

func handleGoesOn(c *conn) error {
	msgs := make(chan int) // want `the sends on msgs at line 103 block forever when handleGoesOn returns at line 115 after the <-errs case`
	errs := make(chan error)
	go readerGoesOn(c, msgs, errs)
	for {
		select {
		case <-msgs:
		case err := <-errs:
			return err
		}
	}
}

// handleTwo starts two readers: the first error leaves the other's sends.
func handleTwo(a, b *conn) error {
	msgs := make(chan int) // want `the sends on msgs at line 34 block forever when handleTwo returns at line 130 after the <-errs case`
	errs := make(chan error) // want `the send on errs at line 31 blocks forever when handleTwo returns at line 130`
	go reader(a, msgs, errs)
	go reader(b, msgs, errs)
	for {
		select {
		case <-msgs:
		case err := <-errs:
			return err
		}
	}
}
