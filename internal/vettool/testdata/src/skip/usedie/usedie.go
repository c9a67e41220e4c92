// Package usedie has no-return facts only through its import's.
package usedie

import "skip/die"

// Fatal does not return because die.Die does not.
func Fatal() { die.Die() }

// Halt does not return because T.Stop does not.
func Halt(t die.T) { t.Stop() }
