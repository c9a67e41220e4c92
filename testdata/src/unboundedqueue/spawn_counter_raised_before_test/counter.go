// Package spawn_counter_raised_before_test proves that a counting
// semaphore written as "raise, then test, leave above the bound" limits the
// goroutines as surely as one raised in its test: the counter is raised
// before the comparison in the same iteration, the loop stops or skips the
// item once it is over the bound, and the goroutine lowers it when its work
// ends. Two forms: a watcher whose counter is a local shared with its
// goroutines through their closures (an atomic.Int64 captured by both), and
// a server whose counter is a field, raised with atomic.AddInt64 and read
// with atomic.LoadInt64. The nearest true positives beside them stay
// reported: the same counter given back right after the go statement (it
// bounds the go statement, not the goroutines), and one raised and tested
// but never lowered.
package spawn_counter_raised_before_test

import (
	"errors"
	"net"
	"sync/atomic"
)

type target struct{ id string }

func tail(t target) { _ = t }

func watch(targets <-chan target, max int64) error {
	var running atomic.Int64
	for t := range targets {
		running.Add(1)
		if running.Load() > max {
			return errors.New("too many")
		}
		go func() { // ok: running counts this goroutine until it ends, and the loop stops above max
			tail(t)
			running.Add(-1)
		}()
	}
	return nil
}

type server struct {
	conns    int64
	maxConns int64
}

func (s *server) serve(c net.Conn) {
	defer atomic.AddInt64(&s.conns, -1)
	c.Close()
}

func (s *server) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		atomic.AddInt64(&s.conns, 1)
		if atomic.LoadInt64(&s.conns) > s.maxConns {
			atomic.AddInt64(&s.conns, -1)
			c.Close()
			continue
		}
		go s.serve(c) // ok: refused above s.maxConns; serve lowers the count when it ends
	}
}

// Given back as soon as the go statement ran: the count says how many
// go statements are running, not how many goroutines.
func watchReleasedEarly(targets <-chan target, max int64) error {
	var starting atomic.Int64
	for t := range targets {
		starting.Add(1)
		if starting.Load() > max {
			return errors.New("too many")
		}
		go tail(t) // want `goroutine started per value received from targets with no limit`
		starting.Add(-1)
	}
	return nil
}

// Raised and tested, never lowered: every item spawns until the count
// passes the bound once, then nothing does; no goroutine gives back.
func watchNeverLowered(targets <-chan target, max int64) error {
	var seen atomic.Int64
	for t := range targets {
		seen.Add(1)
		if seen.Load() > max {
			return errors.New("too many")
		}
		go tail(t) // want `goroutine started per value received from targets with no limit`
	}
	return nil
}
