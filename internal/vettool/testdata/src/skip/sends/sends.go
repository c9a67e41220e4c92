// Package sends has a function that only sends its argument.
package sends

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Put sends v on ch.
func Put(ch chan<- int, v int) { ch <- v }
