package test_code_quiet

import (
	"net"
	"testing"
)

func fakeServer(l net.Listener, script [][]byte) {
	conn, _ := l.Accept()
	for _, line := range script {
		conn.Write(line) // ok: test code, the load rules are off without test-load
	}
}

func TestCapture(t *testing.T) {
	got := make(chan string, 4)
	record := func(v string) {
		select {
		case got <- v: // ok: a test's capture channel, the load rules are off without test-load
		default:
		}
	}
	record("a")
	q := &Queue{ch: make(chan int)}
	q.TrySend(1) // want `result of q.TrySend is discarded`
}
