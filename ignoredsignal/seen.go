package ignoredsignal

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/ssaform"
	"github.com/bplint/bplint/internal/unread"
)

// seenLater reports whether the failure of the Flush instr of w is seen
// by a later call on the same stream, so that ignoring its error loses
// nothing the code could act on.
//
// Property: a failed flush is not lost unseen when the code checks the
// error of a later call that fails with it. A *bufio.Writer keeps its
// first error and returns it from every later Write, WriteString,
// WriteByte, WriteRune and ReadFrom, the producer's next write, which then
// stops; the compressing writers of compress/gzip, zlib and flate keep
// theirs the same way and return it from every later Write and from Close
// (which writes the stream's end, so its checked error is the stream's
// last word); and a connection whose write failed fails the next read,
// unless the code gives it a deadline, under which a write can time out
// while reads still succeed (so a read counts only where the function sets
// no deadline on the stream). The later call is, in the same function and
// reachable after instr (later in the iteration or in the next one), a
// write to (a sticky writer's flush only) or a read from the same stream
// (the same value, what a bufio wrapper wraps, the ReadWriter it is part
// of: peers) whose error is read; or, for a sticky writer held in a field
// of a type of this package (also as an io.Writer flushed through a type
// assertion), a checked write (or, for a compressing writer, Close)
// through that field anywhere in the package (the producer's next write
// returns the error). A second Flush is not such a write: the rule asks
// for the error of the flush the code relies on, whichever it is. A
// deferred flush has nothing of its function after it and is not covered.
// Writes in a loop are judged by pacedByReads, which asks more: a read
// before every next run of the write, and no deadline in the package.
func (c *checker) seenLater(instr ssa.Instruction, w ssa.Value) bool {
	if _, ok := instr.(*ssa.Call); !ok {
		return false // go and defer: nothing of the function runs after a deferred call
	}
	ps := peers(w)
	sticky := isBufioWriter(w.Type()) || isCompressWriter(w.Type())
	closes := isCompressWriter(w.Type())
	laterWrite := func(call *ssa.Call, ps streams) bool {
		return writesTo(call, ps) || (closes && closesStream(call, ps))
	}
	deadline := -1 // unknown until a read would count
	hasDeadline := func() bool {
		if deadline < 0 {
			deadline = 0
			for _, b := range instr.Parent().Blocks {
				for _, i := range b.Instrs {
					if recv := deadlineOf(i); recv != nil && meets(peers(recv), ps) {
						deadline = 1
					}
				}
			}
		}
		return deadline == 1
	}
	found := afterInstr(instr, func(i ssa.Instruction) bool {
		call, ok := i.(*ssa.Call)
		if !ok || !checkedError(call) {
			return false
		}
		return (sticky && laterWrite(call, ps)) || (readsFrom(call, ps) && !hasDeadline())
	})
	if found || !sticky {
		return found
	}
	f := c.ownField(unconvert(w)) // o.writer.(*gzip.Writer): the field o.writer
	if f == nil {
		return false
	}
	for _, call := range c.fieldCallIndex()[f] {
		if call != instr && checkedError(call) && laterWrite(call, streams{f: true}) {
			return true
		}
	}
	return false
}

// afterInstr calls visit on the instructions that can run after instr in
// its function (the rest of its block, then every block reachable from
// it, instr's own block again if a loop leads back to it), until visit
// returns true, and reports whether it did.
func afterInstr(instr ssa.Instruction, visit func(ssa.Instruction) bool) bool {
	return walkAfter(instr, func(i ssa.Instruction) step {
		if visit(i) {
			return stop
		}
		return goOn
	})
}

// step is what walkAfter does after an instruction.
type step int

const (
	goOn step = iota // the next instruction
	cut              // no further along this way: the block's successors are not entered from here
	stop             // the walk is over: walkAfter reports true
)

// walkAfter calls visit on the instructions that can run after instr, in
// the order of each way from it (the rest of its block, then the blocks
// reachable from it, each entered once, instr's own block from its start
// if a loop leads back to it), and reports whether a visit said stop.
func walkAfter(instr ssa.Instruction, visit func(ssa.Instruction) step) bool {
	b := instr.Block()
	// each runs visit over a block's instructions from start and reports
	// whether to enter its successors; done is set by a stop.
	done := false
	each := func(instrs []ssa.Instruction) bool {
		for _, y := range instrs {
			switch visit(y) {
			case stop:
				done = true
				return false
			case cut:
				return false
			}
		}
		return true
	}
	for i, x := range b.Instrs {
		if x == instr {
			if !each(b.Instrs[i+1:]) {
				return done
			}
			break
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		bb := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[bb] {
			continue
		}
		seen[bb] = true
		if each(bb.Instrs) {
			stack = append(stack, bb.Succs...)
		} else if done {
			return true
		}
	}
	return false
}

// checkedError reports whether call's last result is an error that the
// code reads.
func checkedError(call *ssa.Call) bool {
	res := call.Call.Signature().Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), errorType) {
		return false
	}
	return !unread.Result(call, res.Len()-1)
}

// writesTo reports whether call writes to a stream of ps: a write method
// on it (not a Flush), or a call that is given it where it takes a
// writer.
func writesTo(call *ssa.Call, ps streams) bool {
	return onStream(call, ps, func(name string) bool {
		return strings.HasPrefix(name, "Write") || name == "ReadFrom"
	}, "Write")
}

// closesStream reports whether call is a Close of a stream of ps.
func closesStream(call *ssa.Call, ps streams) bool {
	fn, recv, _ := callee(call.Common())
	return fn != nil && recv != nil && fn.Name() == "Close" && meets(peers(recv), ps)
}

// readsFrom reports whether call reads from a stream of ps: a read method
// on it, or a call that is given it where it takes a reader.
func readsFrom(call *ssa.Call, ps streams) bool {
	return onStream(call, ps, func(name string) bool {
		return strings.HasPrefix(name, "Read") || strings.HasPrefix(name, "Recv")
	}, "Read")
}

func onStream(call *ssa.Call, ps streams, method func(string) bool, param string) bool {
	fn, recv, args := callee(call.Common())
	if fn == nil {
		return false
	}
	if recv != nil && method(fn.Name()) && meets(peers(recv), ps) {
		return true
	}
	params := fn.Signature().Params()
	for i, a := range args {
		if i >= params.Len() || !meets(peers(a), ps) {
			continue
		}
		if m, _, _ := types.LookupFieldOrMethod(params.At(i).Type(), true, nil, param); m != nil {
			if _, ok := m.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

// streams is a set of what stands for a stream: SSA values, and the
// fields (*types.Var) of the package's types it is held in.
type streams map[any]bool

// peers returns what stands for the stream v is, its conversions and type
// assertions stripped (unconvert): v itself; for a load of a variable, the
// variable (every load of it); for an embedded field (loaded, or its
// address as the receiver of a promoted method), the value it is part of
// (rw for rw.Writer of a bufio.ReadWriter, c for c.Write of a
// *net.TCPConn); for bufio's constructors,
// what they wrap (conn for bufio.NewWriter(conn)); for another field, the
// field.
func peers(v ssa.Value) streams {
	out := make(streams)
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		v = unconvert(v)
		if v == nil || out[v] {
			return
		}
		out[v] = true
		switch v := v.(type) {
		case *ssa.UnOp:
			if v.Op != token.MUL {
				return
			}
			switch a := v.X.(type) {
			case *ssa.FieldAddr:
				if f := ssaform.FieldOf(a); f != nil {
					if f.Anonymous() {
						walk(a.X)
					} else {
						out[f] = true
					}
				}
			case *ssa.Alloc, *ssa.FreeVar, *ssa.Global:
				walk(a)
			}
		case *ssa.FieldAddr:
			// &t.conn for a method promoted from an embedded field
			// (Write of *net.TCPConn is conn's): part of t.
			if f := ssaform.FieldOf(v); f != nil && f.Anonymous() {
				walk(v.X)
			}
		case *ssa.Call:
			if isBufioConstructor(v) {
				for _, a := range v.Call.Args {
					walk(a)
				}
			}
		}
	}
	walk(v)
	return out
}

func meets(a, b streams) bool {
	for v := range a {
		if b[v] {
			return true
		}
	}
	return false
}

func isBufioWriter(t types.Type) bool { return writerOf(t) == "bufio" }

// isCompressWriter reports whether t is a *Writer of compress/gzip,
// compress/zlib or compress/flate: writers that keep their first error and
// return it from every later Write, Flush and Close.
func isCompressWriter(t types.Type) bool {
	switch writerOf(t) {
	case "compress/gzip", "compress/zlib", "compress/flate":
		return true
	}
	return false
}

// writerOf returns the path of the package whose Writer t points to, or "".
func writerOf(t types.Type) string {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := ptr.Elem().(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Writer" {
		return ""
	}
	return n.Obj().Pkg().Path()
}

func isBufioConstructor(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "bufio" {
		return false
	}
	switch fn.Name() {
	case "NewWriter", "NewWriterSize", "NewReader", "NewReaderSize", "NewReadWriter":
		return true
	}
	return false
}

// ownField returns the field of a type of this package that w is loaded
// from, or nil.
func (c *checker) ownField(w ssa.Value) *types.Var {
	f := ssaform.LoadedField(w)
	if f == nil || f.Anonymous() || f.Pkg() != c.pass.Pkg {
		return nil
	}
	return f
}

// fieldCallIndex indexes, once per package, the calls whose receiver or
// an argument is loaded from a field of a type of this package.
func (c *checker) fieldCallIndex() map[*types.Var][]*ssa.Call {
	if c.fieldCalls != nil {
		return c.fieldCalls
	}
	c.fieldCalls = make(map[*types.Var][]*ssa.Call)
	for _, fn := range c.form.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				for _, a := range call.Call.Args {
					if f := c.ownField(unconvert(a)); f != nil {
						c.fieldCalls[f] = append(c.fieldCalls[f], call)
					}
				}
				if call.Call.IsInvoke() {
					if f := c.ownField(unconvert(call.Call.Value)); f != nil {
						c.fieldCalls[f] = append(c.fieldCalls[f], call)
					}
				}
			}
		}
	}
	return c.fieldCalls
}

// unconvert strips interface wrapping, type changes and type assertions
// from v: the same value under another type.
func unconvert(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		default:
			return v
		}
	}
}
