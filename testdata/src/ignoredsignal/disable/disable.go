// Package disable proves the disable option (run with disable=silent-drop):
// the disabled rule reports nothing, and a directive for it is not reported
// as unused.
package disable

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func use(q *Queue, ch chan int, v int) {
	q.TrySend(1) // want `result of q.TrySend is discarded`
	select {
	case ch <- v: // ok: silent-drop is disabled
	default:
	}
	//bplint:ignore silent-drop kept for when the rule is enabled again
	select {
	case ch <- v + 1:
	default:
	}
}
