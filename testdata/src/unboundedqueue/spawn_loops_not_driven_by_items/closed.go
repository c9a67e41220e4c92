package spawn_loops_not_driven_by_items

import (
	"net"
	"time"
)

// bucket holds idle connections of one key, at most its capacity.
type bucket struct {
	c       chan net.Conn
	lastUse int64
}

type connPool struct {
	keys map[string]*bucket
	conn chan net.Conn
}

func closeConn(c net.Conn) { _ = c.Close() }

// cleanUp closes a stale bucket, then closes what it held: a drain of at
// most the bucket's capacity, not a stream.
func (p *connPool) cleanUp() {
	for k, v := range p.keys {
		if v.lastUse > time.Now().Unix() {
			continue
		}
		close(v.c)
		for conn := range v.c {
			go closeConn(conn) // ok: the channel was closed before the loop
		}
		delete(p.keys, k)
	}
}

// drainOpen ranges over a channel nobody closed here: a stream.
func (p *connPool) drainOpen() {
	for conn := range p.conn {
		go closeConn(conn) // want `goroutine started per value received from p.conn with no limit`
	}
}

// closeAfter closes the channel only after the loop.
func (p *connPool) closeAfter(v *bucket) {
	for conn := range v.c {
		go closeConn(conn) // want `goroutine started per value received from v.c with no limit`
	}
	close(v.c)
}

// reopen closes the channel, then stores a new one: the loop ranges over
// the new, open channel.
func (p *connPool) reopen(v *bucket) {
	close(v.c)
	v.c = make(chan net.Conn, 8)
	for conn := range v.c {
		go closeConn(conn) // want `goroutine started per value received from v.c with no limit`
	}
}
