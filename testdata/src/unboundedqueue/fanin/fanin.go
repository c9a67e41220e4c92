// Package fanin proves unbuffered-fan-in: senders started in a loop on one
// unbuffered channel whose receiver can stop early are reported (with the
// fix "buffer the channel for every sender" when the trip count is known);
// buffered channels, receivers that always drain and senders that select on
// cancellation are not.
package fanin

import (
	"context"
	"errors"
	"time"
)

type result struct {
	v   int
	err error
}

func fetch(int) result { return result{} }

func firstError(ids []int) error {
	ch := make(chan result) // want `the sends on ch at line 24 block forever when firstError returns at line 28: its goroutines leak on every call; buffer the channel for every sender \(capacity len\(ids\)\)`
	for _, id := range ids {
		go func() { ch <- fetch(id) }()
	}
	for range ids {
		if r := <-ch; r.err != nil {
			return r.err
		}
	}
	return nil
}

func fastest(n int) int {
	ch := make(chan int) // want `the sends on ch at line 37 block forever when fastest returns at line 39: .* \(capacity n\)`
	for i := 0; i < n; i++ {
		go func() { ch <- fetch(i).v }()
	}
	return <-ch
}

func withTimeout(ids []int) ([]int, error) {
	ch := make(chan int) // want `the sends on ch at line 45 block forever when withTimeout returns at line 53 after the <-time.After\(time.Second\) case`
	for _, id := range ids {
		go func() { ch <- id }()
	}
	var out []int
	for range ids {
		select {
		case v := <-ch:
			out = append(out, v)
		case <-time.After(time.Second):
			return out, errors.New("timeout")
		}
	}
	return out, nil
}

func rangeWithBreak(ids []int, stop int) {
	ch := make(chan int, 0) // want `the sends on ch at line 62 block forever when rangeWithBreak leaves its receive loop at line 65`
	for _, id := range ids {
		go func() { ch <- id }()
	}
	for v := range ch {
		if v == stop {
			break
		}
	}
}

// Negatives.

func buffered(ids []int) error {
	ch := make(chan result, len(ids)) // ok: a slot for every sender
	for _, id := range ids {
		go func() { ch <- fetch(id) }()
	}
	for range ids {
		if r := <-ch; r.err != nil {
			return r.err
		}
	}
	return nil
}

func drainsAll(ids []int) int {
	ch := make(chan int) // ok: the receiver hears every sender
	for _, id := range ids {
		go func() { ch <- fetch(id).v }()
	}
	sum := 0
	for range ids {
		sum += <-ch
	}
	return sum
}

func drainsWithSelectBreak(ids []int) int {
	ch := make(chan int) // ok: the break leaves only the select
	for _, id := range ids {
		go func() { ch <- id }()
	}
	sum := 0
	for range ids {
		select {
		case v := <-ch:
			if v < 0 {
				break
			}
			sum += v
		}
	}
	return sum
}

func cancellable(ctx context.Context, ids []int) error {
	ch := make(chan result) // ok: senders give up when ctx is done
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for _, id := range ids {
		go func() {
			select {
			case ch <- fetch(id):
			case <-ctx.Done():
			}
		}()
	}
	for range ids {
		if r := <-ch; r.err != nil {
			return r.err
		}
	}
	return nil
}

func singleSender() int { // not a spawner: it waits for its goroutine
	ch := make(chan int) // ok: one sender, not started in a loop
	go func() { ch <- 1 }()
	return <-ch
}
