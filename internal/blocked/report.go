package blocked

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// exitKind says what an exit of the receiving function is: a way out that
// leaves the senders behind (leaking), the return of the channel to the
// caller (returned), or the end of the program or of a panicking goroutine
// (neither: the goroutines die with the process, or the panic is the bug).
func (a *pkgState) exitKind(fn *ssa.Function, x exit, rets []*ssa.Return) (how string, pos token.Pos, leaking, returned bool) {
	term := x.instr
	if term == nil {
		if x.latch {
			return "moves on to the next iteration", lastPos(x.e.b), true, false
		}
		if term = terminal(x.e.to()); term == nil {
			return "leaves the loop", lastPos(x.e.b), true, false
		}
	}
	switch t := term.(type) {
	case *ssa.Call: // a helper that may end the goroutine
		return "calls " + a.callName(t.Pos()), t.Pos(), true, false
	case *ssa.Return:
		if slices.Contains(rets, t) {
			return "", token.NoPos, false, true
		}
		if isProgramMain(fn) {
			// Property: when main.main returns, the program exits; its
			// blocked senders end with it, as with os.Exit.
			return "", token.NoPos, false, false
		}
		return "returns", returnPos(fn, t), true, false
	case *ssa.Panic:
		call := noReturnCall(t)
		if call == nil || !endsGoroutine(call) {
			// A panic, os.Exit, log.Fatal: the process is going down (or a
			// recover far away handles a bug); a leak is not the news.
			return "", token.NoPos, false, false
		}
		return "calls " + a.callName(call.Pos()), call.Pos(), true, false
	}
	return "", token.NoPos, false, false
}

// terminal follows the blocks that run unconditionally from b to the
// return or panic that ends them, if any.
func terminal(b *ssa.BasicBlock) ssa.Instruction {
	for range 64 {
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return, *ssa.Panic:
			return last
		case *ssa.Jump:
			b = b.Succs[0]
		default:
			return nil
		}
	}
	return nil
}

// lastPos returns the position of the last instruction of b that has one,
// looking back through the blocks that lead only to it.
func lastPos(b *ssa.BasicBlock) token.Pos {
	for range 16 {
		for i := len(b.Instrs) - 1; i >= 0; i-- {
			if p := b.Instrs[i].Pos(); p.IsValid() {
				return p
			}
		}
		if len(b.Preds) != 1 {
			break
		}
		b = b.Preds[0]
	}
	return token.NoPos
}

// returnPos is the return statement, or the closing brace of a function
// that ends without one.
func returnPos(fn *ssa.Function, ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body.Rbrace
	case *ast.FuncLit:
		return s.Body.Rbrace
	}
	return token.NoPos
}

// noReturnCall returns the call that the SSA builder followed by a panic
// because it never returns (ctrlflow's facts), or nil for a real panic.
func noReturnCall(p *ssa.Panic) *ssa.Call {
	instrs := p.Block().Instrs
	if len(instrs) < 2 || !p.Pos().IsValid() {
		return nil
	}
	if call, ok := instrs[len(instrs)-2].(*ssa.Call); ok && call.Pos() == p.Pos() {
		return call
	}
	// The builder converts its marker value first.
	if len(instrs) >= 3 {
		if call, ok := instrs[len(instrs)-3].(*ssa.Call); ok && call.Pos() == p.Pos() {
			return call
		}
	}
	return nil
}

// endsGoroutine reports whether a call that never returns ends only the
// calling goroutine, as runtime.Goexit does (t.Fatal, t.FailNow, t.Skip
// and test helpers that call them), rather than the process (os.Exit,
// log.Fatal): then the rest of the program runs on, with the senders
// blocked.
func endsGoroutine(call *ssa.Call) bool {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	if obj.Pkg().Path() == "testing" || (obj.Pkg().Path() == "runtime" && obj.Name() == "Goexit") {
		return true
	}
	sig := obj.Signature()
	if sig.Recv() != nil && isTesting(sig.Recv().Type()) {
		return true
	}
	for i := range sig.Params().Len() {
		if isTesting(sig.Params().At(i).Type()) {
			return true // a test helper that fails the test
		}
	}
	return false
}

// isTesting reports whether t is testing.TB, *testing.T, *testing.B or
// *testing.F.
func isTesting(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}

// path returns the syntax enclosing pos, innermost first.
func (a *pkgState) path(pos token.Pos) []ast.Node {
	f := a.files[a.pass.Fset.File(pos)]
	if f == nil {
		return nil
	}
	p, _ := astutil.PathEnclosingInterval(f, pos, pos)
	return p
}

// callName returns the function called at pos (its Lparen), as written.
func (a *pkgState) callName(pos token.Pos) string {
	for _, n := range a.path(pos) {
		if call, ok := n.(*ast.CallExpr); ok && call.Lparen == pos {
			return types.ExprString(call.Fun)
		}
	}
	return "a function that does not return"
}

// makeCall returns the make call of mk.
func (a *pkgState) makeCall(mk *ssa.MakeChan) *ast.CallExpr {
	for _, n := range a.path(mk.Pos()) {
		if call, ok := n.(*ast.CallExpr); ok && call.Lparen == mk.Pos() {
			return call
		}
	}
	return nil
}

// chanName returns the variable a make is assigned to.
func (a *pkgState) chanName(call *ast.CallExpr) string {
	p := a.path(call.Lparen)
	for i, n := range p {
		if n != ast.Node(call) {
			continue
		}
		if i+1 >= len(p) {
			break
		}
		switch parent := p[i+1].(type) {
		case *ast.AssignStmt:
			for j, r := range parent.Rhs {
				if ast.Unparen(r) == ast.Expr(call) && j < len(parent.Lhs) {
					return types.ExprString(parent.Lhs[j])
				}
			}
		case *ast.ValueSpec:
			for j, v := range parent.Values {
				if ast.Unparen(v) == ast.Expr(call) && j < len(parent.Names) {
					return parent.Names[j].Name
				}
			}
		}
	}
	return "the channel"
}

// recvExpr returns the receive expression whose arrow is at pos.
func (a *pkgState) recvExpr(pos token.Pos) *ast.UnaryExpr {
	for _, n := range a.path(pos) {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW && u.OpPos == pos {
			return u
		}
	}
	return nil
}

// caseText renders the select case (or default) an event took.
func (a *pkgState) caseText(ev *event) string {
	if ev.state < 0 {
		return "default"
	}
	st := ev.sel.States[ev.state]
	if st.Dir == types.RecvOnly {
		if u := a.recvExpr(st.Pos); u != nil {
			return types.ExprString(u)
		}
		return "another case"
	}
	for _, n := range a.path(st.Pos) {
		if s, ok := n.(*ast.SendStmt); ok {
			return types.ExprString(s.Chan) + " <- " + types.ExprString(s.Value)
		}
	}
	return "another case"
}

// leak builds the finding of a leaking path.
func (a *pkgState) leak(fn *ssa.Function, at ssa.Instruction, k form, s state, how string, pos token.Pos, starts []start, via *pendingAt, firstRecv ssa.Instruction) *Leak {
	l := &Leak{How: how, Leave: pos, Func: fn.Name()}
	if fn.Parent() != nil {
		l.Func = "the function literal"
	}
	if c, ok := sub(s.d, k).constant(); ok {
		l.Pending = c
	}
	switch {
	case s.why != nil && s.why.kind == evCase:
		l.CasePos = s.why.pos
		l.Case = a.caseText(s.why)
	case s.why != nil && s.why.kind == evLoopExit && s.why.pos.IsValid() && how == "returns":
		// Leaving the receive loop early is the news, not the return after it.
		l.How, l.Leave = "leaves its receive loop", s.why.pos
	}
	for _, st := range starts {
		if st.send.IsValid() {
			l.Send = st.send
			if len(starts) == 1 {
				l.SendSites = st.sites
			}
			break
		}
	}
	if len(starts) == 1 && starts[0].one && via == nil {
		if mk, ok := at.(*ssa.MakeChan); ok {
			if call := a.makeCall(mk); call != nil {
				loops := a.loopsBetween(starts[0].site.Pos(), call)
				l.OneGoroutine = loops != nil && len(loops) == 0
			}
		}
	}
	if via == nil {
		mk := at.(*ssa.MakeChan)
		call := a.makeCall(mk)
		if call == nil {
			return nil
		}
		l.Pos, l.End = call.Pos(), call.End()
		l.Chan = a.chanName(call)
		l.Fix, l.Capacity = a.bufferFix(fn, mk, starts, k)
		return l
	}
	l.SendFunc = via.callee
	l.SendReturned = via.sender != nil
	if !l.Send.IsValid() {
		l.Send = via.send
	}
	l.Fix, l.Capacity = via.fix, via.cap
	var recvPos token.Pos
	switch r := firstRecv.(type) {
	case *ssa.UnOp:
		recvPos = r.Pos()
	case *ssa.Select:
		for _, st := range r.States {
			if st.Dir == types.RecvOnly {
				if u := a.recvExpr(st.Pos); u != nil && a.isResultOf(u.X, at) {
					recvPos = st.Pos
				}
			}
		}
	}
	if u := a.recvExpr(recvPos); recvPos.IsValid() && u != nil {
		l.Pos, l.End = u.Pos(), u.End()
		l.Chan = types.ExprString(u.X)
		return a.atCalleeMake(l, via)
	}
	for _, n := range a.path(at.Pos()) {
		if call, ok := n.(*ast.CallExpr); ok && call.Lparen == at.Pos() {
			l.Pos, l.End = call.Pos(), call.End()
			l.Chan = types.ExprString(call)
			return a.atCalleeMake(l, via)
		}
	}
	return nil
}

// atCalleeMake moves the finding of a channel returned by a function of
// this package to the make in that function, where the fix goes (a
// buffer for every sender, whoever calls it); the receive (or the call)
// in the caller becomes related information. A channel made in another
// package stays reported at the receive.
func (a *pkgState) atCalleeMake(l *Leak, via *pendingAt) *Leak {
	if via.mk == nil {
		return l
	}
	call := a.makeCall(via.mk)
	if call == nil {
		return l
	}
	l.Waits = l.Pos
	l.Pos, l.End = call.Pos(), call.End()
	return l
}

// isResultOf is a loose syntactic check that a receive's operand is the
// call's result (the call itself, or a variable); the SSA uses already
// proved it is the channel.
func (a *pkgState) isResultOf(x ast.Expr, at ssa.Instruction) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		return x.Lparen == at.Pos()
	case *ast.Ident:
		return true
	}
	return false
}

// bufferFix returns the edit that makes the channel's buffer hold every
// sender, when their number is known at the make: constants, and senders
// started once per iteration of a loop whose trip count is an expression
// available there (len(ids), n).
func (a *pkgState) bufferFix(fn *ssa.Function, mk *ssa.MakeChan, starts []start, k form) (*analysis.TextEdit, string) {
	call := a.makeCall(mk)
	if call == nil || len(starts) == 0 {
		return nil, ""
	}
	total := 0
	symbolic := ""
	for _, s := range starts {
		loops := a.loopsBetween(s.site.Pos(), call)
		c, ok := s.count.constant()
		if !ok && len(loops) == 0 && symbolic == "" {
			// A helper that starts as many senders as its argument says.
			if e := a.argCount(s, call.Pos()); e != "" {
				symbolic = e
				continue
			}
		}
		if !ok || c <= 0 {
			return nil, ""
		}
		switch {
		case loops == nil:
			return nil, ""
		case len(loops) == 0:
			total += c
			continue
		case len(loops) > 1 || symbolic != "":
			return nil, ""
		}
		e := a.tripExpr(loops[0], call.Pos())
		if e == "" {
			return nil, ""
		}
		if c != 1 {
			e = fmt.Sprintf("%d*%s", c, e)
		}
		symbolic = e
	}
	capacity := strconv.Itoa(total)
	switch {
	case symbolic != "" && total > 0:
		capacity = symbolic + "+" + capacity
	case symbolic != "":
		capacity = symbolic
	}
	if kc, ok := k.constant(); ok && symbolic == "" && kc >= total {
		return nil, "" // nothing to add: the pending sends come from elsewhere
	}
	edit := &analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", " + capacity)}
	if len(call.Args) > 1 {
		edit = &analysis.TextEdit{Pos: call.Args[1].Pos(), End: call.Args[1].End(), NewText: []byte(capacity)}
	}
	return edit, capacity
}

// argCount renders the count of a start that is len of one of the call's
// arguments, or its value (a helper starting len(jobs) senders), as an
// expression available at pos.
func (a *pkgState) argCount(s start, pos token.Pos) string {
	f := s.count
	if f.c != 0 || len(f.terms) != 1 || f.terms[0].k != 1 {
		return ""
	}
	t := f.terms[0].s
	site, ok := s.site.(ssa.CallInstruction)
	if !ok || (t.kind != symLen && t.kind != symVal) {
		return ""
	}
	var call *ast.CallExpr
	for _, n := range a.path(s.site.Pos()) {
		if c, ok := n.(*ast.CallExpr); ok && c.Lparen == s.site.Pos() {
			call = c
		}
	}
	if call == nil {
		return ""
	}
	args := site.Common().Args
	off := len(args) - len(call.Args) // a method's receiver
	for i, arg := range args {
		if stripConv(arg) != t.v || i-off < 0 || i-off >= len(call.Args) {
			continue
		}
		e := call.Args[i-off]
		if !a.availableAt(e, pos) {
			return ""
		}
		if t.kind == symLen {
			return "len(" + types.ExprString(e) + ")"
		}
		return types.ExprString(e)
	}
	return ""
}

// loopsBetween returns the loops that enclose pos but not the make call,
// innermost first; nil when pos is in another function.
func (a *pkgState) loopsBetween(pos token.Pos, call *ast.CallExpr) []ast.Node {
	out := []ast.Node{}
	for _, n := range a.path(pos) {
		if n.Pos() <= call.Pos() && call.End() <= n.End() {
			return out
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			out = append(out, n)
		case *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// tripExpr returns how many times a loop runs, as an expression that means
// the same at pos: len(xs) for a range over a slice, array or map, n for
// a range over an integer or for i := 0; i < n; i++.
func (a *pkgState) tripExpr(loop ast.Node, pos token.Pos) string {
	info := a.pass.TypesInfo
	var e ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if lit, ok := ast.Unparen(l.X).(*ast.CompositeLit); ok {
			for _, elt := range lit.Elts {
				if _, keyed := elt.(*ast.KeyValueExpr); keyed {
					return "" // [...]T{5: x}: the length is not the count
				}
			}
			return strconv.Itoa(len(lit.Elts))
		}
		switch info.TypeOf(l.X).Underlying().(type) {
		case *types.Slice, *types.Map, *types.Array:
			if !a.availableAt(l.X, pos) {
				return ""
			}
			return "len(" + types.ExprString(l.X) + ")"
		case *types.Basic:
			if b := info.TypeOf(l.X).Underlying().(*types.Basic); b.Info()&types.IsInteger != 0 {
				e = l.X
			}
		}
	case *ast.ForStmt:
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok || cond.Op != token.LSS || !countsFromZero(info, l, cond.X) {
			return ""
		}
		e = cond.Y
	}
	if e == nil || !a.availableAt(e, pos) {
		return ""
	}
	return types.ExprString(e)
}

// countsFromZero reports whether a for loop is for i := 0; ...; i++.
func countsFromZero(info *types.Info, l *ast.ForStmt, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	obj := info.ObjectOf(id)
	init, ok := l.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	if lhs, ok := init.Lhs[0].(*ast.Ident); !ok || info.ObjectOf(lhs) != obj {
		return false
	}
	if tv := info.Types[init.Rhs[0]]; tv.Value == nil || tv.Value.String() != "0" {
		return false
	}
	post, ok := l.Post.(*ast.IncDecStmt)
	if !ok || post.Tok != token.INC {
		return false
	}
	pid, ok := ast.Unparen(post.X).(*ast.Ident)
	return ok && info.ObjectOf(pid) == obj
}

// availableAt reports whether e is made of identifiers declared before pos
// (and selectors, len calls and constants), so it means the same at pos.
func (a *pkgState) availableAt(e ast.Expr, pos token.Pos) bool {
	info := a.pass.TypesInfo
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
		case *ast.Ident:
			obj := info.ObjectOf(n)
			if obj == nil {
				ok = false
			} else if v, isVar := obj.(*types.Var); isVar && !v.IsField() && v.Pos() >= pos {
				ok = false
			}
		case *ast.SelectorExpr:
			ok = ok && a.availableAt(n.X, pos)
			return false
		case *ast.CallExpr:
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); !isIdent || info.Uses[id] != types.Universe.Lookup("len") {
				ok = false
			}
		case *ast.BasicLit, *ast.ParenExpr, *ast.BinaryExpr:
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// exportFacts exports the facts of the package's functions: the channel
// parameters they only send on, and the channel they return with senders
// pending.
func (a *pkgState) exportFacts() {
	for _, fn := range a.form.Funcs() {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != a.pass.Pkg {
			continue
		}
		var sf SendsFact
		for i, p := range fn.Params {
			if _, isChan := p.Type().Underlying().(*types.Chan); !isChan {
				continue
			}
			s := a.sendSummary(fn, p)
			if s.recv || s.escape || s.total.isZero() {
				continue
			}
			sf.Params = append(sf.Params, ParamSends{Index: i, Sends: encode(fn, s.total), Self: s.self})
		}
		if len(sf.Params) > 0 {
			a.pass.ExportObjectFact(obj, &sf)
		}
		if r := a.funcs[fn]; r != nil && r.pending != nil && r.pending.sender == nil {
			a.pass.ExportObjectFact(obj, &PendingFact{Result: r.pending.result, Pending: encode(fn, r.pending.count)})
		}
	}
}

// isProgramMain reports whether fn is the main function of a main package.
func isProgramMain(fn *ssa.Function) bool {
	return fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main" && fn.Parent() == nil && fn.Signature.Recv() == nil
}
