// Package cgo is analyzed with its cgo files when cgo is enabled (the
// default with a C compiler); positions stay in the .go file.
package cgo

/*
static int one(void) { return 1; }
*/
import "C"

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return C.one() == 0 }

func Push(q *Queue) {
	q.TrySend(1) // finding
}
