// Package spawn_limit_before_goto: a limit taken before every goto to the
// spawn, in an inner loop, bounds the goroutines (seen on dgraph-io/badger).
package spawn_limit_before_goto

// writeLoop takes a one-slot semaphore before every goto to the spawn
// (badger's doWrites): the limit is taken in the inner loop.
func writeLoop(in chan int, quit chan struct{}) {
	pending := make(chan struct{}, 1)
	write := func(batch []int) {
		_ = batch
		<-pending
	}
	batch := make([]int, 0, 10)
	for {
		v := <-in
		for {
			batch = append(batch, v)
			if len(batch) >= 100 {
				pending <- struct{}{}
				goto spawn
			}
			select {
			case v = <-in:
			case pending <- struct{}{}:
				goto spawn
			case <-quit:
				return
			}
		}
	spawn:
		go write(batch)
		batch = make([]int, 0, 10)
	}
}
