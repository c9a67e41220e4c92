package ignoredsignal

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/directive"
	"github.com/bplint/bplint/internal/fix"
	"github.com/bplint/bplint/internal/signal"
	"github.com/bplint/bplint/internal/sink"
	"github.com/bplint/bplint/internal/ssaform"
	"github.com/bplint/bplint/internal/unread"
)

// how a result is lost, from the call's place in the syntax.
type how int

const (
	exprStmt  how = iota // q.TrySend(v)
	goStmt               // go q.TrySend(v)
	deferStmt            // defer w.Flush()
	blank                // _ = q.TrySend(v): deliberate, strict only
	unreadVar            // ok := q.TrySend(v), overwritten before any read
)

// checkCalls reports the signal and write calls of fn whose result is
// discarded.
func (c *checker) checkCalls(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var cc *ssa.CallCommon
			var call *ssa.Call
			switch instr := instr.(type) {
			case *ssa.Call:
				cc, call = instr.Common(), instr
			case *ssa.Go:
				cc = instr.Common()
			case *ssa.Defer:
				cc = instr.Common()
			default:
				continue
			}
			c.checkCall(instr, cc, call)
		}
	}
}

func (c *checker) checkCall(instr ssa.Instruction, cc *ssa.CallCommon, call *ssa.Call) {
	fn0 := instr.Parent()
	fn, recv, args := callee(cc)
	if fn == nil || !cc.Pos().IsValid() {
		return
	}
	nres := fn.Signature().Results().Len()
	if nres == 0 {
		return
	}
	fact, isSignal := c.signalOf(fn)
	kind := sink.None
	index := nres - 1
	if isSignal {
		if neverFails(fn, args) {
			return
		}
		index = fact.Index
	} else {
		if recv == nil {
			return
		}
		if kind = sink.Classify(recv.Type(), fn); kind == sink.None {
			return
		}
		if kind == sink.Flush && (ownMethod(fn0, recv.Type()) || sink.WrapsInfallible(recv) || c.recordedFlush(recv) || c.callersPassInfallible(recv)) {
			return
		}
	}
	// Ignored on every path? go and defer discard results by construction.
	if call != nil && !unread.Result(call, index) {
		return
	}
	file := c.files[c.pass.Fset.File(cc.Pos())]
	if file == nil {
		return
	}
	path, _ := astutil.PathEnclosingInterval(file, cc.Pos(), cc.Pos())
	if len(path) < 2 {
		return
	}
	ce, ok := path[0].(*ast.CallExpr)
	if !ok || ce.Lparen != cc.Pos() {
		return
	}
	h, lhs, ok := classify(path, ce, index, nres)
	if !ok {
		return
	}
	if h == blank && !c.cfg.Strict {
		return // a deliberate choice, reported only with -strict
	}
	if isSignal && recv != nil && testCode(c.pass, path) && readBack(instr, recv) {
		return // see readBack: a test filling the object on purpose, then checking it
	}
	resultType := fn.Signature().Results().At(index).Type()
	what := "result"
	if signal.IsError(resultType) {
		what = "error"
	}
	returnsError := returnsError(c.enclosingSig(path))
	name := types.ExprString(ce.Fun)
	d := analysis.Diagnostic{Pos: ce.Pos(), End: ce.End()}
	if isSignal {
		d.Category = ruleDiscarded
		subject := fmt.Sprintf("%s of %s", what, name)
		if fact.Via != "" {
			subject += fmt.Sprintf(" (which returns %s unchanged)", shortName(fact.Via))
		}
		d.Message = fmt.Sprintf("%s %s: %s; %s", subject, lost(h, lhs), fact.Family.Consequence(), fact.Family.Remedy(returnsError))
	} else {
		d.Category = ruleWrite
		switch {
		case kind == sink.Flush:
			if c.seenLater(instr, recv) {
				return // see seenLater: a later checked read or write on the same stream fails with it
			}
			remedy := "check it and stop writing"
			switch {
			case h == deferStmt && returnsError:
				remedy = "flush explicitly and check the error, or set the named error result in a deferred closure"
			case h == deferStmt:
				remedy = "flush explicitly and check the error"
			case returnsError:
				remedy = "check it and return it"
			}
			d.Message = fmt.Sprintf("error of %s %s: writes that failed in the buffer (peer gone, stalled, disk full) are lost unseen; %s", name, lost(h, lhs), remedy)
		case inLoop(path):
			if c.createdPerIteration(instr, recv) {
				return // see createdPerIteration: the next iteration writes to another sink
			}
			if c.leavesLoops(instr) {
				return // see leavesLoops: a single write per run of the loop
			}
			if c.pacedByReads(instr, recv) {
				return // see pacedByReads: a failed write fails the read that must come before the next one
			}
			if endsWithStream(instr, recv) {
				return // see endsWithStream: the loop waits on the stream's own context, cancelled when the peer is gone
			}
			remedy := "check the error and stop the loop"
			if returnsError {
				remedy = "check the error and return it"
			}
			d.Message = fmt.Sprintf("error of %s %s in a loop: when the peer is slow or gone the loop keeps producing for a consumer that has stopped; %s", name, lost(h, lhs), remedy)
		case c.cfg.Strict:
			remedy := "check the error and stop"
			if returnsError {
				remedy = "check the error and return it"
			}
			d.Message = fmt.Sprintf("error of %s %s: a failed write (peer slow or gone) goes unnoticed and the caller carries on; %s", name, lost(h, lhs), remedy)
		default:
			return // a single write outside a loop: reported only with -strict
		}
	}
	if h == exprStmt && what == "error" {
		if f, ok := c.returnErrorFix(path, file, index, nres); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{f}
		}
	}
	c.rep.Report(d)
}

// ownMethod reports whether fn is (a closure in) a method of the named
// type t: a type flushing itself from its own methods keeps the error in
// its own state (bufio.Writer's sticky error), which is its business.
func ownMethod(fn *ssa.Function, t types.Type) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	return sameNamed(recv.Type(), t)
}

func sameNamed(a, b types.Type) bool {
	deref := func(t types.Type) *types.Named {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		n, _ := types.Unalias(t).(*types.Named)
		return n
	}
	na, nb := deref(a), deref(b)
	return na != nil && nb != nil && na.Origin().Obj() == nb.Origin().Obj()
}

// lost says how the result was lost.
func lost(h how, lhs string) string {
	switch h {
	case goStmt:
		return "is discarded by the go statement"
	case deferStmt:
		return "is discarded by the defer statement"
	case blank:
		return "is assigned to _"
	case unreadVar:
		return fmt.Sprintf("is assigned to %s but never read", lhs)
	}
	return "is discarded"
}

// classify finds how the call's result index is lost from the syntax around
// it. ok is false for a context where SSA saw no read but the syntax shows
// no discard either (nothing to report with confidence).
func classify(path []ast.Node, call *ast.CallExpr, index, nres int) (h how, lhs string, ok bool) {
	var child ast.Node = call
	parent := path[1]
	for i := 2; i < len(path); i++ {
		if _, paren := parent.(*ast.ParenExpr); !paren {
			break
		}
		child, parent = parent, path[i]
	}
	target := func(lhs []ast.Expr, rhs []ast.Expr) (how, string, bool) {
		var e ast.Expr
		switch {
		case len(rhs) == 1 && len(lhs) == nres:
			e = lhs[index]
		case len(rhs) == len(lhs):
			for j, r := range rhs {
				if r == child {
					e = lhs[j]
				}
			}
		}
		if e == nil {
			return 0, "", false
		}
		if id, isIdent := e.(*ast.Ident); isIdent && id.Name == "_" {
			return blank, "", true
		}
		return unreadVar, types.ExprString(e), true
	}
	switch p := parent.(type) {
	case *ast.ExprStmt:
		return exprStmt, "", true
	case *ast.GoStmt:
		return goStmt, "", true
	case *ast.DeferStmt:
		return deferStmt, "", true
	case *ast.AssignStmt:
		return target(p.Lhs, p.Rhs)
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(p.Names))
		for i, n := range p.Names {
			lhs[i] = n
		}
		return target(lhs, p.Values)
	}
	return 0, "", false
}

// inLoop reports whether the innermost function around path[0] runs it in a
// for or range loop.
func inLoop(path []ast.Node) bool {
	for _, n := range path[1:] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// returnErrorFix offers "return the error" when the expression statement's
// enclosing function returns an error.
func (c *checker) returnErrorFix(path []ast.Node, file *ast.File, index, nres int) (analysis.SuggestedFix, bool) {
	stmt, ok := path[1].(*ast.ExprStmt)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	sig := c.enclosingSig(path)
	if sig == nil {
		return analysis.SuggestedFix{}, false
	}
	return fix.ReturnError(c.pass.Fset, file, c.pass.Pkg, stmt, index, nres, sig)
}

// enclosingSig returns the signature of the innermost function (literal or
// declaration) around path[0], or nil.
func (c *checker) enclosingSig(path []ast.Node) *types.Signature {
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if fn, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				return fn.Signature()
			}
			return nil
		}
	}
	return nil
}

// returnsError reports whether a function of type sig returns an error as
// its last result, so that "return the error" is a remedy that applies.
func returnsError(sig *types.Signature) bool {
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	return types.Identical(sig.Results().At(sig.Results().Len()-1).Type(), errorType)
}

// shortName drops the package path from a types.Func.FullName, keeping the
// package name: "(*example.com/q.Queue).TrySend" -> "(*q.Queue).TrySend".
func shortName(full string) string {
	open := strings.LastIndex(full, "/")
	if open < 0 {
		return full
	}
	prefix := ""
	if strings.HasPrefix(full, "(*") {
		prefix = "(*"
	} else if strings.HasPrefix(full, "(") {
		prefix = "("
	}
	return prefix + full[open+1:]
}

// testCode reports whether the node at the bottom of path is test code: in
// a _test.go file, or in a function (or a literal within one) with a
// *testing.T, *testing.B, *testing.F or testing.TB parameter.
func testCode(pass *analysis.Pass, path []ast.Node) bool {
	if len(path) > 0 && strings.HasSuffix(pass.Fset.Position(path[0].Pos()).Filename, "_test.go") {
		return true
	}
	return directive.InTestFunc(pass.TypesInfo, path)
}

// readBack reports whether, after the signal call instr on recv, the same
// function calls a method on the same receiver and uses its result (b.Size()
// compared, items := b.PollBatch(), if rl.Allow() { t.Fatal(...) }).
//
// Property: in test code, such a test drives the object into a state on
// purpose (fills a buffer past its capacity, drains a limiter's tokens) and
// then reads that state back, so the refusal it ignored is observed through
// the object; no work is lost. A test that ignores a refusal and never
// looks at the object again is still reported (SPEC: discarded-signal
// reports in tests).
func readBack(instr ssa.Instruction, recv ssa.Value) bool {
	if readsAfter(instr, func(r ssa.Value) bool { return sameValue(r, recv) }) {
		return true
	}
	// In a function literal of the test (go func() { q.TrySend(v) }()),
	// the test reads the object back after it starts the literal.
	fv, ok := recv.(*ssa.FreeVar)
	boxed := false
	if !ok {
		fv, boxed = loadOf(recv).(*ssa.FreeVar)
	}
	if fv == nil {
		return false
	}
	mc, bound := closureBinding(fv)
	if mc == nil {
		return false
	}
	if boxed { // captured by reference: bound is the variable itself
		return readsAfter(mc, func(r ssa.Value) bool { return loadOf(r) == bound })
	}
	return readsAfter(mc, func(r ssa.Value) bool { return sameValue(r, bound) })
}

// readsAfter reports whether a call after from, on a receiver that is,
// uses its result.
func readsAfter(from ssa.Instruction, is func(recv ssa.Value) bool) bool {
	return ssaform.AnyAfter(from, func(x ssa.Instruction) bool {
		call, ok := x.(*ssa.Call)
		if !ok || x == from {
			return false
		}
		if _, r, _ := callee(call.Common()); r == nil || !is(r) {
			return false
		}
		for _, ref := range *call.Referrers() {
			if _, isDebug := ref.(*ssa.DebugRef); !isDebug {
				return true
			}
		}
		return false
	})
}

// sameValue reports whether v and w are the same value, or loads of the
// same variable.
func sameValue(v, w ssa.Value) bool {
	return v == w || (loadOf(v) != nil && loadOf(v) == loadOf(w))
}

// closureBinding returns the one MakeClosure of fv's function and the value
// it binds to fv, or nil.
func closureBinding(fv *ssa.FreeVar) (*ssa.MakeClosure, ssa.Value) {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	refs := fn.Referrers()
	if i < 0 || refs == nil || len(*refs) != 1 {
		return nil, nil
	}
	mc, ok := (*refs)[0].(*ssa.MakeClosure)
	if !ok || i >= len(mc.Bindings) {
		return nil, nil
	}
	return mc, mc.Bindings[i]
}

// loadOf returns the variable v is loaded from (a local captured by a
// closure, a global, a field address), or nil.
func loadOf(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		switch x := u.X.(type) {
		case *ssa.Alloc, *ssa.Global, *ssa.FreeVar:
			return x
		}
	}
	return nil
}
