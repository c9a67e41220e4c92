// Package suppress proves suppression for unboundedqueue's rules: a
// directive on the line or the line above silences the finding, a stale one
// is reported by unboundedqueue, and directives for ignoredsignal's rules
// are left to ignoredsignal.
package suppress

func handle(int) {}

func loop(in <-chan int) {
	for v := range in {
		go handle(v) //bplint:ignore goroutine-per-item handle returns at once, the goroutine only logs
	}
	for v := range in {
		//bplint:ignore goroutine-per-item bounded by the broker's prefetch of 10
		go handle(v)
	}
	for v := range in {
		//bplint:ignore unbuffered-fan-in stale // want `//bplint:ignore unbuffered-fan-in suppresses nothing`
		go handle(v) // want `goroutine started per value received from in with no limit`
	}
	//bplint:ignore silent-drop judged by ignoredsignal, not here
	_ = 0
}
