// Package fanin_senders_awaited proves that unbuffered-fan-in stays silent
// on a way out that waits for every sender first: a WaitGroup that each
// sending goroutine marks Done when it ends (a deferred wg.Done(), or
// wg.Go), whose Wait is on every path to the way out and after the last
// start. Wait returns only once the senders have ended, so none is left
// blocked; a sender that blocked would keep the function in Wait. The same
// shapes without the Wait, or with goroutines started after it, stay
// reported.
package fanin_senders_awaited

import "sync"

type item struct{ n int }

// consume stops its receivers only after its sender has finished.
func consume(items []item, report func(item)) {
	var receivers sync.WaitGroup
	ch := make(chan item)
	done := make(chan struct{})
	for i := 0; i < 3; i++ {
		receivers.Add(1)
		go func() {
			defer receivers.Done()
			for {
				select {
				case it := <-ch:
					report(it)
				case <-done:
					return
				}
			}
		}()
	}
	var sending sync.WaitGroup
	sending.Add(1)
	go func() {
		defer sending.Done()
		for _, it := range items {
			ch <- it
		}
	}()
	sending.Wait()
	close(done)
	receivers.Wait()
}

// consumeGo is consume with the sender started by WaitGroup.Go.
func consumeGo(items []item, report func(item)) {
	var receivers sync.WaitGroup
	ch := make(chan item)
	done := make(chan struct{})
	for i := 0; i < 3; i++ {
		receivers.Go(func() {
			for {
				select {
				case it := <-ch:
					report(it)
				case <-done:
					return
				}
			}
		})
	}
	var sending sync.WaitGroup
	sending.Go(func() {
		for _, it := range items {
			ch <- it
		}
	})
	sending.Wait()
	close(done)
	receivers.Wait()
}

// consumeUnwaited stops its receivers while the sender may still send.
func consumeUnwaited(items []item, report func(item)) { // want consumeUnwaited:"spawner"
	var receivers sync.WaitGroup
	ch := make(chan item) // want `the sends on ch at line \d+ block forever when consumeUnwaited returns at line \d+`
	done := make(chan struct{})
	for i := 0; i < 3; i++ {
		receivers.Add(1)
		go func() {
			defer receivers.Done()
			for {
				select {
				case it := <-ch:
					report(it)
				case <-done:
					return
				}
			}
		}()
	}
	var sending sync.WaitGroup
	sending.Add(1)
	go func() {
		defer sending.Done()
		for _, it := range items {
			ch <- it
		}
	}()
	close(done)
	receivers.Wait()
}
