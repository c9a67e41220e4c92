//go:build !linux

package vettool

// physicalMemory returns 0 where bplint does not read the machine's
// memory: no soft memory limit is set there.
func physicalMemory() uint64 { return 0 }
