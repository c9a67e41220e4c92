// Package fanin_literal_senders: senders started over a slice literal of n
// elements and drained by n receives are all heard; fewer receives leave the
// others blocked (seen on nsqio/nsq).
package fanin_literal_senders

func work(s string) int { return len(s) }

// both starts one sender per element of a two-element literal and receives
// twice (nsq's test helpers): every sender is heard.
func both() (int, int) {
	ch := make(chan int)
	for _, s := range []string{"a", "b"} {
		go func(s string) { ch <- work(s) }(s)
	}
	a := <-ch
	b := <-ch
	return a, b
}

// first receives once from three senders: two leak.
func first() int {
	ch := make(chan int) // want `the send on ch at line 24 blocks forever when first returns at line 28: one goroutine leaks per call`
	for _, s := range []string{"a", "b", "c"} {
		go func(s string) { ch <- work(s) }(s)
	}
	a := <-ch
	b := <-ch
	return a + b
}
