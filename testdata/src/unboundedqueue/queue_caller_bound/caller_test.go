package queue_caller_bound

import "testing"

func TestBuffer(t *testing.T) {
	pt := &partition{}
	pt.buffer(rec{}) // a test setting up state, not a producer
	pt.finish()
}
