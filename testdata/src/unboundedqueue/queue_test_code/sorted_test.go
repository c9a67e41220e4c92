package queue_test_code

import "testing"

func TestDrop(t *testing.T) {
	l := &level{}
	done := make(chan bool, 1)
	go func() { l.addTable(1); done <- true }()
	<-done
	l.Lock()
	l.tables = l.tables[1:] // a test simulating compaction
	l.Unlock()
}
