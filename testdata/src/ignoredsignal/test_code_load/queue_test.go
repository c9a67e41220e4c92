package test_code_load

import (
	"net"
	"testing"
)

func fakeServer(l net.Listener, script [][]byte) {
	conn, _ := l.Accept()
	for _, line := range script {
		conn.Write(line) // want `error of conn.Write is discarded in a loop`
	}
}

func TestCapture(t *testing.T) {
	got := make(chan string, 4)
	record := func(v string) {
		select {
		case got <- v: // want `send on got`
		default:
		}
	}
	record("a")
	q := &Queue{ch: make(chan int)}
	q.TrySend(1) // want `result of q.TrySend is discarded`
}
