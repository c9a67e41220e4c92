// Package write_failure_seen_later proves that an ignored Flush whose
// failure a later call on the same stream sees is not reported: a checked
// read from the same connection after it (a request-response exchange: a
// broken connection fails the read), a checked write to the same
// *bufio.Writer after it (its error is sticky), and, for a *bufio.Writer
// held in a field of the package, a checked write through that field
// elsewhere (the producer's next write returns the error). Beside each, the
// nearest form that still loses the failure is reported: the read's error
// ignored, a deadline (a flush can time out while reads still succeed), a
// second Flush (the rule asks for the error of the flush relied on), a
// deferred flush (nothing comes after it), a writer whose writes are all
// ignored. Writes in a loop stay reported (write_echo_loop).
package write_failure_seen_later

import (
	"bufio"
	"net"
	"time"
)

// pingWithDeadline: a deadline lets the flush time out while reads still
// succeed, so the command is lost unseen.
func pingWithDeadline(conn net.Conn) error {
	rw := bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn))
	for {
		conn.SetDeadline(time.Now().Add(time.Second))
		rw.WriteString("PING\r\n")
		rw.Flush() // want `error of rw.Flush is discarded`
		if _, err := rw.ReadString('\n'); err != nil {
			return err
		}
	}
}

// pingLoop flushes each command and reads its reply through the same
// ReadWriter, checking the read.
func pingLoop(conn net.Conn) error {
	rw := bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn))
	for {
		rw.WriteString("PING\r\n")
		rw.Flush() // ok: the ReadString below fails on a broken connection
		if _, err := rw.ReadString('\n'); err != nil {
			return err
		}
	}
}

// pingLoopUnchecked ignores the reply's error too: nothing sees the failure.
func pingLoopUnchecked(conn net.Conn) {
	rw := bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn))
	for i := 0; i < 10; i++ {
		rw.WriteString("PING\r\n")
		rw.Flush() // want `error of rw.Flush is discarded`
		line, _ := rw.ReadString('\n')
		_ = line
	}
}

// readThroughWrapper reads the replies through another bufio wrapper of the
// same connection.
func readThroughWrapper(conn net.Conn) error {
	w := bufio.NewWriter(conn)
	r := bufio.NewReader(conn)
	for {
		w.WriteString("PING\r\n")
		w.Flush() // ok: r wraps the same conn and its error is checked
		if _, err := r.ReadString('\n'); err != nil {
			return err
		}
	}
}

// handshake flushes the greeting and then checks every write: a failed
// Flush is returned by the first WriteString after it.
func handshake(conn net.Conn, lines []string) error {
	w := bufio.NewWriter(conn)
	w.WriteString("HELLO\r\n")
	w.Flush() // ok: sticky, the WriteString below returns the same error
	for _, l := range lines {
		if _, err := w.WriteString(l); err != nil {
			return err
		}
	}
	return w.Flush()
}

// flushTwice checks only the second Flush: the first is still reported.
func flushTwice(conn net.Conn) error {
	w := bufio.NewWriter(conn)
	w.WriteString("HELLO\r\n")
	w.Flush() // want `error of w.Flush is discarded`
	w.WriteString("BYE\r\n")
	return w.Flush()
}

// handshakeLossy never checks a write after the Flush.
func handshakeLossy(conn net.Conn, lines []string) {
	w := bufio.NewWriter(conn)
	w.WriteString("HELLO\r\n")
	w.Flush() // want `error of w.Flush is discarded`
	for _, l := range lines {
		w.WriteString(l)
	}
}

// deferredFlush: the deferred Flush runs last, nothing after it sees its
// error.
func deferredFlush(conn net.Conn, lines []string) error {
	w := bufio.NewWriter(conn)
	defer w.Flush() // want `error of w.Flush is discarded`
	for _, l := range lines {
		if _, err := w.WriteString(l); err != nil {
			return err
		}
	}
	return nil
}

// flusher buffers its writes and flushes them on a timer; Write returns
// the writer's error, so the next Write after a failed Flush reports it.
type flusher struct {
	w *bufio.Writer
}

func (f *flusher) Write(p []byte) (int, error) {
	return f.w.Write(p)
}

func (f *flusher) start() {
	time.AfterFunc(time.Second, func() {
		f.w.Flush() // ok: sticky, the producer's next f.Write returns the error
	})
}

// lossyFlusher drops the writer's error in Write as well.
type lossyFlusher struct {
	w *bufio.Writer
}

func (f *lossyFlusher) Write(p []byte) (int, error) {
	f.w.Write(p)
	return len(p), nil
}

func (f *lossyFlusher) start() {
	time.AfterFunc(time.Second, func() {
		f.w.Flush() // want `error of f.w.Flush is discarded`
	})
}
