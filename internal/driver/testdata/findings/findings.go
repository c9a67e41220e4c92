// Package findings has exactly one finding of each ignoredsignal rule.
package findings

import "net"

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool { return false }

func Signal(q *Queue) {
	q.TrySend(1)
}

func Drop(ch chan int, v int) {
	select {
	case ch <- v:
	default:
	}
}

func Pump(conn net.Conn, bufs [][]byte) {
	for _, b := range bufs {
		conn.Write(b)
	}
}
