// Package clean has no finding.
package clean

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func Send(q *Queue) bool { return q.TrySend(1) }
