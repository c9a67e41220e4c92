// Package sink answers "is this call a write to a flow-controlled sink, whose
// error is the consumer saying stop?".
//
// A flow-controlled sink pushes back when its consumer is slow or gone: a
// network connection, an HTTP response, a pipe, a gRPC stream, a websocket.
// Writers that cannot fail or exert no backpressure (bytes.Buffer,
// strings.Builder, hash.Hash) are not sinks, and neither is *bufio.Writer
// for writes: its error is sticky and surfaces at Flush.
package sink

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Kind classifies a call.
type Kind int

const (
	None  Kind = iota
	Write      // a write to a flow-controlled sink: reported when ignored in a loop
	Flush      // a Flush whose error is the only report of earlier failed writes: reported anywhere
)

var writeNames = map[string]bool{
	"Write": true, "WriteString": true, "WriteMsg": true, "Send": true, "SendMsg": true,
	"WriteMessage": true, "WriteJSON": true, "Flush": true,
}

// flushers are the buffered writers whose Flush error must be checked.
var flushers = map[string]bool{
	"bufio.Writer":                               true,
	"net/http.ResponseController":                true,
	"compress/gzip.Writer":                       true,
	"compress/zlib.Writer":                       true,
	"compress/flate.Writer":                      true,
	"github.com/klauspost/compress/gzip.Writer":  true,
	"github.com/klauspost/compress/zstd.Encoder": true,
}

// named returns "pkg/path.Name" for a (pointer to a) named type, or "".
func named(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// Classify reports the kind of a call of method fn on a receiver of static
// type recv. The method's last result must be an error.
func Classify(recv types.Type, fn *types.Func) Kind {
	name := fn.Name()
	if !writeNames[name] || recv == nil {
		return None
	}
	res := fn.Signature().Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		return None
	}
	if name == "Flush" && flushers[named(recv)] {
		return Flush
	}
	if named(recv) == "bufio.Writer" || named(recv) == "net/http/httptest.ResponseRecorder" {
		return None
	}
	if FlowControlled(recv, name) {
		if name == "Flush" {
			return Flush
		}
		return Write
	}
	return None
}

// FlowControlled reports whether a value of type t is a flow-controlled sink
// for method name.
func FlowControlled(t types.Type, method string) bool {
	switch named(t) {
	case "io.PipeWriter":
		return method == "Write" || method == "WriteString"
	case "github.com/gorilla/websocket.Conn":
		return method == "WriteMessage" || method == "WriteJSON"
	case "nhooyr.io/websocket.Conn", "github.com/coder/websocket.Conn":
		return method == "Write"
	case "golang.org/x/net/websocket.Codec":
		return method == "Send"
	case "github.com/miekg/dns.ResponseWriter":
		return method == "WriteMsg" || method == "Write"
	case "net/http.ResponseWriter":
		return method == "Write" || method == "WriteString"
	}
	switch method {
	case "Send", "SendMsg":
		return isGRPCStream(t)
	case "Write", "WriteString":
		return isConn(t) || IsResponseWriter(t)
	}
	return false
}

// isConn reports whether t has the methods that make a net.Conn: a
// RemoteAddr returning net.Addr and a SetWriteDeadline.
func isConn(t types.Type) bool {
	m := method(t, "RemoteAddr")
	if m == nil || m.Signature().Results().Len() != 1 || named(m.Signature().Results().At(0).Type()) != "net.Addr" {
		return false
	}
	return method(t, "SetWriteDeadline") != nil
}

// IsResponseWriter reports whether t has the methods of an
// http.ResponseWriter: Header returning http.Header, and WriteHeader.
func IsResponseWriter(t types.Type) bool {
	m := method(t, "Header")
	if m == nil || m.Signature().Results().Len() != 1 || named(m.Signature().Results().At(0).Type()) != "net/http.Header" {
		return false
	}
	return method(t, "WriteHeader") != nil
}

// isGRPCStream reports whether t's SendMsg comes from google.golang.org/grpc
// (a grpc.ServerStream or ClientStream, or a generated stream embedding one).
func isGRPCStream(t types.Type) bool {
	m := method(t, "SendMsg")
	return m != nil && m.Pkg() != nil && m.Pkg().Path() == "google.golang.org/grpc" && method(t, "RecvMsg") != nil
}

func method(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, _ := obj.(*types.Func)
	return fn
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return types.Identical(t, errorType) }

// bufferingConstructors build a buffered writer over their first argument.
var bufferingConstructors = map[string]bool{
	"bufio.NewWriter":              true,
	"bufio.NewWriterSize":          true,
	"compress/gzip.NewWriter":      true,
	"compress/gzip.NewWriterLevel": true,
	"compress/zlib.NewWriter":      true,
	"compress/zlib.NewWriterLevel": true,
	"compress/flate.NewWriter":     true,
}

// infallible are writers whose writes cannot fail.
var infallible = map[string]bool{
	"bytes.Buffer":    true,
	"strings.Builder": true,
}

// BlockingWriter reports whether a value of type t is a writer (a
// Write([]byte) (int, error) method) whose writes can wait for a reader:
// not an infallible in-memory writer, a hash, or an *os.File (a log or a
// file, not a peer).
func BlockingWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	m := method(t, "Write")
	if m == nil {
		return false
	}
	sig := m.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 2 || !isError(sig.Results().At(1).Type()) {
		return false
	}
	if sl, ok := sig.Params().At(0).Type().(*types.Slice); !ok || !types.Identical(sl.Elem(), types.Typ[types.Byte]) {
		return false
	}
	n := named(t)
	if infallible[n] || n == "os.File" || strings.HasPrefix(n, "hash") {
		return false
	}
	return method(t, "Sum") == nil || method(t, "BlockSize") == nil // not a hash.Hash
}

// WrapsInfallible reports whether w is a buffered writer built, in the same
// function, over a writer that cannot fail (a *bytes.Buffer, a
// *strings.Builder, io.Discard): flushing it cannot fail either.
func WrapsInfallible(w ssa.Value) bool {
	under := Wrapped(w)
	if under == nil {
		return false
	}
	if infallible[named(under.Type())] {
		return true
	}
	if load, ok := under.(*ssa.UnOp); ok {
		if g, ok := load.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "io" && g.Name() == "Discard" {
			return true
		}
	}
	return false
}

// Wrapped returns the writer a buffered writer w is built over in the same
// function (the argument of bufio.NewWriter, gzip.NewWriter...), or nil.
func Wrapped(w ssa.Value) ssa.Value {
	if ex, ok := w.(*ssa.Extract); ok && ex.Index == 0 {
		w = ex.Tuple // w, err := flate.NewWriter(&buf, level)
	}
	call, ok := w.(*ssa.Call)
	if !ok {
		return nil
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Object() == nil || len(call.Call.Args) == 0 {
		return nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || !bufferingConstructors[obj.FullName()] {
		return nil
	}
	under := call.Call.Args[0]
	if mi, ok := under.(*ssa.MakeInterface); ok {
		under = mi.X
	}
	return under
}

// InfallibleExpr reports whether the expression of type t (its value
// possibly a selector of io.Discard) is a writer that cannot fail.
func InfallibleExpr(t types.Type, obj types.Object) bool {
	if infallible[named(t)] {
		return true
	}
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "io" && obj.Name() == "Discard"
}
