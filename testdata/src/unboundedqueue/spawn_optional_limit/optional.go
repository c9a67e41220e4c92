// Package spawn_optional_limit: a limit taken before the spawn only when
// it is configured, under a branch that tests the limit itself (the
// semaphore against nil, or the capacity a pool was made with against a
// constant), is a limit: the other side is the configured unlimited mode.
// A branch that tests anything else is a way around the limit, and a
// spawn reached through it is reported.
package spawn_optional_limit

import (
	"context"

	"golang.org/x/sync/semaphore"
)

type dispatcher struct {
	sem     chan struct{}
	other   chan struct{}
	w       *semaphore.Weighted
	verbose bool
}

func process(d int) { _ = d }

// run: a pool of workers tokens, taken only when workers > 0.
func (b *dispatcher) run(jobs <-chan int, workers int) {
	pool := make(chan struct{}, workers)
	go func() {
		for i := 0; i < workers; i++ {
			pool <- struct{}{}
		}
	}()
	for d := range jobs {
		if workers > 0 {
			<-pool
		}
		go func() { // ok: at most workers when configured
			process(d)
			if workers > 0 {
				pool <- struct{}{}
			}
		}()
	}
}

// serveNil: an optional semaphore channel, nil when unlimited.
func (b *dispatcher) serveNil(jobs <-chan int) {
	for d := range jobs {
		if b.sem != nil {
			b.sem <- struct{}{}
		}
		go func() { // ok: the semaphore is taken when there is one
			defer func() {
				if b.sem != nil {
					<-b.sem
				}
			}()
			process(d)
		}()
	}
}

// serveWeighted: an optional weighted semaphore.
func (b *dispatcher) serveWeighted(ctx context.Context, jobs <-chan int) {
	for d := range jobs {
		if b.w != nil {
			if err := b.w.Acquire(ctx, 1); err != nil {
				return
			}
		}
		go func() { // ok
			defer func() {
				if b.w != nil {
					b.w.Release(1)
				}
			}()
			process(d)
		}()
	}
}

// runFlag: the branch tests a flag, not the pool: a way around it.
func (b *dispatcher) runFlag(jobs <-chan int, workers int) {
	pool := make(chan struct{}, workers)
	go func() {
		for i := 0; i < workers; i++ {
			pool <- struct{}{}
		}
	}()
	for d := range jobs {
		if b.verbose {
			<-pool
		}
		go func() { // want `goroutine started per value received from jobs with no limit`
			process(d)
			pool <- struct{}{}
		}()
	}
}

// serveOther: the nil test is of another channel than the semaphore.
func (b *dispatcher) serveOther(jobs <-chan int) {
	for d := range jobs {
		if b.other != nil {
			b.sem <- struct{}{}
		}
		go func() { // want `goroutine started per value received from jobs with no limit`
			defer func() { <-b.sem }()
			process(d)
		}()
	}
}
