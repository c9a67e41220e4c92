package test_double_callee

import "testing"

type spyRPC struct{ calls chan int }

func (s *spyRPC) Request(id int) error { // want Request:"spawner"
	go func() { s.calls <- id }()
	return nil
}

func TestLoop(t *testing.T) {
	c := &consumer{rpc: &spyRPC{calls: make(chan int, 1)}, events: make(chan int)}
	close(c.events)
	c.loop()
}
