// Package golangcimod has findings of bplint's rules, for the golangci-lint
// integration test. Each line's role is in its comment.
package golangcimod

import "net"

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool { return false }

func Signal(q *Queue) {
	q.TrySend(1) // discarded-signal
}

func Drop(ch chan int, v int) {
	select {
	case ch <- v: // silent-drop
	default:
	}
}

func Pump(conn net.Conn, bufs [][]byte) {
	for _, b := range bufs {
		conn.Write(b) // ignored-write
	}
}

func Once(conn net.Conn, b []byte) {
	_, _ = conn.Write(b) // ignored-write only with strict
}

func Spawn(in <-chan int) {
	for v := range in {
		go Signal(&Queue{ch: make(chan int, v)}) // goroutine-per-item
	}
}

func NolintSuppressed(q *Queue) {
	q.TrySend(2) //nolint:bplint // golangci-lint's own suppression
}

func DirectiveSuppressed(ch chan int, v int) {
	select {
	case ch <- v: //bplint:ignore silent-drop best-effort metrics
	default:
	}
}
