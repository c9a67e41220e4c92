// Package write_ends_with_request_holder proves that a write in a loop is
// not reported when the loop waits each way round on the Done channel of
// the context of the request that a web framework's per-request value
// carries with the response writer written: c.Request() with c.Response(),
// or the fields c.Request with c.Writer. A value that carries both is the
// context of that one request, so the request's context ends with the
// connection the writer answers on. A request and a writer taken from two
// different values, and a writer that is not a response writer, stay
// reported.
package write_ends_with_request_holder

import (
	"net"
	"net/http"
)

// Response wraps the http.ResponseWriter of one request, as a framework's
// response type does.
type Response struct {
	http.ResponseWriter
	Size int64
}

func (r *Response) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.Size += int64(n)
	return n, err
}

func (r *Response) Flush() { r.ResponseWriter.(http.Flusher).Flush() }

// Context is a framework's per-request value handed to a handler, with
// methods.
type Context interface {
	Request() *http.Request
	Response() *Response
}

// events streams server-sent events through the per-request value's
// methods until the client goes away. Not reported.
func events(c Context, send chan []byte) error {
	ctx := c.Request().Context()
	for {
		select {
		case msg := <-send:
			c.Response().Write(msg)
			c.Response().Flush()
		case <-ctx.Done():
			return nil
		}
	}
}

// FieldContext is a framework's per-request value with fields.
type FieldContext struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

// fieldEvents does the same through the fields. Not reported.
func fieldEvents(c *FieldContext, send chan []byte) {
	for {
		select {
		case msg := <-send:
			c.Writer.Write(msg)
		case <-c.Request.Context().Done():
			return
		}
	}
}

// crossEvents waits on one request's context and writes the response of
// another: the loop goes on after the client written to is gone. Reported.
func crossEvents(c, other Context, send chan []byte) {
	ctx := c.Request().Context()
	for {
		select {
		case msg := <-send:
			other.Response().Write(msg) // want `error of other.Response\(\).Write is discarded in a loop`
		case <-ctx.Done():
			return
		}
	}
}

// Upstream carries a request and the connection it is forwarded on, which
// is not the request's response.
type Upstream struct {
	Request *http.Request
	Conn    net.Conn
}

// forward writes to the upstream connection while waiting on the client's
// request: the upstream peer can be gone while the client stays. Reported.
func forward(u *Upstream, send chan []byte) {
	for {
		select {
		case msg := <-send:
			u.Conn.Write(msg) // want `error of u.Conn.Write is discarded in a loop`
		case <-u.Request.Context().Done():
			return
		}
	}
}
