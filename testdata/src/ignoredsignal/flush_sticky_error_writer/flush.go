// Package flush_sticky_error_writer proves that the Flush of a bufio.Writer
// over a sticky-error writer (one whose Write records every error in state
// that outlives the call) is not reported, since the failure is recorded
// where the code checks it, while a Flush over a writer that records
// nothing still is.
package flush_sticky_error_writer

import (
	"bufio"
	"errors"
	"io"
	"net"
)

// stickyErrWriter records the first write error in *err.
type stickyErrWriter struct {
	w   io.Writer
	err *error
}

func (sew stickyErrWriter) Write(p []byte) (int, error) {
	if *sew.err != nil {
		return 0, *sew.err
	}
	n, err := sew.w.Write(p)
	*sew.err = err
	return n, err
}

type clientConn struct {
	bw   *bufio.Writer
	werr error
}

func newClientConn(c net.Conn) *clientConn {
	cc := &clientConn{}
	cc.bw = bufio.NewWriter(stickyErrWriter{c, &cc.werr})
	return cc
}

func (cc *clientConn) ping() error {
	cc.bw.Write([]byte("PING"))
	cc.bw.Flush() // ok: the error is recorded in cc.werr, checked right after
	if cc.werr != nil {
		return cc.werr
	}
	return nil
}

// chunkEncoder records errors through a helper of the same receiver.
type chunkEncoder struct {
	w   io.Writer
	err error
}

func (e *chunkEncoder) writeChunk(p []byte) {
	if e.err != nil {
		return
	}
	_, e.err = e.w.Write(p)
}

func (e *chunkEncoder) Write(p []byte) (int, error) {
	e.writeChunk(p)
	if e.err != nil {
		return 0, e.err
	}
	return len(p), nil
}

func encode(w io.Writer, rows [][]byte) error {
	e := &chunkEncoder{w: w}
	bw := bufio.NewWriterSize(e, 1<<15)
	for _, r := range rows {
		bw.Write(r)
	}
	bw.Flush() // ok: e records the error of every chunk
	return e.err
}

// The nearest true positives: the writer underneath records nothing.

type passThrough struct{ w io.Writer }

func (p passThrough) Write(b []byte) (int, error) { return p.w.Write(b) }

type plainConn struct {
	bw *bufio.Writer
}

func newPlainConn(c net.Conn) *plainConn {
	return &plainConn{bw: bufio.NewWriter(passThrough{c})}
}

func (pc *plainConn) ping() {
	pc.bw.Flush() // want `error of pc.bw.Flush is discarded`
}

type mixedConn struct {
	bw   *bufio.Writer
	werr error
}

func (mc *mixedConn) reset(c net.Conn, sticky bool) {
	if sticky {
		mc.bw = bufio.NewWriter(stickyErrWriter{c, &mc.werr})
	} else {
		mc.bw = bufio.NewWriter(c) // this one records nothing
	}
}

func (mc *mixedConn) ping() {
	mc.bw.Flush() // want `error of mc.bw.Flush is discarded`
}

// logWriter stores an error, but only into its own local variable.
type logWriter struct{ w io.Writer }

func (l logWriter) Write(b []byte) (int, error) {
	var last error
	n, err := l.w.Write(b)
	if err != nil {
		last = errors.Join(last, err)
	}
	return n, last
}

func overLog(c net.Conn) {
	bw := bufio.NewWriter(logWriter{c})
	bw.Flush() // want `error of bw.Flush is discarded`
}
