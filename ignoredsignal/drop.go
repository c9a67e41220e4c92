package ignoredsignal

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/astutil"
	"github.com/bplint/bplint/internal/signal"
)

// silentDrops reports sends in a select whose default is empty.
func (c *checker) silentDrops(ins *inspector.Inspector) {
	freeLists := c.freeLists(ins)
	ins.WithStack([]ast.Node{(*ast.SelectStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		sel := n.(*ast.SelectStmt)
		var def *ast.CommClause
		for _, s := range sel.Body.List {
			if cc := s.(*ast.CommClause); cc.Comm == nil {
				def = cc
			}
		}
		if def == nil || len(def.Body) > 0 {
			return true // no default, or a default that does something
		}
		if casGuarded(c.pass.TypesInfo, stack) {
			return true // one sender at a time: the compare-and-swap keeps a slot free
		}
		for _, s := range sel.Body.List {
			cc := s.(*ast.CommClause)
			send, ok := cc.Comm.(*ast.SendStmt)
			if !ok {
				continue
			}
			if c.lossless(sel, cc, send, stack, freeLists) != "" {
				continue
			}
			remedy := "count or log the drop, or block with a timeout"
			if returnsError(c.sigOf(stack)) {
				remedy = "count or log the drop, block with a timeout, or return an error"
			}
			c.rep.Report(analysis.Diagnostic{
				Pos: send.Pos(), End: send.End(), Category: ruleDrop,
				Message: fmt.Sprintf("send on %s in a select with an empty default drops the value when the channel is full and nothing counts it: under load data is lost unseen; %s", types.ExprString(send.Chan), remedy),
			})
		}
		return true
	})
}

// lossless returns why dropping the value of the send case cc loses
// nothing (the exemptions of SPEC's "stays silent on", each a property of
// the code written next to the function that checks it), or "" when the
// value is an item that the drop loses.
func (c *checker) lossless(sel *ast.SelectStmt, cc *ast.CommClause, send *ast.SendStmt, stack []ast.Node, freeLists map[types.Object]bool) string {
	ch, ok := c.pass.TypesInfo.TypeOf(send.Chan).Underlying().(*types.Chan)
	switch {
	case !ok:
		return "not a channel"
	case exemptElem(ch.Elem()):
		return "a wake-up, an error or a tick"
	case leaves(cc.Body) && followed(stack, returns(cc.Body)):
		// The send case leaves while the empty default falls through
		// to the code after the select: a fallback.
		return "a fallback"
	}
	if tv := c.pass.TypesInfo.Types[send.Value]; tv.Value != nil || tv.IsNil() {
		// Every value sent is the same constant, so the one pending in
		// the full channel says the same thing: a coalescing wake-up
		// (done <- true), nothing is lost.
		return "a constant"
	}
	if c.receiverField(send.Value, stack) {
		return "a field of the receiver"
	}
	switch {
	case freeLists[c.freeKey(send.Chan)]:
		return "a free list" // nobody waits for a value from it
	case peeked(send, cc.Body):
		return "a peeked element"
	case c.drainedBefore(sel, send, stack):
		return "a latest-value slot"
	case c.closedAfter(sel, send, stack):
		return "a last notice before close"
	case c.oneShotReply(send.Chan, stack), c.oneShotField(send.Chan), c.oneShotParam(send.Chan, stack), c.perCallSlot(send.Chan):
		return "a one-shot slot"
	case configuredDrop(c.pass.TypesInfo, send, stack):
		return "a configured policy"
	case c.wakeOnly(send.Chan):
		return "a wake-up: receivers discard the value"
	case c.requestSlot(send.Chan):
		return "a one-slot request"
	case c.stateToListener(send, stack):
		return "a state to a listener"
	case c.sameEverySend(sel, send): // the last check: it needs the SSA form
		return "the same value on every send"
	}
	return ""
}

// sigOf returns the signature of the innermost function of stack, or nil.
func (c *checker) sigOf(stack []ast.Node) *types.Signature {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
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

// chanObject returns the variable or field a channel expression names, or
// the function of this package whose call returns it (pool(key), a lookup
// of per-key channels).
func (c *checker) chanObject(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := c.pass.TypesInfo.Selections[e]; ok {
			return sel.Obj()
		}
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func); ok && fn.Pkg() == c.pass.Pkg && fn.Signature().Results().Len() == 1 {
			return fn
		}
	}
	return nil
}

// casGuarded reports whether the select at the top of stack runs only when
// a compare-and-swap succeeds: if atomic.CompareAndSwapInt32(&w, 0, 1) {
// select { case ch <- v: default: } }. The flag admits one sender until the
// receiver resets it, so the channel has room for that one.
func casGuarded(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if contains(n.Body, stack[i+1]) && signal.IsCompareAndSwap(info, n.Cond) {
				return true
			}
		}
	}
	return false
}

func contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// oneSlotField reports whether every channel stored in the field or
// variable obj is made with make(chan T, 1) (in a composite literal or an
// assignment), and there is at least one.
func (c *checker) oneSlotField(obj types.Object) bool {
	x := c.chanIdx()
	return x.makes[obj] > 0 && x.makes[obj] == x.ones[obj]
}

func isBuiltinMake(info *types.Info, call *ast.CallExpr) bool {
	return astutil.IsBuiltin(info, call.Fun, "make")
}

// oneShotField reports whether ch is a struct field (or a package
// variable) whose every receive is a select case that then stops listening
// to it: identify := c.identify; ... case v := <-identify: identify = nil,
// or, for a one-slot reply channel (always made with make(chan T, 1)), a
// case that returns what it received (case ret := <-req.retc: return ret).
// The receiver takes one value; a later one would never be read, so
// dropping it loses nothing.
func (c *checker) oneShotField(ch ast.Expr) bool {
	obj := c.chanObject(ch)
	v, ok := obj.(*types.Var)
	if !ok || (!v.IsField() && v.Parent() != v.Pkg().Scope()) {
		return false
	}
	x := c.chanIdx()
	aliases := map[types.Object]bool{obj: true} // local copies: identify := c.identify
	for _, a := range x.aliases[obj] {
		aliases[a] = true
	}
	slot := c.oneSlotField(obj)
	receives, oneShot := 0, 0
	for a := range aliases {
	sites:
		for _, r := range x.recvs[a] {
			// A receive inside a case that receives from one of them
			// is that case's business.
			for w := r.within; w != nil; w = w.outer {
				if aliases[w.key] {
					continue sites
				}
			}
			receives++
			if r.clause != nil && (slot && r.clause.returns || r.clause.setsNil) {
				oneShot++ // case ret := <-req.retc: return ret, or case v := <-identify: identify = nil
			}
		}
	}
	return receives > 0 && receives == oneShot
}

// freeLists returns the channels of this package that are received from
// only by polling: a value receive in a select with a default, and no
// receive that waits for a value (a drain that discards everything does
// not count). Such a channel is a free list of spare buffers: a send that
// finds it full lets the GC take the spare, and no data is lost. Channels
// are told apart by freeKey.
func (c *checker) freeLists(ins *inspector.Inspector) map[types.Object]bool {
	polled := make(map[types.Object]bool)
	waited := make(map[types.Object]bool)
	ins.WithStack([]ast.Node{(*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.RangeStmt:
			if obj := c.freeKey(n.X); obj != nil && (n.Key != nil || len(n.Body.List) > 0) {
				waited[obj] = true
			}
		case *ast.UnaryExpr:
			obj := c.freeKey(n.X)
			if n.Op != token.ARROW || obj == nil {
				return true
			}
			parent := stack[len(stack)-2]
			if _, bare := parent.(*ast.ExprStmt); bare {
				return true // <-ch: a signal, not a value
			}
			if as, ok := parent.(*ast.AssignStmt); ok && len(stack) >= 3 {
				if cc, ok := stack[len(stack)-3].(*ast.CommClause); ok && cc.Comm == as && hasDefault(stack[:len(stack)-3]) && (c.handsOut(cc, as, stack) || emptiesFirst(cc, as)) {
					polled[obj] = true
					return true
				}
			}
			waited[obj] = true
		}
		return true
	})
	free := make(map[types.Object]bool)
	for obj := range polled {
		if !waited[obj] {
			free[obj] = true
		}
	}
	return free
}

// freeKey identifies the channel of e for the free-list question: the
// variable, field or lookup function of chanObject, or, for a local
// variable or parameter of a named channel type of this package (type
// FreeList chan []byte, with methods Get and Put on it), that type: the
// receiver variable of one method is not the one of another, the type is
// what they share.
func (c *checker) freeKey(e ast.Expr) types.Object {
	obj := c.chanObject(e)
	if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() != v.Pkg().Scope() {
		if n, ok := types.Unalias(v.Type()).(*types.Named); ok && n.Obj().Pkg() == c.pass.Pkg {
			if _, isChan := n.Underlying().(*types.Chan); isChan {
				return n.Obj()
			}
		}
	}
	return obj
}

// handsOut reports whether a polled receive case gives the value it
// received back to its caller: in the case (case b := <-pool: return
// b[:0]) or after the select (case buf = <-pool: default: buf = make(...)
// } return buf): getting a spare from a free list. A case that processes
// the value instead is a consumer polling for data, which a dropped send
// deprives.
func (c *checker) handsOut(cc *ast.CommClause, as *ast.AssignStmt, stack []ast.Node) bool {
	if len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v := c.pass.TypesInfo.ObjectOf(id)
	if v == nil {
		return false
	}
	var body ast.Node = &ast.BlockStmt{List: cc.Body}
	var sig *types.Signature
	if as.Tok == token.ASSIGN {
		// An existing variable: a return anywhere after the select in
		// the enclosing function hands it out.
		for i := len(stack) - 1; i >= 0; i-- {
			if b := funcBody(stack[i]); b != nil {
				body, sig = b, c.sigOf(stack[:i+1])
				break
			}
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return true
		}
		if len(ret.Results) == 0 && sig != nil {
			// A naked return of a named result.
			for i := 0; i < sig.Results().Len(); i++ {
				if sig.Results().At(i) == v {
					found = true
				}
			}
		}
		for _, r := range ret.Results {
			ast.Inspect(r, func(n ast.Node) bool {
				if rid, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[rid] == v {
					found = true
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// emptiesFirst reports whether a polled receive case begins by cutting what
// it received to length zero (case t.buf = <-pool: t.buf = t.buf[0:0], or
// b := <-pool; b = b[:0]): the contents are thrown away before anything
// reads them, so the channel carries spare capacity, not data, wherever
// the emptied buffer goes next (a field of the receiver, a local).
func emptiesFirst(cc *ast.CommClause, as *ast.AssignStmt) bool {
	if len(as.Lhs) != 1 || len(cc.Body) == 0 {
		return false
	}
	set, ok := cc.Body[0].(*ast.AssignStmt)
	if !ok || set.Tok != token.ASSIGN || len(set.Lhs) != 1 || len(set.Rhs) != 1 {
		return false
	}
	sl, ok := ast.Unparen(set.Rhs[0]).(*ast.SliceExpr)
	if !ok || sl.Slice3 || sl.High == nil {
		return false
	}
	zero := func(e ast.Expr) bool {
		lit, ok := ast.Unparen(e).(*ast.BasicLit)
		return ok && lit.Kind == token.INT && lit.Value == "0"
	}
	target := types.ExprString(as.Lhs[0])
	return types.ExprString(set.Lhs[0]) == target && types.ExprString(sl.X) == target &&
		(sl.Low == nil || zero(sl.Low)) && zero(sl.High)
}

// hasDefault reports whether the innermost select in stack has a default.
func hasDefault(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if sel, ok := stack[i].(*ast.SelectStmt); ok {
			for _, s := range sel.Body.List {
				if s.(*ast.CommClause).Comm == nil {
					return true
				}
			}
			return false
		}
	}
	return false
}

// oneShotReply reports whether ch is a reply slot: a local variable made
// with make(chan T, 1) by a function that hands a closure (a callback) the
// job of sending on it. The first reply fills the slot and later ones are
// meant to be dropped ("first response wins"), as with error channels.
func (c *checker) oneShotReply(ch ast.Expr, stack []ast.Node) bool {
	id, ok := ast.Unparen(ch).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	// The send must be in a function literal that does not declare v.
	var lit *ast.FuncLit
	for i := len(stack) - 1; i >= 0; i-- {
		if l, ok := stack[i].(*ast.FuncLit); ok {
			lit = l
			break
		}
	}
	if lit == nil || (v.Pos() >= lit.Pos() && v.Pos() < lit.End()) {
		return false
	}
	// Find v's definition in the enclosing functions: v := make(chan T, 1).
	oneSlot := false
	for _, n := range stack {
		body := funcBody(n)
		if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
			continue
		}
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return !oneSlot
			}
			for i, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.Defs[lid] == v {
					oneSlot = isMakeChanOne(c.pass.TypesInfo, as.Rhs[i])
				}
			}
			return !oneSlot
		})
		break
	}
	return oneSlot
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// isMakeChanOne reports whether e is make(chan T, 1).
func isMakeChanOne(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !isBuiltinMake(info, call) {
		return false
	}
	tv := info.Types[call.Args[1]]
	return tv.Value != nil && tv.Value.String() == "1"
}

// exemptElem: channels of struct{} coalesce wake-ups (a dropped one loses
// nothing), channels of error keep the first error by design, and channels
// of time.Time carry ticks.
//
// Property (errors): a channel whose values are errors, the error
// interface, an interface embedding it, or a concrete type implementing it
// (chan *FatalErr), reports
// failures; the first one sent decides what the receiver does (stop,
// restart, return it), and a later one dropped while it is pending is a
// second failure of the same run, not an item of work lost. A type that
// merely carries an error in a field is data and still counts.
//
// Property (time.Time): a time sent on a channel is a tick, the moment
// something happened (a timer fired, a frame was sent); the pending tick
// already wakes the receiver, which reads the clock again when it runs, so
// a dropped newer one is not an item lost.
func exemptElem(t types.Type) bool {
	if s, ok := t.Underlying().(*types.Struct); ok && s.NumFields() == 0 {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time" {
		return true
	}
	errType := types.Universe.Lookup("error").Type()
	if types.Identical(t, errType) {
		return true
	}
	// A concrete type with an Error method, or an interface whose method
	// set has error's (type Error interface { error; Code() int }): every
	// value is an error. Any other interface (any, a Stringer) holds data.
	return types.Implements(t, errType.Underlying().(*types.Interface))
}

// leaves reports whether a case body ends by leaving the select's
// surroundings: return, goto, continue, a labeled break, or panic. An
// unlabeled break only leaves the select, landing where the default does.
func leaves(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch s := body[len(body)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO || s.Tok == token.CONTINUE || (s.Tok == token.BREAK && s.Label != nil)
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// returns reports whether a case body ends with a return.
func returns(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	_, ok := body[len(body)-1].(*ast.ReturnStmt)
	return ok
}

// followed reports whether control, after the statement at the top of
// stack (a select), reaches more statements of the same function before a
// loop iteration ends: the fallback the empty default falls through to. It
// climbs out of blocks, if and switch bodies and labels, since
//
//	if workers > 0 {
//		select { case work <- f: return; default: }
//	}
//	go f() // the fallback
//
// is as much a fallback as a statement right after the select.
//
// When past is set (the send case returns), the end of the body of a loop
// that ends by itself (a for with a condition, a range) is followed by what
// follows the loop: the default goes on to the next iteration, another
// attempt (for _, w := range workers { select { case w.ch <- v: return
// nil; default: } }), and when every attempt failed, to the fallback
// after the loop (a blocking send of the same value).
func followed(stack []ast.Node, past bool) bool {
	stmt := stack[len(stack)-1]
	notLast := func(list []ast.Stmt) bool {
		for j, s := range list {
			if s == stmt {
				return j < len(list)-1
			}
		}
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.LabeledStmt, *ast.IfStmt: // an if's else branch, or a label
			stmt = p.(ast.Stmt)
		case *ast.BlockStmt:
			if notLast(p.List) {
				return true
			}
			if i == 0 {
				return false
			}
			switch l := stack[i-1].(type) {
			case *ast.IfStmt, *ast.BlockStmt:
				stmt = p // leave the if body or bare block, go on after it
			case *ast.ForStmt:
				if !past || l.Cond == nil {
					return false
				}
				stmt = l // the loop ends by itself: go on after it
				i--
			case *ast.RangeStmt:
				if !past {
					return false
				}
				stmt = l
				i--
			default:
				return false // a function or loop body ends here
			}
		case *ast.CaseClause, *ast.CommClause:
			var body []ast.Stmt
			if cc, ok := p.(*ast.CaseClause); ok {
				body = cc.Body
			} else {
				body = p.(*ast.CommClause).Body
			}
			if notLast(body) {
				return true
			}
			// Leave the whole switch or select: skip its body block.
			if i < 2 {
				return false
			}
			i--
			stmt = stack[i-1].(ast.Stmt)
			i--
		default:
			return false
		}
	}
	return false
}

// drainedBefore reports whether the statement before the select, in the
// same list, is a non-blocking receive from the same channel whose value is
// discarded (select { case <-ch: default: }): drain the stale value, then
// send the current one. The channel is a latest-value slot; the send fails
// only when another producer stored a value between the two selects, and
// that value is as recent as the one dropped. Seen as an IDL provider's
// service descriptor, a migrator's "all events up to the lock processed"
// sentinel, and a test's latest requested resource names. The drain may
// also be the case the select sits in (select { case <-ch: select { case
// ch <- v: default: } case ch <- v: }: a republisher's latest value).
func (c *checker) drainedBefore(sel *ast.SelectStmt, send *ast.SendStmt, stack []ast.Node) bool {
	list, i := astutil.EnclosingList(stack) // stack ends at sel
	if i == 0 && len(stack) >= 2 {
		// The first statement of a case that drained the channel:
		// select { case <-ch: select { case ch <- v: default: } ... }.
		if cc, ok := stack[len(stack)-2].(*ast.CommClause); ok {
			if es, ok := cc.Comm.(*ast.ExprStmt); ok {
				if u, ok := ast.Unparen(es.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					target := c.chanObject(send.Chan)
					return target != nil && c.chanObject(u.X) == target && types.ExprString(u.X) == types.ExprString(send.Chan)
				}
			}
		}
	}
	if i < 1 {
		return false
	}
	prev, ok := list[i-1].(*ast.SelectStmt)
	if !ok {
		return false
	}
	target := c.chanObject(send.Chan)
	if target == nil {
		return false
	}
	hasDefault, drains := false, false
	for _, s := range prev.Body.List {
		cc := s.(*ast.CommClause)
		switch comm := cc.Comm.(type) {
		case nil:
			hasDefault = true
		case *ast.ExprStmt: // case <-ch: the value discarded
			if u, ok := ast.Unparen(comm.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && c.chanObject(u.X) == target && types.ExprString(u.X) == types.ExprString(send.Chan) {
				drains = true
			}
		default:
			return false // the select does more than drain
		}
	}
	return hasDefault && drains
}

// peeked reports whether a send case sends an element still held in a
// slice or map (case out <- backlog[0]: backlog = backlog[1:]) and removes
// it only once sent: when the channel is full the element stays where it
// is, and nothing is lost.
func peeked(send *ast.SendStmt, body []ast.Stmt) bool {
	_, isIndex := ast.Unparen(send.Value).(*ast.IndexExpr)
	return isIndex && len(body) > 0
}

// closedAfter reports whether every path out of the select goes on to
// close the channel it sends on: a later statement of the same list is
// close(ch) of the same channel, and neither a case of the select nor a
// statement before the close can leave the list (return, a branch other
// than an unlabeled break, panic).
//
// Property: the close reaches every receiver whatever the send did, and
// no send can follow it (a send on a closed channel panics), so the drop
// loses at most one value per channel, the payload of a final notice whose
// signal, the close, cannot be lost; it does not grow with load. Seen as a
// message client's delivery-settled slot (send the outcome, close), a
// listener's last accept error, and a mock watch's final cancelled response.
func (c *checker) closedAfter(sel *ast.SelectStmt, send *ast.SendStmt, stack []ast.Node) bool {
	list, i := astutil.EnclosingList(stack)
	if i < 0 || list[i] != ast.Stmt(sel) {
		return false
	}
	target := c.chanObject(send.Chan)
	if target == nil {
		return false
	}
	for _, s := range sel.Body.List {
		if mayLeave(s.(*ast.CommClause).Body...) {
			return false
		}
	}
	for _, s := range list[i+1:] {
		if es, ok := s.(*ast.ExprStmt); ok {
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && len(call.Args) == 1 && astutil.IsBuiltin(c.pass.TypesInfo, call.Fun, "close") &&
				c.chanObject(call.Args[0]) == target && types.ExprString(call.Args[0]) == types.ExprString(send.Chan) {
				return true
			}
		}
		if mayLeave(s) {
			return false
		}
	}
	return false
}

// mayLeave reports whether control can leave the statements other than by
// falling off their end: a return, a branch other than an unlabeled break,
// or a call of panic (function literals excluded).
func mayLeave(stmts ...ast.Stmt) bool {
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				if x.Tok != token.BREAK || x.Label != nil {
					found = true
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "panic" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
