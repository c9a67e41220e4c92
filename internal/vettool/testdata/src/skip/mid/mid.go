// Package mid has no facts of its own: it passes on die.T's method fact.
package mid

import "skip/die"

// Get returns a die.T.
func Get() die.T { return die.T{} }
