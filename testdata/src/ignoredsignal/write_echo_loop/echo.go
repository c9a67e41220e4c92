// Package write_echo_loop proves that an echo loop writing back what it
// reads is reported when the read is from another value than the one
// written (a request body and its ResponseWriter, two connections): a dead
// or stalled writer side does not fail that read. Writing back on the
// connection it reads from is a request-response loop: a broken connection
// fails the next Read, and the loop ends (write_failure_seen_later; with a
// write deadline, which lets a write time out while reads succeed, it is
// reported there).
package write_echo_loop

import (
	"net"
	"net/http"
)

// echo writes back what it reads from the same request: reported.
func echo(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 4096)
	for {
		n, err := r.Body.Read(buf)
		if n > 0 {
			w.Write(buf[:n]) // want `error of w.Write is discarded in a loop`
		}
		if err != nil {
			return
		}
	}
}

// echoConn: the same on one connection, whose next Read fails when the
// write did: not reported.
func echoConn(conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		conn.Write(buf[:n]) // ok: the next conn.Read sees the failure
	}
}

// relay reads from one connection and writes to another: a dead dst does
// not stop the loop.
func relay(src, dst net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := src.Read(buf)
		if err != nil {
			return
		}
		dst.Write(buf[:n]) // want `error of dst.Write is discarded in a loop`
	}
}
