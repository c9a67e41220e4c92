// Package write_echo_loop proves that a loop writing what it reads is
// reported when the read is not from the stream it writes to: a dead
// writer's peer does not stop reads from another stream, so the loop goes
// on producing for a consumer that has stopped. (A loop paced by reads
// from the same stream is write_paced_by_reads.)
package write_echo_loop

import (
	"net"
	"net/http"
)

// echo writes back what it reads from the request body: the body is not
// the response writer, and a client that stopped reading does not fail
// the body's reads. Reported.
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
