// Package use calls package wrap's wrapper and spawner: the findings exist
// only through facts.
package use

import "example.com/facts/wrap"

func Use(q *wrap.Queue, in <-chan int) {
	wrap.Push(q, 1)
	for range in {
		wrap.Async(func() {})
	}
}
