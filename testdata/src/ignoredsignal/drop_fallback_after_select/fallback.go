// Package drop_fallback_after_select proves that the fallback after a
// select may sit outside the if around it, and that a peeked element that
// is removed only once sent is not lost when the send fails.
package drop_fallback_after_select

import "sync"

type Unbounded[T any] struct {
	mu      sync.Mutex
	c       chan T
	backlog []T
}

func (b *Unbounded[T]) Put(t T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.backlog) == 0 {
		select {
		case b.c <- t: // ok: returns; the default falls through to the append below the if
			return
		default:
		}
	}
	b.backlog = append(b.backlog, t)
}

func (b *Unbounded[T]) Load() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.backlog) > 0 {
		select {
		case b.c <- b.backlog[0]: // ok: peeked; removed only once sent
			var zero T
			b.backlog[0] = zero
			b.backlog = b.backlog[1:]
		default:
		}
	}
}

type server struct {
	workers int
	work    chan func()
}

func (s *server) dispatch(f func()) {
	if s.workers > 0 {
		select {
		case s.work <- f: // ok: the fallback runs f on a new goroutine
			return
		default:
			// all workers busy: fall back to a goroutine
		}
	}
	go f()
}

func lastInIfAtEnd(out chan int, v int, cond bool) {
	if cond {
		select {
		case out <- v: // want `send on out in a select with an empty default`
			return
		default:
		}
	}
}

func peekWithoutRemoval(out chan int, q []int) {
	select {
	case out <- q[0]: // want `send on out in a select with an empty default`
	default:
	}
}

func lastInLoop(out chan int, vs []int) {
	for _, v := range vs {
		if v > 0 {
			select {
			case out <- v: // want `send on out in a select with an empty default`
				continue
			default:
			}
		}
	}
}

func inSwitch(out chan int, v, kind int, spill func(int)) {
	switch kind {
	case 1:
		select {
		case out <- v: // want `send on out in a select with an empty default`
			return
		default:
		}
	case 2:
		spill(v) // another case, not a fallback of case 1
	}
}

func inSwitchWithFallback(out chan int, v, kind int, spill func(int)) {
	switch kind {
	case 1:
		select {
		case out <- v: // ok: the fallback after the switch handles v
			return
		default:
		}
	}
	spill(v)
}

func elseBranch(out chan int, v int, cond bool, spill func(int)) {
	if cond {
		spill(v)
	} else if v > 0 {
		select {
		case out <- v: // ok: falls through to the spill after the if chain
			return
		default:
		}
	}
	spill(v)
}
