// Package disable proves the disable option (run with disable=silent-drop):
// the disabled rule reports nothing, and a directive for it is not reported
// as unused.
package disable

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func use(q *Queue, ch chan int) {
	q.TrySend(1) // want `result of q.TrySend is discarded`
	select {
	case ch <- 1: // ok: silent-drop is disabled
	default:
	}
	//bplint:ignore silent-drop kept for when the rule is enabled again
	select {
	case ch <- 2:
	default:
	}
}
