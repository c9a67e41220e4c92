// Package spawn_test_helper: a test suite's fake server in a non-test file
// (a function taking *testing.T, testing.TB or *testing.B, or a literal
// inside one) runs only under go test: test code, where the load rules are
// quiet without test-load (spawn_test_helper_loaded shows them with it).
// The same accept loop in a function without such a parameter is reported.
package spawn_test_helper

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
		go echo(c) // ok: test code
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
			go echo(c) // ok: test code
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
			go echo(c) // ok: inside the helper's literal
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
