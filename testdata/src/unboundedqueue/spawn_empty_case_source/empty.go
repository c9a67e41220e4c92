// Package spawn_empty_case_source proves that a select case with no
// statements of its own is not the source of what another case does. The
// SSA builder gives an empty case no block: its jump is threaded to the
// select's join and on to the loop's header, which every path of the
// iteration passes, so a spawn in a wake-up case was taken for a spawn per
// tick of the loop's empty idle timer. The nearest true positive, a spawn
// in a timer case with a body, is still reported.
package spawn_empty_case_source

import "time"

type hub struct {
	join   chan int
	rehash chan struct{}
	stop   chan struct{}
}

func (h *hub) migrate() { h.join <- 0 }

func (h *hub) work() { time.Sleep(time.Second) }

func (h *hub) run() {
	for {
		select {
		case j := <-h.join:
			_ = j
		case <-h.rehash:
			go h.migrate() // ok: one per wake-up, not per tick of the idle timer below
		case <-h.stop:
			return
		case <-time.After(time.Second):
		}
	}
}

func (h *hub) runOnTick() {
	for {
		select {
		case <-h.stop:
			return
		case <-time.After(time.Second):
			go h.work() // want `goroutine started per tick of time.After\(time.Second\) with no limit`
		}
	}
}
