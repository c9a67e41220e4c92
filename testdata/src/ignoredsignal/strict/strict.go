// Package strict proves the strict option: blank assignments and single
// writes outside loops are reported too, and so are states sent to a
// listener channel whose receivers are not visible (run with strict=true).
package strict

import "net"

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func use(q *Queue, conn net.Conn, b []byte) {
	_ = q.TrySend(1)       // want `result of q.TrySend is assigned to _`
	conn.Write(b)          // want `error of conn.Write is discarded: a failed write \(peer slow or gone\) goes unnoticed`
	_, _ = conn.Write(b)   // want `error of conn.Write is assigned to _`
	n, _ := conn.Write(b)  // want `error of conn.Write is assigned to _`
	_ = n
	if _, err := conn.Write(b); err != nil { // ok: checked even in strict mode
		return
	}
}

// A state sent to a listener's channel: silent by default (bplint cannot
// see whether the listener needs every transition), reported with strict.
func notify(ch chan<- bool, up bool) {
	select {
	case ch <- up: // want `send on ch in a select with an empty default drops the value`
	default:
	}
}
