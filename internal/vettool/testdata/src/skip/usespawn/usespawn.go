// Package usespawn spawns only through an imported spawner.
package usespawn

import "skip/spawn"

// Launch starts a goroutine on every call.
func Launch() { spawn.Start(func() {}) }
