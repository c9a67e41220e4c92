// Package drop_last_notice_before_close proves that a non-blocking send
// followed, on every path out of its select, by close of the same channel
// is not reported: the close reaches every receiver whatever the send did,
// and no send can follow it, so at most one value per channel is lost, the
// payload of a final notice. The nearest true positives (a case that
// returns before the close, a close of another channel, a close only on one
// branch, a send in a loop with the close after the loop) are reported.
package drop_last_notice_before_close

type state struct{ code int }

type delivery struct {
	done  chan state
	other chan state
}

type mux struct {
	pending map[uint32]chan state
}

// settle sends the outcome, then closes: the settled signal is the close.
func (m *mux) settle(id uint32, s state) {
	if done, ok := m.pending[id]; ok {
		delete(m.pending, id)
		select {
		case done <- s: // ok: close(done) follows on every path
		default:
		}
		close(done)
	}
}

// fail offers the error of a listener that is shutting down, then closes.
func (d *delivery) fail(s state) {
	select {
	case d.done <- s: // ok: close(d.done) follows, after a statement that stays
	default:
	}
	d.other = nil
	close(d.done)
}

func (d *delivery) leaveEarly(s state, stop bool) {
	select {
	case d.done <- s: // want `send on d.done in a select with an empty default drops the value`
		if stop {
			return
		}
	default:
	}
	close(d.done)
}

func (d *delivery) closeOther(s state) {
	select {
	case d.done <- s: // want `send on d.done in a select with an empty default drops the value`
	default:
	}
	close(d.other)
}

func (d *delivery) closeSometimes(s state, last bool) {
	select {
	case d.done <- s: // want `send on d.done in a select with an empty default drops the value`
	default:
	}
	if last {
		close(d.done)
	}
}

func (d *delivery) stream(ss []state) {
	for _, s := range ss {
		select {
		case d.done <- s: // want `send on d.done in a select with an empty default drops the value`
		default:
		}
	}
	close(d.done)
}
