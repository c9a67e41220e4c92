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
		spawner.HandleAsync(&spawner.Conn{}) // want `HandleAsync starts a goroutine \(spawner\.go:12\) per connection accepted by l\.Accept\(\) with no limit`
		s.Start(&spawner.Conn{})             // want `Start starts a goroutine \(spawner\.go:24\) per connection accepted by l\.Accept\(\) with no limit`
	}
}
