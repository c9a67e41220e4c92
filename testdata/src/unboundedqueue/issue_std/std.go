// Package issue_std holds regression tests from running on the standard
// library: counted loops, signals received without a value, spawners and
// iterations that wait for their goroutine, loop indexes taken for head
// indexes, and receivers that count down every sender.
package issue_std

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
			go work(v) // want `a goroutine is started for each value received from in`
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

// database/sql: a loop index is not a head index.
type stmt struct {
	mu  sync.Mutex
	css []int
}

func (s *stmt) add(c int) {
	s.mu.Lock()
	s.css = append(s.css, c) // ok: removeClosed swaps with the last element, it does not consume the front
	s.mu.Unlock()
}

func (s *stmt) removeClosed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < len(s.css); i++ {
		if s.css[i] < 0 {
			s.css[i] = s.css[len(s.css)-1]
			s.css = s.css[:len(s.css)-1]
			i--
		}
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
