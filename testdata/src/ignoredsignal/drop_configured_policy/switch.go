package drop_configured_policy

type mode int

const (
	discard mode = iota
	backpressure
)

type throttler struct {
	mode mode
	in   chan packet
	out  chan packet
	logs chan packet
}

// buffer forwards in to out by the configured mode: one case drops, the
// other blocks on the same channel with the same element, each loop
// declaring its own.
func (t *throttler) buffer() {
	switch t.mode {
	case discard:
		for p := range t.in {
			select {
			case t.out <- p: // ok: the backpressure case blocks on the same channel
			default:
			}
		}
	case backpressure:
		for p := range t.in {
			t.out <- p
		}
	}
	close(t.out)
}

// The nearest true positives: the other case blocks on another channel,
// or sends another value.

func (t *throttler) bufferLogged() {
	switch t.mode {
	case discard:
		for p := range t.in {
			select {
			case t.out <- p: // want `send on t.out in a select with an empty default drops the value`
			default:
			}
		}
	case backpressure:
		for p := range t.in {
			t.logs <- p
		}
	}
}

func (t *throttler) forward(p, last packet) {
	switch t.mode {
	case discard:
		select {
		case t.out <- p: // want `send on t.out in a select with an empty default drops the value`
		default:
		}
	case backpressure:
		t.out <- last
	}
}
