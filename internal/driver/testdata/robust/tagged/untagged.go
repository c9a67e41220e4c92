//go:build !bplinttag

package tagged

// Without the tag the package is this file alone: no finding.
func Push() {}
