// Package spawn_unix_socket_accept proves that an accept loop on a Unix
// domain socket (a *net.UnixListener, or a listener made with the network
// "unix" or "unixpacket") is not reported: only processes of the same host
// with permission on the socket file connect, not network load. A TCP
// listener, also one bound to localhost, stays reported (strict reports the
// Unix ones too: package strict).
package spawn_unix_socket_accept

import "net"

func handle(c net.Conn) { _ = c.Close() }

func fdServer(ln *net.UnixListener) {
	for {
		c, err := ln.AcceptUnix()
		if err != nil {
			return
		}
		go handle(c) // ok: a Unix domain socket
	}
}

type pipe struct{ path string }

func (p *pipe) listen() error {
	l, err := net.Listen("unix", p.path)
	if err != nil {
		return err
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go handle(c) // ok: made with the network "unix"
		}
	}()
	return nil
}

// listenAt is a wrapper given the network.
func listenAt(network, addr string) (net.Listener, error) { return net.Listen(network, addr) }

func commandSocket(path string) error {
	l, err := listenAt("unixpacket", path)
	if err != nil {
		return err
	}
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		go handle(c) // ok: a wrapper given the network "unixpacket"
	}
}

func localTCP() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		go handle(c) // want `goroutine started per connection accepted by l.Accept\(\) with no limit`
	}
}

func anyListener(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go handle(c) // want `goroutine started per connection accepted by l.Accept\(\) with no limit`
	}
}
