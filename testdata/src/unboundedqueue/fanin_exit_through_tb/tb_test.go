// Package fanin_exit_through_tb proves that Fatal, FailNow and Skip called
// through the testing.TB interface are ways out of the receiving function,
// as they are on *testing.T: the goroutine ends there and its senders stay
// blocked. The other methods of testing.TB (Error, Log) are not.
package fanin_exit_through_tb

import "testing"

func serve() error { return nil }

func dial() error { return nil }

// startServer leaves through tb.Fatal before it receives. Reported.
func startServer(tb testing.TB) {
	errc := make(chan error) // want `the send on errc at line 16 blocks forever when startServer calls tb.Fatal at line 18: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { errc <- serve() }()
	if err := dial(); err != nil {
		tb.Fatal(err)
	}
	if err := <-errc; err != nil {
		tb.Error(err)
	}
}

// startServerBuffered gives its one sender a slot. Not reported.
func startServerBuffered(tb testing.TB) {
	errc := make(chan error, 1)
	go func() { errc <- serve() }()
	if err := dial(); err != nil {
		tb.Fatal(err)
	}
	if err := <-errc; err != nil {
		tb.Error(err)
	}
}

// startServerSkips leaves through tb.Skipf. Reported.
func startServerSkips(tb testing.TB) {
	errc := make(chan error) // want `when startServerSkips calls tb.Skipf at line 42`
	go func() { errc <- serve() }()
	if err := dial(); err != nil {
		tb.Skipf("no server: %v", err)
	}
	<-errc
}

// startServerReports only reports the failure and goes on to receive.
// Not reported.
func startServerReports(tb testing.TB) {
	errc := make(chan error)
	go func() { errc <- serve() }()
	if err := dial(); err != nil {
		tb.Error(err)
		tb.Log("going on")
	}
	<-errc
}

// must fails the test through the interface: a helper that may end the
// goroutine.
func must(tb testing.TB, err error) {
	if err != nil {
		tb.FailNow()
	}
}

// startServerMust leaves through the helper. Reported.
func startServerMust(tb testing.TB) {
	errc := make(chan error) // want `when startServerMust calls must at line 71`
	go func() { errc <- serve() }()
	must(tb, dial())
	<-errc
}

func TestServers(t *testing.T) {
	startServer(t)
	startServerBuffered(t)
	startServerSkips(t)
	startServerReports(t)
	startServerMust(t)
}
