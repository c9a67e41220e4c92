// Package serve loads and has a finding: a goroutine per accepted
// connection.
package serve

import "net"

// Serve accepts connections with no limit.
func Serve(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go handle(c)
	}
}

func handle(c net.Conn) { _ = c.Close() }
