package testload

import "testing"

// A fake server of the test: a goroutine per item, which is not production
// load (reported only with -test-load).
func serveFake(in chan int) {
	for v := range in {
		go handle(v)
	}
}

func TestServe(t *testing.T) {
	in := make(chan int)
	close(in)
	serveFake(in)
}
