// Package drop_freelist_lookup proves that a free list reached through a
// lookup function of the package (case pool(key) <- b:, per-key pools) is
// judged like one held in a variable: only polled, so not reported.
package drop_freelist_lookup

import (
	"bytes"
	"sync"
)

var pools sync.Map // key -> chan *bytes.Buffer

// pool returns the free list of a key (per-size buffer pools).
func pool(key int) chan *bytes.Buffer {
	c, _ := pools.LoadOrStore(key, make(chan *bytes.Buffer, 4))
	return c.(chan *bytes.Buffer)
}

func get(key int) *bytes.Buffer {
	select {
	case b := <-pool(key):
		return b
	default:
		return new(bytes.Buffer)
	}
}

func put(key int, b *bytes.Buffer) {
	select {
	case pool(key) <- b: // full: the GC takes the spare
	default:
	}
}
