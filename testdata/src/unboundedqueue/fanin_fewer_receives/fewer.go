// Package fanin_fewer_receives proves unbuffered-fan-in on several senders
// (started in a loop, or by a helper of this package or another) on a
// channel whose buffer is smaller than their number, with a receiver that
// can stop early: on the first error, the first result, a break, or with
// fewer receives than senders. The fixed forms beside each are silent.
package fanin_fewer_receives

import (
	"context"

	"unboundedqueue/fanin_fewer_receives/workers"
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

func firstErrorFixed(ids []int) error {
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

// A buffer of one does not cover n senders.
func firstErrorOneSlot(ctx context.Context, n int) error {
	ch := make(chan result, 1) // want `the sends on ch at line 51 block forever when firstErrorOneSlot returns at line 58 after the <-ctx.Done\(\) case.*\(capacity n\)`
	for i := 0; i < n; i++ {
		go func() { ch <- fetch(i) }()
	}
	for i := 0; i < n; i++ {
		select {
		case r := <-ch:
			_ = r
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Four senders, four slots, four receives: len(results) is not known here,
// and two receives short of it is no evidence.
func asMany(results []int) int {
	acks := make(chan int, 4) // ok: not shown to leak
	for _, r := range results {
		go func() { acks <- fetch(r).v }()
	}
	return <-acks + <-acks + <-acks + <-acks
}

// Three senders, two receives: one leaks.
func twoOfThree() int {
	ch := make(chan int) // want `the send on ch at line 78 blocks forever when twoOfThree returns at line 81: one goroutine leaks per call; buffer the channel for every sender \(capacity 3\)`
	for i := range 3 {
		go func() { ch <- fetch(i).v }()
	}
	a, b := <-ch, <-ch
	return a + b
}

func threeOfThree() int {
	ch := make(chan int) // ok: one receive per sender
	for i := range 3 {
		go func() { ch <- fetch(i).v }()
	}
	return <-ch + <-ch + <-ch
}

// The first of several results wins.
func fastest(replicas []int) int {
	ch := make(chan int) // want `the sends on ch at line 96 block forever when fastest returns at line 98: .*\(capacity len\(replicas\)\)`
	for _, r := range replicas {
		go func() { ch <- fetch(r).v }()
	}
	return <-ch
}

// A break out of a receive loop over the channel.
func until(ids []int, stop int) int {
	ch := make(chan int) // want `the sends on ch at line 105 block forever when until leaves its receive loop at line 109`
	for _, id := range ids {
		go func() { ch <- id }()
	}
	n := 0
	for v := range ch {
		if v == stop {
			break
		}
		n++
	}
	return n
}

// Senders started by a helper of this package.
func startAll(ch chan<- result, ids []int) {
	for _, id := range ids {
		go func() { ch <- fetch(id) }()
	}
}

func viaHelper(ctx context.Context, ids []int) error {
	ch := make(chan result) // want `the sends on ch at line 120 block forever when viaHelper returns at line 134 after the <-ctx.Done\(\) case: .*\(capacity len\(ids\)\)`
	startAll(ch, ids)
	for range ids {
		select {
		case r := <-ch:
			if r.err != nil {
				return r.err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Senders started by a helper of another package (a SendsFact).
func viaImported(jobs []int) int {
	ch := make(chan int) // want `the senders on ch block forever when viaImported returns at line 144: .*\(capacity len\(jobs\)\)`
	workers.StartAll(ch, jobs)
	return <-ch
}

func viaImportedAll(jobs []int) int {
	ch := make(chan int) // ok: one receive per job
	workers.StartAll(ch, jobs)
	sum := 0
	for range jobs {
		sum += <-ch
	}
	return sum
}

func viaImportedTwo() int {
	ch := make(chan int) // want `when viaImportedTwo returns at line 160: one goroutine leaks per call; buffer the channel for every sender \(capacity 2\)`
	workers.StartTwo(ch)
	return <-ch
}

// A countdown: the loop leaves when every sender was heard.
func countdown(ids []int) []int {
	ch := make(chan int) // ok: the loop runs until the count of senders is reached
	for _, id := range ids {
		go func() { ch <- id }()
	}
	var out []int
	left := len(ids)
	for v := range ch {
		out = append(out, v)
		left--
		if left == 0 {
			break
		}
	}
	return out
}

// Collected until as many results as ids arrived.
func collect(ids []int) []int {
	ch := make(chan int) // ok: the loop leaves on a count it keeps
	for _, id := range ids {
		go func() { ch <- id }()
	}
	var out []int
	for {
		out = append(out, <-ch)
		if len(out) == len(ids) {
			return out
		}
	}
}

// Two loops over range n: both skip when n is 0, together.
func rangeTwice(n int) int {
	ch := make(chan int) // ok: n senders, n receives
	for i := range n {
		go func() { ch <- fetch(i).v }()
	}
	s := 0
	for range n {
		s += <-ch
	}
	return s
}

// The sender starts only if async; the receive happens only then too.
func maybeAsync(async bool) int {
	ch := make(chan int) // ok: the same condition decides both
	if async {
		go func() { ch <- fetch(0).v }()
	}
	v := 0
	if async {
		v = <-ch
	}
	return v
}
