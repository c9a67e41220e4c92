package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/signal"
)

// syntaxIndex maps the positions SSA instructions carry back to the
// syntax they came from, for messages and report ranges. It is built in
// one pass over the package.
type syntaxIndex struct {
	goStmts map[token.Pos]*ast.GoStmt   // by the go keyword
	calls   map[token.Pos]*ast.CallExpr // by Lparen
	recvs   map[token.Pos]ast.Expr      // the channel of a receive: by its arrow, or a range's for keyword
	sends   map[token.Pos]*ast.SendStmt // by the arrow
	ranges  []*ast.RangeStmt            // in source order
}

// rangeAround returns the innermost range statement whose body holds pos.
func (x *syntaxIndex) rangeAround(pos token.Pos) *ast.RangeStmt {
	var best *ast.RangeStmt
	for _, rs := range x.ranges {
		if rs.Body.Pos() <= pos && pos < rs.Body.End() && (best == nil || rs.Pos() > best.Pos()) {
			best = rs
		}
	}
	return best
}

func (u *checker) index() {
	u.syn = &syntaxIndex{
		goStmts: make(map[token.Pos]*ast.GoStmt),
		calls:   make(map[token.Pos]*ast.CallExpr),
		recvs:   make(map[token.Pos]ast.Expr),
		sends:   make(map[token.Pos]*ast.SendStmt),
	}
	u.ins.Preorder([]ast.Node{(*ast.GoStmt)(nil), (*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.SendStmt)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.GoStmt:
			u.syn.goStmts[n.Go] = n
		case *ast.CallExpr:
			u.syn.calls[n.Lparen] = n
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				u.syn.recvs[n.OpPos] = n.X
			}
		case *ast.RangeStmt:
			u.syn.recvs[n.For] = n.X
			u.syn.ranges = append(u.syn.ranges, n)
		case *ast.SendStmt:
			u.syn.sends[n.Arrow] = n
		}
	})
}

// readNames are methods whose call in a loop makes the loop consume an
// unbounded stream (the syntax-level view used by the queue rules; the
// spawn rule uses summary.IsRead on SSA).
var readNames = map[string]bool{
	"Accept": true, "AcceptTCP": true, "AcceptUnix": true, "AcceptStream": true, "Scan": true, "Read": true,
	"ReadFrame": true, "ReadMessage": true, "ReadMsg": true, "ReadJSON": true, "ReadLine": true, "ReadString": true,
	"ReadBytes": true, "Recv": true, "RecvMsg": true, "Receive": true, "FetchMessage": true,
}

// itemLoop reports whether a loop takes items of an unbounded source in
// its own iteration: a range over a channel, a receive of a value (not of
// an error), or a read call.
func (u *checker) itemLoop(loop ast.Node) bool {
	info := u.pass.TypesInfo
	switch l := loop.(type) {
	case *ast.RangeStmt:
		_, ok := info.TypeOf(l.X).Underlying().(*types.Chan)
		return ok
	case *ast.ForStmt:
		if readCall(info, l.Cond) != nil {
			return true
		}
		if l.Init != nil || l.Post != nil {
			return false // counted
		}
		found := false
		inspectIteration(l.Body, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, r := range n.Rhs {
					if recv, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && recv.Op == token.ARROW && !errorChan(info, recv.X) {
						found = true
					}
				}
			case *ast.CallExpr:
				if readCall(info, n) != nil {
					found = true
				}
			}
		})
		return found
	}
	return false
}

// errorChan reports whether ch carries errors: what it delivers are
// failures to react to, not items of work.
func errorChan(info *types.Info, ch ast.Expr) bool {
	t, ok := info.TypeOf(ch).Underlying().(*types.Chan)
	return ok && signal.IsError(t.Elem())
}

// readCall returns e if it is a call of a method in readNames.
func readCall(info *types.Info, e ast.Expr) *ast.CallExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Signature().Recv() == nil || fn.Signature().Results().Len() == 0 {
		return nil
	}
	if !readNames[fn.Name()] {
		return nil
	}
	return call
}

// inspectIteration visits the statements of one loop iteration, not those
// of nested function literals (other goroutines or deferred code) nor of
// nested loops (which are judged on their own).
func inspectIteration(body *ast.BlockStmt, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}

// objectOf returns the variable or field an expression names, or nil.
//
// Fields and methods of generic types are returned as their origin: each
// method of Queue[T] sees its own instance of the field q.items, and the
// queue is the one declared field.
func (u *checker) objectOf(e ast.Expr) types.Object {
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = u.pass.TypesInfo.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel, ok := u.pass.TypesInfo.Selections[e]; ok {
			obj = sel.Obj()
		} else {
			obj = u.pass.TypesInfo.ObjectOf(e.Sel)
		}
	case *ast.StarExpr:
		return u.objectOf(e.X)
	}
	switch o := obj.(type) {
	case *types.Var:
		return o.Origin()
	case *types.Func:
		return o.Origin()
	}
	return obj
}
