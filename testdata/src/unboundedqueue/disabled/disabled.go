// Package disabled proves that with every rule disabled nothing is
// reported, not even a directive for a disabled rule.
package disabled

func handle(int) {}

func loop(in <-chan int) {
	for v := range in {
		//bplint:ignore goroutine-per-item the rule is disabled, the directive is not judged
		go handle(v) // ok: goroutine-per-item is disabled
	}
}
