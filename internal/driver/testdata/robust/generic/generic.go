// Package generic: a generic queue whose refusal is discarded, through its
// instantiation.
package generic

type Queue[T any] struct{ ch chan T }

func (q *Queue[T]) TrySend(v T) bool {
	select {
	case q.ch <- v:
		return true
	default:
		return false
	}
}

func Push[T any](q *Queue[T], v T) {
	q.TrySend(v) // finding: discarded-signal on a generic method
}
