// Package spawn_one_shot_timer proves that a time.Timer made before a loop
// and never re-armed while it runs (or re-armed only where Stop cancelled
// its pending fire) is not a tick source: it fires at most once, so a
// spawn in its case runs once per run of the loop. A ticker, a timer reset
// in its own case (a period) or in another case (a batch-flush timer, once
// per period under load), and a timer handed to other code stay per tick.
package spawn_one_shot_timer

import (
	"sync"
	"time"
)

type result struct{ err error }

var mu sync.Mutex

func race(out chan result, results chan result, delay time.Duration) result {
	fallback := time.NewTimer(delay)
	defer fallback.Stop()
	for {
		select {
		case <-fallback.C:
			go func() { // never re-armed: at most once
				mu.Lock()
				defer mu.Unlock()
				out <- result{}
			}()
		case r := <-results:
			if r.err == nil {
				return r
			}
		}
	}
}

func raceRestarted(out chan result, results chan result, delay time.Duration) result {
	fallback := time.NewTimer(delay)
	defer fallback.Stop()
	for {
		select {
		case <-fallback.C:
			go func() { // re-armed only in place of a cancelled fire
				out <- result{}
			}()
		case r := <-results:
			if r.err == nil {
				return r
			}
			if fallback.Stop() {
				fallback.Reset(0)
			}
		}
	}
}

func periodic(out chan result, quit chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			go func() { // want `goroutine started per tick of t.C with no limit`
				out <- result{}
			}()
			t.Reset(d)
		case <-quit:
			return
		}
	}
}

func batchFlush(out chan int, in chan int, quit chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	var sum int
	for {
		select {
		case v := <-in:
			sum += v
			t.Reset(d)
		case <-t.C:
			b := sum
			sum = 0
			go func() { // want `goroutine started per tick of t.C with no limit`
				out <- b
			}()
		case <-quit:
			return
		}
	}
}

func rearm(t *time.Timer, d time.Duration) { t.Reset(d) }

func handedOver(out chan result, quit chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			go func() { // want `goroutine started per tick of t.C with no limit`
				out <- result{}
			}()
			rearm(t, d)
		case <-quit:
			return
		}
	}
}

func ticker(out chan result, quit chan struct{}, d time.Duration) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			go func() { // want `goroutine started per tick of t.C with no limit`
				out <- result{}
			}()
		case <-quit:
			return
		}
	}
}
