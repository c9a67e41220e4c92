package fanin_early_return

import (
	"runtime"
	"testing"
)

func TestServe(t *testing.T) {
	errc := make(chan error) // want `the send on errc at line 10 blocks forever when TestServe calls t.Fatal at line 12: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { errc <- serve() }()
	if _, err := dial(); err != nil {
		t.Fatal(err)
	}
	if err := <-errc; err != nil {
		t.Error(err)
	}
}

func TestServeFixed(t *testing.T) {
	errc := make(chan error, 1) // ok: buffered for its one sender
	go func() { errc <- serve() }()
	if _, err := dial(); err != nil {
		t.Fatal(err)
	}
	if err := <-errc; err != nil {
		t.Error(err)
	}
}

func TestFailNow(t *testing.T) {
	errc := make(chan error) // want `when TestFailNow calls t.FailNow at line 34`
	go func() { errc <- serve() }()
	if _, err := dial(); err != nil {
		t.FailNow()
	}
	<-errc
}

func TestSkip(t *testing.T) {
	errc := make(chan error) // want `when TestSkip calls t.Skipf at line 43`
	go func() { errc <- serve() }()
	if _, err := dial(); err != nil {
		t.Skipf("no server: %v", err)
	}
	<-errc
}

func TestGoexit(t *testing.T) {
	errc := make(chan error) // want `when TestGoexit calls runtime.Goexit at line 52`
	go func() { errc <- serve() }()
	if _, err := dial(); err != nil {
		runtime.Goexit()
	}
	<-errc
}

func mustDial(t *testing.T) *conn {
	c, err := dial()
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return c
}

func fatal(t *testing.T, err error) {
	t.Helper()
	t.Fatal(err)
}

func TestHelper(t *testing.T) {
	errc := make(chan error) // want `when TestHelper calls mustDial at line 73`
	go func() { errc <- serve() }()
	if err := mustDial(t).check(); err != nil {
		fatal(t, err)
	}
	<-errc
}

// The receive comes first: nothing leaks.
func TestReceiveFirst(t *testing.T) {
	errc := make(chan error) // ok: received before any way out
	go func() { errc <- serve() }()
	err := <-errc
	if err != nil {
		t.Fatal(err)
	}
}

// A helper of the package that may call t.Fatal is a way out.
func TestMaybeFatal(t *testing.T) {
	errc := make(chan error) // want `the send on errc at line 92 blocks forever when TestMaybeFatal calls mustDial at line 93`
	go func() { errc <- serve() }()
	mustDial(t)
	<-errc
}

// A closure that receives and then may call t.Fatal.
func TestReceiveThenMaybeFatal(t *testing.T) {
	ch := make(chan error) // want `the send on ch at line 101 blocks forever when the receiver calls expect at line 108`
	for range 2 {
		go func() { ch <- serve() }()
	}
	expect := func() {
		if err := <-ch; err != nil {
			t.Fatal(err)
		}
	}
	expect()
	expect()
}

func check(t *testing.T, err error) {
	if err != nil {
		t.Fatal(err)
	}
}

// The way out is inside the receive loop.
func TestLoopMaybeFatal(t *testing.T) {
	ch := make(chan error) // want `the sends on ch at line 122 block forever when TestLoopMaybeFatal calls check at line 125`
	for range 3 {
		go func() { ch <- serve() }()
	}
	for range 3 {
		check(t, <-ch)
	}
}

// startSender may fail the test before it starts the sender.
func startSender(t *testing.T, out chan<- error) { // want startSender:`spawner`
	if _, err := dial(); err != nil {
		t.Fatal(err)
	}
	go func() { out <- serve() }()
}

func TestStartThenWait(t *testing.T) {
	errc := make(chan error) // ok: startSender fails, if at all, before the sender starts
	startSender(t, errc)
	<-errc
}

// A long name is left to the position; a long case to the related
// information: the message stays short.
func TestAReceiverWhoseNameIsLongerThanAMessageWants(t *testing.T) {
	errc := make(chan error) // want `^the send on errc at line 147 blocks forever when the receiver returns at line 152 after the <-deadlineAfter\(...\) case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)$`
	go func() { errc <- serve() }()
	select {
	case err := <-errc:
		check(t, err)
	case <-deadlineAfter(len(t.Name()) * 1000):
		return
	}
}

func deadlineAfter(ms int) <-chan struct{} {
	c := make(chan struct{})
	if ms > 0 {
		close(c)
	}
	return c
}
