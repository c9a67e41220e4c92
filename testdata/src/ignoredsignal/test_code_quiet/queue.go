// Package test_code_quiet proves SPEC 2.0 for ignoredsignal by default: in
// _test.go files the load rules (ignored-write, silent-drop) are quiet, a
// test not being under production load, while discarded-signal (a leak is
// real in tests) is reported there as anywhere; the same code in a
// non-test file is reported.
package test_code_quiet

import "net"

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool {
	select {
	case q.ch <- v:
		return true
	default:
		return false
	}
}

func pump(conn net.Conn, msgs [][]byte) {
	for _, m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop`
	}
}

func capture(out chan string, v string) {
	select {
	case out <- v: // want `send on out`
	default:
	}
}
