// Package drop_polled_consumer proves that a channel whose polled receive
// processes the value is a mailbox, not a free list: a dropped send loses
// data and is reported.
package drop_polled_consumer

type raftNode struct{ msgSnapC chan []byte }

type server struct{ r *raftNode }

// send drops a snapshot message when the apply loop has not polled the last
// one: the loop processes what it polls, so the
// channel is a mailbox, not a free list, and the drop loses data.
func (r *raftNode) send(m []byte) {
	select {
	case r.msgSnapC <- m: // want `send on r.msgSnapC in a select with an empty default drops the value`
	default:
		// drop msgSnap if the inflight chan if full.
	}
}

func (s *server) apply(process func([]byte)) {
	select {
	case m := <-s.r.msgSnapC:
		process(m)
	default:
	}
}
