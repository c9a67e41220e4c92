// Package callback calls a callback per item with no go statement, send
// or import with facts.
package callback

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Loop calls f for every value received from ch.
func Loop(ch <-chan int, f func(int)) {
	for x := range ch {
		f(x)
	}
}

// Generic is Loop, generic.
func Generic[T any](ch <-chan T, f func(T)) {
	for x := range ch {
		f(x)
	}
}
