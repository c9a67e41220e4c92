// Package broken does not type-check: it is named on standard error, the
// exit status is 2, and the other packages are still analyzed.
package broken

func F() int { return notDefined }
