package fanin_range_constant

import "sync"

func stat(x int) int { return x }

// statsAtLeastOne: at least one worker ranges over in until the feeder
// closes it, and the caller ranges over out until the feeder closes it after
// the workers are done: every send is received.
func statsAtLeastOne(xs []int, workers int) []int {
	in := make(chan int) // ok: max(workers, 1) workers drain it
	out := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for x := range in {
				out <- stat(x)
			}
		})
	}
	go func() {
		for _, x := range xs {
			in <- x
		}
		close(in)
		wg.Wait()
		close(out)
	}()
	var r []int
	for v := range out {
		r = append(r, v)
	}
	return r
}

// statsMaybeNone: max(workers, 0) may be zero, and then nothing receives.
func statsMaybeNone(xs []int, workers int) []int {
	in := make(chan int) // want `the sends on in at line 50 block forever when statsMaybeNone returns at line 60`
	out := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 0) {
		wg.Go(func() {
			for x := range in {
				out <- stat(x)
			}
		})
	}
	go func() {
		for _, x := range xs {
			in <- x
		}
		close(in)
		wg.Wait()
		close(out)
	}()
	var r []int
	for v := range out {
		r = append(r, v)
	}
	return r
}
