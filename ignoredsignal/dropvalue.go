package ignoredsignal

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/loops"
)

// This file holds the questions silent-drop asks about the value dropped
// and about the receivers of the channel: is it an item, or a notification
// whose drop loses nothing?

// receive is one receive of a channel of this package.
type receive struct {
	expr   *ast.UnaryExpr  // <-ch; nil for a range
	rng    *ast.RangeStmt  // for v := range ch; nil for a receive
	clause *ast.CommClause // the select case it is the communication of, or nil
	value  types.Object    // the variable the value is assigned to (v := <-ch, v = <-ch, range key), or nil
	used   bool            // the value is used: assigned, or the operand of an expression
	define bool            // v := <-ch (a new variable), as opposed to v = <-ch
	path   []ast.Node      // the syntax around the receive, innermost first
}

// receives returns the receives of the channel held in obj (a field, a
// package variable, or a local copy of one: identify := c.identify), over
// the whole package, indexed once.
func (c *checker) receives(obj types.Object) []*receive {
	if c.recvIndex == nil {
		c.indexReceives()
	}
	return c.recvIndex[obj]
}

func (c *checker) indexReceives() {
	info := c.pass.TypesInfo
	c.recvIndex = make(map[types.Object][]*receive)
	// Local copies of a field or package variable (x := c.field) stand for
	// it.
	alias := make(map[types.Object]types.Object)
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, r := range as.Rhs {
				if _, isChan := info.TypeOf(r).(*types.Chan); !isChan {
					continue
				}
				src, ok := c.chanObject(r).(*types.Var)
				if !ok || !(src.IsField() || src.Parent() == src.Pkg().Scope()) {
					continue
				}
				if id, ok := as.Lhs[i].(*ast.Ident); ok && info.ObjectOf(id) != nil && info.ObjectOf(id) != types.Object(src) {
					alias[info.ObjectOf(id)] = src
				}
			}
			return true
		})
	}
	key := func(e ast.Expr) types.Object {
		obj := c.chanObject(e)
		if a, ok := alias[obj]; ok {
			return a
		}
		return obj
	}
	for _, f := range c.pass.Files {
		var stack []ast.Node // the syntax around n, outermost first
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.RangeStmt:
				if t := info.TypeOf(n.X); t == nil {
					return true
				} else if _, isChan := t.Underlying().(*types.Chan); !isChan {
					return true
				}
				if obj := key(n.X); obj != nil {
					r := &receive{rng: n, used: n.Key != nil, define: n.Tok == token.DEFINE}
					if id, ok := n.Key.(*ast.Ident); ok && id.Name != "_" {
						r.value = info.ObjectOf(id)
					}
					c.recvIndex[obj] = append(c.recvIndex[obj], r)
				}
			case *ast.UnaryExpr:
				if n.Op != token.ARROW {
					return true
				}
				obj := key(n.X)
				if obj == nil {
					return true
				}
				path := make([]ast.Node, len(stack))
				for i, p := range stack {
					path[len(stack)-1-i] = p
				}
				r := &receive{expr: n, path: path, used: true}
				for i := 1; i < len(path); i++ {
					if _, paren := path[i].(*ast.ParenExpr); paren {
						continue
					}
					switch p := path[i].(type) {
					case *ast.ExprStmt:
						r.used = false // <-ch
						if i+1 < len(path) {
							r.clause, _ = path[i+1].(*ast.CommClause)
						}
					case *ast.AssignStmt:
						if len(p.Rhs) == 1 && len(p.Lhs) >= 1 {
							r.define = p.Tok == token.DEFINE
							if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
								r.used = false // _ = <-ch
							} else if ok {
								r.value = info.ObjectOf(id)
							}
						}
						if i+1 < len(path) {
							if cc, ok := path[i+1].(*ast.CommClause); ok && cc.Comm == p {
								r.clause = cc
							}
						}
					}
					break
				}
				c.recvIndex[obj] = append(c.recvIndex[obj], r)
			}
			return true
		})
	}
}

// wakeOnly reports whether the channel ch names (a field or package
// variable) has receivers in this package and every one of them discards
// the value: <-ch, case <-ch:, for range ch.
//
// Property: a receiver that never looks at the value uses the channel as a
// wake-up; the pending value wakes it as well as a new one would, so a
// dropped send loses nothing.
func (c *checker) wakeOnly(ch ast.Expr) bool {
	obj, ok := c.chanObject(ch).(*types.Var)
	if !ok || !(obj.IsField() || obj.Parent() == obj.Pkg().Scope()) {
		return false
	}
	rs := c.receives(obj)
	for _, r := range rs {
		if r.used {
			return false
		}
	}
	return len(rs) > 0
}

// requestSlot reports whether the channel ch names is a one-slot request
// slot: a field or package variable that every make in this package makes
// with capacity 1, whose receivers act on each value when it arrives and
// keep none of it as their state (see keeps).
//
// Property: a one-slot channel is a mailbox of one pending request; when
// its receiver acts on each value and then forgets it (case why := <-ch:
// log(why); update()), the pending request makes the receiver do what the
// dropped one asked for, so nothing is lost. A receiver that keeps the
// value as its setting (case interval = <-ch: ... later read) would keep a
// stale one instead of the newest, so that is reported.
func (c *checker) requestSlot(ch ast.Expr) bool {
	obj, ok := c.chanObject(ch).(*types.Var)
	if !ok || !(obj.IsField() || obj.Parent() == obj.Pkg().Scope()) || !c.oneSlotField(obj) {
		return false
	}
	rs := c.receives(obj)
	if len(rs) == 0 {
		return false // no receiver to judge by
	}
	for _, r := range rs {
		if r.rng != nil {
			return false // for v := range ch: a stream of values
		}
		if r.used && c.keeps(r) {
			return false
		}
	}
	return true
}

// keeps reports whether a receive keeps the value it received beyond the
// action it takes on it: stored into a field, an element or a package
// variable, or assigned to a variable that outlives the receiving case and
// is read after it other than to be returned or described (an argument of
// a ...any parameter, as logging takes).
func (c *checker) keeps(r *receive) bool {
	if r.expr == nil {
		return true
	}
	parent := enclosingNonParen(r.path)
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if r.value == nil {
			return len(p.Lhs) > 0 && !isBlank(p.Lhs[0]) // s.field = <-ch
		}
	case *ast.CallExpr, *ast.ReturnStmt:
		return false // f(<-ch), return <-ch: acted on, or handed back
	default:
		return true // cannot tell
	}
	return c.varKept(r.value, r, 0)
}

func enclosingNonParen(path []ast.Node) ast.Node {
	for _, n := range path[1:] {
		if _, paren := n.(*ast.ParenExpr); !paren {
			return n
		}
	}
	return nil
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// varKept reports whether v, holding a received value, keeps it (see
// keeps). scope is where reads count as acting on the value now: the
// receiving case's body for a variable it defines or assigns.
func (c *checker) varKept(v types.Object, r *receive, depth int) bool {
	if depth > 3 {
		return true
	}
	body := outermostBody(r.path)
	if body == nil {
		return true
	}
	inCase := func(n ast.Node) bool {
		return r.clause != nil && r.clause.Pos() <= n.Pos() && n.End() <= r.clause.End()
	}
	// A variable the receive defines, or one declared in the receiving
	// case, is new for every value: reading it is acting on this value.
	fresh := (r.define && v == r.value) || (r.clause != nil && r.clause.Pos() <= v.Pos() && v.Pos() < r.clause.End())
	info := c.pass.TypesInfo
	kept := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if kept {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != v || (r.expr != nil && id.Pos() < r.expr.Pos() && r.define) {
			return true
		}
		parent := stack[len(stack)-2]
		for i := len(stack) - 2; i > 0; i-- {
			if _, paren := stack[i].(*ast.ParenExpr); !paren {
				parent = stack[i]
				break
			}
		}
		switch p := parent.(type) {
		case *ast.AssignStmt:
			for i, rhs := range p.Rhs {
				if ast.Unparen(rhs) != id || i >= len(p.Lhs) {
					continue
				}
				lhs := p.Lhs[i]
				if isBlank(lhs) {
					continue
				}
				lid, isIdent := lhs.(*ast.Ident)
				if !isIdent {
					kept = true // s.f = v, m[k] = v, *p = v
					return false
				}
				w := info.ObjectOf(lid)
				if wv, ok := w.(*types.Var); ok && wv.Parent() == wv.Pkg().Scope() {
					kept = true // a package variable
					return false
				}
				if w != v && c.varKept(w, r, depth+1) {
					kept = true
					return false
				}
			}
			for _, lhs := range p.Lhs {
				if lhs == id {
					return true // assigned, not read
				}
			}
		case *ast.ReturnStmt:
			return true // handed back to the caller
		case *ast.CallExpr:
			if describes(info, p, id) {
				return true // an argument of ...any: logged or formatted
			}
		case *ast.KeyValueExpr, *ast.CompositeLit:
			// Built into a value: what happens to the value decides; be
			// conservative unless it is in the case.
		}
		if !fresh && !inCase(id) {
			kept = true // read after the case: the receiver keeps it
			return false
		}
		return true
	})
	return kept
}

// outermostBody returns the body of the function declaration around path
// (a receive in a function literal is judged over the whole declaration,
// where the variables it assigns may be read).
func outermostBody(path []ast.Node) *ast.BlockStmt {
	var body *ast.BlockStmt
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			return n.Body
		case *ast.FuncLit:
			body = n.Body
		}
	}
	return body
}

// describes reports whether id is passed in the variadic ...any (or
// ...interface{}) part of call's arguments: formatted or logged, not acted
// on.
func describes(info *types.Info, call *ast.CallExpr, id *ast.Ident) bool {
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	if !ok || !sig.Variadic() || call.Ellipsis.IsValid() {
		return false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
	iface, ok := last.Underlying().(*types.Interface)
	if !ok || !iface.Empty() {
		return false
	}
	for i, a := range call.Args {
		if ast.Unparen(a) == id {
			return i >= sig.Params().Len()-1
		}
	}
	return false
}

// oneShotParam reports whether ch is a parameter of the function around the
// send whose every call in this package passes a channel the caller made
// with make(chan T, 1) in a local variable it does not range over.
//
// Property: a one-slot channel made by a caller for the answer of the
// method it hands it to (go s.handle(req, replyCh)) holds the first answer;
// the caller takes that one and later answers have no reader, so dropping
// them loses nothing (the method version of oneShotReply's closures).
func (c *checker) oneShotParam(ch ast.Expr, stack []ast.Node) bool {
	id, ok := ast.Unparen(ch).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	var decl *ast.FuncDecl
	for i := len(stack) - 1; i >= 0; i-- {
		if _, lit := stack[i].(*ast.FuncLit); lit {
			return false // the closure case is oneShotReply's
		}
		if d, ok := stack[i].(*ast.FuncDecl); ok {
			decl = d
			break
		}
	}
	if decl == nil {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	index := -1
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			index = i
		}
	}
	if index < 0 || (params.Len() == index+1 && fn.Signature().Variadic()) {
		return false
	}
	info := c.pass.TypesInfo
	calls, uses := 0, 0
	ok = true
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.Ident:
				if info.Uses[n] == fn {
					uses++
				}
			case *ast.CallExpr:
				if typeutil.Callee(info, n) != fn || index >= len(n.Args) {
					return true
				}
				calls++
				ok = c.localSlot(n.Args[index], f)
			}
			return true
		})
	}
	// Every reference to the function is a call we judged.
	return ok && calls > 0 && calls == uses
}

// localSlot reports whether e is a local variable made with
// make(chan T, 1) that its function does not range over.
func (c *checker) localSlot(e ast.Expr, file *ast.File) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, v.Pos(), v.Pos())
	body := outermostBody(path)
	if body == nil {
		return false
	}
	slot, ranged := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == v {
					slot = isMakeChanOne(info, n.Rhs[i])
				}
			}
		case *ast.RangeStmt:
			if rid, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[rid] == v {
				ranged = true
			}
		}
		return true
	})
	return slot && !ranged
}

// configuredDrop reports whether the select at the top of stack is one
// branch of an if, or one case of a switch, whose other branch (another
// case) sends the same value on the same channel blocking (a send
// statement, or a select without a default).
//
// Property: when the code holds both a blocking and a dropping send of the
// same value on the same channel and a condition picks one (if
// c.backPressure { ch <- v } else { select { case ch <- v: default: } },
// or switch mode { case Discard: ...; case Block: ... }), dropping is a
// configured policy the author chose, not an oversight. The value is the
// same when it is spelled the same and its variables are the same, or are
// declared each in its own branch (for v := range in in both).
func configuredDrop(info *types.Info, send *ast.SendStmt, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 1; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			var other ast.Stmt
			switch {
			case stack[i+1] == n.Body:
				other = n.Else
			case n.Else != nil && stack[i+1] == n.Else:
				other = n.Body
			}
			if other != nil && blockingSend(info, other, stack[i+1], send) {
				return true
			}
		case *ast.CaseClause:
			if i < 2 {
				continue
			}
			if _, ok := stack[i-2].(*ast.SwitchStmt); !ok {
				continue
			}
			for _, cl := range stack[i-1].(*ast.BlockStmt).List {
				if cl != n && blockingSend(info, cl, n, send) {
					return true
				}
			}
		}
	}
	return false
}

// blockingSend reports whether body sends send's value on send's channel
// without a way around it; branch is the branch that holds send.
func blockingSend(info *types.Info, body, branch ast.Node, send *ast.SendStmt) bool {
	same := func(s *ast.SendStmt) bool {
		return types.ExprString(s.Chan) == types.ExprString(send.Chan) && types.ExprString(s.Value) == types.ExprString(send.Value) &&
			sameObjects(info, s.Chan, send.Chan) && sameValueIn(info, s.Value, send.Value, body, branch)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			if hasDefaultClause(n) {
				return false
			}
		case *ast.SendStmt:
			if same(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

func hasDefaultClause(sel *ast.SelectStmt) bool {
	for _, s := range sel.Body.List {
		if s.(*ast.CommClause).Comm == nil {
			return true
		}
	}
	return false
}

// sameObjects reports whether a and b refer to the same objects in order.
func sameObjects(info *types.Info, a, b ast.Expr) bool {
	oa, ob := identObjects(info, a), identObjects(info, b)
	if len(oa) != len(ob) {
		return false
	}
	for i := range oa {
		if oa[i] != ob[i] {
			return false
		}
	}
	return true
}

// identObjects returns the objects the identifiers of e refer to, in order.
func identObjects(info *types.Info, e ast.Expr) []types.Object {
	var out []types.Object
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			out = append(out, info.ObjectOf(id))
		}
		return true
	})
	return out
}

// sameValueIn reports whether a (in branch ba) and b (in branch bb) refer
// to the same objects in order, or to objects declared each in its own
// branch.
func sameValueIn(info *types.Info, a, b ast.Expr, ba, bb ast.Node) bool {
	oa, ob := identObjects(info, a), identObjects(info, b)
	if len(oa) != len(ob) {
		return false
	}
	within := func(o types.Object, n ast.Node) bool {
		return o != nil && o.Pos() >= n.Pos() && o.Pos() < n.End()
	}
	for i := range oa {
		if oa[i] != ob[i] && !(within(oa[i], ba) && within(ob[i], bb)) {
			return false
		}
	}
	return true
}

// sameEverySend reports whether the value of send is the same on every
// send of that case: a function without captured variables (func(error)
// {}), a package variable, or, in an open loop (not counted), a value
// computed before the loop sent on a channel that is the same in every
// iteration.
//
// Property: when every send of a case sends the same value on the same
// channel, the one pending in the full channel is the value a new send
// would add (a loop re-announcing its connection to a heartbeat, a no-op
// callback as a nudge): a dropped one loses nothing.
func (c *checker) sameEverySend(sel *ast.SelectStmt, send *ast.SendStmt) bool {
	var st *ssa.SelectState
	var instr *ssa.Select
	for _, i := range c.form.At(sel.Select) {
		if s, ok := i.(*ssa.Select); ok {
			for k := range s.States {
				if s.States[k].Dir == types.SendOnly && s.States[k].Pos == send.Arrow {
					st, instr = s.States[k], s
				}
			}
		}
	}
	if st == nil {
		return false
	}
	if constantValue(st.Send) {
		return true
	}
	f := c.forest(instr.Parent())
	// Only an open loop (for {}, a receive or read loop) re-announces: a
	// counted one (for range 3) is a retry budget for one item.
	l := f.Innermost(instr.Block())
	return l != nil && !l.Counted && invariant(st.Send, l, false) && invariant(st.Chan, l, true)
}

// constantValue reports whether v is the same on every evaluation: a
// constant, a function without captured variables, a package variable's
// value, or a conversion of one.
func constantValue(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Function:
		return true
	case *ssa.UnOp:
		_, global := v.X.(*ssa.Global)
		return v.Op == token.MUL && global
	case *ssa.MakeInterface:
		return constantValue(v.X)
	case *ssa.ChangeType:
		return constantValue(v.X)
	case *ssa.ChangeInterface:
		return constantValue(v.X)
	}
	return false
}

// invariant reports whether v is the same in every iteration of l: defined
// before the loop, or a conversion of such a value; with loads, also a
// field read again from an object defined before the loop (the channel
// c.ch of a loop's c).
func invariant(v ssa.Value, l *loops.Loop, loads bool) bool {
	if constantValue(v) {
		return true
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return true // a parameter, a captured variable, a global's address
	}
	if !l.Contains(instr.Block()) {
		return true
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return invariant(v.X, l, loads)
	case *ssa.ChangeType:
		return invariant(v.X, l, loads)
	case *ssa.ChangeInterface:
		return invariant(v.X, l, loads)
	case *ssa.UnOp:
		if v.Op == token.MUL && loads {
			if fa, ok := v.X.(*ssa.FieldAddr); ok {
				return invariant(fa.X, l, loads)
			}
			if _, ok := v.X.(*ssa.Global); ok {
				return true
			}
		}
	case *ssa.Field:
		return loads && invariant(v.X, l, loads)
	}
	return false
}

// stateToListener reports whether send sends a state (a bool, or a value
// of an enumerated type: a named integer type whose package declares
// constants of it) on a channel this function got from elsewhere (a
// parameter, an entry of a listener list; not a field or package variable
// of this package, not made here), so that its receivers are not visible.
//
// Property: a state sent to a listener's channel is a status notification;
// whether the listener needs every transition or only the latest cannot be
// seen from here, and such channels are sized by their owner, who is told
// the send does not block (os/signal.Notify documents the same contract).
// Bplint cannot tell, so it stays silent unless strict is set.
func (c *checker) stateToListener(send *ast.SendStmt, stack []ast.Node) bool {
	if c.cfg.Strict || !isState(c.pass.TypesInfo.TypeOf(send.Value)) {
		return false
	}
	id, ok := ast.Unparen(send.Chan).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
		return false
	}
	// Not made in the function around the send, where its receivers
	// would be visible.
	for i := len(stack) - 1; i >= 0; i-- {
		body := funcBody(stack[i])
		if body == nil {
			continue
		}
		made := false
		ast.Inspect(body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for j, l := range as.Lhs {
					if lid, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(lid) == v {
						if call, ok := ast.Unparen(as.Rhs[j]).(*ast.CallExpr); ok && isBuiltinMake(c.pass.TypesInfo, call) {
							made = true
						}
					}
				}
			}
			return !made
		})
		if made {
			return false
		}
	}
	return true
}

// isState reports whether t is bool or an enumerated type: a named integer
// type whose declaring package declares at least two constants of it.
func isState(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return false
	}
	if b.Kind() == types.Bool {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || b.Info()&types.IsInteger == 0 || n.Obj().Pkg() == nil {
		return false
	}
	scope := n.Obj().Pkg().Scope()
	consts := 0
	for _, name := range scope.Names() {
		if k, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(k.Type(), t) {
			consts++
		}
	}
	return consts >= 2
}

// receiverField reports whether e is a field (or a field of a field) of
// the receiver of the method around it: w.id, w.cfg.name.
//
// Property: a method sending a field of its own receiver sends the same
// value on every call on that object (who it is, what it holds), so the
// value pending in the full channel is the one a new send would add.
func (c *checker) receiverField(e ast.Expr, stack []ast.Node) bool {
	var recv types.Object
	for i := len(stack) - 1; i >= 0; i-- {
		if d, ok := stack[i].(*ast.FuncDecl); ok {
			if d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 {
				recv = c.pass.TypesInfo.Defs[d.Recv.List[0].Names[0]]
			}
			break
		}
	}
	if recv == nil {
		return false
	}
	fields := 0
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			sel, ok := c.pass.TypesInfo.Selections[x]
			if !ok || sel.Kind() != types.FieldVal {
				return false
			}
			fields++
			e = x.X
		case *ast.Ident:
			return fields > 0 && c.pass.TypesInfo.Uses[x] == recv
		default:
			return false
		}
	}
}
