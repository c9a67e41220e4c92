// Package flush_over_infallible_writer proves that a Flush on a buffered
// writer built over a writer that cannot fail, and a type flushing itself
// from its own methods (keeping the sticky error in its own state, as
// bufio.Writer does in b.err), are not reported; a Flush over a connection
// still is.
package flush_over_infallible_writer

import (
	"bufio"
	"bytes"
	"compress/flate"
	"io"
	"net"
	"strings"
)

func overBuffer(msgs []string) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for _, m := range msgs {
		w.WriteString(m)
	}
	w.Flush() // ok: flushing into a bytes.Buffer cannot fail
	return buf.String()
}

func overBuilder() string {
	var sb strings.Builder
	w := bufio.NewWriterSize(&sb, 64)
	w.Flush() // ok: flushing into a strings.Builder cannot fail
	return sb.String()
}

func overDiscard() {
	w := bufio.NewWriter(io.Discard)
	w.Flush() // ok: io.Discard cannot fail
}

func compressed(b *bytes.Buffer) {
	w, _ := flate.NewWriter(b, 5)
	w.Flush() // ok: over a bytes.Buffer
}

func overConn(conn net.Conn) {
	w := bufio.NewWriter(conn)
	w.Flush() // want `error of w.Flush is discarded`
}

// Writer is a buffered writer whose methods flush themselves and keep the
// error in their own state, as bufio.Writer does.
type Writer struct {
	err error
	w   io.Writer
}

func (b *Writer) Flush() error { return b.err }

func (b *Writer) Write(p []byte) (int, error) {
	b.Flush() // ok: the type's own method; the error is kept in b.err
	return len(p), b.err
}

func use(b *Writer, bw *bufio.Writer) {
	b.Flush()  // ok: not a known flusher and not a flow-controlled sink
	bw.Flush() // want `error of bw.Flush is discarded`
}
