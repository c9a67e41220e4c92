// Package write_leaves_loop proves that a write on a path that leaves every
// loop around it (the answer of the first matching rule, then return or
// break) is a single write, not a loop that keeps producing; the write that
// goes round again is reported beside it.
package write_leaves_loop

import (
	"net"
	"net/http"
)

type rule struct{ zone string }

// answer writes the reply of the first matching rule and returns: once
// per call.
func answer(w http.ResponseWriter, zone string, rules []rule) {
	for _, r := range rules {
		if r.zone != zone {
			continue
		}
		w.Write([]byte(r.zone)) // ok: the loop ends with this write
		return
	}
	w.WriteHeader(http.StatusNotFound)
}

// firstUp writes to the first upstream that takes the message, then
// breaks out.
func firstUp(conns []net.Conn, msg []byte) {
	for _, c := range conns {
		if c == nil {
			continue
		}
		c.Write(msg) // ok: break follows, once per call
		break
	}
}

// nested: the write leaves the inner loop, but the outer loop writes again
// on the next message.
func nested(c net.Conn, msgs <-chan []byte, rules []rule) {
	for m := range msgs {
		for _, r := range rules {
			if r.zone == string(m) {
				c.Write(m) // want `error of c.Write is discarded in a loop`
				break
			}
		}
	}
}

// every writes to each upstream in turn: the loop goes on after a failure.
func every(conns []net.Conn, msg []byte) {
	for _, c := range conns {
		c.Write(msg) // want `error of c.Write is discarded in a loop`
	}
}
