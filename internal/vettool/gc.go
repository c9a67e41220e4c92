package vettool

import (
	"runtime"
	"runtime/debug"
)

// gcPercent is the garbage collector's target of a vet tool process when
// GOGC is not set.
//
// A vet tool process is short-lived and its heap mostly grows until it
// exits: the syntax, the types, the SSA form and the summaries of a
// package stay live to the end. At Go's default (GOGC=100) the collector
// marks that live heap again each time it doubles, for little garbage.
// At 400 it runs about a third as often: on the labelled corpus's
// nats-server and on std, cold, a fifth less CPU for the same findings
// and about the same peak memory (docs/performance.md). The Go compiler,
// another short-lived process with a growing heap, tunes its collector
// the same way (cmd/compile's base.AdjustStartingHeap).
const gcPercent = 400

// gcSettings returns the collector's target percentage and soft memory
// limit (bytes) for a vet tool process, and whether to set each: only
// what the user has not set through GOGC or GOMEMLIMIT. The limit keeps
// the larger target from costing memory where the heap would grow far:
// half the machine's memory shared among as many processes as it has
// CPUs (go vet's default -p), the collector working harder near it.
func gcSettings(getenv func(string) string, physical uint64, cpus int) (percent int, setPercent bool, limit int64, setLimit bool) {
	if getenv("GOGC") == "" {
		percent, setPercent = gcPercent, true
	}
	if getenv("GOMEMLIMIT") == "" && setPercent && physical > 0 && cpus > 0 {
		limit, setLimit = int64(physical/2/uint64(cpus)), true
	}
	return percent, setPercent, limit, setLimit
}

// tuneGC applies gcSettings to this process.
func tuneGC(getenv func(string) string) {
	percent, setPercent, limit, setLimit := gcSettings(getenv, physicalMemory(), runtime.NumCPU())
	if setPercent {
		debug.SetGCPercent(percent)
	}
	if setLimit {
		debug.SetMemoryLimit(limit)
	}
}
