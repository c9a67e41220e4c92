// Package strict proves the strict option: blank assignments and single
// writes outside loops are reported too (run with strict=true).
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
