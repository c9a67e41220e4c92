// Package netutil is a test stub of golang.org/x/net/netutil with the real
// import path and signature.
package netutil

import "net"

func LimitListener(l net.Listener, n int) net.Listener { return l }
