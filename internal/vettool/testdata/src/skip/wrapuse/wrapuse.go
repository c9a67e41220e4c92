// Package wrapuse wraps an imported wrapper.
package wrapuse

import (
	"skip/signal"
	"skip/usesignal"
)

// Push2 is a wrapper of a wrapper.
func Push2(q *signal.Q, v int) bool { return usesignal.Push(q, v) }
