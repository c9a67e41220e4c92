package unboundedqueue

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/astutil"
)

// This file finds the queues (slice-queue, list-queue): the places where a
// slice, a container/list or a hand-written linked list grows and where it
// is consumed, from syntax, in one walk of the package. Whether growth and
// consumption are on two sides of a producer/consumer boundary is decided
// in queue_evidence.go, whether a bound governs the growth in
// queue_bound.go, and the shapes that are not queues in queue_shape.go.

// How a site changes a queue.
type siteKind int

const (
	grows     siteKind = iota
	takeFront          // q = q[n:], copy+shrink, append(q[:0], q[n:]...), slices.Delete(q, 0, n), Remove(l.Front()), head = head.next
	takeHead           // v := q.buf[q.head]; q.head++
	takeWhole          // batch := q; q = nil
	popBack            // q = q[:len(q)-1] without a shift: taken from the end
)

// A site is a place where a queue grows or is consumed.
type site struct {
	node  ast.Node
	fn    ast.Node   // the enclosing FuncDecl or FuncLit
	stack []ast.Node // from the file down to node
	kind  siteKind
	expr  ast.Expr     // the queue (or for a hand-written list, its holder) as written there
	elems []ast.Expr   // for growth: the values added
	from  types.Object // for growth: append(q, s...) that empties s right after (a transfer)
	end   *types.Var   // for growth of a hand-written list: the field the node is linked at
}

// A queue is what is known of one slice, list or linked list (a variable
// or a struct field).
type queue struct {
	obj      types.Object
	rule     string
	name     string     // as written at the first growth
	head     *types.Var // a hand-written list's head field
	tail     *types.Var // and its tail field
	grows    []site
	consumes []site              // from the front (or either end, for lists), or taken whole
	pops     []site              // taken from the end
	moved    bool                // a container/list whose elements the package moves (MoveToFront...)
	taken    map[*types.Var]bool // a hand-written list's fields nodes are taken from (q.head = q.head.next)
}

// queueCache holds what the queue rules index once per pass.
type queueCache struct {
	callIdx      *callIndex                     // see calls
	sharedHolder map[*queue]bool                // see holderShared
	sideCache    map[ast.Node]bool              // see runsConcurrently
	bodyCache    map[ast.Node]bool              // see concurrentBody
	sets         *setIndex                      // see setIndex
	resets       map[types.Object][][]ast.Stmt  // see cursor
	decls        map[types.Object]*ast.FuncDecl // see declOf
	defs         map[types.Object]ast.Expr      // see defOf
	counters     map[types.Object]bool          // see counter
	countIdx     *countIdx                      // see countIndex
	wide         bool                           // while judging the calls that lead to an add (see countVsMax)
	limitsOnly   bool                           // while asking limitedAtCallers
	private      *privateTypes                  // see privateType
}

// queues reports slices and lists used as queues between a producer and a
// consumer with no bound on their length.
func (u *checker) queues() {
	qs := make(map[types.Object]*queue)
	var order []*queue
	get := func(obj types.Object, rule, name string) *queue {
		q := qs[obj]
		if q == nil {
			q = &queue{obj: obj, rule: rule, name: name}
			qs[obj] = q
			order = append(order, q)
		}
		return q
	}
	info := u.pass.TypesInfo
	takes := make(map[ast.Node][]types.Object)         // per function: slices taken whole (batch := q.items)
	heads := make(map[types.Object]*types.Var)         // locals holding a list head (n := q.head)
	copies := make(map[ast.Node]map[types.Object]bool) // per function: slices shifted by copy
	var shrinks []site                                 // q = q[:len(q)-1]
	u.ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		fn := enclosingFunc(stack)
		if fn == nil {
			return true
		}
		node := n
		at := func(kind siteKind, expr ast.Expr) site {
			return site{node: node, fn: fn, stack: slices.Clone(stack), kind: kind, expr: expr} // only for what is recorded
		}
		record := func(obj types.Object, name string, s site) {
			q := get(obj, ruleSlice, name)
			switch s.kind {
			case grows:
				q.grows = append(q.grows, s)
			case popBack:
				q.pops = append(q.pops, s)
			default:
				q.consumes = append(q.consumes, s)
			}
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			u.linkedListOp(n, fn, stack, heads, get)
			for i, lhs := range n.Lhs {
				obj := u.sliceKey(lhs)
				rhs := ast.Unparen(n.Rhs[i])
				// batch := q.items takes the whole backlog.
				if o := u.sliceKey(rhs); o != nil && o != obj {
					takes[fn] = append(takes[fn], o)
				}
				if obj == nil {
					continue
				}
				name := types.ExprString(lhs)
				switch r := rhs.(type) {
				case *ast.CallExpr:
					// q = append(q[:0], q[n:]...): shifted to the front.
					if astutil.IsBuiltin(info, r.Fun, "append") && len(r.Args) == 2 && r.Ellipsis.IsValid() && u.frontShift(r.Args[0], r.Args[1], obj) &&
						!u.retentionCut(fn, obj, ast.Unparen(r.Args[1]).(*ast.SliceExpr).Low) && !u.keepsLast(obj, ast.Unparen(r.Args[1]).(*ast.SliceExpr).Low) {
						record(obj, name, at(takeFront, lhs))
					}
					if astutil.IsBuiltin(info, r.Fun, "append") && len(r.Args) > 0 && u.sliceKey(r.Args[0]) == obj {
						g := at(grows, lhs)
						g.elems = r.Args[1:]
						if r.Ellipsis.IsValid() && len(r.Args) == 2 {
							// next = append(next, prev...); prev = nil: the
							// whole of prev moves on, a take of prev.
							if from := u.sliceKey(r.Args[1]); from != nil && from != obj && u.emptiedAfter(stack, from) {
								g.from = from
								record(from, types.ExprString(r.Args[1]), at(takeWhole, r.Args[1]))
							}
						}
						record(obj, name, g)
					}
					if f, ok := typeutil.Callee(info, r).(*types.Func); ok && f.FullName() == "slices.Delete" && len(r.Args) == 3 && u.sliceKey(r.Args[0]) == obj && isZero(info, r.Args[1]) {
						record(obj, name, at(takeFront, lhs))
					}
				case *ast.SliceExpr:
					switch {
					case u.sliceKey(r.X) != obj:
					case r.Low != nil && r.High == nil && !isZero(info, r.Low) && !u.retentionCut(fn, obj, r.Low) && !u.keepsLast(obj, r.Low):
						// q = q[n:]: consumed from the front.
						record(obj, name, at(takeFront, lhs))
					case r.Low == nil && r.High != nil && isZero(info, r.High) && slices.Contains(takes[fn], obj):
						// q = q[:0] after batch := q: the whole backlog taken.
						record(obj, name, at(takeWhole, lhs))
					case r.Low == nil && r.High != nil && u.lastIndex(fn, r.High, obj):
						shrinks = append(shrinks, at(popBack, lhs))
					}
				case *ast.Ident:
					if r.Name == "nil" && slices.Contains(takes[fn], obj) {
						record(obj, name, at(takeWhole, lhs))
					}
				}
			}
		case *ast.CallExpr:
			// copy(q, q[1:]) and a shrink q = q[:...]: shifted to the front.
			// Without the shrink it is a rotation, not a consumption.
			if astutil.IsBuiltin(info, n.Fun, "copy") && len(n.Args) == 2 {
				if obj := u.sliceKey(n.Args[0]); obj != nil {
					if copies[fn] == nil {
						copies[fn] = make(map[types.Object]bool)
					}
					copies[fn][obj] = true
					if s, ok := ast.Unparen(n.Args[1]).(*ast.SliceExpr); ok && u.sliceKey(s.X) == obj && s.Low != nil && !isZero(info, s.Low) && u.shrinks(fn, obj) {
						record(obj, types.ExprString(n.Args[0]), at(takeFront, n.Args[0]))
					}
				}
				if s, ok := ast.Unparen(n.Args[0]).(*ast.SliceExpr); ok {
					if obj := u.sliceKey(s.X); obj != nil {
						if copies[fn] == nil {
							copies[fn] = make(map[types.Object]bool)
						}
						copies[fn][obj] = true // copy(q[i:], q[i+1:]): a removal in the middle
					}
				}
			}
			u.listOp(n, fn, at, get)
		case *ast.IndexExpr:
			// v := q.buf[q.head]; q.head++: a head index that advances.
			if obj := u.sliceKey(n.X); obj != nil {
				if h, ok := u.objectOf(n.Index).(*types.Var); ok && (h.IsField() || h.Parent() == h.Pkg().Scope()) && incremented(fn, h, u) && !u.cursor(h, obj) {
					record(obj, types.ExprString(n.X), at(takeHead, n.X))
				}
			}
		}
		return true
	})
	// q = q[:len(q)-1] takes from the end (a stack) unless the function
	// shifted the slice first (copy(q, q[1:]), a removal in the middle).
	for _, s := range shrinks {
		as := s.node.(*ast.AssignStmt)
		for _, lhs := range as.Lhs {
			if obj := u.sliceKey(lhs); obj != nil && !copies[s.fn][obj] {
				q := get(obj, ruleSlice, types.ExprString(lhs))
				q.pops = append(q.pops, s)
			}
		}
	}
	for _, q := range order {
		u.judge(q)
	}
}

// sliceKey returns the variable or field a slice expression names, or nil.
func (u *checker) sliceKey(e ast.Expr) types.Object {
	e = ast.Unparen(e)
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return nil
	}
	obj := u.objectOf(e)
	v, ok := obj.(*types.Var)
	if !ok {
		return nil
	}
	sl, ok := v.Type().Underlying().(*types.Slice)
	if !ok {
		return nil
	}
	if isByteBuf(sl.Elem()) {
		return nil // a byte or rune buffer accumulates a stream; its bound is the protocol's
	}
	if inner, ok := sl.Elem().Underlying().(*types.Slice); ok && isByteBuf(inner.Elem()) {
		// A buffer of byte chunks ([][]byte, net.Buffers) is the same
		// stream cut in pieces (fragments of a message, frames written
		// out): the protocol bounds it in bytes, not in elements.
		return nil
	}
	return v
}

func isByteBuf(elem types.Type) bool {
	b, ok := elem.Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Rune)
}

// frontShift reports whether dst, src are q[:0] and q[n:] (n > 0).
func (u *checker) frontShift(dst, src ast.Expr, obj types.Object) bool {
	d, ok := ast.Unparen(dst).(*ast.SliceExpr)
	if !ok || u.sliceKey(d.X) != obj || d.Low != nil || d.High == nil || !isZero(u.pass.TypesInfo, d.High) {
		return false
	}
	s, ok := ast.Unparen(src).(*ast.SliceExpr)
	return ok && u.sliceKey(s.X) == obj && s.Low != nil && !isZero(u.pass.TypesInfo, s.Low) && s.High == nil
}

// lastIndex reports whether e is len(q)-1, or a local assigned from it in
// fn (n := len(q) - 1).
func (u *checker) lastIndex(fn ast.Node, e ast.Expr, obj types.Object) bool {
	isLast := func(e ast.Expr) bool {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok || b.Op != token.SUB {
			return false
		}
		tv := u.pass.TypesInfo.Types[b.Y]
		if tv.Value == nil || tv.Value.String() != "1" {
			return false
		}
		return u.lengthOf(fn, b.X, obj)
	}
	if isLast(e) {
		return true
	}
	return u.assignedIn(fn, e, isLast)
}

// lengthOf reports whether e is the length of the slice obj: len(q), a
// call of a method of the package whose body is `return len(r.q)` for the
// same field (ws.len()), or a local assigned one of these in fn (l :=
// ws.len(); q = q[:l-1]).
func (u *checker) lengthOf(fn ast.Node, e ast.Expr, obj types.Object) bool {
	direct := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		if astutil.IsBuiltin(u.pass.TypesInfo, call.Fun, "len") && len(call.Args) == 1 {
			return u.sliceKey(call.Args[0]) == obj
		}
		f, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
		if !ok || len(call.Args) != 0 || f.Signature().Recv() == nil {
			return false
		}
		fd := u.declOf(f)
		if fd == nil || fd.Body == nil || len(fd.Body.List) != 1 {
			return false
		}
		ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return false
		}
		inner, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
		return ok && astutil.IsBuiltin(u.pass.TypesInfo, inner.Fun, "len") && len(inner.Args) == 1 && u.sliceKey(inner.Args[0]) == obj
	}
	return direct(e) || u.assignedIn(fn, e, direct)
}

// assignedIn reports whether e is a local variable that fn assigns a value
// satisfying ok.
func (u *checker) assignedIn(fn ast.Node, e ast.Expr, ok func(ast.Expr) bool) bool {
	id, isID := ast.Unparen(e).(*ast.Ident)
	if !isID {
		return false
	}
	v := u.pass.TypesInfo.Uses[id]
	if v == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if as, isAs := n.(*ast.AssignStmt); isAs && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if lid, isID := l.(*ast.Ident); isID && u.pass.TypesInfo.ObjectOf(lid) == v && ok(as.Rhs[i]) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// retentionCut reports whether the front index low of q is computed by a
// range loop over q itself in fn, comparing its elements with a cutoff
// (for i, c := range q { if c.maxTime >= mint { break }; k = i + 1 }; q =
// q[k:]): the elements are dropped for their age, a retention window, not
// taken by a consumer.
func (u *checker) retentionCut(fn ast.Node, obj types.Object, low ast.Expr) bool {
	id, ok := ast.Unparen(low).(*ast.Ident)
	if !ok {
		return false
	}
	k := u.pass.TypesInfo.Uses[id]
	if k == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && !found && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			if lid, ok := as.Lhs[0].(*ast.Ident); ok && u.pass.TypesInfo.ObjectOf(lid) == k && u.searchesOwn(as.Rhs[0], obj) {
				found = true
			}
		}
		rs, ok := n.(*ast.RangeStmt)
		if !ok || found {
			return !found
		}
		if u.sliceKey(rs.X) != obj {
			return true
		}
		ast.Inspect(rs.Body, func(m ast.Node) bool {
			if as, ok := m.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if lid, ok := l.(*ast.Ident); ok && u.pass.TypesInfo.ObjectOf(lid) == k {
						found = true
					}
				}
			}
			return !found
		})
		return !found
	})
	return found
}

// keepsLast reports whether the front index low of q is len(q) - n, given
// directly or through a variable defined once (k := len(q) - keep; q =
// q[k:]): the cut keeps the newest n elements, whatever the producer does.
//
// Property: a retention by count, as a retention window is one by age:
// the elements cut are dropped for being old, not taken by a consumer, and
// what remains is bounded by n.
func (u *checker) keepsLast(obj types.Object, low ast.Expr) bool {
	e := ast.Unparen(low)
	if id, ok := e.(*ast.Ident); ok {
		if v := u.pass.TypesInfo.Uses[id]; v != nil {
			if d := u.defOf(v); d != nil {
				e = ast.Unparen(d)
			}
		}
	}
	bin, ok := e.(*ast.BinaryExpr)
	if !ok || bin.Op != token.SUB {
		return false
	}
	n, ok := ast.Unparen(bin.X).(*ast.CallExpr)
	return ok && len(n.Args) == 1 && astutil.IsBuiltin(u.pass.TypesInfo, n.Fun, "len") && u.sliceKey(n.Args[0]) == obj
}

// searchesOwn reports whether e is a binary search over q's own elements:
// sort.Search(len(q), func(i int) bool { ... q[i] ... }), or
// slices.BinarySearchFunc(q, ...) (its index result). The same retention
// cut as a range loop's: the index is where q's elements stop being older
// than a cutoff.
func (u *checker) searchesOwn(e ast.Expr, obj types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "sort.Search":
		if len(call.Args) != 2 {
			return false
		}
		n, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
		if !ok || len(n.Args) != 1 || !astutil.IsBuiltin(u.pass.TypesInfo, n.Fun, "len") || u.sliceKey(n.Args[0]) != obj {
			return false
		}
		lit, ok := ast.Unparen(call.Args[1]).(*ast.FuncLit)
		if !ok {
			return false
		}
		indexes := false
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if ix, ok := m.(*ast.IndexExpr); ok && u.sliceKey(ix.X) == obj {
				indexes = true
			}
			return !indexes
		})
		return indexes
	case "slices.BinarySearchFunc", "slices.BinarySearch":
		return len(call.Args) >= 2 && u.sliceKey(call.Args[0]) == obj
	}
	return false
}

// shrinks reports whether fn shortens q: q = q[:n].
func (u *checker) shrinks(fn ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && u.sliceKey(as.Lhs[0]) == obj {
			if s, ok := ast.Unparen(as.Rhs[0]).(*ast.SliceExpr); ok && u.sliceKey(s.X) == obj && s.Low == nil && s.High != nil {
				found = true
			}
		}
		return !found
	})
	return found
}

// emptiedAfter reports whether a statement after the one at the top of
// stack, in the same statement list, empties s: s = nil or s = s[:0].
func (u *checker) emptiedAfter(stack []ast.Node, s types.Object) bool {
	list, idx := astutil.EnclosingList(stack)
	for _, st := range list[idx+1:] {
		if as, ok := st.(*ast.AssignStmt); ok && u.emptiesObj(as, s) {
			return true
		}
	}
	return false
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.String() == "0"
}

// incremented reports whether fn advances h (h++ or h += n).
func incremented(fn ast.Node, h types.Object, u *checker) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if n.Tok == token.INC && u.objectOf(n.X) == h {
				found = true
			}
		case *ast.AssignStmt:
			if n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1 && u.objectOf(n.Lhs[0]) == h {
				found = true
			}
		}
		return !found
	})
	return found
}

// listOp records container/list growth (PushBack, PushFront) and
// consumption (Remove of Front or Back, or of an element reached by
// walking from Front).
func (u *checker) listOp(call *ast.CallExpr, fnNode ast.Node, at func(siteKind, ast.Expr) site, get func(types.Object, string, string) *queue) {
	fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "container/list" || fn.Signature().Recv() == nil {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	obj := u.objectOf(sel.X)
	if obj == nil {
		return
	}
	switch fn.Name() {
	case "PushBack", "PushFront":
		q := get(obj, ruleList, types.ExprString(sel.X))
		g := at(grows, sel.X)
		g.elems = call.Args
		q.grows = append(q.grows, g)
	case "MoveToFront", "MoveToBack", "MoveBefore", "MoveAfter":
		q := get(obj, ruleList, types.ExprString(sel.X))
		q.moved = q.moved || !u.isTest(call.Pos()) || u.isTest(obj.Pos())
	case "Remove":
		if len(call.Args) == 1 && u.endOf(call.Args[0], obj, fnNode) {
			q := get(obj, ruleList, types.ExprString(sel.X))
			q.consumes = append(q.consumes, at(takeFront, sel.X))
		}
	}
}

// endOf reports whether e is an end of the list obj: l.Front() or
// l.Back(), a variable assigned from one in fn (e := l.Front(), also the
// variable of a walk for e := l.Front(); e != nil; e = e.Next()), or the
// variable of a range over a local slice filled from such a walk (the
// elements collected first and removed after).
func (u *checker) endOf(e ast.Expr, obj types.Object, fn ast.Node) bool {
	info := u.pass.TypesInfo
	isEnd := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && (sel.Sel.Name == "Front" || sel.Sel.Name == "Back") && u.objectOf(sel.X) == obj
	}
	if isEnd(e) {
		return true
	}
	v := u.objectOf(e)
	if v == nil {
		return false
	}
	ends := func(v types.Object) bool {
		found := false
		ast.Inspect(fn, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i := range as.Lhs {
					if u.objectOf(as.Lhs[i]) == v && isEnd(as.Rhs[i]) {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	if ends(v) {
		return true
	}
	// for _, e := range ready { l.Remove(e) }, with ready = append(ready, w)
	// for w walking from l.Front().
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || found {
			return !found
		}
		if rs.Value == nil || u.objectOf(rs.Value) != v {
			return true
		}
		s, ok := info.ObjectOf(identOf(rs.X)).(*types.Var)
		if !ok {
			return true
		}
		ast.Inspect(fn, func(m ast.Node) bool {
			if as, ok := m.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && u.objectOf(as.Lhs[0]) == s {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && astutil.IsBuiltin(info, call.Fun, "append") && len(call.Args) == 2 {
					if w := u.objectOf(call.Args[1]); w != nil && ends(w) {
						found = true
					}
				}
			}
			return !found
		})
		return !found
	})
	return found
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return &ast.Ident{}
	}
	return id
}

// linkedListOp records hand-written linked queues: a struct with head and
// tail pointers to a node type with a pointer to its own type (next),
// enqueued at the tail (q.tail.next = n; q.tail = n) and dequeued at the
// head (q.head = q.head.next, or through a local: n := q.head; q.head =
// n.next).
func (u *checker) linkedListOp(as *ast.AssignStmt, fn ast.Node, stack []ast.Node, heads map[types.Object]*types.Var, get func(types.Object, string, string) *queue) {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	info := u.pass.TypesInfo
	// n := q.head: n holds the head.
	if id, ok := as.Lhs[0].(*ast.Ident); ok {
		if f, ok := u.objectOf(as.Rhs[0]).(*types.Var); ok && f.IsField() && isNodePointer(f.Type()) {
			if v := info.ObjectOf(id); v != nil {
				heads[v] = f
			}
		}
		return
	}
	lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
	if !ok {
		return
	}
	field, ok := u.objectOf(lhs).(*types.Var)
	if !ok || !field.IsField() || !isNodePointer(field.Type()) {
		return
	}
	at := func(kind siteKind, expr ast.Expr) site {
		return site{node: as, fn: fn, stack: slices.Clone(stack), kind: kind, expr: expr}
	}
	// q.head = q.head.next, q.head = n.next with n := q.head.
	if r, ok := ast.Unparen(as.Rhs[0]).(*ast.SelectorExpr); ok && selfLink(u.objectOf(r), field) {
		from := u.objectOf(r.X)
		if from == field || (from != nil && heads[from] == field) {
			q := get(ownerKey(field), ruleList, types.ExprString(lhs.X))
			if q.head == nil {
				q.head = field
			}
			if q.taken == nil {
				q.taken = make(map[*types.Var]bool)
			}
			q.taken[field] = true
			if !u.expiryTrim(stack, field, heads) {
				q.consumes = append(q.consumes, at(takeFront, lhs.X))
			}
			return
		}
	}
	// q.tail.next = n
	if selfLink(field, field) {
		if inner, ok := ast.Unparen(lhs.X).(*ast.SelectorExpr); ok {
			if tail, ok := u.objectOf(inner).(*types.Var); ok && tail.IsField() && !selfLink(tail, tail) && types.Identical(tail.Type(), field.Type()) {
				q := get(ownerKey(tail), ruleList, types.ExprString(inner.X))
				q.tail = tail
				g := at(grows, inner.X)
				g.elems = as.Rhs
				g.end = tail
				q.grows = append(q.grows, g)
			}
		}
	}
}

// expiryTrim reports whether the front removal at the top of stack is in
// a loop whose condition compares a time kept in the front node with
// another time (for d.head != nil && now.After(d.head.expire) { d.head =
// d.head.next }).
//
// Property: such a loop removes nodes for their age, a retention window
// (a seen-message cache, a TTL list), as a range over a slice comparing
// its elements with a cutoff does (retentionCut): no consumer takes them.
func (u *checker) expiryTrim(stack []ast.Node, head *types.Var, heads map[types.Object]*types.Var) bool {
	var loop *ast.ForStmt
	for i := len(stack) - 2; i >= 0 && loop == nil; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt:
			loop = n
		case *ast.FuncDecl, *ast.FuncLit, *ast.RangeStmt:
			return false
		}
	}
	if loop == nil || loop.Cond == nil {
		return false
	}
	info := u.pass.TypesInfo
	// ofFront reports whether e reads a field of the front node: q.head.f,
	// or n.f for n := q.head.
	ofFront := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		from := u.objectOf(sel.X)
		return from == head || (from != nil && heads[from] == head)
	}
	isTime := func(e ast.Expr) bool {
		n, ok := types.Unalias(info.TypeOf(e)).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
	}
	found := false
	ast.Inspect(loop.Cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || len(n.Args) != 1 || !isTime(sel.X) || !isTime(n.Args[0]) {
				return true
			}
			switch sel.Sel.Name {
			case "After", "Before", "Equal", "Compare":
				found = found || ofFront(sel.X) || ofFront(n.Args[0])
			}
		}
		return !found
	})
	return found
}

// selfLink reports whether f is a field of a node struct N of type *N (a
// link to the next node) and of the same type as the list field ref.
func selfLink(f types.Object, ref *types.Var) bool {
	v, ok := f.(*types.Var)
	if !ok || !v.IsField() || !types.Identical(v.Type(), ref.Type()) {
		return false
	}
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for g := range s.Fields() {
		if g == v.Origin() || g == v {
			return true
		}
	}
	return false
}

// isNodePointer reports whether t is *N for a struct N with a field of
// type *N (a link).
func isNodePointer(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range s.Fields() {
		if types.Identical(f.Type(), t) {
			return true
		}
	}
	return false
}

// ownerKey identifies a hand-written list by the node type of its head and
// tail fields (one queue per node type).
func ownerKey(field *types.Var) types.Object {
	n, ok := types.Unalias(field.Type().Underlying().(*types.Pointer).Elem()).(*types.Named)
	if !ok {
		return field
	}
	return n.Obj()
}

func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// judge reports q if it crosses a producer/consumer boundary and some growth
// is not governed by a length bound.
func (u *checker) judge(q *queue) {
	if !u.isTest(q.obj.Pos()) {
		// Only production code can make a production queue: a test that
		// pops the front of a sorted collection does not make it a FIFO.
		q.consumes = slices.DeleteFunc(q.consumes, func(c site) bool { return u.isTest(c.node.Pos()) })
	}
	u.notQueues(q)
	if len(q.grows) == 0 || len(q.consumes) == 0 || u.rotates(q) || u.orderedSet(q) || u.failures(q) {
		return
	}
	// Property: a list whose elements are moved within it (MoveToFront on
	// each access, MoveToBack on each update) keeps an order over a set of
	// entries, a recency order of an LRU cache or a session store, whose
	// removals from an end evict the oldest entry: a FIFO between a producer
	// and a consumer never reorders what it holds.
	if q.moved {
		return
	}

	if !u.cfg.Strict && !slices.ContainsFunc(q.consumes, func(c site) bool { return c.kind != takeWhole }) &&
		!slices.ContainsFunc(q.grows, u.driven) {
		return // a batch taken whole, filled by the package's own bookkeeping
	}
	// A queue whose length is checked against a maximum at one of its adds
	// is a bounded queue: the adds that skip the check are its author's
	// exceptions (a marker, a requeue of what was taken), not a second
	// producer.
	for _, g := range q.grows {
		if g.from == nil && u.limited(q, g) {
			return
		}
	}
	for _, g := range q.grows {
		if g.from != nil {
			continue // a transfer from another stage, judged there
		}
		if g.end != nil && q.taken[g.end] {
			// Property: a hand-written list added to at its head (n.next =
			// q.head; q.head.prev = n; q.head = n) and taken from its head
			// (q.head = q.head.next) is a stack, newest first, as a slice
			// popped from its end is (queue_stack_pool): a pool of idle
			// resources given back by their users, not a FIFO.
			continue
		}
		if u.constructing(g) {
			continue // filling an object the function is building: not shared yet
		}
		if u.rebuilt(q, g) {
			continue // refilled after being emptied: a snapshot of its source
		}
		if u.foreignCallback(g.fn) {
			continue // called back by another package: its producer is out of sight
		}
		if u.testSetup(q, g) {
			continue // a test filling a production queue is setting up state, not producing
		}
		c, ok := u.boundary(q, g)
		if !ok || u.bounded(q, g) || u.boundedAtCallers(q, g) || u.countedAtCalls(q, g) {
			continue
		}
		u.report(q, g, c)
		return // one report per queue, at its first unbounded growth
	}
}

func (u *checker) report(q *queue, g, c site) {
	what, name := "slice", q.name
	switch {
	case q.rule == ruleList && q.head != nil && q.tail != nil:
		what, name = "linked list", u.listName(q)
	case q.rule == ruleList:
		what = "list"
	}
	taken := "taken from the front"
	if c.kind == takeWhole {
		taken = "taken whole"
	}
	// Messages stay short (SPEC section 2): the taker is named without
	// its type when it is a method of the adder's type, and both without
	// it when that is the list's own type, named already.
	adder, taker := funcName(g.fn), funcName(c.fn)
	if rt := recvName(g.fn); rt != "" && rt == recvName(c.fn) {
		taker = strings.TrimPrefix(taker, rt+".")
		if what == "linked list" && strings.HasPrefix(name, rt+" ") {
			adder = strings.TrimPrefix(adder, rt+".")
		}
	}
	u.rep.Report(analysis.Diagnostic{
		Pos: g.node.Pos(), End: g.node.End(), Category: q.rule,
		Message: fmt.Sprintf("%s %s is a queue (grows in %s, %s in %s) with no bound: a slow consumer grows it until memory runs out; %s",
			what, name, adder, taken, taker, u.remedy(q, g)),
		Related: []analysis.RelatedInformation{{Pos: c.node.Pos(), End: c.node.End(), Message: taken + " here"}},
	})
}

// listName names a hand-written list by the struct that holds its head and
// tail and the node type: itemList (head, tail *itemNode).
func (u *checker) listName(q *queue) string {
	holder := "a struct"
	if own, ok := u.ownerOf(q.head); ok && own.name != "" {
		holder = own.name
	}
	node := types.TypeString(q.head.Type(), types.RelativeTo(u.pass.Pkg))
	return fmt.Sprintf("%s (%s, %s %s)", holder, q.head.Name(), q.tail.Name(), node)
}

// remedy is the bounded form that fits the code: a relay stops receiving
// while full, a struct with a sync.Cond waits on it, a function that
// returns an error rejects with one, otherwise reject, drop or wait.
func (u *checker) remedy(q *queue, g site) string {
	length := fmt.Sprintf("len(%s)", q.name)
	switch {
	case q.rule == ruleList && q.head != nil:
		length = "its node count"
	case q.rule == ruleList:
		length = q.name + ".Len()"
	}
	if v, ok := q.obj.(*types.Var); ok && !v.IsField() && v.Parent() != v.Pkg().Scope() {
		return fmt.Sprintf("stop receiving while %s is at a maximum", length)
	}
	if u.ownerHasCond(q) {
		return fmt.Sprintf("cap %s: wait on the sync.Cond or reject at the maximum", length)
	}
	if returnsError(u.pass.TypesInfo, g.fn) {
		return fmt.Sprintf("return an error once %s reaches a maximum", length)
	}
	return fmt.Sprintf("cap %s: reject, drop or wait at the maximum", length)
}

// ownerHasCond reports whether the struct that holds q has a sync.Cond.
func (u *checker) ownerHasCond(q *queue) bool {
	v := q.head
	if v == nil {
		v, _ = q.obj.(*types.Var)
	}
	if v == nil || !v.IsField() {
		return false
	}
	own, ok := u.ownerOf(v)
	if !ok {
		return false
	}
	for _, fl := range own.st.Fields.List {
		t := u.pass.TypesInfo.TypeOf(fl.Type)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if t != nil && t.String() == "sync.Cond" {
			return true
		}
	}
	return false
}

func returnsError(info *types.Info, fn ast.Node) bool {
	var ft *ast.FuncType
	switch f := fn.(type) {
	case *ast.FuncDecl:
		ft = f.Type
	case *ast.FuncLit:
		ft = f.Type
	}
	if ft == nil || ft.Results == nil || len(ft.Results.List) == 0 {
		return false
	}
	last := ft.Results.List[len(ft.Results.List)-1]
	t := info.TypeOf(last.Type)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func (u *checker) isTest(pos token.Pos) bool {
	return strings.HasSuffix(u.pass.Fset.Position(pos).Filename, "_test.go")
}

// testSetup reports whether growth g is in a _test.go file while the queue
// is declared outside test files.
func (u *checker) testSetup(q *queue, g site) bool {
	return u.isTest(g.node.Pos()) && !u.isTest(q.obj.Pos())
}

// An owner is the struct type that declares a field, and the name of the
// type declaration it is, if it is one.
type owner struct {
	st    *ast.StructType
	name  string
	named *types.Named // the declared type, when it is one
}

// ownerOf returns the struct of this package that declares the field v.
// The index is built once per pass; anonymous structs count too.
func (u *checker) ownerOf(v *types.Var) (owner, bool) {
	if u.owners == nil {
		u.owners = make(map[*types.Var]owner)
		u.ins.WithStack([]ast.Node{(*ast.StructType)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			if !push {
				return true
			}
			o := owner{st: n.(*ast.StructType)}
			if ts, ok := stack[len(stack)-2].(*ast.TypeSpec); ok {
				o.name = ts.Name.Name
				if tn, ok := u.pass.TypesInfo.Defs[ts.Name].(*types.TypeName); ok {
					o.named, _ = types.Unalias(tn.Type()).(*types.Named)
				}
			}
			for _, fl := range o.st.Fields.List {
				for _, id := range fl.Names {
					if f, ok := u.pass.TypesInfo.Defs[id].(*types.Var); ok {
						u.owners[f] = o
					}
				}
			}
			return true
		})
	}
	o, ok := u.owners[v.Origin()]
	return o, ok
}

func funcName(fn ast.Node) string {
	if fd, ok := fn.(*ast.FuncDecl); ok {
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			return types.ExprString(recvType(fd.Recv.List[0].Type)) + "." + fd.Name.Name
		}
		return fd.Name.Name
	}
	return "a function literal"
}

// recvName is the name of a method's receiver type, "" for a function.
func recvName(fn ast.Node) string {
	if fd, ok := fn.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) > 0 {
		return types.ExprString(recvType(fd.Recv.List[0].Type))
	}
	return ""
}

func recvType(e ast.Expr) ast.Expr {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvType(t.X)
	case *ast.IndexExpr:
		return recvType(t.X)
	case *ast.IndexListExpr:
		return recvType(t.X)
	}
	return e
}

func contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// enclosingList returns the statement list that holds the innermost
// statement of stack.
func enclosingList(stack []ast.Node) []ast.Stmt {
	list, _ := astutil.EnclosingList(stack)
	return list
}

// listsUp walks from stmt, on the path stack leads to, up to its function:
// for each statement list on the way (of a block, a case or a comm clause)
// that holds the statement on the path, f gets the list and that
// statement's index, and its true ends the walk with true. at, when not
// nil, sees every enclosing node first: done ends the walk with found.
// The walk ends with false at the function.
func listsUp(stack []ast.Node, stmt ast.Node, at func(p, child ast.Node) (found, done bool), f func(list []ast.Stmt, idx int) bool) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		p := stack[i]
		if at != nil {
			if found, done := at(p, stmt); done {
				return found
			}
		}
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
		list := astutil.StmtList(p)
		if idx := slices.IndexFunc(list, func(s ast.Stmt) bool { return ast.Node(s) == stmt }); idx >= 0 && f(list, idx) {
			return true
		}
		stmt = p
	}
	return false
}
