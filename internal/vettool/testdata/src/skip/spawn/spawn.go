// Package spawn has a spawner.
package spawn

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Start starts f on a goroutine on every call.
func Start(f func()) { go f() }
