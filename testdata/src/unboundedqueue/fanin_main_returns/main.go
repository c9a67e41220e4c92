// Package main proves that a return from main.main, which ends the
// program, leaks no goroutine: its blocked senders end with the process,
// as with os.Exit. The same shape in another function of the main package
// (or in a function literal of main) stays reported.
package main

import (
	"net"
	"os"
	"os/signal"
)

func main() {
	errs := make(chan error) // ok: main returns, and the program with it
	term := make(chan os.Signal, 1)
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		os.Exit(1)
	}
	go func() {
		_, err := ln.Accept()
		errs <- err
	}()
	signal.Notify(term, os.Interrupt)
	select {
	case <-term:
	case <-errs:
	}
	ln.Close()

	func() {
		done := make(chan error) // want `the send on done at line 35 blocks forever when the function literal returns at line 39 after the <-term case`
		go func() {
			_, err := ln.Accept()
			done <- err
		}()
		select {
		case <-term:
			return
		case <-done:
		}
	}()
	serve(ln, term)
}

func serve(ln net.Listener, term chan os.Signal) {
	errs := make(chan error) // want `the send on errs at line 50 blocks forever when serve returns at line 54 after the <-term case`
	go func() {
		_, err := ln.Accept()
		errs <- err
	}()
	select {
	case <-term:
		return
	case <-errs:
	}
}
