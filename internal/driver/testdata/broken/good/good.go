// Package good is fine and has one finding; it must still be reported.
package good

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func G(q *Queue) { q.TrySend(1) }
