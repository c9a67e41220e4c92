package ignoredsignal

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/sink"
	"github.com/bplint/bplint/internal/ssaform"
)

// createdPerIteration reports whether the sink recv, written by instr in a
// loop, is created in the same iteration of the innermost loop around
// instr: the result of a call that creates it (an Accept, a Dial: one that
// can fail, or a wrapper over a sink of the same iteration) or a receive
// made in that iteration, not carried from an earlier one.
//
// Property: a sink created in the iteration that writes to it is not
// written by any later iteration, so a failed write ends that sink's use
// and the loop goes on with another one; it does not keep producing for a
// consumer that stopped.
func (c *checker) createdPerIteration(instr ssa.Instruction, recv ssa.Value) bool {
	f := c.forest(instr.Parent())
	l := f.Innermost(instr.Block())
	return l != nil && createdIn(recv, l, make(map[ssa.Value]bool))
}

// leavesLoops reports whether no loop around instr can run it again:
// control cannot go from instr back to the header of any loop that
// contains it (w.WriteMsg(m); return, or break out of the only loop).
//
// Property: a write on a path that leaves every loop around it is made
// once per run of the function, not once per iteration; the loop does not
// keep producing after it fails.
func (c *checker) leavesLoops(instr ssa.Instruction) bool {
	f := c.forest(instr.Parent())
	// A block that cannot go round again is in no natural loop: Innermost
	// is nil although the syntax puts the call in a for statement.
	for l := f.Innermost(instr.Block()); l != nil; l = l.Parent {
		if l.ReachesHeader(instr.Block()) {
			return false
		}
	}
	return true
}

// forest returns the loops of fn, computed once.
func (c *checker) forest(fn *ssa.Function) *loops.Forest {
	f, ok := c.forests[fn]
	if !ok {
		f = loops.Of(fn, loops.Config{})
		c.forests[fn] = f
	}
	return f
}

func createdIn(v ssa.Value, l *loops.Loop, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return createdIn(v.X, l, seen)
	case *ssa.ChangeInterface:
		return createdIn(v.X, l, seen)
	case *ssa.ChangeType:
		return createdIn(v.X, l, seen)
	case *ssa.TypeAssert:
		return createdIn(v.X, l, seen)
	case *ssa.Extract:
		return createdIn(v.Tuple, l, seen)
	case *ssa.Call:
		if !l.Contains(v.Block()) {
			return false
		}
		// A sink built over a sink of an earlier iteration (a wrapper of
		// the same connection) is that sink again; one built over a sink
		// of this iteration is new (tls.Server(conn, cfg)).
		over := false
		for _, a := range v.Call.Args {
			if isSink(a.Type()) {
				if !createdIn(a, l, seen) {
					return false
				}
				over = true
			}
		}
		// Otherwise a call creates a sink when it can fail doing so
		// (Accept, Dial: (net.Conn, error)); a call that cannot is taken
		// for a getter of a sink that may outlive the iteration.
		res := v.Call.Signature().Results()
		return over || (res.Len() > 1 && types.Identical(res.At(res.Len()-1).Type(), errorType))
	case *ssa.UnOp:
		return v.Op == token.ARROW && l.Contains(v.Block())
	case *ssa.Select:
		return l.Contains(v.Block())
	case *ssa.Phi:
		if v.Block() == l.Header || !l.Contains(v.Block()) {
			return false // carried from an earlier iteration, or from before the loop
		}
		for _, e := range v.Edges {
			if !createdIn(e, l, seen) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

func isSink(t types.Type) bool {
	return sink.FlowControlled(t, "Write") || sink.FlowControlled(t, "Send")
}

// recordedFlush reports whether w, the receiver of a Flush, is a
// *bufio.Writer whose every construction (in the same function, or into
// the field it is loaded from, anywhere in this package) wraps a writer of
// this package that records its write errors in its own state.
//
// Property: a bufio.Writer over a sticky-error writer (one whose Write
// stores every error in memory that outlives the call, as
// stickyErrWriter{conn, &cc.werr} does) hands each failure of the writes
// behind its Flush to that state, where the code checks it; the Flush
// result repeats what is already recorded.
func (c *checker) recordedFlush(w ssa.Value) bool {
	var built []ssa.Value
	switch w := w.(type) {
	case *ssa.Call:
		built = []ssa.Value{w}
	case *ssa.UnOp:
		built = c.fieldStores()[ssaform.LoadedField(w)]
	}
	if len(built) == 0 {
		return false
	}
	for _, b := range built {
		call, ok := b.(*ssa.Call)
		if !ok || len(call.Call.Args) == 0 {
			return false
		}
		callee := call.Call.StaticCallee()
		if callee == nil || callee.Object() == nil {
			return false
		}
		switch callee.Object().(*types.Func).FullName() {
		case "bufio.NewWriter", "bufio.NewWriterSize":
		default:
			return false
		}
		if !c.recordsErrors(call.Call.Args[0]) {
			return false
		}
	}
	return true
}

// recordsErrors reports whether the writer w (an io.Writer made from a
// value of a type of this package) has a Write method that stores an error
// into memory outside its own frame (a field, through a pointer), itself
// or in a method of the same receiver it calls.
func (c *checker) recordsErrors(w ssa.Value) bool {
	if mi, ok := w.(*ssa.MakeInterface); ok {
		w = mi.X
	}
	m, _, _ := types.LookupFieldOrMethod(w.Type(), true, c.pass.Pkg, "Write")
	write, ok := m.(*types.Func)
	if !ok || write.Pkg() != c.pass.Pkg {
		return false
	}
	fn := c.form.Func(write)
	if fn == nil {
		return false
	}
	if storesError(fn) {
		return true
	}
	// One level down: e.writeChunk(b) recording e.err.
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || len(call.Call.Args) == 0 || len(fn.Params) == 0 || call.Call.Args[0] != fn.Params[0] {
				continue
			}
			if callee := call.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil && storesError(callee) {
				return true
			}
		}
	}
	return false
}

// storesError reports whether fn stores a value of type error anywhere but
// into memory it allocates itself (its variables, the array of a variadic
// call).
func storesError(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok || !types.Identical(st.Val.Type(), errorType) {
				continue
			}
			if _, own := addrRoot(st.Addr).(*ssa.Alloc); own {
				continue
			}
			return true
		}
	}
	return false
}

// addrRoot returns the base an address is computed from, through field and
// element addressing.
func addrRoot(a ssa.Value) ssa.Value {
	for {
		switch v := a.(type) {
		case *ssa.FieldAddr:
			a = v.X
		case *ssa.IndexAddr:
			a = v.X
		default:
			return a
		}
	}
}

var errorType = types.Universe.Lookup("error").Type()

// fieldStores indexes the values this package stores into each struct
// field (assignments and composite literals alike), once per package.
func (c *checker) fieldStores() map[*types.Var][]ssa.Value {
	if c.stores != nil {
		return c.stores
	}
	c.stores = make(map[*types.Var][]ssa.Value)
	for _, fn := range c.form.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						if f := ssaform.FieldOf(fa); f != nil {
							c.stores[f] = append(c.stores[f], st.Val)
						}
					}
				}
			}
		}
	}
	return c.stores
}

// pacedByReads reports whether the write instr to recv, in a loop, cannot
// run again before a checked read from the same stream: every way from
// instr back to it passes a call that reads from recv (its Read or Recv
// methods, or a call given it as a reader: io.ReadFull(conn, b), a bufio
// reader over it) whose error the code reads. A stream whose type can take
// a deadline (SetWriteDeadline or SetDeadline) counts only when the
// package sets no deadline anywhere.
//
// Property: a request-response or echo loop writes only in answer to what
// it has just read from the same peer, and a stream whose write failed
// fails the next read (a gRPC stream whose Send failed is finished; a
// connection whose write failed with no deadline is broken), so the loop
// ends there instead of producing for a consumer that stopped. Under a
// write deadline a write can time out while reads succeed, which is why
// a deadline set anywhere in the package keeps the write reported.
func (c *checker) pacedByReads(instr ssa.Instruction, recv ssa.Value) bool {
	if canDeadline(recv.Type()) && c.setsDeadlines() {
		return false
	}
	ps := peers(recv)
	return everyWayRound(instr, func(i ssa.Instruction) bool {
		call, ok := i.(*ssa.Call)
		return ok && checkedError(call) && readsFrom(call, ps) && !copiesIn(call)
	})
}

// everyWayRound reports whether every way from instr back to itself (the
// loops it is in) passes an instruction for which pass holds.
func everyWayRound(instr ssa.Instruction, pass func(ssa.Instruction) bool) bool {
	again := walkAfter(instr, func(i ssa.Instruction) step {
		if i == instr {
			return stop // back at instr with none on the way
		}
		if pass(i) {
			return cut // this way round passes one first
		}
		return goOn
	})
	return !again
}

// copiesIn reports whether call is a ReadFrom(io.Reader) method: it writes
// to its receiver what it reads from its argument (conn.ReadFrom(file)),
// not a read from the receiver.
func copiesIn(call *ssa.Call) bool {
	fn, recv, _ := callee(call.Common())
	if fn == nil || recv == nil || fn.Name() != "ReadFrom" {
		return false
	}
	params := fn.Signature().Params()
	return params.Len() == 1 && types.IsInterface(params.At(0).Type())
}

// canDeadline reports whether a value of type t can be given a write
// deadline: it has a SetWriteDeadline or SetDeadline method.
func canDeadline(t types.Type) bool {
	for _, name := range [...]string{"SetWriteDeadline", "SetDeadline"} {
		if m, _, _ := types.LookupFieldOrMethod(t, true, nil, name); m != nil {
			if _, ok := m.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

// setsDeadlines reports, computed once per package, whether any function
// of the package calls a method named SetWriteDeadline or SetDeadline.
func (c *checker) setsDeadlines() bool {
	if c.deadlines != 0 {
		return c.deadlines > 0
	}
	c.deadlines = -1
	for _, fn := range c.form.Funcs() {
		for _, b := range fn.Blocks {
			for _, i := range b.Instrs {
				if deadlineOf(i) != nil {
					c.deadlines = 1
					return true
				}
			}
		}
	}
	return false
}

// deadlineOf returns the receiver of a call of a method named
// SetWriteDeadline or SetDeadline, or nil.
func deadlineOf(i ssa.Instruction) ssa.Value {
	call, ok := i.(*ssa.Call)
	if !ok {
		return nil
	}
	if f, recv, _ := callee(call.Common()); f != nil && (f.Name() == "SetWriteDeadline" || f.Name() == "SetDeadline") {
		return recv
	}
	return nil
}

// endsWithStream reports whether the write instr to recv, in a loop,
// cannot run again before the loop waits in a select with a case on the
// Done channel of the stream's own context: Context() of the stream
// written (a gRPC stream), Request.Context() of the request whose
// ResponseWriter is written (see requestOf), or a context derived from one
// of them by context.WithCancel, WithTimeout, WithDeadline or WithValue
// (and their Cause forms).
//
// Property: that context is cancelled when the stream ends (gRPC cancels
// a stream's context when the RPC ends or its transport fails; net/http
// cancels a request's context when the client's connection closes or the
// handler returns), so a loop that waits on it each way round stops once
// the peer is gone, which is what a checked error would do; the write is
// not producing for a consumer that stopped.
func endsWithStream(instr ssa.Instruction, recv ssa.Value) bool {
	stream := rootOf(recv)
	return everyWayRound(instr, func(i ssa.Instruction) bool {
		sel, ok := i.(*ssa.Select)
		return ok && sel.Blocking && watchesDone(sel, stream)
	})
}

// watchesDone reports whether sel has a receive case on ctx.Done() where
// ctx is the context of stream.
func watchesDone(sel *ssa.Select, stream ssa.Value) bool {
	for _, st := range sel.States {
		if st.Dir != types.RecvOnly {
			continue
		}
		done, ok := st.Chan.(*ssa.Call)
		if !ok {
			continue
		}
		if m, ctx, _ := callee(done.Common()); m != nil && ctx != nil && m.Name() == "Done" && contextOf(ctx, stream, 0) {
			return true
		}
	}
	return false
}

// contextOf reports whether ctx is the context of stream, or derived from
// it by the cancelling and value constructors of package context.
func contextOf(ctx, stream ssa.Value, depth int) bool {
	if ctx == nil || depth > 8 {
		return false
	}
	ctx = rootOf(ctx)
	if e, ok := ctx.(*ssa.Extract); ok && e.Index == 0 {
		ctx = e.Tuple
	}
	call, ok := ctx.(*ssa.Call)
	if !ok {
		return false
	}
	fn, recv, args := callee(call.Common())
	switch {
	case fn == nil:
		return false
	case recv == nil && fn.Pkg() != nil && fn.Pkg().Path() == "context":
		switch fn.Name() {
		case "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause", "WithValue":
			return len(args) > 0 && contextOf(args[0], stream, depth+1)
		}
		return false
	case recv == nil || fn.Name() != "Context" || len(args) != 0:
		return false
	}
	owner := rootOf(recv)
	if owner == stream {
		return true // stream.Context()
	}
	return requestOf(owner, stream)
}

// requestOf reports whether req is the *http.Request of the response
// written through w: both parameters of one handler (w an
// http.ResponseWriter), or both handed out, by a method without arguments
// or a field, by one value whose w has the methods of an
// http.ResponseWriter (a web framework's per-request context:
// c.Request() and c.Response(), c.Request and c.Writer).
//
// Property: a value that carries a request and a response writer is the
// context of that one request; its writer answers that request, so the
// request's context ends with the same connection.
func requestOf(req, w ssa.Value) bool {
	ptr, ok := req.Type().Underlying().(*types.Pointer)
	if !ok || !isNamedType(ptr.Elem(), "net/http", "Request") {
		return false
	}
	p, ok := req.(*ssa.Parameter)
	q, ok2 := w.(*ssa.Parameter)
	if ok && ok2 {
		return p.Parent() == q.Parent() && isNamedType(q.Type(), "net/http", "ResponseWriter")
	}
	h := holderOf(req)
	return h != nil && h == holderOf(w) && sink.IsResponseWriter(w.Type())
}

// holderOf returns the value v was read from: the receiver of a method
// called without arguments, or the struct (or pointer to it) of a field
// read; nil for anything else.
func holderOf(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.Call:
		if fn, recv, args := callee(x.Common()); fn != nil && recv != nil && len(args) == 0 {
			return rootOf(recv)
		}
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return rootOf(fa.X)
		}
	case *ssa.Field:
		return rootOf(x.X)
	}
	return nil
}

func isNamedType(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// rootOf strips conversions and follows a closure's free variable to the
// value its enclosing function bound, and a load of a captured variable
// to the one value ever stored in it.
func rootOf(v ssa.Value) ssa.Value {
	for range 8 {
		v = unconvert(v)
		switch x := v.(type) {
		case *ssa.FreeVar:
			bound := bindingOf(x)
			if bound == nil {
				return v
			}
			v = bound
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			stored := onlyStored(x.X)
			if stored == nil {
				return v
			}
			v = stored
		default:
			return v
		}
	}
	return v
}

// onlyStored returns the one value stored in the variable addr (a local
// captured by a closure, or the closure's free variable bound to it), or
// nil (see storedInto).
func onlyStored(addr ssa.Value) ssa.Value {
	if fv, ok := addr.(*ssa.FreeVar); ok {
		addr = bindingOf(fv)
	}
	alloc, ok := addr.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return nil
	}
	return storedInto(alloc)
}

// bindingOf returns what the one MakeClosure of fv's function binds to fv,
// or nil.
func bindingOf(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	parent := fn.Parent()
	if i < 0 || parent == nil {
		return nil
	}
	var found ssa.Value
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			if found != nil {
				return nil
			}
			found = mc.Bindings[i]
		}
	}
	return found
}
