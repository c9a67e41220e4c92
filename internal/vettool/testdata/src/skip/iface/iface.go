// Package iface declares an interface whose implementation in the package
// calls a callback per item (internal/summary's fact on an interface
// method).
package iface

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Server serves the items of a channel.
type Server interface {
	Serve(ch <-chan int, handle func(int))
}

type server struct{}

// New returns the package's Server.
func New() Server { return server{} }

func (server) Serve(ch <-chan int, handle func(int)) {
	for x := range ch {
		handle(x)
	}
}
