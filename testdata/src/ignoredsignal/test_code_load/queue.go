// Package test_code_load proves the test-load option for ignoredsignal: with
// it the load rules (ignored-write, silent-drop) report in _test.go files
// too.
package test_code_load

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool {
	select {
	case q.ch <- v:
		return true
	default:
		return false
	}
}
