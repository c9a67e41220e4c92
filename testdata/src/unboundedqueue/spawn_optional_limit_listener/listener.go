// Package spawn_optional_limit_listener: an accept loop on a listener that
// is wrapped in netutil.LimitListener whenever a limit is configured (if n
// > 0 { ln = netutil.LimitListener(ln, n) }, kept in a field or used
// directly) is limited: the other side is the configured unlimited mode. A
// wrapper chosen by a test of anything else is a way around the limit, and
// its accept loop is reported.
package spawn_optional_limit_listener

import (
	"net"

	"golang.org/x/net/netutil"
)

type transport struct {
	listener net.Listener
	maxConns int
	verbose  bool
}

func serveConn(c net.Conn) { c.Close() }

func (t *transport) Listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if t.maxConns > 0 {
		ln = netutil.LimitListener(ln, t.maxConns)
	}
	t.listener = ln
	go t.acceptLoop()
	return nil
}

func (t *transport) acceptLoop() {
	for {
		c, err := t.listener.Accept()
		if err != nil {
			return
		}
		go serveConn(c) // ok: limited whenever a limit is configured
	}
}

func serveLocal(ln net.Listener, n int) {
	if n > 0 {
		ln = netutil.LimitListener(ln, n)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go serveConn(c) // ok: the same, in one function
	}
}

func serveOtherTest(ln net.Listener, n int, verbose bool) {
	if verbose {
		ln = netutil.LimitListener(ln, n)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go serveConn(c) // want `goroutine started per connection accepted by ln\.Accept\(\) with no limit`
	}
}

type plain struct {
	listener net.Listener
}

func (p *plain) Listen(ln net.Listener, other net.Listener, n int) {
	if n > 0 {
		ln = netutil.LimitListener(other, n)
	}
	p.listener = ln
}

func (p *plain) acceptLoop() {
	for {
		c, err := p.listener.Accept()
		if err != nil {
			return
		}
		go serveConn(c) // want `goroutine started per connection accepted by p\.listener\.Accept\(\) with no limit`
	}
}
