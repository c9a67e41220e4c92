package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/astutil"
)

// This file recognises the shapes that grow at the end and take from the
// front without being a queue between a producer and a consumer. Each is
// a property of the code, stated where it is applied and in the rule
// pages' "Not reported":
//
//   - a stack: a slice taken from its end (q = q[:len(q)-1]) serves the
//     newest first (a pool of idle resources given back and taken again);
//     taking it whole elsewhere is a reset (closing the pool), not a
//     consumer;
//   - an ordered or de-duplicated set: a slice the package sorts (or
//     inserts into at a position: slices.Insert, or its hand-written form
//     copy(q[i+1:], q[i:])), or whose elements are replaced by key, or that
//     is searched before every add: its front is the least key, not the
//     oldest arrival, and its length is bounded by the distinct keys;
//   - a transfer between stages: next = append(next, prev...); prev = nil
//     moves what prev admitted (prev is judged, next adds nothing new);
//   - a rotation between two lists of a fixed set;
//   - a round-robin cursor: a head index that wraps to 0 at the length
//     while the slice is kept consumes nothing;
//   - a list of failures: every element added is an error, or is built
//     around an error the adding function was given (a notice that a
//     partition failed); failures come once per failing thing and are
//     reported, not worked through (receiving an error is not an item of
//     work for the spawn rule either);
//   - a slice filled while its object is being built (a constructor), or
//     refilled right after the function emptied it (q = q[:0], then the
//     appends): a snapshot rebuilt from its source, as long as the source.

// notQueues removes the consumptions that do not take items from a queue:
// on a stack, a take of the whole slice is a reset, since its items are
// consumed from the end; and where the stack's pop takes the element it
// removes (c := q[n]; q = q[:n], not an undo of the last append), a
// removal from the front takes the entries that have waited longest, which
// the consumer would reach last: an eviction (idle workers or connections
// expiring), not the consumer's turn.
func (u *checker) notQueues(q *queue) {
	q.consumes = slices.DeleteFunc(q.consumes, func(c site) bool { return c.kind == takeWhole && u.closedAtTeardown(c.fn, q.obj) })
	if len(q.pops) == 0 {
		return
	}
	q.consumes = slices.DeleteFunc(q.consumes, func(c site) bool { return c.kind == takeWhole })
	if slices.ContainsFunc(q.pops, func(p site) bool { return u.popsElement(p.fn, q.obj) }) {
		q.consumes = slices.DeleteFunc(q.consumes, func(c site) bool { return c.kind == takeFront })
	}
}

// popsElement reports whether fn reads the last element of the slice obj
// (c := q[len(q)-1], return q[n] with n := len(q)-1, w := q[l-1] with l :=
// q.len()): a pop that hands the element on.
func (u *checker) popsElement(fn ast.Node, obj types.Object) bool {
	isLastElem := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && u.sliceKey(ix.X) == obj && u.lastIndex(fn, ix.Index, obj)
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || slices.ContainsFunc(n.Rhs, isLastElem)
		case *ast.ReturnStmt:
			found = found || slices.ContainsFunc(n.Results, isLastElem)
		}
		return !found
	})
	return found
}

// failures reports whether every add of q is a failure notice: the value
// added has type error, or is a composite literal holding a parameter of
// type error of the adding function.
func (u *checker) failures(q *queue) bool {
	errType := types.Universe.Lookup("error").Type()
	n := 0
	for _, g := range q.grows {
		if g.from != nil {
			continue
		}
		n++
		if len(g.elems) != 1 {
			return false
		}
		e := g.elems[0]
		if t := u.pass.TypesInfo.TypeOf(e); t != nil && types.Identical(t, errType) {
			continue
		}
		found := false
		ast.Inspect(e, func(m ast.Node) bool {
			if _, ok := m.(*ast.FuncLit); ok || found {
				return false
			}
			if id, ok := m.(*ast.Ident); ok && u.paramIndex(g.fn, id) >= 0 {
				if t := u.pass.TypesInfo.TypeOf(id); t != nil && types.Implements(t, errType.Underlying().(*types.Interface)) {
					found = true
				}
			}
			return !found
		})
		if _, lit := ast.Unparen(e).(*ast.CompositeLit); !found || !lit {
			return false
		}
	}
	return n > 0
}

// orderedSet reports whether q is an ordered or de-duplicated set: the
// package sorts it, replaces its elements by key (q[i] = v in a range over
// q), or searches it before every add (a range over q, comparing for
// equality, in the statements leading to the add).
func (u *checker) orderedSet(q *queue) bool {
	switch {
	case q.rule == ruleSlice:
		idx := u.setIndex()
		if idx.sorted[q.obj] || idx.keyed[q.obj] {
			return true
		}
	case q.rule == ruleList && q.head != nil:
		return false // a hand-written list: its walks are not recognised here
	}
	n := 0
	for _, g := range q.grows {
		if g.from != nil {
			continue // a transfer, judged at its source
		}
		if !u.searchedBefore(q, g) {
			return false
		}
		n++
	}
	return n > 0
}

type setIndex struct {
	sorted map[types.Object]bool // slices passed to a sort function
	keyed  map[types.Object]bool // slices whose element at a range index is replaced
}

// sortFuncs sort their first argument in place, or keep it in order.
var sortFuncs = map[string]bool{
	"sort.Slice": true, "sort.SliceStable": true, "sort.Sort": true, "sort.Stable": true,
	"sort.Ints": true, "sort.Strings": true, "sort.Float64s": true,
	"slices.Sort": true, "slices.SortFunc": true, "slices.SortStableFunc": true,
	"slices.Insert": true, // inserted at a searched position: kept in order
}

func (u *checker) setIndex() *setIndex {
	if u.qc.sets != nil {
		return u.qc.sets
	}
	x := &setIndex{sorted: make(map[types.Object]bool), keyed: make(map[types.Object]bool)}
	u.qc.sets = x
	info := u.pass.TypesInfo
	u.ins.WithStack([]ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if obj := u.shiftsRight(n); obj != nil {
				x.sorted[obj] = true // copy(q[i+1:], q[i:]): inserted at position i
				return true
			}
			f, ok := typeutil.Callee(info, n).(*types.Func)
			if !ok || !sortFuncs[f.Origin().FullName()] || len(n.Args) == 0 {
				return true
			}
			arg := ast.Unparen(n.Args[0])
			if conv, ok := arg.(*ast.CallExpr); ok && len(conv.Args) == 1 && info.Types[conv.Fun].IsType() {
				arg = conv.Args[0] // sort.Sort(byKey(q))
			}
			if obj := u.sliceKey(arg); obj != nil {
				x.sorted[obj] = true
			}
		case *ast.AssignStmt:
			// for i := range q { if q[i].key == k { q[i] = v } }
			for i, lhs := range n.Lhs {
				ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
				if !ok || i >= len(n.Rhs) || zeroValue(info, n.Rhs[i]) {
					continue
				}
				obj := u.sliceKey(ix.X)
				if obj == nil {
					continue
				}
				key := u.objectOf(ix.Index)
				for j := len(stack) - 1; j >= 0 && key != nil; j-- {
					if rs, ok := stack[j].(*ast.RangeStmt); ok && rs.Key != nil && u.objectOf(rs.Key) == key && u.sliceKey(rs.X) == obj {
						x.keyed[obj] = true
					}
				}
			}
		}
		return true
	})
	return x
}

// shiftsRight returns the slice that call moves one place towards its end
// from a position, copy(q[i+1:], q[i:]): the hand-written form of
// slices.Insert, which makes room at i for an element placed there, or
// nil. (copy(q, q[1:]) moves towards the front: a take, not an insert.)
func (u *checker) shiftsRight(call *ast.CallExpr) types.Object {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 2 {
		return nil
	}
	if b, ok := u.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "copy" {
		return nil
	}
	dst, ok1 := ast.Unparen(call.Args[0]).(*ast.SliceExpr)
	src, ok2 := ast.Unparen(call.Args[1]).(*ast.SliceExpr)
	if !ok1 || !ok2 || dst.Low == nil || src.Low == nil {
		return nil
	}
	obj := u.sliceKey(dst.X)
	if obj == nil || u.sliceKey(src.X) != obj {
		return nil
	}
	sum, ok := ast.Unparen(dst.Low).(*ast.BinaryExpr)
	if !ok || sum.Op != token.ADD {
		return nil
	}
	for _, pair := range [2][2]ast.Expr{{sum.X, sum.Y}, {sum.Y, sum.X}} {
		if isOne(u.pass.TypesInfo, pair[1]) && sameOperand(u, pair[0], src.Low) {
			return obj
		}
	}
	return nil
}

// isOne reports whether e is the constant 1.
func isOne(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "1"
}

// sameOperand reports whether a and b denote the same variable.
func sameOperand(u *checker, a, b ast.Expr) bool {
	oa := u.objectOf(a)
	return oa != nil && oa == u.objectOf(b)
}

// zeroValue reports whether e is nil or an empty composite literal (a
// cleared slot, not a replaced element).
func zeroValue(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name == "nil" || e.Name == "false"
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	}
	return isZero(info, e)
}

// searchedBefore reports whether a range over q (or, for a container/list,
// a walk from q.Front()) that compares for equality comes before growth g
// in the statement lists leading to it: the add happens only for what was
// not found (a subscription table keyed by topic).
func (u *checker) searchedBefore(q *queue, g site) bool {
	return listsUp(g.stack, g.node, nil, func(list []ast.Stmt, idx int) bool {
		return slices.ContainsFunc(list[:idx], func(s ast.Stmt) bool {
			switch s := s.(type) {
			case *ast.RangeStmt:
				return u.sliceKey(s.X) == q.obj && comparesEqual(s.Body)
			case *ast.ForStmt:
				return u.walksFromFront(s, q.obj) && comparesEqual(s.Body)
			}
			return false
		})
	})
}

// walksFromFront reports whether a for statement walks the list obj from
// its front: for e := l.Front(); e != nil; e = e.Next().
func (u *checker) walksFromFront(fs *ast.ForStmt, obj types.Object) bool {
	as, ok := fs.Init.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Front" && len(call.Args) == 0 && u.objectOf(sel.X) == obj
}

func comparesEqual(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if ifs, ok := n.(*ast.IfStmt); ok {
			ast.Inspect(ifs.Cond, func(m ast.Node) bool {
				if be, ok := m.(*ast.BinaryExpr); ok && (be.Op == token.EQL || be.Op == token.NEQ) {
					found = true
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// cursor reports whether the head index h of slice obj wraps: it is set
// back to 0 (or reduced modulo a length) in a statement list that leaves
// the slice as it is. A round-robin cursor over a member list consumes
// nothing; a queue's head goes back to 0 only when the slice is emptied
// or compacted with it.
func (u *checker) cursor(h, obj types.Object) bool {
	if u.qc.resets == nil {
		u.qc.resets = make(map[types.Object][][]ast.Stmt)
		info := u.pass.TypesInfo
		u.ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			as := n.(*ast.AssignStmt)
			if !push {
				return true
			}
			for i, lhs := range as.Lhs {
				v := u.objectOf(lhs)
				if v == nil {
					continue
				}
				wrap := as.Tok == token.REM_ASSIGN
				if i < len(as.Rhs) && as.Tok == token.ASSIGN {
					r := ast.Unparen(as.Rhs[i])
					if b, ok := r.(*ast.BinaryExpr); ok && b.Op == token.REM {
						wrap = true
					}
					wrap = wrap || isZero(info, r) && len(as.Lhs) == 1
				}
				if wrap {
					u.qc.resets[v] = append(u.qc.resets[v], enclosingList(stack))
				}
			}
			return true
		})
	}
	for _, list := range u.qc.resets[h] {
		keeps := true
		for _, s := range list {
			ast.Inspect(s, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if u.sliceKey(l) == obj {
							keeps = false
						}
					}
				}
				return keeps
			})
		}
		if keeps {
			return true
		}
	}
	return false
}

// rotates reports whether q's elements circulate between two lists of a
// fixed set, so that nothing is produced: what q's consumption removes is
// moved to another slice that q later takes back (c.dead = append(c.dead,
// a); c.seeds = c.seeds[1:] ... c.seeds = append(c.seeds, c.dead...)), seen
// from either of the two slices.
func (u *checker) rotates(q *queue) bool {
	// The consumption moves the front to other, and q takes other back.
	for _, c := range q.consumes {
		for _, st := range enclosingList(c.stack) {
			other, ok := u.appendTo(st)
			if !ok || other == q.obj {
				continue
			}
			for _, g := range q.grows {
				if g.from == other || len(g.elems) == 1 && u.sliceKey(g.elems[0]) == other {
					return true
				}
			}
		}
	}
	// q is other's side: it is filled next to a front consumption of a
	// slice it is later moved back into whole.
	for _, c := range q.consumes {
		as, ok := c.node.(*ast.AssignStmt)
		if !ok || c.kind != takeWhole || len(as.Lhs) != 1 {
			continue
		}
		back := u.sliceKey(as.Lhs[0])
		if back == nil || back == q.obj {
			continue
		}
		for _, g := range q.grows {
			for _, st := range enclosingList(g.stack) {
				if s, ok := st.(*ast.AssignStmt); ok && len(s.Lhs) == 1 && len(s.Rhs) == 1 && u.sliceKey(s.Lhs[0]) == back {
					if r, ok := ast.Unparen(s.Rhs[0]).(*ast.SliceExpr); ok && u.sliceKey(r.X) == back && r.Low != nil && r.High == nil {
						return true
					}
				}
			}
		}
	}
	return false
}

// appendTo returns the slice that statement st appends to (other =
// append(other, ...)).
func (u *checker) appendTo(st ast.Stmt) (types.Object, bool) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, false
	}
	other := u.sliceKey(as.Lhs[0])
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if other == nil || !ok || !astutil.IsBuiltin(u.pass.TypesInfo, call.Fun, "append") || len(call.Args) == 0 || u.sliceKey(call.Args[0]) != other {
		return nil, false
	}
	return other, true
}

// rebuilt reports whether growth g is preceded, in the statement lists
// leading to it, by an assignment that empties q or gives it a fresh value
// (q = q[:0], q = nil, q = []T{a, b}, q = make([]T, 0, n)): the function
// rebuilds the slice (a snapshot of another collection, one request's
// argument vector), it does not add to a backlog.
func (u *checker) rebuilt(q *queue, g site) bool {
	if q.rule != ruleSlice {
		return false
	}
	return listsUp(g.stack, g.node, nil, func(list []ast.Stmt, idx int) bool {
		return slices.ContainsFunc(list[:idx], func(s ast.Stmt) bool {
			as, ok := s.(*ast.AssignStmt)
			return ok && (u.emptiesObj(as, q.obj) || u.freshValue(as, q.obj))
		})
	})
}

// freshValue reports whether as assigns s a value made there: a composite
// literal or a make.
func (u *checker) freshValue(as *ast.AssignStmt, s types.Object) bool {
	for i, l := range as.Lhs {
		if i >= len(as.Rhs) || len(as.Lhs) != len(as.Rhs) || u.sliceKey(l) != s {
			continue
		}
		switch r := ast.Unparen(as.Rhs[i]).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			return astutil.IsBuiltin(u.pass.TypesInfo, r.Fun, "make")
		}
	}
	return false
}

// constructing reports whether growth g appends to a field of an object
// that g's own function creates (w := &WAL{...}; w.locks = append(w.locks,
// f)), or that every caller of g's method creates just before calling it
// (db := &DB{...}; db.openMemTables(): filling at start-up, not producing).
func (u *checker) constructing(g site) bool {
	as, ok := g.node.(*ast.AssignStmt)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	base, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	obj := u.pass.TypesInfo.ObjectOf(base)
	// The object may be declared in an enclosing function (a closure
	// filling the value its function is building).
	declFn := g.fn
	for i := len(g.stack) - 1; obj != nil && i >= 0; i-- {
		switch f := g.stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if contains(f, &ast.Ident{NamePos: obj.Pos()}) {
				declFn = f
				i = -1
			}
		}
	}
	if u.constructsDepth(declFn, obj, 0, true) {
		return true
	}
	// A method filling its receiver, called only by constructors.
	fd, ok := g.fn.(*ast.FuncDecl)
	if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || u.pass.TypesInfo.Defs[fd.Recv.List[0].Names[0]] != obj {
		return false
	}
	return u.calledByConstructors(u.pass.TypesInfo.Defs[fd.Name])
}

// calledByConstructors reports whether method is called, and only on
// variables that the calling function creates. It is computed once per
// method, from the package's call index.
func (u *checker) calledByConstructors(method types.Object) bool {
	if done, ok := u.ctorOnly[method]; ok {
		return done
	}
	sites := u.calls().sites[method]
	fromConstructors := 0
	for _, s := range sites {
		if cs, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(cs.X).(*ast.Ident); ok && u.constructs(s.fn, u.pass.TypesInfo.ObjectOf(id)) {
				fromConstructors++
			}
		}
	}
	if u.ctorOnly == nil {
		u.ctorOnly = make(map[types.Object]bool)
	}
	u.ctorOnly[method] = len(sites) > 0 && len(sites) == fromConstructors
	return u.ctorOnly[method]
}

// constructs reports whether fn creates the object its variable obj holds:
// obj := &T{...}, obj := T{...} or obj := new(T).
func (u *checker) constructs(fn ast.Node, obj types.Object) bool {
	return u.constructsDepth(fn, obj, 0, false)
}

// constructsDepth is constructs, and with local also var obj T of a struct
// type (a value of the function's own) and obj = &x.f[i] into an object the
// function constructs: the function fills a value it holds, whoever calls it.
func (u *checker) constructsDepth(fn ast.Node, obj types.Object, depth int, local bool) bool {
	if obj == nil || depth > 1 {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Values) == 0 && local {
			for _, name := range vs.Names {
				if v := u.pass.TypesInfo.Defs[name]; v == obj {
					_, isStruct := v.Type().Underlying().(*types.Struct)
					found = isStruct
				}
			}
			return !found
		}
		a, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		// rt = &r.Topics[len(r.Topics)-1]: a part of an object being built.
		for i, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok && u.pass.TypesInfo.ObjectOf(id) == obj && i < len(a.Rhs) {
				if r, ok := ast.Unparen(a.Rhs[i]).(*ast.UnaryExpr); ok && r.Op == token.AND {
					if base := rootIdent(r.X); local && base != nil && base != id && u.constructsDepth(fn, u.pass.TypesInfo.Uses[base], depth+1, local) {
						found = true
					}
				}
			}
		}
		for i, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok && u.pass.TypesInfo.Defs[id] == obj && i < len(a.Rhs) {
				switch r := ast.Unparen(a.Rhs[i]).(type) {
				case *ast.UnaryExpr:
					_, lit := r.X.(*ast.CompositeLit)
					found = found || r.Op == token.AND && lit
				case *ast.CompositeLit:
					found = true
				case *ast.CallExpr:
					found = found || astutil.IsBuiltin(u.pass.TypesInfo, r.Fun, "new")
				}
			}
		}
		return !found
	})
	return found
}

// closedAtTeardown reports whether fn takes the slice obj whole only to
// close each of its elements: every local that fn assigns the slice to
// (conns := s.conns, before s.conns = nil) is used only as the operand of
// a range whose element is used only as the receiver of its Close method
// (io.Closer's Close() error).
//
// Property: a slice taken whole only to close what it holds is the set of
// resources its owner keeps until it shuts down (accepted connections, the
// dialers and listeners of a socket), not a queue between a producer and a
// consumer: the one function that takes it ends the elements instead of
// working through them (test package queue_closed_at_teardown; seen as a
// test server's accepted connections and a messaging socket's dialers and
// listeners). A batch whose elements are also handled or handed on is
// taken by a consumer and stays reported.
func (u *checker) closedAtTeardown(fn ast.Node, obj types.Object) bool {
	info := u.pass.TypesInfo
	taken := make(map[types.Object]bool)
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, rhs := range n.Rhs {
					if u.sliceKey(rhs) == obj {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							if v := info.ObjectOf(id); v != nil && v != obj {
								taken[v] = true
							}
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, rhs := range n.Values {
					if u.sliceKey(rhs) == obj {
						if v := info.Defs[n.Names[i]]; v != nil {
							taken[v] = true
						}
					}
				}
			}
		}
		return true
	})
	if len(taken) == 0 {
		return false
	}
	// Every use of a taken local is a range that closes each element.
	closing := make(map[*ast.Ident]bool) // range operands that close each element
	ast.Inspect(fn, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok {
			return true
		}
		x, ok := ast.Unparen(r.X).(*ast.Ident)
		if !ok || !taken[info.Uses[x]] {
			return true
		}
		if elem, ok := r.Value.(*ast.Ident); ok && u.onlyClosed(r.Body, info.ObjectOf(elem)) {
			closing[x] = true
		}
		return true
	})
	ok := true
	ast.Inspect(fn, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && taken[info.Uses[id]] && !closing[id] {
			ok = false
		}
		return ok
	})
	return ok && len(closing) > 0
}

// onlyClosed reports whether body uses elem, and uses it only as the
// receiver of a call of its Close method in io.Closer's form.
func (u *checker) onlyClosed(body *ast.BlockStmt, elem types.Object) bool {
	if elem == nil {
		return false
	}
	info := u.pass.TypesInfo
	closes := make(map[*ast.Ident]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Close" {
			return true
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || info.Uses[x] != elem {
			return true
		}
		if m, ok := info.Uses[sel.Sel].(*types.Func); ok && closerSig(m) {
			closes[x] = true
		}
		return true
	})
	used := false
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && info.Uses[id] == elem {
			used = true
			ok = ok && closes[id]
		}
		return ok
	})
	return used && ok
}

// closerSig reports whether m has io.Closer's signature: Close() error.
func closerSig(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}
