//go:build linux

// Package buildtags proves that only files of the current build are
// analyzed: linux.go is (on the linux CI machines), never.go is not.
package buildtags

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func use(q *Queue) {
	q.TrySend(1) // want `result of q.TrySend is discarded`
}
