package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/astutil"
	"github.com/bplint/bplint/internal/sink"
)

// This file answers "does a bound govern this growth?" for the queue rules.
// A bound is, in the growth's function or at every call that leads to it:
//
//   - a count check against a maximum that leaves, waits or drops before
//     the growth, or around it, or a trim or flush right after it. A count
//     is a length of the queue or of another field of the struct that holds
//     it, a local computed from one, or an integer field of that struct; a
//     comparison with the constant 0 or 1 is an emptiness test, not a bound
//     (len(q) > 0, len(q) == 1, q.n != 0);
//   - the queue emptied before the function goes on (q = q[:0], or a call
//     of a function that takes it whole): filled and drained within one call;
//   - a closed loop: the element added is a channel its producer receives
//     from right after (a pending reply): each producer has at most one
//     element in the queue.

// bounded reports whether a bound governs growth g in its own function.
func (u *checker) bounded(q *queue, g site) bool {
	if u.guardedAt(q, g.node, g.stack) || u.drainedAfter(q, g.stack) {
		return true
	}
	return len(g.elems) == 1 && (u.awaitedAfter(g.stack, g.elems[0]) || u.writtenAfter(g.stack, g.elems[0]) || u.claimedBefore(g.stack, g.elems[0]))
}

// guardedAt reports whether a count check governs the statement at the top
// of stack: in the statement lists leading to it (its structured
// dominators, in goto-free code), an if on a count that leaves, waits or
// drops, or a for loop waiting while it is full; an if around it on a
// count; or, right after it, an if or for on a count that trims the queue
// (drop-oldest) or flushes it (a batcher).
func (u *checker) guardedAt(q *queue, node ast.Node, stack []ast.Node) bool {
	return u.guarded(q, node, stack, true)
}

// countGuarded is guardedAt without the send case: a count check only.
func (u *checker) countGuarded(q *queue, node ast.Node, stack []ast.Node) bool {
	return u.guarded(q, node, stack, false)
}

func (u *checker) guarded(q *queue, node ast.Node, stack []ast.Node, sendCase bool) bool {
	stmt := node
	for i := len(stack) - 2; i >= 0; i-- {
		var list []ast.Stmt
		switch p := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if u.countCheck(p.Cond, q) || u.initCounts(p.Init, q) {
				return true
			}
		case *ast.ForStmt:
			if p.Cond != nil && u.countCheck(p.Cond, q) {
				return true
			}
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			if _, ok := p.Comm.(*ast.SendStmt); ok && sendCase {
				// case ch <- v: q = append(q, v): the queue grows only when
				// a channel accepts, and mirrors that channel's bound.
				return true
			}
			list = p.Body
		}
		if list != nil {
			idx := slices.IndexFunc(list, func(s ast.Stmt) bool { return ast.Node(s) == stmt })
			for j, s := range list {
				switch s := s.(type) {
				case *ast.IfStmt:
					// The count may be computed in the if's init:
					// if d := len(q) + n - max; d > 0 { q = q[d:] }.
					cond := u.countCheck(s.Cond, q) || u.initCounts(s.Init, q)
					if cond && (j < idx && (terminates(s.Body) || waits(s.Body) || u.evicts(s.Body, q)) || j > idx) {
						return true
					}
					if !cond && j < idx && u.nestedGuard(q, s) {
						return true
					}
				case *ast.ForStmt:
					if s.Cond != nil && u.countCheck(s.Cond, q) {
						return true
					}
				case *ast.ExprStmt:
					if j > idx && u.trimHelper(s.X, q) {
						return true
					}
				}
			}
		}
		stmt = stack[i]
	}
	return false
}

// trimHelper reports whether e calls a function of the package whose body
// trims q to a maximum: a statement of its own body that is a for on a
// count of q against a maximum (for len(c.byID) > c.maxEntries { evict
// the front }), the trim right after the growth, written once for every
// add (c.enforceGlobalLimitsLocked() after the pushes; test package
// queue_lru_evicts, trim_helper.go).
func (u *checker) trimHelper(e ast.Expr, q *queue) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fd := u.pkgDecl(call)
	if fd == nil || fd.Body == nil {
		return false
	}
	for _, st := range fd.Body.List {
		if fs, ok := st.(*ast.ForStmt); ok && fs.Cond != nil && u.countCheck(fs.Cond, q) {
			return true
		}
	}
	return false
}

// nestedGuard reports whether a statement that comes before the growth
// holds, under a condition of its own, a count check that leaves or waits
// (if sub.typ != chanSub { if sub.pending > sub.limit { goto drop } }):
// the growth is bounded on the paths where that check runs. bplint cannot
// relate the two conditions; with a bound in sight it stays silent.
func (u *checker) nestedGuard(q *queue, s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		if ifs, ok := n.(*ast.IfStmt); ok && ifs != s && (u.countCheck(ifs.Cond, q) || u.initCounts(ifs.Init, q)) && (terminates(ifs.Body) || waits(ifs.Body)) {
			found = true
		}
		return !found
	})
	return found
}

// initCounts reports whether an if's init computes the excess of a count
// over a maximum, which its condition then tests: if d := len(q) + n - max;
// d > 0.
func (u *checker) initCounts(init ast.Stmt, q *queue) bool {
	as, ok := init.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, r := range as.Rhs {
		if u.countCheck(r, q) {
			return true
		}
		if b, ok := ast.Unparen(r).(*ast.BinaryExpr); ok && b.Op == token.SUB && u.reads(b.X, q) && !isSmallConst(u.pass.TypesInfo, b.Y) {
			return true
		}
	}
	return false
}

// countCheck reports whether e holds a comparison of a count with a
// maximum (see the file comment). Emptiness tests are not bounds.
func (u *checker) countCheck(e ast.Expr, q *queue) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found && u.predicate(call, q) {
			found = true
		}
		// over := p.n >= p.max; if over || ... {: a bool computed before.
		if id, ok := n.(*ast.Ident); ok && !found {
			if v, ok := u.pass.TypesInfo.Uses[id].(*types.Var); ok && types.Identical(v.Type().Underlying(), types.Typ[types.Bool]) {
				if def := u.defOf(v); def != nil {
					if b, ok := ast.Unparen(def).(*ast.BinaryExpr); ok {
						found = u.countVsMax(b.X, b.Y, b.Op, q) || u.countVsMax(b.Y, b.X, b.Op, q)
					}
				}
			}
		}
		b, ok := n.(*ast.BinaryExpr)
		if !ok || found {
			return !found
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL:
		default:
			return true
		}
		found = u.countVsMax(b.X, b.Y, b.Op, q) || u.countVsMax(b.Y, b.X, b.Op, q)
		return !found
	})
	return found
}

// countVsMax reports whether count reads a count of q and max is a
// maximum: not the constant 0 or 1 (an emptiness test: len(q) > 0,
// len(q) == 1), and, for an integer field, not a constant it is tested to
// equal (a state, not a count). At a call that leads to the add (wide), a
// count kept in any struct counts when it is compared with a maximum that
// is not a constant (a configured limit: p.buffered >= cfg.maxBuffered).
func (u *checker) countVsMax(count, max ast.Expr, op token.Token, q *queue) bool {
	kind, own := u.countKind(count, q)
	if kind == notCount || isSmallConst(u.pass.TypesInfo, max) {
		return false
	}
	constant := u.pass.TypesInfo.Types[max].Value != nil
	if constant && kind == fieldCount && op == token.EQL {
		return false
	}
	if !own && constant {
		return false
	}
	return true
}

// predicate reports whether call calls a function of the package that
// returns a count check of q (if wq.isFull() { return errFull }, with
// func (wq *waitQueue) isFull() bool { return wq.n == wq.max }).
func (u *checker) predicate(call *ast.CallExpr, q *queue) bool {
	fd := u.pkgDecl(call)
	if fd == nil || fd.Body == nil || fd.Type.Results == nil || len(fd.Type.Results.List) != 1 {
		return false
	}
	if t := u.pass.TypesInfo.TypeOf(fd.Type.Results.List[0].Type); t == nil || !types.Identical(t.Underlying(), types.Typ[types.Bool]) {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
			if b, ok := ast.Unparen(r.Results[0]).(*ast.BinaryExpr); ok {
				found = u.countVsMax(b.X, b.Y, b.Op, q) || u.countVsMax(b.Y, b.X, b.Op, q)
			}
		}
		return !found
	})
	return found
}

// defOf returns the expression a local variable is assigned, when it is
// assigned exactly once (x := e, var x = e), or nil. The index is built once
// per pass.
func (u *checker) defOf(v types.Object) ast.Expr {
	if u.qc.defs == nil {
		u.qc.defs = make(map[types.Object]ast.Expr)
		count := make(map[types.Object]int)
		note := func(id *ast.Ident, e ast.Expr) {
			obj := u.pass.TypesInfo.ObjectOf(id)
			if obj == nil {
				return
			}
			count[obj]++
			u.qc.defs[obj] = e
		}
		u.ins.Preorder([]ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.IncDecStmt)(nil)}, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok {
						continue
					}
					if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
						note(id, n.Rhs[i])
					} else {
						note(id, nil) // x += n, x, err := f()
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) {
						note(id, n.Values[i])
					} else {
						note(id, nil)
					}
				}
			case *ast.IncDecStmt:
				if id, ok := n.X.(*ast.Ident); ok {
					note(id, nil)
				}
			}
		})
		for obj, n := range count {
			if n != 1 {
				delete(u.qc.defs, obj)
			}
		}
	}
	return u.qc.defs[v]
}

// pkgDecl returns the declaration of the function of the package that call
// calls statically, or nil.
func (u *checker) pkgDecl(call *ast.CallExpr) *ast.FuncDecl {
	f, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
	if !ok || f.Pkg() != u.pass.Pkg {
		return nil
	}
	return u.declOf(f)
}

// declOf returns the declaration of a function of the package.
func (u *checker) declOf(f *types.Func) *ast.FuncDecl {
	if u.qc.decls == nil {
		u.qc.decls = make(map[types.Object]*ast.FuncDecl)
		u.ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil)}, func(n ast.Node) {
			fd := n.(*ast.FuncDecl)
			if obj := u.pass.TypesInfo.Defs[fd.Name]; obj != nil {
				u.qc.decls[obj] = fd
			}
		})
	}
	return u.qc.decls[f.Origin()]
}

func isSmallConst(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	if tv.Value == nil {
		return false
	}
	s := tv.Value.ExactString()
	return s == "0" || s == "1"
}

type countSort int

const (
	notCount    countSort = iota
	lengthCount           // len, cap, Len() or a local computed from one
	fieldCount            // an integer field of the struct that holds the queue
)

// countKind says whether e is a count of q: its length (len, cap, Len()),
// the length of another field of the struct that holds it, a local
// computed from such a length or from a count method of that struct (l :=
// len(q.elts) - q.pos, n := b.wireLength() + size), or an integer field of
// that struct (q.size, c.pout), possibly converted. own is false for a
// count of another struct, which only the wide mode of the checks at the
// calls leading to an add accepts.
func (u *checker) countKind(e ast.Expr, q *queue) (kind countSort, own bool) {
	e = ast.Unparen(e)
	info := u.pass.TypesInfo
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv := info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			return u.countKind(x.Args[0], q) // uint64(len(c.cache))
		}
		if (astutil.IsBuiltin(info, x.Fun, "len") || astutil.IsBuiltin(info, x.Fun, "cap")) && len(x.Args) == 1 && u.sibling(x.Args[0], q) {
			return lengthCount, true
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Len" && len(x.Args) == 0 {
			// q.items.Len(), or the Len method of the struct that holds
			// the queue (w.inner.Len() counting w.inner.normal).
			if u.sibling(sel.X, q) {
				return lengthCount, true
			}
			if f, ok := typeutil.Callee(info, x).(*types.Func); ok && u.methodOfHolder(f, q) {
				return lengthCount, true
			}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD || x.Op == token.SUB {
			if k, own := u.countKind(x.X, q); k != notCount {
				return k, own // len(q.items) + n
			}
			if k, own := u.countKind(x.Y, q); k == lengthCount {
				return k, own
			}
		}
	case *ast.Ident:
		if qs := u.lengthVars()[info.Uses[x]]; qs != nil {
			wide := false
			for o := range qs {
				switch o := o.(type) {
				case *types.Func:
					if u.methodOfHolder(o, q) {
						return lengthCount, true
					}
				default:
					v, field := o.(*types.Var)
					field = field && v.IsField() && isInteger(v.Type())
					if field && !u.counter(v) {
						continue // a number kept in a field, not a count
					}
					if o == q.obj || u.sameHolder(o, q) {
						return lengthCount, true
					}
					wide = wide || field
				}
			}
			if wide && u.qc.wide {
				return fieldCount, false
			}
		}
	case *ast.SelectorExpr:
		if v, ok := u.objectOf(x).(*types.Var); ok && v.IsField() && isInteger(v.Type()) && u.counter(v) {
			if u.sameHolder(v, q) {
				return fieldCount, true
			}
			if u.qc.wide {
				return fieldCount, false
			}
		}
	}
	return notCount, false
}

// counter reports whether an integer field is a count: the package
// increments it somewhere (x.n++, x.n += k). A term, an index or a version
// is assigned, not counted, and comparing it with another says nothing of
// a queue's length. The index is built once per pass.
func (u *checker) counter(v *types.Var) bool {
	if u.qc.counters == nil {
		u.qc.counters = make(map[types.Object]bool)
		u.ins.Preorder([]ast.Node{(*ast.IncDecStmt)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.IncDecStmt:
				if n.Tok == token.INC {
					if f, ok := u.objectOf(n.X).(*types.Var); ok && f.IsField() {
						u.qc.counters[f] = true
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1 {
					if f, ok := u.objectOf(n.Lhs[0]).(*types.Var); ok && f.IsField() {
						u.qc.counters[f] = true
					}
				}
			}
		})
	}
	return u.qc.counters[v.Origin()]
}

// methodOfHolder reports whether f is a method of the struct that holds q.
func (u *checker) methodOfHolder(f *types.Func, q *queue) bool {
	h := u.holderOf(q)
	recv := f.Signature().Recv()
	if h == nil || h.named == nil || recv == nil {
		return false
	}
	return namedOf(recv.Type()) == h.named.Origin()
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin()
	}
	return nil
}

// reads reports whether e reads a count of q.
func (u *checker) reads(e ast.Expr, q *queue) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			if k, _ := u.countKind(x, q); k != notCount {
				found = true
			}
		}
		if found {
			found = true
		}
		return !found
	})
	return found
}

// sibling reports whether e names q or another field of the struct that
// holds q (a map or list kept in step with it: len(c.cache) for an LRU).
func (u *checker) sibling(e ast.Expr, q *queue) bool {
	obj := u.objectOf(e)
	if obj == nil {
		return false
	}
	return obj == q.obj || u.sameHolder(obj, q)
}

// sameHolder reports whether obj is a field of the struct that holds q.
func (u *checker) sameHolder(obj types.Object, q *queue) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() {
		return false
	}
	h := u.holderOf(q)
	if h == nil {
		return false
	}
	own, ok := u.ownerOf(v)
	return ok && own.st == h.st
}

// holderOf returns the struct that declares q (for a hand-written list,
// the struct that declares its head), or nil.
func (u *checker) holderOf(q *queue) *owner {
	v := q.head
	if v == nil {
		v, _ = q.obj.(*types.Var)
	}
	if v == nil || !v.IsField() {
		return nil
	}
	own, ok := u.ownerOf(v)
	if !ok {
		return nil
	}
	return &own
}

// lengthVars maps each local variable assigned from an expression that
// reads the length of slices (l := len(q.elts) - q.pos), integer fields
// (n := b.size + len(p)), integer results of methods (n := b.wireLength())
// or other such locals, to those slices, fields and methods. It is
// computed once per pass.
func (u *checker) lengthVars() map[types.Object]map[types.Object]bool {
	if u.lenVars != nil {
		return u.lenVars
	}
	u.lenVars = make(map[types.Object]map[types.Object]bool)
	u.ins.Preorder([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node) {
		as := n.(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			// n, _, _ := b.wireLength(): the first result.
			if len(as.Rhs) != 1 || len(as.Lhs) < 2 {
				return
			}
			as = &ast.AssignStmt{Lhs: as.Lhs[:1], Tok: as.Tok, Rhs: as.Rhs}
		}
		for i, l := range as.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := u.pass.TypesInfo.ObjectOf(id).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				continue
			}
			add := func(q types.Object) {
				if u.lenVars[v] == nil {
					u.lenVars[v] = make(map[types.Object]bool)
				}
				u.lenVars[v][q] = true
			}
			ast.Inspect(as.Rhs[i], func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.CallExpr:
					if (astutil.IsBuiltin(u.pass.TypesInfo, m.Fun, "len") || astutil.IsBuiltin(u.pass.TypesInfo, m.Fun, "cap")) && len(m.Args) == 1 {
						if q := u.objectOf(m.Args[0]); q != nil {
							add(q)
						}
					}
				case *ast.SelectorExpr:
					// n := b.wireLength + size: a count kept in a field.
					if f, ok := u.objectOf(m).(*types.Var); ok && f.IsField() && isInteger(f.Type()) {
						add(f)
					}
				case *ast.Ident:
					// m := n + 1 with n a count: a count too.
					for o := range u.lenVars[u.pass.TypesInfo.Uses[m]] {
						add(o)
					}
				}
				return true
			})
			// n, _ := b.wireLength(): an integer result of a method.
			if call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok {
				if f, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func); ok && f.Signature().Recv() != nil && f.Signature().Results().Len() > 0 && isInteger(f.Signature().Results().At(0).Type()) {
					add(f.Origin())
				}
			}
		}
	})
	return u.lenVars
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// terminates reports whether a block ends by leaving: return, a branch, or
// panic.
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// waits reports whether a block waits (cond.Wait()) or drops from the queue.
func waits(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
				found = true
			}
		}
		if s, ok := n.(*ast.SliceExpr); ok && s.Low != nil {
			found = true // drop-oldest before appending
		}
		return !found
	})
	return found
}

// evicts reports whether a block removes from the queue: a consumption
// site inside it, or a call of a function that has one (an LRU's
// removeOldest).
func (u *checker) evicts(b *ast.BlockStmt, q *queue) bool {
	consumers := make(map[types.Object]bool)
	for _, c := range q.consumes {
		if contains(b, c.node) {
			return true
		}
		if fd, ok := c.fn.(*ast.FuncDecl); ok {
			consumers[u.pass.TypesInfo.Defs[fd.Name]] = true
		}
	}
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func); ok && consumers[fn] {
				found = true
			}
		}
		return !found
	})
	return found
}

// emptiesObj reports whether as sets s to empty: s = nil or s = s[:0].
func (u *checker) emptiesObj(as *ast.AssignStmt, s types.Object) bool {
	for i, l := range as.Lhs {
		if i >= len(as.Rhs) || u.sliceKey(l) != s {
			continue
		}
		switch r := ast.Unparen(as.Rhs[i]).(type) {
		case *ast.Ident:
			if r.Name == "nil" {
				return true
			}
		case *ast.SliceExpr:
			if u.sliceKey(r.X) == s && r.Low == nil && r.High != nil && isZero(u.pass.TypesInfo, r.High) {
				return true
			}
		}
	}
	return false
}

// drainedAfter reports whether the statements that follow the one at the
// top of stack (in its list and the enclosing ones, up to the function)
// empty q: q = q[:0] or q = nil, a call of a function that takes q whole,
// or an if whose body does (if fns := q; len(fns) > 0 { q = nil; ... }).
// What the function added does not outlive the call.
func (u *checker) drainedAfter(q *queue, stack []ast.Node) bool {
	// After a loop, not after each iteration: the statements that follow
	// the loop are checked at the next level.
	return listsUp(stack, stack[len(stack)-1], nil, func(list []ast.Stmt, idx int) bool {
		return slices.ContainsFunc(list[idx+1:], func(s ast.Stmt) bool { return u.drains(q, s) })
	})
}

// drains reports whether statement s empties q on every path through it.
func (u *checker) drains(q *queue, s ast.Stmt) bool {
	calls := func(es ...ast.Expr) bool {
		found := false
		for _, e := range es {
			ast.Inspect(e, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok || found {
					return false
				}
				if call, ok := n.(*ast.CallExpr); ok && u.drainer(q, call) {
					found = true
				}
				return !found
			})
		}
		return found
	}
	switch s := s.(type) {
	case *ast.AssignStmt:
		return u.emptiesObj(s, q.obj) || calls(s.Rhs...)
	case *ast.ExprStmt:
		return calls(s.X)
	case *ast.SendStmt:
		return calls(s.Value)
	case *ast.ReturnStmt:
		return calls(s.Results...)
	case *ast.DeferStmt:
		return u.drainer(q, s.Call)
	case *ast.IfStmt:
		// if fns := q; len(fns) > 0 { q = nil; ... }: empty either way.
		if s.Else == nil && !u.countCheck(s.Cond, q) {
			for _, b := range s.Body.List {
				if u.drains(q, b) {
					return true
				}
			}
		}
	}
	return false
}

// drainer reports whether call calls a function of the package that takes
// q whole.
func (u *checker) drainer(q *queue, call *ast.CallExpr) bool {
	f, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
	if !ok || f.Pkg() != u.pass.Pkg {
		return false
	}
	for _, c := range q.consumes {
		if c.kind != takeWhole {
			continue
		}
		if fd, ok := c.fn.(*ast.FuncDecl); ok && u.pass.TypesInfo.Defs[fd.Name] == f.Origin() {
			return true
		}
	}
	return false
}

// awaitedAfter reports whether elem, the value added at the top of stack,
// is a channel made by the function that the function receives from in a
// statement that follows (a pending reply: its producer waits for it, so
// each producer has at most one element in the queue).
func (u *checker) awaitedAfter(stack []ast.Node, elem ast.Expr) bool {
	v := u.localVar(elem)
	if v == nil {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return false
	}
	return listsUp(stack, stack[len(stack)-1], nil, func(list []ast.Stmt, idx int) bool {
		return slices.ContainsFunc(list[idx+1:], func(s ast.Stmt) bool { return u.receivesIn(s, v) })
	})
}

// localVar returns the variable elem names when it is not a field, or nil.
func (u *checker) localVar(elem ast.Expr) *types.Var {
	id, ok := ast.Unparen(elem).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := u.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	return v
}

// writtenAfter reports whether elem, a local variable added at the top of
// stack, is then written to a stream by a statement that follows in the
// same list: a call that passes elem (or a field of it) together with a
// writer (types.WriteMessage(req.Request, w)), a method of a writer that
// takes it (conn.WriteCommand(t.cmd)), or a method of elem that takes a
// writer (req.Write(conn)). A writer is one whose writes
// can wait for a reader (sink.BlockingWriter).
//
// Property: a list of requests in flight: each element is written to the
// peer right after it is added, and the write waits while the peer does
// not read, so the list grows only as fast as the peer takes requests,
// and holds those it has taken and not yet answered (a closed loop through
// the peer, as a pending reply's producer waiting for its own element is a
// closed loop through the consumer).
func (u *checker) writtenAfter(stack []ast.Node, elem ast.Expr) bool {
	v := u.localVar(elem)
	if v == nil {
		return false
	}
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if x, ok := n.(*ast.Ident); ok && u.pass.TypesInfo.Uses[x] == v {
				found = true
			}
			return !found
		})
		return found
	}
	writes := func(s ast.Stmt) bool {
		found := false
		ast.Inspect(s, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && mentions(sel.X) && u.pass.TypesInfo.Selections[sel] != nil {
				for _, a := range call.Args {
					if sink.BlockingWriter(u.pass.TypesInfo.TypeOf(a)) {
						found = true // req.Write(conn): the element writes itself
					}
				}
				if found {
					return false
				}
			}
			if !slices.ContainsFunc(call.Args, mentions) {
				return true
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && u.pass.TypesInfo.Selections[sel] != nil && sink.BlockingWriter(u.pass.TypesInfo.TypeOf(sel.X)) {
				found = true // conn.WriteCommand(t.cmd)
			}
			for _, a := range call.Args {
				if !mentions(a) && sink.BlockingWriter(u.pass.TypesInfo.TypeOf(a)) {
					found = true // WriteMessage(req, w)
				}
			}
			return !found
		})
		return found
	}
	return listsUp(stack, stack[len(stack)-1], nil, func(list []ast.Stmt, idx int) bool {
		return slices.ContainsFunc(list[idx+1:], writes)
	})
}

// receivesIn reports whether statement s receives from v on every path:
// <-v as a statement or an assignment, a select with a case on v, a range
// over v.
func (u *checker) receivesIn(s ast.Stmt, v types.Object) bool {
	recv := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if r, ok := n.(*ast.UnaryExpr); ok && r.Op == token.ARROW && u.objectOf(r.X) == v {
				found = true
			}
			return !found
		})
		return found
	}
	switch s := s.(type) {
	case *ast.ExprStmt:
		return recv(s.X)
	case *ast.AssignStmt:
		return slices.ContainsFunc(s.Rhs, recv)
	case *ast.ReturnStmt:
		return slices.ContainsFunc(s.Results, recv)
	case *ast.RangeStmt:
		return u.objectOf(s.X) == v
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			switch comm := cc.Comm.(type) {
			case *ast.ExprStmt:
				if recv(comm.X) {
					return true
				}
			case *ast.AssignStmt:
				if slices.ContainsFunc(comm.Rhs, recv) {
					return true
				}
			}
		}
	}
	return false
}

// boundedAtCallers reports whether every call that leads to growth g is
// bounded where it is made: g's function has only calls the package can
// see (unexported, never used as a value), and each of them is governed by
// a count check of the struct that holds the queue, waits for the element
// it hands over (a pending reply), or is followed by a drain of the queue;
// or is made in a function bounded the same way (up to four calls up).
func (u *checker) boundedAtCallers(q *queue, g site) bool {
	return u.atCallers(q, g, false)
}

// limitedAtCallers is boundedAtCallers with limits only: every call that
// leads to g is governed by a count check or claims its element.
func (u *checker) limitedAtCallers(q *queue, g site) bool {
	return u.atCallers(q, g, true)
}

// limited reports whether growth g is governed by a limit on the queue's
// length (a count check, here or at every call leading to it) or adds only
// elements that claimed their place (claimedBefore).
func (u *checker) limited(q *queue, g site) bool {
	return u.countGuarded(q, g.node, g.stack) || len(g.elems) == 1 && u.claimedBefore(g.stack, g.elems[0]) || u.limitedAtCallers(q, g)
}

func (u *checker) atCallers(q *queue, g site, limitsOnly bool) bool {
	u.qc.limitsOnly = limitsOnly
	defer func() { u.qc.limitsOnly = false }()
	param := -1
	if len(g.elems) == 1 {
		param = u.paramIndex(g.fn, g.elems[0])
	}
	if param < 0 && len(g.elems) == 1 && u.isReceiver(g.fn, g.elems[0]) {
		param = recvParam
	}
	looped := innermostLoop(g.stack) != nil
	return u.callersBound(q, g.fn, param, looped, 0, make(map[callerKey]int))
}

// A callerKey is a function asked about, with the parameter that carries
// the element (or -1).
type callerKey struct {
	fn     ast.Node
	param  int
	looped bool
}

// callersBound answers boundedAtCallers for fn; memo holds 1 for bounded,
// 2 for not, 3 while fn is being judged (a cycle: not bounded).
func (u *checker) callersBound(q *queue, fn ast.Node, param int, looped bool, depth int, memo map[callerKey]int) bool {
	key := callerKey{fn, param, looped}
	switch memo[key] {
	case 1:
		return true
	case 2, 3:
		return false
	}
	if depth >= 4 {
		return false
	}
	memo[key] = 3
	ok := u.callersBoundOnce(q, fn, param, looped, depth, memo)
	memo[key] = 2
	if ok {
		memo[key] = 1
	}
	return ok
}

// looped is set once the chain from the add up to fn passes through a
// loop: a claim above it no longer admits one element per claim.
func (u *checker) callersBoundOnce(q *queue, fn ast.Node, param int, looped bool, depth int, memo map[callerKey]int) bool {
	sites, all := u.callersOf(fn)
	if !all || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if u.isTest(s.call.Pos()) && !u.isTest(q.obj.Pos()) {
			continue // a test calling the add sets up state; test code is not under load
		}
		stack := pathTo(s.fn, s.call)
		if stack == nil {
			return false
		}
		u.qc.wide = true
		guarded := u.guarded(q, s.call, stack, !u.qc.limitsOnly)
		u.qc.wide = false
		if guarded || !u.qc.limitsOnly && (u.drainedAfter(q, stack) || u.replays(s.call, stack)) {
			continue
		}
		next := -1
		var arg ast.Expr
		switch {
		case param >= 0 && param < len(s.call.Args):
			arg = s.call.Args[param]
		case param == recvParam:
			if sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok {
				arg = sel.X
			}
		}
		if arg != nil {
			if !u.qc.limitsOnly && (u.awaitedAfter(stack, arg) || u.awaitedInLoop(stack, arg) || u.writtenAfter(stack, arg)) || !looped && u.claimedBefore(stack, arg) {
				continue
			}
			next = u.paramIndex(s.fn, arg)
			if next < 0 && u.isReceiver(s.fn, arg) {
				next = recvParam
			}
		}
		if !u.callersBound(q, s.fn, next, looped || innermostLoop(stack) != nil, depth+1, memo) {
			return false
		}
	}
	return true
}

// replays reports whether call hands on an element of another list of the
// package, in a range over a slice field (for _, pr := range u.buffered {
// cl.partition(pr) }): the items move from one stage to the next, and were
// admitted when they entered the first, which is judged on its own.
func (u *checker) replays(call *ast.CallExpr, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			v, ok := u.objectOf(p.X).(*types.Var)
			if !ok || !v.IsField() || p.Value == nil {
				continue
			}
			if _, ok := v.Type().Underlying().(*types.Slice); !ok {
				continue
			}
			elem := u.objectOf(p.Value)
			for _, a := range call.Args {
				if elem != nil && u.objectOf(a) == elem {
					return true
				}
			}
		}
	}
	return false
}

// awaitedInLoop reports whether the call at the top of stack is in a loop
// whose iteration, before the statement that makes the call, receives from
// a channel that the element e carries (case <-s.sem: with s the element),
// in this loop or an enclosing one:
// the producer waits for its element to be taken before adding it again,
// so it has at most one in the queue (a closed loop).
func (u *checker) awaitedInLoop(stack []ast.Node, e ast.Expr) bool {
	root := rootIdent(e)
	if root == nil {
		return false
	}
	v := u.pass.TypesInfo.Uses[root]
	for i := len(stack) - 2; i >= 0; i-- {
		var body *ast.BlockStmt
		switch p := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.ForStmt:
			body = p.Body
		case *ast.RangeStmt:
			body = p.Body
		default:
			continue
		}
		if i+1 >= len(stack) {
			return false
		}
		idx := slices.IndexFunc(body.List, func(s ast.Stmt) bool { return contains(s, stack[len(stack)-1]) })
		for _, s := range body.List[:max(idx, 0)] {
			found := false
			ast.Inspect(s, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok || found {
					return false
				}
				if r, ok := n.(*ast.UnaryExpr); ok && r.Op == token.ARROW {
					if _, isSel := ast.Unparen(r.X).(*ast.SelectorExpr); isSel {
						if rid := rootIdent(r.X); rid != nil && u.pass.TypesInfo.Uses[rid] == v {
							found = true
						}
					}
				}
				return !found
			})
			if found {
				return true
			}
		}
		// Not in this loop's iteration: an enclosing loop may wait first.
	}
	return false
}

// recvParam stands for the receiver where a parameter index is expected.
const recvParam = -2

// isReceiver reports whether e names the receiver of the method fn.
func (u *checker) isReceiver(fn ast.Node, e ast.Expr) bool {
	fd, ok := fn.(*ast.FuncDecl)
	id, ok2 := ast.Unparen(e).(*ast.Ident)
	if !ok || !ok2 || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
		return false
	}
	return u.pass.TypesInfo.Defs[fd.Recv.List[0].Names[0]] == u.pass.TypesInfo.Uses[id]
}

// claimedBefore reports whether the element e is added only after it won a
// compare-and-swap on its own state, in the statements leading to the top
// of stack: if !e.state.CompareAndSwap(0, 1) { return }, or a method of e
// that does one (if !st.tryAck(s) { return }), or the add inside if
// e.claim() { ... }. Each element enters at most once per state it claims:
// the queue holds elements that exist, de-duplicated, not a stream.
func (u *checker) claimedBefore(stack []ast.Node, e ast.Expr) bool {
	root := rootIdent(e)
	if root == nil {
		return false
	}
	v := u.pass.TypesInfo.Uses[root]
	if v == nil {
		return false
	}
	at := func(p, child ast.Node) (bool, bool) {
		switch p := p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false, true // a claim outside a loop does not admit each iteration's add
		case *ast.IfStmt:
			if p.Body == child && u.claims(p.Cond, v, false) {
				return true, true
			}
		}
		return false, false
	}
	return listsUp(stack, stack[len(stack)-1], at, func(list []ast.Stmt, idx int) bool {
		return slices.ContainsFunc(list[:idx], func(s ast.Stmt) bool {
			ifs, ok := s.(*ast.IfStmt)
			return ok && terminates(ifs.Body) && u.claims(ifs.Cond, v, true)
		})
	})
}

// claims reports whether cond calls (negated, when negated is set) a
// compare-and-swap on state rooted at v, directly or through a method of
// v's type that does one on its receiver.
func (u *checker) claims(cond ast.Expr, v types.Object, negated bool) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if found {
			return false
		}
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if negated {
			un, ok := ast.Unparen(e).(*ast.UnaryExpr)
			if !ok || un.Op != token.NOT {
				return true
			}
			e = un.X
		}
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || rootIdent(sel.X) == nil || u.pass.TypesInfo.Uses[rootIdent(sel.X)] != v {
			return true
		}
		f, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
		if !ok {
			return true
		}
		if isCAS(f) {
			found = true
		} else if fd := u.declOf(f); fd != nil && fd.Body != nil {
			ast.Inspect(fd.Body, func(m ast.Node) bool {
				if c, ok := m.(*ast.CallExpr); ok {
					if g, ok := typeutil.Callee(u.pass.TypesInfo, c).(*types.Func); ok && isCAS(g) {
						found = true
					}
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// isCAS reports whether f is a compare-and-swap of sync/atomic.
func isCAS(f *types.Func) bool {
	return f.Pkg() != nil && f.Pkg().Path() == "sync/atomic" && strings.HasPrefix(f.Name(), "CompareAndSwap")
}

// paramIndex returns the index of the parameter of fn that e names, or -1.
func (u *checker) paramIndex(fn ast.Node, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	obj := u.pass.TypesInfo.Uses[id]
	var ft *ast.FuncType
	switch f := fn.(type) {
	case *ast.FuncDecl:
		ft = f.Type
	case *ast.FuncLit:
		ft = f.Type
	}
	if ft == nil || ft.Params == nil {
		return -1
	}
	i := 0
	for _, fl := range ft.Params.List {
		for _, name := range fl.Names {
			if u.pass.TypesInfo.Defs[name] == obj {
				return i
			}
			i++
		}
		if len(fl.Names) == 0 {
			i++
		}
	}
	return -1
}
