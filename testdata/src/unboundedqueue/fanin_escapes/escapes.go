// Package fanin_escapes proves that unbuffered-fan-in stays silent when
// the channel goes where bplint cannot see who receives: stored in a
// field, sent on another channel, passed to a function without a summary
// or through an interface, captured by a closure handed to unknown code,
// reassigned, or received by another goroutine. Each would leak exactly
// like the reported forms if nobody else received; here someone may.
package fanin_escapes

import (
	"context"
	"time"
)

type request struct {
	reply chan int
}

type server struct {
	reqs    chan request
	pending chan int
}

func work() int { return 1 }

func (s *server) stored(ctx context.Context) int {
	ch := make(chan int) // ok: stored in a field another method may drain
	s.pending = ch
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

func (s *server) sentOn(ctx context.Context) int {
	reply := make(chan int) // ok: sent to whoever serves s.reqs
	go func() { reply <- work() }()
	s.reqs <- request{reply: reply}
	select {
	case v := <-reply:
		return v
	case <-ctx.Done():
		return 0
	}
}

type registry interface{ Register(chan int) }

func registered(r registry, d time.Duration) int {
	ch := make(chan int) // ok: the registry may receive too
	r.Register(ch)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		return 0
	}
}

var handoff func(chan int)

func handedOff(d time.Duration) int {
	ch := make(chan int) // ok: handed to a function value
	handoff(ch)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		return 0
	}
}

func later(f func()) { go f() } // want later:`spawner`

func capturedElsewhere(d time.Duration) int {
	ch := make(chan int) // ok: the closure runs inside code we do not follow, and it receives
	go func() { ch <- work() }()
	later(func() { <-ch })
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		return 0
	}
}

func reassigned(d time.Duration, swap bool) int {
	ch := make(chan int) // ok: which channel is received from depends on the path
	go func() { ch <- work() }()
	if swap {
		ch = make(chan int, 1)
	}
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		return 0
	}
}

// Receivers in other goroutines, one per sender.
func relayed(n int, d time.Duration) {
	pub := make(chan int) // ok: received by goroutines of their own
	for i := 0; i < n; i++ {
		go func() { pub <- work() }()
	}
	for i := 0; i < n; i++ {
		go func() { <-pub }()
	}
	<-time.After(d)
}
