// Package cgo proves that a package using cgo is analyzed, with positions in
// the Go source the user wrote (not in cgo's generated files).
package cgo

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func use(q *Queue) int {
	q.TrySend(1) // want `result of q.TrySend is discarded`
	return int(C.twice(2))
}
