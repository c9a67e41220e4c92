// Package signal has a signal by the naming convention.
package signal

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Q is a queue.
type Q struct{ ch chan int }

// TrySend reports whether v was queued.
func (q *Q) TrySend(v int) bool {
	select {
	case q.ch <- v:
		return true
	default:
		return false
	}
}
