// Package spawn_test_helper_loaded: with test-load, the fake servers of
// test helpers in non-test files are reported like any accept loop
// (spawn_test_helper shows them quiet without it).
package spawn_test_helper_loaded

import (
	"net"
	"testing"
)

func echo(c net.Conn) { _ = c.Close() }

// Serve is a suite helper: only tests can call it.
func Serve(t *testing.T, l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			t.Log(err)
			return
		}
		go echo(c) // want `goroutine started per connection accepted by l\.Accept\(\) with no limit`
	}
}

// Suite returns a subtest whose literal serves.
func Suite(l net.Listener) func(testing.TB) {
	return func(tb testing.TB) {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go echo(c) // want `goroutine started per connection accepted by l\.Accept\(\) with no limit`
		}
	}
}

// Bench serves in a benchmark helper.
func Bench(b *testing.B, l net.Listener) { // want Bench:"spawner"
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go echo(c) // want `goroutine started per connection accepted by l\.Accept\(\) with no limit`
		}
	}()
	b.Log("serving")
}

// Production is not test code.
func Production(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go echo(c) // want `goroutine started per connection accepted by l\.Accept\(\) with no limit`
	}
}
