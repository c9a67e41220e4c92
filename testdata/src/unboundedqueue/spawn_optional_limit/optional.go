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

type broker struct {
	sem     chan struct{}
	other   chan struct{}
	w       *semaphore.Weighted
	verbose bool
}

func process(d int) { _ = d }

// consume: a pool of concurrency tokens, taken only when concurrency > 0.
func (b *broker) consume(deliveries <-chan int, concurrency int) {
	pool := make(chan struct{}, concurrency)
	go func() {
		for i := 0; i < concurrency; i++ {
			pool <- struct{}{}
		}
	}()
	for d := range deliveries {
		if concurrency > 0 {
			<-pool
		}
		go func() { // ok: at most concurrency when configured
			process(d)
			if concurrency > 0 {
				pool <- struct{}{}
			}
		}()
	}
}

// serveNil: an optional semaphore channel, nil when unlimited.
func (b *broker) serveNil(deliveries <-chan int) {
	for d := range deliveries {
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
func (b *broker) serveWeighted(ctx context.Context, deliveries <-chan int) {
	for d := range deliveries {
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

// consumeFlag: the branch tests a flag, not the pool: a way around it.
func (b *broker) consumeFlag(deliveries <-chan int, concurrency int) {
	pool := make(chan struct{}, concurrency)
	go func() {
		for i := 0; i < concurrency; i++ {
			pool <- struct{}{}
		}
	}()
	for d := range deliveries {
		if b.verbose {
			<-pool
		}
		go func() { // want `goroutine started per value received from deliveries with no limit`
			process(d)
			pool <- struct{}{}
		}()
	}
}

// serveOther: the nil test is of another channel than the semaphore.
func (b *broker) serveOther(deliveries <-chan int) {
	for d := range deliveries {
		if b.other != nil {
			b.sem <- struct{}{}
		}
		go func() { // want `goroutine started per value received from deliveries with no limit`
			defer func() { <-b.sem }()
			process(d)
		}()
	}
}
