// Package fanin_range_constant proves that a receive loop `for range 2`
// counts as running at least once: the SSA form guards the loop with the
// constant test 0 < 2, whose false branch is never taken. Two senders on a
// one-slot channel with a loop that stops at the first error is then
// balanced (one receive, one buffered send). Beside it, the nearest forms
// that leak are reported: an unbuffered channel (the second sender is never
// received after the break) and a trip count the caller chooses (n may be
// zero). A trip count max(n, 1) is at least one too (max is never below
// its arguments), so a feeder whose workers are started by `for range
// max(n, 1)` and range over its channel until it is closed is always
// drained; with max(n, 0) there may be no worker and the feeder blocks.
package fanin_range_constant

func work(int) error { return nil }

// firstError waits for both results, or for the first error.
func firstError() error {
	errs := make(chan error, 1) // ok: one receive and one slot cover two senders
	go func() { errs <- work(1) }()
	go func() { errs <- work(2) }()
	for range 2 {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

// firstErrorUnbuffered: after an early return the other sender blocks.
func firstErrorUnbuffered() error {
	errs := make(chan error) // want `the send on errs at line 32 blocks forever when firstErrorUnbuffered returns at line 36: one goroutine leaks per call`
	go func() { errs <- work(1) }()
	go func() { errs <- work(2) }()
	for range 2 {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

// firstErrorOfN: n receives for two senders, and n may be 0.
func firstErrorOfN(n int) error {
	errs := make(chan error, 1) // want `the send on errs at line 45 blocks forever when firstErrorOfN returns at line 52`
	go func() { errs <- work(1) }()
	go func() { errs <- work(2) }()
	for range n {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}
