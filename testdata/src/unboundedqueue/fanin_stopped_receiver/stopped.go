// Package fanin_stopped_receiver proves unbuffered-fan-in on a sender that
// keeps sending while the only loop that receives from it has left on a
// stop signal the sender does not watch: its next send blocks forever. No
// buffer holds an unbounded stream, so the remedy is that the sender
// selects on the stop too; those fixed forms are silent, and so is a
// receiver that drains the channel.
package fanin_stopped_receiver

import (
	"bufio"
	"context"
	"io"
)

type event struct{ line string }

func watch(ctx context.Context, r io.Reader, handle func(event)) error {
	events := make(chan event) // want `the sends on events at line 22 block forever when watch returns at line 30 after the <-ctx.Done\(\) case: one goroutine leaks per call under load; make the senders select on the way out too, or receive what they send`
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			events <- event{sc.Text()}
		}
	}()
	for {
		select {
		case ev := <-events:
			handle(ev)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func watchFixed(ctx context.Context, r io.Reader, handle func(event)) error {
	events := make(chan event) // ok: the sender gives up when ctx is done
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			select {
			case events <- event{sc.Text()}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case ev := <-events:
			handle(ev)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

type ticker struct{ stop chan struct{} }

// run breaks out of its receive loop on stop.
func (t *ticker) run(handle func(int)) {
	ticks := make(chan int) // want `the sends on ticks at line 64 block forever when run returns at line 76 after the <-t.stop case: one goroutine leaks per call`
	go func() {
		for i := 0; ; i++ {
			ticks <- i
		}
	}()
loop:
	for {
		select {
		case n := <-ticks:
			handle(n)
		case <-t.stop:
			break loop
		}
	}
}

// The receiver drains the stream until the sender closes it.
func drain(r io.Reader) int { // want drain:`spawner`
	lines := make(chan string) // ok: received until closed
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	n := 0
	for range lines {
		n++
	}
	return n
}

// The receiver stops on a value it received.
func untilEmpty(r io.Reader) int { // want untilEmpty:`spawner`
	lines := make(chan string) // want `the sends on lines at line 102 block forever when untilEmpty leaves its receive loop at line 107`
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	n := 0
	for l := range lines {
		if l == "" {
			break
		}
		n++
	}
	return n
}
