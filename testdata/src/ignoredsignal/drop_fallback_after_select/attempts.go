package drop_fallback_after_select

import "context"

type worker struct{ ch chan int }

// Each worker is tried in turn; when all are full, the value is sent
// blocking after the loop: every failed attempt goes on to another.
func dispatch(ctx context.Context, workers []*worker, v int) error {
	for i := 1; i < len(workers); i++ {
		select {
		case workers[i].ch <- v: // ok: the default goes on to the next worker, then to the blocking send
			return nil
		default:
		}
	}
	select {
	case workers[0].ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func dispatchRange(workers []*worker, v int, spill func(int)) {
	for _, w := range workers {
		select {
		case w.ch <- v: // ok: the same over a range, spilled after the loop
			return
		default:
		}
	}
	spill(v)
}

// Nothing follows the loop: when every worker is full the value is lost.
func dispatchLost(workers []*worker, v int) {
	for _, w := range workers {
		select {
		case w.ch <- v: // want `send on w.ch in a select with an empty default drops the value`
			return
		default:
		}
	}
}

// A broadcast: the send case goes on to the next subscriber, so the
// statement after the loop is no fallback for the value a full one drops.
func broadcast(subs []*worker, v int, count func()) {
	for _, s := range subs {
		select {
		case s.ch <- v: // want `send on s.ch in a select with an empty default drops the value`
			continue
		default:
		}
	}
	count()
}
