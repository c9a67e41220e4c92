// Package demo shows a finding of every bplint rule. Run, from the
// repository root:
//
//	go run ./cmd/bplint -C demo ./...
package demo

import (
	"context"
	"net"
	"net/http"

	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

type Event struct{ ID int }

// Queue is a bounded queue with a non-blocking send.
type Queue struct{ ch chan Event }

func (q *Queue) TrySend(ev Event) bool {
	select {
	case q.ch <- ev:
		return true
	default:
		return false
	}
}

type Server struct {
	queue   *Queue
	sem     *semaphore.Weighted
	limiter *rate.Limiter
	out     chan Event
}

// discarded-signal: the queue's "full", the semaphore's "no permit" and the
// limiter's "slow down" are all thrown away.
func (s *Server) Handle(ctx context.Context, ev Event) {
	s.queue.TrySend(ev)
	s.sem.TryAcquire(1)
	s.limiter.Allow()
	process(ev)
}

// ignored-write: the client went away, the loop keeps pumping.
func Stream(conn net.Conn, events []Event) {
	for _, ev := range events {
		conn.Write(encode(ev))
	}
}

// ignored-write: the Flush error is the only report of a failed write.
func Respond(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	rc.Flush()
}

// silent-drop: a full channel loses the event and nothing counts it.
func (s *Server) Publish(ev Event) {
	select {
	case s.out <- ev:
	default:
	}
}

func process(Event)          {}
func encode(ev Event) []byte { return []byte{byte(ev.ID)} }
