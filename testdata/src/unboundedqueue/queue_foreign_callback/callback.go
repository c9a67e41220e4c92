// Package queue_foreign_callback proves that an add made only by a
// callback of another package (a method implementing that package's
// interface, which this package never calls itself) is not reported: how
// often it runs, and with what, is that package's business (a frame
// declared lost comes back to be sent again), and bplint cannot see the
// producer. The nearest true positive, the same add in a method this
// package exports as its own API, is reported.
package queue_foreign_callback

import (
	"sync"

	"unboundedqueue/queue_foreign_callback/handler"
)

type stream struct {
	mu      sync.Mutex
	retrans []handler.Frame
}

type streamAckHandler stream

func (h *streamAckHandler) OnAcked(handler.Frame) {}

func (h *streamAckHandler) OnLost(f handler.Frame) {
	s := (*stream)(h)
	s.mu.Lock()
	s.retrans = append(s.retrans, f) // ok: called back by another package only
	s.mu.Unlock()
}

func (s *stream) AckHandler() handler.FrameHandler { return (*streamAckHandler)(s) }

func (s *stream) popRetransmission() handler.Frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.retrans[0]
	s.retrans = s.retrans[1:]
	return f
}

// outbox is filled by its own exported API: reported.
type outbox struct {
	mu     sync.Mutex
	frames []handler.Frame
}

func (o *outbox) Queue(f handler.Frame) {
	o.mu.Lock()
	o.frames = append(o.frames, f) // want `slice o.frames is a queue \(grows in outbox.Queue, taken from the front in next\)`
	o.mu.Unlock()
}

func (o *outbox) next() handler.Frame {
	o.mu.Lock()
	defer o.mu.Unlock()
	f := o.frames[0]
	o.frames = o.frames[1:]
	return f
}
