// Package die has no-return facts: one from an imported fact (os.Exit),
// one from panic, one on a method (passed on by its importers).
package die

import "os"

// Die does not return: os.Exit has a fact.
func Die() { os.Exit(1) }

// T has a method that does not return.
type T struct{}

// Stop panics.
func (T) Stop() { panic("stop") }
