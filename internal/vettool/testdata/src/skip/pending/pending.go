// Package pending returns a channel with a sender pending (internal/
// blocked's PendingFact).
package pending

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Async returns a channel on which a goroutine sends one value.
func Async() <-chan int {
	c := make(chan int)
	go func() { c <- 1 }()
	return c
}
