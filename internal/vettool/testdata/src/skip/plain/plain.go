// Package plain has no fact: every run of it is skipped.
package plain

import "strings"

// R is a reader.
type R struct{ inner *R }

// Reset resets the chain (a call of a method of the same name).
func (r *R) Reset() {
	if r.inner != nil {
		r.inner.Reset()
	}
}

// Upper upper-cases words.
func Upper(words []string) []string {
	var out []string
	for _, w := range words {
		out = append(out, strings.ToUpper(w))
	}
	return out
}
