// Package spawn_loops_not_driven_by_items: counted loops, signals received without a value, spawners and
// iterations that wait for their goroutine, and receivers that count down
// every sender (its queue cases are in queue_swap_remove and
// queue_byte_chunks).
package spawn_loops_not_driven_by_items

import (
	"context"
	"sync"
)

func work(int) {}

// context/x_test.go: a counted loop is not an unbounded source, whatever it
// receives.
func counted(done <-chan struct{}) {
	for i := 0; i < 100; i++ {
		go work(i) // ok: 100 iterations
		<-done
	}
}

// A bare receive (case <-ctx.Done(), <-tick) is a signal, not an item.
func ticks(ctx context.Context, tick <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			go work(0) // ok: a goroutine per tick is not per received item (no value)
		}
	}
}

func items(ctx context.Context, in <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case v := <-in:
			go work(v) // want `goroutine started per value received from in with no limit`
		}
	}
}

// testing.T.Run: spawns and waits, so it is not a spawner.
type T struct{ signal chan bool }

func (t *T) Run(f func()) bool {
	go func() {
		f()
		t.signal <- true
	}()
	return <-t.signal
}

func subtests(in <-chan func(), t *T) {
	for f := range in {
		t.Run(f) // ok: Run waits for its goroutine
	}
}

// An iteration that waits for its goroutine runs them one at a time.
func oneAtATime(in <-chan int) {
	var wg sync.WaitGroup
	for v := range in {
		wg.Add(1)
		go func() { // ok: waited for below, in the same iteration
			defer wg.Done()
			work(v)
		}()
		wg.Wait()
	}
}

// internal/fuzz: the receiver counts every sender down before it returns.
func coordinate(n int) error {
	errC := make(chan error) // ok: the loop returns only once all n have reported
	for i := 0; i < n; i++ {
		go func() { errC <- nil }()
	}
	active := n
	for {
		select {
		case err := <-errC:
			_ = err
			active--
			if active == 0 {
				return nil
			}
		}
	}
}

// net/dial.go: a spawn on a timer case is not per item, although another
// case of the same select receives values.
func racer(timer <-chan struct{}, results <-chan int) {
	for {
		select {
		case <-timer:
			go work(0) // ok: once per timer signal
		case r := <-results:
			if r > 0 {
				return
			}
		}
	}
}

// runtime/proc_test.go: as many single receives as senders drain them all.
func pingPong() {
	c := make(chan bool) // ok: two senders, two receives
	for g := 0; g < 2; g++ {
		go func() { c <- true }()
	}
	<-c
	<-c
}

// net/tcpsock_test.go: a draining loop plus one more receive for another
// goroutine.
func drainThenOne(conns int) {
	done := make(chan bool) // ok: the loop hears every sender
	go func() { done <- true }()
	for i := 0; i < conns; i++ {
		go func() { done <- true }()
	}
	for i := 0; i < conns; i++ {
		<-done
	}
	<-done
}

// crypto/tls/tls_test.go: a loop that makes a channel per iteration starts
// one sender per channel.
func perIteration(n int) {
	for i := 0; i < n; i++ {
		ch := make(chan int) // ok: one sender for this channel
		go func() { ch <- i }()
		if <-ch > 3 {
			break
		}
	}
}

// time/tick_test.go: the variable is reassigned to a buffered channel.
func reassignedChan() {
	done := make(chan bool) // ok: the senders below use the buffered one
	go func() { close(done) }()
	<-done
	done = make(chan bool, 2)
	for range 2 {
		go func() { done <- true }()
	}
	<-done
}

type acceptor interface{ Accept() (int, error) }

// rangeOverCount accepts a fixed number of connections: a range over an
// integer variable is counted (its test ends the body, not the header, in
// the SSA form), also without a loop variable.
func rangeOverCount(l acceptor) {
	streams := 100
	for range streams {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go work(c) // ok: streams goroutines at most
	}
	for i := range streams {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go work(c + i) // ok
	}
}
