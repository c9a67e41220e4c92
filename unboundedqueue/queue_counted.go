package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"
)

// This file answers "does the package count what it queues, and stop at a
// maximum?" for the queue rules. A queue is counted when every call of the
// package that leads to an add is made by a function that increments an
// integer field (x.n++, x.n += k) that
//
//   - the package decrements in a function that leads to a take of the
//     same queue: the count is of what is queued now, not a total;
//   - the package compares with a maximum (not an emptiness test) in an if
//     that leaves, waits or makes a channel (a gate the producer waits on):
//     the serve loop closes the connection when too many control frames
//     are queued, the reader throttles while too many response frames are.
//
// The check may come before the add, right after it, or in the loop that
// drives the producer; the syntax of the add's own function says nothing
// of it. Calls are followed four levels up, through static calls and
// through calls of an interface method that a method on the path
// implements (a write scheduler's Push). Calls from _test.go files set up
// state; callers outside the package are their own producers.

// countedAtCalls reports whether growth g is counted (see above).
func (u *checker) countedAtCalls(q *queue, g site) bool {
	takers := make(map[ast.Node]bool)
	for _, c := range q.consumes {
		u.leadingTo(c.fn, 0, takers)
	}
	ok := func(fn ast.Node) bool { return u.counts(fn, takers) }
	return u.countedUp(q, g.fn, 0, ok, make(map[ast.Node]int))
}

// countedUp reports whether fn counts, or every call of the package that
// leads to fn is made by a function that does (memo: 1 yes, 2 no, 3 in
// progress).
func (u *checker) countedUp(q *queue, fn ast.Node, depth int, counts func(ast.Node) bool, memo map[ast.Node]int) bool {
	if counts(fn) {
		return true
	}
	switch memo[fn] {
	case 1:
		return true
	case 2, 3:
		return false
	}
	if depth >= 4 {
		return false
	}
	memo[fn] = 3
	ok := false
	for _, s := range u.packageCallers(fn) {
		if u.isTest(s.call.Pos()) && !u.isTest(q.obj.Pos()) {
			continue
		}
		if !u.countedUp(q, s.fn, depth+1, counts, memo) {
			ok = false
			break
		}
		ok = true
	}
	memo[fn] = 2
	if ok {
		memo[fn] = 1
	}
	return ok
}

// leadingTo adds fn and the functions of the package that call it, four
// levels up, to set.
func (u *checker) leadingTo(fn ast.Node, depth int, set map[ast.Node]bool) {
	if set[fn] {
		return
	}
	set[fn] = true
	if depth >= 4 {
		return
	}
	for _, s := range u.packageCallers(fn) {
		u.leadingTo(s.fn, depth+1, set)
	}
}

// packageCallers returns the calls of fn in the package: its static calls,
// and for a method, the calls of an interface method of the same name whose
// interface the method's receiver type implements.
func (u *checker) packageCallers(fn ast.Node) []callSite {
	x := u.calls()
	switch f := fn.(type) {
	case *ast.FuncDecl:
		obj, ok := u.pass.TypesInfo.Defs[f.Name].(*types.Func)
		if !ok {
			return nil
		}
		sites := x.sites[obj]
		if recv := obj.Type().(*types.Signature).Recv(); recv != nil {
			for _, is := range x.ifaceSites[f.Name.Name] {
				if types.Implements(recv.Type(), is.iface) || types.Implements(types.NewPointer(recv.Type()), is.iface) {
					sites = append(sites, is.callSite)
				}
			}
		}
		return sites
	case *ast.FuncLit:
		if v := x.litVar[f]; v != nil {
			return x.sites[v]
		}
	}
	return nil
}

// counts reports whether fn, in its own statements, increments a field the
// package keeps as a bounded count of a queue whose takes are in takers.
func (u *checker) counts(fn ast.Node, takers map[ast.Node]bool) bool {
	var body *ast.BlockStmt
	switch f := fn.(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	if body == nil {
		return false
	}
	idx := u.countIndex()
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		var x ast.Expr
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if n.Tok == token.INC {
				x = n.X
			}
		case *ast.AssignStmt:
			if n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1 {
				x = n.Lhs[0]
			}
		}
		if x == nil {
			return true
		}
		if f, ok := u.objectOf(x).(*types.Var); ok && f.IsField() && idx.capped[f.Origin()] {
			for _, d := range idx.decremented[f.Origin()] {
				if takers[d] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

type countIdx struct {
	capped      map[types.Object]bool       // integer fields compared with a maximum in an if that leaves, waits or makes a gate
	decremented map[types.Object][]ast.Node // the functions that decrement each integer field
}

func (u *checker) countIndex() *countIdx {
	if u.qc.countIdx != nil {
		return u.qc.countIdx
	}
	x := &countIdx{capped: make(map[types.Object]bool), decremented: make(map[types.Object][]ast.Node)}
	u.qc.countIdx = x
	info := u.pass.TypesInfo
	field := func(e ast.Expr) *types.Var {
		if f, ok := u.objectOf(e).(*types.Var); ok && f.IsField() && isInteger(f.Type()) {
			return f.Origin()
		}
		return nil
	}
	u.ins.WithStack([]ast.Node{(*ast.IncDecStmt)(nil), (*ast.AssignStmt)(nil), (*ast.IfStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if f := field(n.X); f != nil && n.Tok == token.DEC {
				x.decremented[f] = append(x.decremented[f], enclosingFunc(stack))
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && n.Tok == token.SUB_ASSIGN {
				if f := field(n.Lhs[0]); f != nil {
					x.decremented[f] = append(x.decremented[f], enclosingFunc(stack))
				}
			}
		case *ast.IfStmt:
			b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
			if !ok || !(terminates(n.Body) || waits(n.Body) || makesChan(info, n.Body)) {
				return true
			}
			var f *types.Var
			var max ast.Expr
			switch b.Op {
			case token.GTR, token.GEQ, token.EQL:
				f, max = field(b.X), b.Y
			case token.LSS, token.LEQ:
				f, max = field(b.Y), b.X
			}
			if f != nil && !isSmallConst(info, max) {
				x.capped[f] = true
			}
		}
		return true
	})
	return x
}

// makesChan reports whether a block makes a channel: a gate that the
// producer waits on until the count falls (a throttle).
func makesChan(info *types.Info, b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "make" && len(call.Args) > 0 {
				if t := info.TypeOf(call.Args[0]); t != nil {
					if _, ok := t.Underlying().(*types.Chan); ok {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}
