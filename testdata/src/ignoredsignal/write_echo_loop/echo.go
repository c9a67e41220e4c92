// Package write_echo_loop proves that an echo loop (writing back what it
// reads from the same request or connection) is reported: a dead peer would
// also fail the next read, but a write that times out while reads still
// succeed loses the data silently, and SPEC asks for every ignored write in
// a loop.
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

// echoConn: the same on one connection.
func echoConn(conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		conn.Write(buf[:n]) // want `error of conn.Write is discarded in a loop`
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
