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
	events := make(chan event) // want `the sends on events at line 22 block forever when watch returns at line 30 after the <-ctx.Done\(\) case: one goroutine leaks per call; make the senders select on the way out, or drain them`
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
func drain(r io.Reader) int { // not a spawner: it waits for its goroutines
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

// The receiver stops on a value it received: the sender blocks only if the
// stream has a second value, which is up to the input (as for a buffer of
// one below), so it is not shown.
func untilEmpty(r io.Reader) int { // not a spawner: it waits for its goroutines
	lines := make(chan string) // ok: not shown to leak, the stream may end with the empty line
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

// Stopped before the first value of the stream.
func untilStop(r io.Reader, stop <-chan struct{}) int {
	lines := make(chan string) // want `the sends on lines at line 123 block forever when untilStop returns at line 132 after the <-stop case`
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	n := 0
	for {
		select {
		case <-lines:
			n++
		case <-stop:
			return n
		}
	}
}

// A stream delivered into a buffer of one: whether two more values come
// after the receiver left is up to the input, not the code.
func firstLine(r io.Reader) string {
	lines := make(chan string, 1) // ok: not shown to leak
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return <-lines
}

// Senders that report their own panic: the exceptional path.
func guarded(jobs []func()) {
	panics := make(chan any, 1) // ok: only a panicking goroutine sends
	for _, job := range jobs {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					panics <- r
				}
			}()
			job()
		}()
	}
	select {
	case p := <-panics:
		panic(p)
	default:
	}
}
