// Package fanin_drains proves that unbuffered-fan-in stays silent when
// every sender is received after all: the receiver drains the channel
// (deferred, or in a goroutine started on the way out), closes a done
// channel the senders select on, or receives until the channel is closed.
package fanin_drains

import (
	"context"
	"sync"
	"time"
)

func work(int) int { return 1 }

func deferredDrain(ids []int) int { // not a spawner: it waits for its goroutines
	ch := make(chan int) // ok: the deferred loop receives what is left
	defer func() {
		for range ch {
		}
	}()
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() { defer wg.Done(); ch <- work(id) }()
	}
	go func() { wg.Wait(); close(ch) }()
	for v := range ch {
		if v < 0 {
			return v
		}
	}
	return 0
}

func drainOnTimeout(d time.Duration) int {
	ch := make(chan int) // ok: the timeout path starts a goroutine that receives the late result
	go func() { ch <- work(0) }()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		go func() { <-ch }()
		return 0
	}
}

func doneClosed(ids []int) int {
	ch := make(chan int) // ok: the senders select on done, which the receiver closes when it leaves
	done := make(chan struct{})
	defer close(done)
	for _, id := range ids {
		go func() {
			select {
			case ch <- work(id):
			case <-done:
			}
		}()
	}
	for range ids {
		if v := <-ch; v < 0 {
			return v
		}
	}
	return 0
}

func cancelled(ctx context.Context, ids []int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error) // ok: the senders give up when the context is cancelled
	for range ids {
		go func() {
			select {
			case errc <- ctx.Err():
			case <-ctx.Done():
			}
		}()
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func closedByWaitGroup(ids []int) []int { // not a spawner: it waits for its goroutines
	ch := make(chan int) // ok: received until the closer sees every sender done
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() { defer wg.Done(); ch <- work(id) }()
	}
	go func() { wg.Wait(); close(ch) }()
	var out []int
	for v := range ch {
		out = append(out, v)
	}
	return out
}

func commaOk(ids []int) []int {
	ch := make(chan int) // ok: received until closed
	go func() {
		defer close(ch)
		for _, id := range ids {
			ch <- work(id)
		}
	}()
	var out []int
	for {
		v, ok := <-ch
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// The goroutine reports its first error only: every send waits for a flag
// it then sets.
func firstErrorOnly(steps []func() error) error {
	errc := make(chan error) // ok: one send in all, and one receive
	go func() {
		defer close(errc)
		sent := false
		report := func(err error) {
			if !sent {
				errc <- err
				sent = true
			}
		}
		for _, step := range steps {
			if err := step(); err != nil {
				report(err)
			}
		}
		report(nil)
	}()
	return <-errc
}

// Without the flag set, each report sends.
func everyError(steps []func() error) error {
	errc := make(chan error) // want `the sends on errc at line 151 block forever when everyError returns at line 161`
	go func() {
		defer close(errc)
		sent := false
		report := func(err error) {
			if !sent {
				errc <- err
			}
		}
		for _, step := range steps {
			if err := step(); err != nil {
				report(err)
			}
		}
		report(nil)
	}()
	return <-errc
}
