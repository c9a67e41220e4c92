// Package peritem calls callbacks once per item of a channel.
package peritem

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Drain calls f for every value received from ch.
func Drain(ch <-chan int, f func(int)) {
	for x := range ch {
		f(x)
	}
}
