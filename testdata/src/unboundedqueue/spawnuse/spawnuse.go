// Package spawnuse proves that spawner facts cross package boundaries.
package spawnuse

import (
	"net"

	"unboundedqueue/spawner"
)

func accept(l net.Listener, s *spawner.Server) {
	for {
		if _, err := l.Accept(); err != nil {
			return
		}
		spawner.HandleAsync(&spawner.Conn{}) // want `HandleAsync starts a goroutine \(at spawner.go:12\) for each connection accepted by l.Accept\(\)`
		s.Start(&spawner.Conn{})             // want `Start starts a goroutine \(at spawner.go:24\) for each connection accepted by l.Accept\(\)`
	}
}
