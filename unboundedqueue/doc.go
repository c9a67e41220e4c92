// Package unboundedqueue defines an Analyzer that reports unbounded
// buffering between producers and consumers.
//
// # Analyzer unboundedqueue
//
// unboundedqueue: report queues, spawns and fan-ins with no bound
//
// A bound is how a consumer pushes back on a producer. Without one, a slow
// consumer lets work pile up in memory until the process dies. The analyzer
// has four rules: slice-queue, list-queue, goroutine-per-item and
// unbuffered-fan-in.
package unboundedqueue
