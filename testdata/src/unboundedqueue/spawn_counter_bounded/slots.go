package spawn_counter_bounded

import (
	"net"
	"sync"
	"sync/atomic"
)

// slotFinder counts the free slots of its lookups: the test compares what is
// left with zero, the path takes a slot, the goroutine gives it back.
type slotFinder struct {
	mu       sync.Mutex
	capacity int
	found    chan string
}

func (f *slotFinder) peerFound(p string) {
	f.mu.Lock()
	if f.capacity == 0 {
		f.mu.Unlock()
		return
	}
	f.capacity--
	f.mu.Unlock()
	go func() {
		lookupPeer(p)
		f.mu.Lock()
		f.capacity++
		f.mu.Unlock()
	}()
}

func lookupPeer(string) {}

func (f *slotFinder) run() {
	for p := range f.found {
		f.peerFound(p) // ok: at most capacity lookups at once
	}
}

// slotTaker takes a slot but never gives it back: a count down to zero, then
// nothing; still, every spawn before that runs with no bound on its end.
type slotTaker struct {
	capacity int
	found    chan string
}

func (f *slotTaker) peerFound(p string) {
	if f.capacity == 0 {
		return
	}
	go lookupPeer(p)
}

func (f *slotTaker) run() {
	for p := range f.found {
		f.peerFound(p) // want `peerFound starts a goroutine \(slots\.go:\d+\) per value received from f.found with no limit`
	}
}

// slotEngine raises its count in a helper called on the path to the spawn
// and lowers it in another when the connection ends.
type slotEngine struct {
	active   atomic.Int64
	maxConns int64
	mu       sync.Mutex
	conns    map[net.Conn]struct{}
}

func (e *slotEngine) acceptLoop(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		if e.active.Load() >= e.maxConns {
			_ = conn.Close()
			continue
		}
		e.register(conn)
		go e.serveConn(conn) // ok: register raises the count the test compares, unregister lowers it
	}
}

func (e *slotEngine) register(conn net.Conn) {
	e.active.Add(1)
	e.mu.Lock()
	e.conns[conn] = struct{}{}
	e.mu.Unlock()
}

func (e *slotEngine) unregister(conn net.Conn) {
	e.mu.Lock()
	delete(e.conns, conn)
	e.mu.Unlock()
	e.active.Add(-1)
}

func (e *slotEngine) serveConn(conn net.Conn) {
	defer e.unregister(conn)
	_ = conn.Close()
}

// someRaise raises the count only for some connections: no bound.
type someRaise struct {
	active   atomic.Int64
	maxConns int64
}

func (e *someRaise) register(conn net.Conn) {
	if conn.RemoteAddr() != nil {
		e.active.Add(1)
	}
}

func (e *someRaise) acceptLoop(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		if e.active.Load() >= e.maxConns {
			_ = conn.Close()
			continue
		}
		e.register(conn)
		go e.serve(conn) // want `goroutine started per connection accepted by ln.Accept\(\) with no limit`
	}
}

func (e *someRaise) serve(conn net.Conn) {
	defer e.active.Add(-1)
	_ = conn.Close()
}
