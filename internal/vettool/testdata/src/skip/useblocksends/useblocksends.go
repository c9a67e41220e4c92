// Package useblocksends sends on a channel only through an imported
// function with a SendsFact: no send, no go statement of its own.
package useblocksends

import "skip/blocksends"

// Relay sends every element of xs on ch, through blocksends.Feed.
func Relay(ch chan<- int, xs []int) {
	if len(xs) > 0 {
		blocksends.Feed(ch, xs)
	}
}
