// Package blocksends has a function that sends on its channel parameter
// once per element (internal/blocked's SendsFact, and no summary: its body
// is not a single send).
package blocksends

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Feed sends every element of xs on ch.
func Feed(ch chan<- int, xs []int) {
	for _, x := range xs {
		ch <- x
	}
}
