// Package bad does not type-check.
package bad

func F() int { return undefinedThing }
