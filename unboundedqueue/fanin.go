package unboundedqueue

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// fanIn reports unbuffered channels that goroutines started in a loop send
// to, when the receiving side can stop before it has received from every
// sender: the remaining senders block forever.
func (u *checker) fanIn() {
	u.ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}, func(n ast.Node) {
		body := funcBody(n)
		if body == nil {
			return
		}
		for _, mk := range u.unbufferedMakes(body) {
			u.checkFanIn(body, mk)
		}
	})
}

type chanMake struct {
	obj  types.Object
	call *ast.CallExpr
}

// unbufferedMakes returns the local channels made unbuffered by body's own
// statements (not those of nested function literals, which are visited on
// their own): ch := make(chan T), var ch = make(chan T, 0).
func (u *checker) unbufferedMakes(body *ast.BlockStmt) []chanMake {
	var out []chanMake
	check := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return
		}
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok || !isBuiltin(u.pass.TypesInfo, call.Fun, "make") || len(call.Args) == 0 {
			return
		}
		if _, ok := u.pass.TypesInfo.TypeOf(call.Args[0]).Underlying().(*types.Chan); !ok {
			return
		}
		if len(call.Args) > 1 {
			tv := u.pass.TypesInfo.Types[call.Args[1]]
			if tv.Value == nil || tv.Value.String() != "0" {
				return
			}
		}
		if obj := u.pass.TypesInfo.ObjectOf(id); obj != nil {
			out = append(out, chanMake{obj: obj, call: call})
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					check(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					check(n.Names[i], n.Values[i])
				}
			}
		}
		return true
	})
	return out
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// sender is a goroutine started in a loop that sends on the channel.
type sender struct {
	start ast.Node // the go statement or errgroup Go call
	loop  ast.Node // the loop that starts it
	lit   *ast.FuncLit
}

func (u *checker) checkFanIn(body *ast.BlockStmt, mk chanMake) {
	var senders []sender
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() > mk.call.Pos() { // a loop that makes a channel per iteration starts one sender each
				ast.Inspect(loopBody(n), u.visitSenders(mk, n, &senders))
			}
		}
		return true
	})
	if len(senders) == 0 {
		return
	}
	senderLits := make(map[*ast.FuncLit]bool)
	for _, s := range senders {
		senderLits[s.lit] = true
	}
	if u.reassigned(body, mk) {
		return // which channel a sender uses is not known statically
	}
	// The receiving side: every receive from ch outside the senders. A
	// receive loop that can stop early leaks the senders it did not hear;
	// single receives leak when there are fewer of them than senders and
	// no loop drains the rest.
	var early ast.Node
	var singles []ast.Node
	drains := false
	var walk func(root ast.Node, loopsAbove []ast.Node)
	walk = func(root ast.Node, loopsAbove []ast.Node) {
		ast.Inspect(root, func(n ast.Node) bool {
			if early != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				if !senderLits[n] {
					walk(n.Body, nil) // another goroutine: its own loops
				}
				return false
			case *ast.RangeStmt:
				if u.isChan(n.X, mk.obj) {
					if early = earlyExit(n); early == nil {
						drains = true
					}
				}
				walk(n.Body, append(loopsAbove, n))
				return false
			case *ast.ForStmt:
				walk(n.Body, append(loopsAbove, n))
				return false
			case *ast.UnaryExpr:
				if n.Op != token.ARROW || !u.isChan(n.X, mk.obj) {
					return true
				}
				if len(loopsAbove) == 0 {
					singles = append(singles, n)
				} else if early = earlyExit(loopsAbove[len(loopsAbove)-1]); early == nil {
					drains = true
				}
			}
			return true
		})
	}
	walk(body, nil)
	if early == nil && !drains && len(singles) > 0 {
		if n, ok := u.constantTrips(senders[0].loop); !ok || len(singles) < n {
			early = singles[0]
		}
	}
	if early == nil {
		return // no receiver here, or the receivers hear every sender
	}
	ch := mk.obj.Name()
	s := senders[0]
	stop := "a single receive"
	switch e := early.(type) {
	case *ast.ReturnStmt:
		stop = fmt.Sprintf("a return at line %d", u.pass.Fset.Position(e.Pos()).Line)
	case *ast.BranchStmt:
		stop = fmt.Sprintf("a %s at line %d", e.Tok, u.pass.Fset.Position(e.Pos()).Line)
	case *ast.UnaryExpr:
		stop = fmt.Sprintf("a single receive at line %d", u.pass.Fset.Position(e.Pos()).Line)
	}
	d := analysis.Diagnostic{
		Pos: mk.call.Pos(), End: mk.call.End(), Category: ruleFanIn,
		Message: fmt.Sprintf("goroutines started in a loop send to unbuffered channel %s, but the receiver can stop before it has received from every sender (%s): each remaining sender blocks forever and leaks; buffer the channel for every sender, or make the senders select on ctx.Done()", ch, stop),
		Related: []analysis.RelatedInformation{
			{Pos: s.start.Pos(), End: s.start.End(), Message: "sender started in a loop here"},
			{Pos: early.Pos(), End: early.End(), Message: "the receiver can stop here"},
		},
	}
	if capExpr := u.tripCount(s.loop, mk.call.Pos()); capExpr != "" {
		d.SuggestedFixes = []analysis.SuggestedFix{u.bufferFix(mk.call, capExpr)}
	}
	u.rep.Report(d)
}

// reassigned reports whether the channel variable is assigned anywhere in
// body other than at its make.
func (u *checker) reassigned(body *ast.BlockStmt, mk chanMake) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for i, l := range as.Lhs {
				if u.isChan(l, mk.obj) && (i >= len(as.Rhs) || ast.Unparen(as.Rhs[i]) != ast.Expr(mk.call)) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// constantTrips returns the trip count of a loop when it is a constant:
// for i := 0; i < 2; i++, range 2, or a range over a slice or array
// literal with no ... element ([]string{"a", "b"}).
func (u *checker) constantTrips(loop ast.Node) (int, bool) {
	var e ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		e = l.X
		if lit, ok := ast.Unparen(l.X).(*ast.CompositeLit); ok {
			switch u.pass.TypesInfo.TypeOf(lit).Underlying().(type) {
			case *types.Slice, *types.Array:
				for _, elt := range lit.Elts {
					if _, keyed := elt.(*ast.KeyValueExpr); keyed {
						return 0, false // [...]T{5: x}: the length is not the count
					}
				}
				return len(lit.Elts), true
			}
		}
	case *ast.ForStmt:
		if c, ok := l.Cond.(*ast.BinaryExpr); ok && c.Op == token.LSS {
			e = c.Y
		}
	}
	if e == nil {
		return 0, false
	}
	tv := u.pass.TypesInfo.Types[e]
	if tv.Value == nil {
		return 0, false
	}
	var n int
	if _, err := fmt.Sscan(tv.Value.String(), &n); err != nil {
		return 0, false
	}
	return n, true
}

// visitSenders records, in the body of loop, goroutines whose function
// literal sends on the channel without a way out (a select with other cases).
func (u *checker) visitSenders(mk chanMake, loop ast.Node, out *[]sender) func(ast.Node) bool {
	return func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // goroutines of goroutines are judged from their own loops
		case *ast.ForStmt, *ast.RangeStmt:
			return false // the inner loop is visited on its own
		case *ast.GoStmt:
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok && u.sendsBlocking(lit, mk.obj) {
				*out = append(*out, sender{start: n, loop: loop, lit: lit})
			}
			return false
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); !ok || sel.Sel.Name != "Go" || len(n.Args) != 1 {
				return true
			}
			fn, ok := typeutil.Callee(u.pass.TypesInfo, n).(*types.Func)
			if ok && fn.FullName() == "(*golang.org/x/sync/errgroup.Group).Go" {
				if lit, ok := n.Args[0].(*ast.FuncLit); ok && u.sendsBlocking(lit, mk.obj) {
					*out = append(*out, sender{start: n, loop: loop, lit: lit})
				}
				return false
			}
		}
		return true
	}
}

// sendsBlocking reports whether lit sends on obj outside a select that has
// another case (a sender selecting on ctx.Done() can give up).
func (u *checker) sendsBlocking(lit *ast.FuncLit, obj types.Object) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectStmt:
			if len(n.Body.List) > 1 {
				return false
			}
		case *ast.SendStmt:
			if u.isChan(n.Chan, obj) {
				found = true
			}
		}
		return !found
	})
	return found
}

func (u *checker) isChan(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && u.pass.TypesInfo.ObjectOf(id) == obj
}

// funcBody returns the body of a FuncDecl or FuncLit, or nil.
func funcBody(n ast.Node) *ast.BlockStmt {
	switch f := n.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

func loopBody(n ast.Node) *ast.BlockStmt {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}

// earlyExit returns a statement that leaves loop before its natural end: a
// return, a goto, a labeled break, or an unlabeled break that
// is not inside a nested loop, switch or select.
func earlyExit(loop ast.Node) ast.Node {
	var found ast.Node
	var visit func(n ast.Node, nested int)
	visit = func(n ast.Node, nested int) {
		if n == nil || found != nil {
			return
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return
		case *ast.IfStmt:
			if countdown(n, loop) {
				return // leaves once every sender was heard
			}
		case *ast.ReturnStmt:
			found = n
			return
		case *ast.BranchStmt:
			if n.Tok == token.GOTO || (n.Label != nil && n.Tok == token.BREAK) || (n.Tok == token.BREAK && nested == 0) {
				found = n
			}
			return
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			nested++
		}
		ast.Inspect(n, func(m ast.Node) bool {
			if m == n {
				return true
			}
			visit(m, nested)
			return false
		})
	}
	visit(loopBody(loop), 0)
	return found
}

// countdown reports whether an if tests a counter against zero that the
// loop decrements (active--; if active == 0 { return }): the exit comes
// after the last sender was heard.
func countdown(ifs *ast.IfStmt, loop ast.Node) bool {
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || (cond.Op != token.EQL && cond.Op != token.LEQ) {
		return false
	}
	counter, ok := ast.Unparen(cond.X).(*ast.Ident)
	if lit, isLit := ast.Unparen(cond.Y).(*ast.BasicLit); !ok || !isLit || lit.Value != "0" {
		return false
	}
	found := false
	ast.Inspect(loopBody(loop), func(n ast.Node) bool {
		if dec, ok := n.(*ast.IncDecStmt); ok && dec.Tok == token.DEC {
			if id, ok := ast.Unparen(dec.X).(*ast.Ident); ok && id.Name == counter.Name {
				found = true
			}
		}
		return !found
	})
	return found
}

// tripCount returns how many senders the loop starts, as an expression
// that can be written at pos (its identifiers are declared before pos):
// len(xs) for a range over a slice or map, n for a range over an integer
// or for i := 0; i < n; i++.
func (u *checker) tripCount(loop ast.Node, pos token.Pos) string {
	var e ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		switch u.pass.TypesInfo.TypeOf(l.X).Underlying().(type) {
		case *types.Slice, *types.Map, *types.Array:
			if !u.availableAt(l.X, pos) {
				return ""
			}
			return "len(" + types.ExprString(l.X) + ")"
		case *types.Basic:
			e = l.X
		}
	case *ast.ForStmt:
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok || cond.Op != token.LSS {
			return ""
		}
		e = cond.Y
	}
	if e == nil || !u.availableAt(e, pos) {
		return ""
	}
	return types.ExprString(e)
}

// availableAt reports whether e is made of identifiers declared before pos
// (and selectors, len calls and constants), so it means the same at pos.
func (u *checker) availableAt(e ast.Expr, pos token.Pos) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil: // the end of a node's children
		case *ast.Ident:
			obj := u.pass.TypesInfo.ObjectOf(n)
			if obj == nil {
				ok = false
			} else if v, isVar := obj.(*types.Var); isVar && !v.IsField() && v.Pos() >= pos {
				ok = false
			}
		case *ast.SelectorExpr:
			return u.availableAt(n.X, pos) && ok
		case *ast.CallExpr:
			if !isBuiltin(u.pass.TypesInfo, n.Fun, "len") {
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

// bufferFix turns make(chan T) into make(chan T, n).
func (u *checker) bufferFix(call *ast.CallExpr, n string) analysis.SuggestedFix {
	edit := analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", " + n)}
	if len(call.Args) > 1 { // make(chan T, 0)
		edit = analysis.TextEdit{Pos: call.Args[1].Pos(), End: call.Args[1].End(), NewText: []byte(n)}
	}
	return analysis.SuggestedFix{Message: "buffer the channel for every sender", TextEdits: []analysis.TextEdit{edit}}
}
