// Package writes proves ignored-write: ignored errors of writes to
// flow-controlled sinks inside loops, and of Flush anywhere; writers that
// cannot fail or exert no backpressure, bufio.Writer writes, and single
// writes outside loops are not reported.
package writes

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/coder/websocket"
	gorilla "github.com/gorilla/websocket"
	"google.golang.org/grpc"
)

func conns(conn net.Conn, tcp *net.TCPConn, msgs [][]byte) {
	for _, m := range msgs {
		conn.Write(m) // want `error of conn.Write is discarded in a loop: when the peer is slow or gone the loop keeps producing for a consumer that has stopped; check the error and stop the loop`
		tcp.Write(m)  // want `error of tcp.Write is discarded in a loop`
	}
	conn.Write(nil) // ok: a single write outside a loop (reported with -strict)
}

// A wrapper type embedding a connection: the promoted Write is the conn's.
type peer struct {
	net.Conn
	id int
}

func embedded(p *peer, ch <-chan []byte) {
	for m := range ch {
		p.Write(m) // want `error of p.Write is discarded in a loop`
	}
}

func overwritten(conn net.Conn, msgs [][]byte) error {
	var err error
	for _, m := range msgs {
		_, err = conn.Write(m) // want `error of conn.Write is assigned to err but never read in a loop`
		_, err = conn.Write(m)
		if err != nil {
			return err
		}
	}
	return nil
}

func stream(w http.ResponseWriter, r *http.Request, events <-chan string) {
	rc := http.NewResponseController(w)
	for ev := range events {
		io.WriteString(w, ev) // ok: io.WriteString is not a method of a sink (known limit)
		w.Write([]byte(ev))   // want `error of w.Write is discarded in a loop`
		rc.Flush()            // want `error of rc.Flush is discarded: writes that failed in the buffer`
	}
}

func pipe(pw *io.PipeWriter, chunks [][]byte) {
	for _, c := range chunks {
		pw.Write(c) // want `error of pw.Write is discarded in a loop`
	}
}

type Event struct{ Name string }

// A generated server-streaming handle (protoc-gen-go-grpc, generic form).
func serve(stream grpc.ServerStreamingServer[Event], evs []*Event) {
	for _, ev := range evs {
		stream.Send(ev) // want `error of stream.Send is discarded in a loop`
	}
}

// The older generated form: an interface embedding grpc.ServerStream.
type Events_WatchServer interface {
	Send(*Event) error
	grpc.ServerStream
}

func watch(srv Events_WatchServer, ch <-chan *Event) {
	for ev := range ch {
		srv.Send(ev) // want `error of srv.Send is discarded in a loop`
	}
}

func client(cs grpc.ClientStream, evs []*Event) {
	for _, ev := range evs {
		cs.SendMsg(ev) // want `error of cs.SendMsg is discarded in a loop`
	}
}

func websockets(g *gorilla.Conn, c *websocket.Conn, msgs [][]byte) {
	for _, m := range msgs {
		g.WriteMessage(gorilla.TextMessage, m) // want `error of g.WriteMessage is discarded in a loop`
		g.WriteJSON(m)                         // want `error of g.WriteJSON is discarded in a loop`
		c.Write(nil, websocket.MessageText, m) // want `error of c.Write is discarded in a loop`
	}
}

func flushes(bw *bufio.Writer, zw *gzip.Writer, conn net.Conn, msgs [][]byte) error {
	for _, m := range msgs {
		bw.Write(m) // ok: bufio.Writer's error is sticky and surfaces at Flush
	}
	bw.Flush()       // want `error of bw.Flush is discarded: writes that failed in the buffer`
	defer zw.Flush() // want `error of zw.Flush is discarded by the defer statement: .*flush explicitly and check the error`
	if err := bw.Flush(); err != nil { // ok: checked
		return err
	}
	return nil
}

func cannotFail(msgs [][]byte) string {
	var buf bytes.Buffer
	var sb strings.Builder
	h := sha256.New()
	for _, m := range msgs {
		buf.Write(m)          // ok: bytes.Buffer cannot fail
		sb.Write(m)           // ok: strings.Builder cannot fail
		h.Write(m)            // ok: hash.Hash never returns an error
		io.Discard.Write(m)   // ok: not a flow-controlled sink
	}
	return buf.String() + sb.String()
}

func checked(conn net.Conn, msgs [][]byte) error {
	for _, m := range msgs {
		if _, err := conn.Write(m); err != nil { // ok: checked
			return err
		}
	}
	return nil
}

func goroutinePerWrite(conn net.Conn, msgs [][]byte) {
	for _, m := range msgs {
		go func() {
			conn.Write(m) // ok: a single write in its own goroutine, not a loop in its function (-strict reports it)
		}()
	}
}

// A writer with a Write method that is not a connection.
type fileSink struct{}

func (fileSink) Write(p []byte) (int, error) { return len(p), nil }

func notConn(s fileSink, msgs [][]byte) {
	for _, m := range msgs {
		s.Write(m) // ok: not a flow-controlled sink
	}
}
