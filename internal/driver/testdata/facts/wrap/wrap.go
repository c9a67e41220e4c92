// Package wrap declares a wrapper of a signal and a spawner: facts that go
// vet must carry to package use.
package wrap

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

// Push returns the signal unchanged: a signal itself.
func Push(q *Queue, v int) bool { return q.TrySend(v) }

// Async starts a goroutine on every call: a spawner.
func Async(f func()) { go f() }
