// Package usepending returns a channel with a sender pending that an
// imported function made: no make, send or go statement of its own. It
// spawns through the import's fact (internal/blocked passes no
// PendingFact on through a call).
package usepending

import "skip/pending"

// Fetch returns pending.Async's channel.
func Fetch() <-chan int {
	c := pending.Async()
	return c
}
