package generic

import "testing"

func TestPush(t *testing.T) {
	q := &Queue[int]{ch: make(chan int, 1)}
	q.TrySend(1) // finding in a test file: dropped by -test=false
	Push(q, 2)
}
