package strict

import "net"

func serveConn(c net.Conn) { _ = c.Close() }

// A Unix domain socket's accept loop is reported in strict mode only.
func unixServer(ln *net.UnixListener) {
	for {
		c, err := ln.AcceptUnix()
		if err != nil {
			return
		}
		go serveConn(c) // want `goroutine started per connection accepted by ln.AcceptUnix\(\) with no limit`
	}
}
