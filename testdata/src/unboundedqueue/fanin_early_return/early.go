// Package fanin_early_return proves unbuffered-fan-in when the receiver
// leaves before it receives, with no select at all: a return on an error,
// and in tests t.Fatal, t.FailNow, t.Skip, runtime.Goexit and helpers that
// call them (leaks in tests are real: they make suites flaky and fail leak
// checkers). A panic, os.Exit or log.Fatal ends the program instead, and
// is not reported. The fixed forms beside each are silent.
package fanin_early_return

import (
	"errors"
	"log"
	"os"
)

type conn struct{}

func dial() (*conn, error)   { return nil, nil }
func serve() error           { return nil }
func (c *conn) check() error { return nil }

func start() error {
	errc := make(chan error) // want `the send on errc at line 23 blocks forever when start returns at line 26: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { errc <- serve() }()
	c, err := dial()
	if err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	return <-errc
}

func startFixed() error {
	errc := make(chan error, 1) // ok: the buffer takes the error nobody waits for
	go func() { errc <- serve() }()
	c, err := dial()
	if err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	return <-errc
}

// startOrDie exits the process on the way out: the goroutine dies with it.
func startOrDie() error {
	errc := make(chan error) // ok: os.Exit and log.Fatal end the program
	go func() { errc <- serve() }()
	c, err := dial()
	if err != nil {
		log.Fatal(err)
	}
	if c == nil {
		os.Exit(1)
	}
	if err := c.check(); err != nil {
		panic(err)
	}
	return <-errc
}

var errNotReady = errors.New("not ready")

// startCount reports a return with no explicit return statement.
func startCount(ready bool) {
	done := make(chan int) // want `when startCount returns at line 71`
	go func() { done <- 1 }()
	if !ready {
		return
	}
	<-done
}

// startMaybe waits only sometimes, and ends without a return statement.
func startMaybe(ready bool) {
	done := make(chan int) // want `when startMaybe returns at line 83`
	go func() { done <- 1 }()
	if ready {
		<-done
	}
}
