// Package silentdrop proves silent-drop: a select send with an empty default
// is reported; a default that does something, wake-up and error channels,
// and fallbacks after a leaving send case are not.
package silentdrop

import (
	"log"
	"sync/atomic"
)

type Event struct{ ID int }

var dropped atomic.Int64

func drop(out chan<- Event, ev Event) {
	select {
	case out <- ev: // want `send on out in a select with an empty default drops the value when the channel is full and nothing counts it: under load data is lost unseen; count or log the drop, or block with a timeout`
	default:
	}
}

func commentOnly(out chan Event, ev Event, done <-chan struct{}) {
	select {
	case out <- ev: // want `send on out in a select with an empty default drops the value`
	case <-done:
		return
	default:
		// drop it
	}
}

func unlabeledBreak(out chan int, v int) {
	select {
	case out <- v: // want `send on out in a select with an empty default`
		break // leaves the select only, landing where the default does
	default:
	}
	log.Print("after")
}

func inLoop(out chan int, vs []int) {
	for _, v := range vs {
		select {
		case out <- v: // want `send on out in a select with an empty default`
			continue
		default:
		}
	}
}

func counted(out chan Event, ev Event) {
	select {
	case out <- ev: // ok: the default counts the drop
	default:
		dropped.Add(1)
	}
}

func logged(out chan Event, ev Event) {
	select {
	case out <- ev: // ok: the default logs
	default:
		log.Printf("dropping %d", ev.ID)
	}
}

func wake(notify chan struct{}) {
	select {
	case notify <- struct{}{}: // ok: coalescing wake-up, a dropped one loses nothing
	default:
	}
}

type token struct{}

func wakeNamed(notify chan token) {
	select {
	case notify <- token{}: // ok: an empty struct type
	default:
	}
}

func firstError(errc chan error, err error) {
	select {
	case errc <- err: // ok: first error wins, later ones are meant to be dropped
	default:
	}
}

func fallback(out chan Event, ev Event, spill func(Event)) {
	select {
	case out <- ev: // ok: the send case returns; the default falls through to the fallback
		return
	default:
	}
	spill(ev)
}

func labeledFallback(out chan Event, evs []Event, spill func(Event)) {
loop:
	for _, ev := range evs {
		select {
		case out <- ev: // ok: continue leaves; the default falls through to the spill
			continue loop
		default:
		}
		spill(ev)
	}
}

func blocking(out chan Event, ev Event) {
	select {
	case out <- ev: // ok: no default, the send blocks
	}
}

func receiveOnly(in chan Event) Event {
	select {
	case ev := <-in: // ok: a receive, nothing is dropped
		return ev
	default:
	}
	return Event{}
}
