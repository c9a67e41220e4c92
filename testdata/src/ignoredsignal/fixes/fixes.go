// Package fixes proves the "return the error" suggested fix: offered for an
// ignored error in an expression statement when the enclosing function
// returns an error, with zero values for the other results; not offered
// otherwise.
package fixes

import (
	"bufio"
	"context"
	"net"
	"time"

	"golang.org/x/sync/semaphore"
)

type Stats struct{ Sent int }

func pump(conn net.Conn, msgs [][]byte) (int, error) {
	n := 0
	for _, m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop`
		n++
	}
	return n, nil
}

func pumpStats(ctx context.Context, conn net.Conn, s *semaphore.Weighted, msgs [][]byte) (Stats, *Stats, time.Duration, string, error) {
	s.Acquire(ctx, 1) // want `error of s.Acquire is discarded`
	for _, m := range msgs {
		conn.Write(m /* the message */) // want `error of conn.Write is discarded in a loop`
	}
	return Stats{}, nil, 0, "", nil
}

func flush(w *bufio.Writer) error {
	w.Flush() // want `error of w.Flush is discarded`
	return nil
}

func inClosure(conn net.Conn, msgs [][]byte) func() error {
	return func() error {
		for _, m := range msgs {
			conn.Write(m) // want `error of conn.Write is discarded in a loop`
		}
		return nil
	}
}

func noError(conn net.Conn, msgs [][]byte) int {
	for _, m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop`
	}
	return 0
}

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func boolSignal(q *Queue) error {
	q.TrySend(1) // want `result of q.TrySend is discarded`
	return nil
}

func generic[T any](conn net.Conn, msgs [][]byte) (T, error) {
	for _, m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop`
	}
	var zero T
	return zero, nil
}
