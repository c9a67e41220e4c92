// Package write_sink_per_iteration proves that a write to a sink created in
// the same iteration (accepted, dialled or received per iteration) is not
// reported, since no later iteration writes to it, while a write to a sink
// that outlives the iteration still is.
package write_sink_per_iteration

import (
	"crypto/tls"
	"net"
)

func scriptedPeer(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		conn.Write([]byte("INFO\r\n")) // ok: conn is accepted in this iteration and closed below
		conn.Write([]byte("+OK\r\n"))  // ok: the same per-iteration sink
		conn.Close()
	}
}

func dialEach(addrs []string, greeting []byte) {
	for _, a := range addrs {
		conn, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		conn.Write(greeting) // ok: dialled in this iteration
		conn.Close()
	}
}

func handOff(conns <-chan net.Conn, banner []byte) {
	for c := range conns {
		c.Write(banner) // ok: a connection received in this iteration
		go serve(c)
	}
}

func either(l net.Listener, addr string, useDial bool, msg []byte) {
	for {
		var c net.Conn
		var err error
		if useDial {
			c, err = net.Dial("tcp", addr)
		} else {
			c, err = l.Accept()
		}
		if err != nil {
			return
		}
		c.Write(msg) // ok: both paths create it in this iteration
		c.Close()
	}
}

func tlsEach(l net.Listener, cfg *tls.Config, msg []byte) {
	for {
		raw, err := l.Accept()
		if err != nil {
			return
		}
		tc := tls.Server(raw, cfg)
		tc.Write(msg) // ok: built in this iteration over a connection of this iteration
		tc.Close()
	}
}

func serve(net.Conn) {}

// The nearest true positives: the sink outlives the iteration.

func sameConn(conn net.Conn, msgs [][]byte) {
	for _, m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop`
	}
}

func carried(l net.Listener, msgs <-chan []byte) {
	conn, _ := l.Accept()
	for m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop`
		if len(m) == 0 {
			conn, _ = l.Accept() // a reconnect: later iterations write to it again
		}
	}
}

func wrappedOuter(conn net.Conn, cfg *tls.Config, msgs [][]byte) {
	for _, m := range msgs {
		tc := tls.Client(conn, cfg) // a new wrapper of the same connection every iteration
		tc.Write(m)                 // want `error of tc.Write is discarded in a loop`
	}
}

type pool struct{ conn net.Conn }

func (p *pool) current() net.Conn { return p.conn }

func getterEach(p *pool, msgs <-chan []byte) {
	for m := range msgs {
		c := p.current() // fetched each iteration, but not created: the same connection
		c.Write(m)       // want `error of c.Write is discarded in a loop`
	}
}

func innerLoop(l net.Listener, msgs [][]byte) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		for _, m := range msgs {
			conn.Write(m) // want `error of conn.Write is discarded in a loop`
		}
		conn.Close()
	}
}
