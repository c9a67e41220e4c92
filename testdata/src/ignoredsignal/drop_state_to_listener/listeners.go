// Package drop_state_to_listener proves that a state (a bool, or a value of
// an enumerated type) sent on a listener's channel that the function got
// from elsewhere (a parameter, an entry of a listener list), whose receivers
// are not visible, is not reported by default (reported with strict); a
// state sent on the package's own channel whose receiver uses it, and an
// item sent to a listener, still are.
package drop_state_to_listener

type Status int

const (
	Connected Status = iota
	Reconnecting
	Closed
)

type Conn struct {
	listeners map[Status]map[chan Status]struct{}
	status    Status
	statusC   chan Status
	frames    chan []byte
}

// StatusChanged returns a channel of the caller, told that status events
// are not sent when nobody waits.
func (nc *Conn) StatusChanged(s Status) chan Status {
	ch := make(chan Status, 10)
	if nc.listeners[s] == nil {
		nc.listeners[s] = make(map[chan Status]struct{})
	}
	nc.listeners[s][ch] = struct{}{}
	return ch
}

func (nc *Conn) sendStatusEvent(s Status) {
	for ch := range nc.listeners[s] {
		select {
		case ch <- s: // ok: a status to a listener whose receivers are not visible here
		default:
		}
	}
}

func sendNotification(ch chan<- bool, hasInterest bool) {
	select {
	case ch <- hasInterest: // ok: a bool state to the caller's channel
	default:
	}
}

// The nearest true positives.

// setStatus: the package's own channel, whose receiver applies the state.
func (nc *Conn) setStatus(s Status) {
	select {
	case nc.statusC <- s: // want `send on nc.statusC in a select with an empty default drops the value`
	default:
	}
}

func (nc *Conn) run() {
	for s := range nc.statusC {
		nc.status = s
	}
}

// forward: an item, not a state, to the caller's channel.
func forward(out chan<- []byte, frame []byte) {
	select {
	case out <- frame: // want `send on out in a select with an empty default drops the value`
	default:
	}
}

// local: a state on a channel made here, whose receiver is right below.
func local(up bool) bool {
	ch := make(chan bool, 1)
	select {
	case ch <- up: // want `send on ch in a select with an empty default drops the value`
	default:
	}
	return <-ch
}
