// Package spawn_limit_wrapped_elsewhere: a semaphore wrapped in a type of
// another package (a named channel type with Acquire and Release, a
// throttle holding its token channel in a field, a pre-filled pool) is a
// limit where its acquiring method is called before the spawn, directly or
// through a helper of this package. The nearest true positives, a limit
// given back before the spawn, a method that takes and gives back in one
// call, and a data channel, are reported.
package spawn_limit_wrapped_elsewhere

import (
	"net"

	"unboundedqueue/spawn_limit_wrapped_elsewhere/sem"
)

type store struct {
	uploads sem.Semaphore
	loader  *sem.Throttle
	pool    *sem.Pool
	gate    *sem.Gate
	box     *sem.Mailbox
}

func handle(c net.Conn) { c.Close() }

func (s *store) acquireUpload() { s.uploads.Acquire() }

func (s *store) releaseUpload() { s.uploads.Release() }

func (s *store) serveNamed(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		s.uploads.Acquire()
		go func() { // ok: the wrapped semaphore is taken before the spawn
			defer s.uploads.Release()
			handle(c)
		}()
	}
}

func (s *store) serveHelper(l net.Listener) {
	for {
		s.acquireUpload()
		c, err := l.Accept()
		if err != nil {
			s.releaseUpload()
			return
		}
		go func() { // ok: taken through a helper of this package
			defer s.releaseUpload()
			handle(c)
		}()
	}
}

func (s *store) serveThrottle(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		s.loader.Do()
		go func() { // ok: the throttle's token is held by the goroutine
			defer s.loader.Done()
			handle(c)
		}()
	}
}

func (s *store) servePool(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		s.pool.Get()
		go func() { // ok: a permit of the pre-filled pool
			defer s.pool.Put()
			handle(c)
		}()
	}
}

func (s *store) serveGivenBack(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		s.uploads.Acquire()
		s.uploads.Release()
		go handle(c) // want `goroutine started per connection accepted by l.Accept\(\) with no limit`
	}
}

func (s *store) serveGate(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		s.gate.Pass()
		go handle(c) // want `goroutine started per connection accepted by l.Accept\(\) with no limit`
	}
}

func (s *store) serveMailbox(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		s.box.Put(1)
		go handle(c) // want `goroutine started per connection accepted by l.Accept\(\) with no limit`
	}
}
