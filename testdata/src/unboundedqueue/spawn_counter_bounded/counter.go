// Package spawn_counter_bounded proves that a spawn admitted only while a
// counter is under a bound, where the counter is raised before the spawn
// and lowered when the goroutine ends (by the goroutine, or by whoever
// learns that it ended), is a semaphore written by hand: the goroutines
// alive are at most the bound. Three forms: a pool that forks a worker
// while an atomic count is under its maximum and runs the task inline
// otherwise; a connection table that refuses a connection at a maximum
// load; handlers queued while the running ones are at a limit, counted
// down by the loop when one reports its end; and a dispatcher that keeps
// its worker count in a local, raised with each start and lowered when an
// idle worker is stopped (local.go); a count of free slots tested against
// zero, taken on the path and given back by the goroutine, and a count
// raised by a helper on the path (slots.go). The nearest true positives
// beside them: the same counter compared but never lowered, and one
// lowered but never raised, stay reported.
package spawn_counter_bounded

import (
	"net"
	"sync"
	"sync/atomic"
)

type pool struct {
	running int64
	max     int64
	tasks   chan func()
	stop    chan struct{}
}

func (p *pool) fork(f func()) bool {
	if atomic.AddInt64(&p.running, 1) < p.max {
		go func() {
			defer atomic.AddInt64(&p.running, -1)
			f()
		}()
		return true
	}
	atomic.AddInt64(&p.running, -1)
	return false
}

func (p *pool) run() {
	for {
		select {
		case f := <-p.tasks:
			if !p.fork(f) { // ok: fork starts a goroutine only while p.running is under p.max
				f()
			}
		case <-p.stop:
			return
		}
	}
}

type engine struct {
	mu      sync.Mutex
	conns   map[net.Conn]struct{}
	maxLoad int
}

func (e *engine) serve(c net.Conn) {
	defer func() {
		e.mu.Lock()
		delete(e.conns, c)
		e.mu.Unlock()
	}()
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func (e *engine) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		e.mu.Lock()
		if len(e.conns) >= e.maxLoad {
			e.mu.Unlock()
			c.Close()
			continue
		}
		e.conns[c] = struct{}{}
		e.mu.Unlock()
		go e.serve(c) // ok: refused once len(e.conns) is at e.maxLoad; serve deletes its entry
	}
}

type request struct{ id int }

type server struct {
	running   int
	limit     int
	unstarted []request
	reqs      chan request
	done      chan struct{}
}

func (s *server) handle(r request) {
	_ = r
	s.done <- struct{}{}
}

func (s *server) handlerDone() { s.running-- }

func (s *server) loop() {
	for {
		select {
		case r := <-s.reqs:
			if s.running < s.limit {
				s.running++
				go s.handle(r) // ok: handlerDone counts handlers down as they report their end
			} else {
				s.unstarted = append(s.unstarted, r)
			}
		case <-s.done:
			s.handlerDone()
			if len(s.unstarted) > 0 {
				r := s.unstarted[0]
				s.unstarted = s.unstarted[1:]
				s.running++
				go s.handle(r)
			}
		}
	}
}

// A count that only goes up is not a limit: it is compared, raised, and
// never lowered, so once it passed the bound nothing spawns, and before
// that every item spawns.
type leaky struct {
	started int
	max     int
	reqs    chan request
}

func (l *leaky) work(r request) { _ = r }

func (l *leaky) loop() {
	for r := range l.reqs {
		if l.started < l.max {
			go l.work(r) // want `goroutine started per value received from l.reqs with no limit`
		}
	}
}

// A counter lowered by the goroutine but never raised before the spawn
// counts nothing.
type unraised struct {
	active int64
	max    int64
	reqs   chan request
}

func (u *unraised) loop() {
	for r := range u.reqs {
		if atomic.LoadInt64(&u.active) < u.max {
			go func() { // want `goroutine started per value received from u.reqs with no limit`
				defer atomic.AddInt64(&u.active, -1)
				_ = r
			}()
		}
	}
}

// A count given back right after the go statement bounds the go
// statement, not the goroutines.
type released struct {
	running int
	max     int
	reqs    chan request
}

func (d *released) work(r request) { _ = r }

func (d *released) loop() {
	for r := range d.reqs {
		if d.running < d.max {
			d.running++
			go d.work(r) // want `goroutine started per value received from d.reqs with no limit`
			d.running--
		}
	}
}
