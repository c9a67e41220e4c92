// Package useperitem hands a callback to an imported per-item caller.
package useperitem

import "skip/peritem"

// Each calls g per item of ch, through peritem.Drain.
func Each(ch <-chan int, g func(int)) { peritem.Drain(ch, g) }
