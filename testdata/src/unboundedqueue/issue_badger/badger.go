// Package issue_badger: false positives found on dgraph-io/badger (its
// queue cases are in the queue_* packages: queue_send_case,
// queue_test_code, queue_drained_in_call, queue_constructing).
package issue_badger

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
