// Package peritemuse proves that a function handed to another package's
// per-item caller (a parameter or a field the other package calls once per
// item) spawns per item: the go statement in it is reported.
package peritemuse

import "unboundedqueue/peritemdep"

func serveStreams(t *peritemdep.Transport) {
	t.HandleStreams(func(stream int) {
		go func() { _ = stream }() // want `goroutine started in a callback that HandleStreams calls once per item, with no limit`
	})
}

func serveBounded(t *peritemdep.Transport, sem chan struct{}) {
	t.HandleStreams(func(stream int) {
		sem <- struct{}{}
		go func() { // ok: a semaphore is taken before the spawn
			defer func() { <-sem }()
			_ = stream
		}()
	})
}

func configure(s *peritemdep.Server) {
	s.OnFrame = func(f peritemdep.Frame) {
		go func() { _ = f }() // want `goroutine started in a callback that peritemdep calls once per item through field OnFrame, with no limit`
	}
}

// Through an interface of the other package, whose implementation there
// calls the callback per item.
func serveAny(t peritemdep.StreamServer) {
	t.HandleStreams(func(stream int) {
		go func() { _ = stream }() // want `goroutine started in a callback that HandleStreams calls once per item, with no limit`
	})
}

func once() {
	peritemdep.Sync(func() {
		go func() {}() // ok: Sync calls it once
	})
}
