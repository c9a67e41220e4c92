// Package flush_callers_pass_buffer proves that a Flush of a buffered
// writer built over a writer parameter is not reported when every call of
// the function passes a writer that cannot fail (a *bytes.Buffer, a
// *strings.Builder, io.Discard) and those calls are all its callers: the
// function is unexported (here) or exported from an internal package
// (internal/diff). Beside them, the nearest forms stay reported: a caller
// that passes a connection, a function also used as a value (its other
// callers are out of sight), and an exported function of a package anyone
// may import.
package flush_callers_pass_buffer

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"strings"
)

func writeLines(w io.Writer, lines []string) error {
	buf := bufio.NewWriter(w)
	defer buf.Flush() // ok: every caller passes an in-memory writer
	emit := func(s string) error {
		_, err := buf.WriteString(s + "\n")
		return err
	}
	for _, l := range lines {
		if err := emit(l); err != nil {
			return err
		}
	}
	return nil
}

func Lines(lines []string) string {
	var b bytes.Buffer
	_ = writeLines(&b, lines)
	return b.String()
}

func LinesBuilder(lines []string) string {
	sb := &strings.Builder{}
	_ = writeLines(sb, lines)
	_ = writeLines(io.Discard, lines)
	return sb.String()
}

func writeTo(w io.Writer, s string) {
	buf := bufio.NewWriter(w)
	buf.WriteString(s)
	buf.Flush() // want `error of buf.Flush is discarded`
}

func Send(conn net.Conn, s string) {
	var b bytes.Buffer
	writeTo(&b, s)
	writeTo(conn, s) // a connection: the flush can fail
}

func writeVia(w io.Writer, s string) {
	buf := bufio.NewWriter(w)
	buf.WriteString(s)
	buf.Flush() // want `error of buf.Flush is discarded`
}

// Writers hands writeVia to others: who calls it, with what, is unseen.
var Writers = []func(io.Writer, string){writeVia}

func Local(s string) {
	var b bytes.Buffer
	writeVia(&b, s)
}

// WriteReport is exported from a package anyone may import.
func WriteReport(w io.Writer, s string) {
	buf := bufio.NewWriter(w)
	buf.WriteString(s)
	buf.Flush() // want `error of buf.Flush is discarded`
}

func Report(s string) string {
	var b bytes.Buffer
	WriteReport(&b, s)
	return b.String()
}
