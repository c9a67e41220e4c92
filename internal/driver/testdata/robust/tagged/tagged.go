//go:build bplinttag

// Package tagged is only analyzed with -tags=bplinttag.
package tagged

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func Push(q *Queue) { q.TrySend(1) } // finding with the tag
