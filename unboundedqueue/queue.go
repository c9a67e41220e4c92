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
)

// A site is a place where a queue grows or is consumed.
type site struct {
	node  ast.Node
	fn    ast.Node   // the enclosing FuncDecl or FuncLit
	stack []ast.Node // from the file down to node
}

// A queue is what is known of one slice, list or linked list (a variable
// or a struct field).
type queue struct {
	obj      types.Object
	rule     string
	name     string // as written at the first growth
	grows    []site
	consumes []site // from the front (or either end, for lists)
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
	takes := make(map[ast.Node][]types.Object) // per function: slices taken whole (batch := q.items)
	u.ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		fn := enclosingFunc(stack)
		if fn == nil {
			return true
		}
		node := n
		at := func() site { return site{node: node, fn: fn, stack: slices.Clone(stack)} } // only for what is recorded
		record := func(obj types.Object, name string, grows bool) {
			q := get(obj, ruleSlice, name)
			if grows {
				q.grows = append(q.grows, at())
			} else {
				q.consumes = append(q.consumes, at())
			}
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
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
				switch r := rhs.(type) {
				case *ast.CallExpr:
					// q = append(q[:0], q[n:]...): shifted to the front.
					if isBuiltin(info, r.Fun, "append") && len(r.Args) == 2 && r.Ellipsis.IsValid() && u.frontShift(r.Args[0], r.Args[1], obj) &&
						!u.retentionCut(fn, obj, ast.Unparen(r.Args[1]).(*ast.SliceExpr).Low) {
						record(obj, types.ExprString(lhs), false)
					}
					if isBuiltin(info, r.Fun, "append") && len(r.Args) > 0 && u.sliceKey(r.Args[0]) == obj {
						record(obj, types.ExprString(lhs), true)
					}
					if f, ok := typeutil.Callee(info, r).(*types.Func); ok && f.FullName() == "slices.Delete" && len(r.Args) == 3 && u.sliceKey(r.Args[0]) == obj && isZero(info, r.Args[1]) {
						record(obj, types.ExprString(lhs), false)
					}
				case *ast.SliceExpr:
					// q = q[n:]: consumed from the front.
					if u.sliceKey(r.X) == obj && r.Low != nil && r.High == nil && !isZero(info, r.Low) && !u.retentionCut(fn, obj, r.Low) {
						record(obj, types.ExprString(lhs), false)
					}
					// q = q[:0] after batch := q: the whole backlog taken.
					if u.sliceKey(r.X) == obj && r.Low == nil && r.High != nil && isZero(info, r.High) && slices.Contains(takes[fn], obj) {
						record(obj, types.ExprString(lhs), false)
					}
				case *ast.Ident:
					if r.Name == "nil" && slices.Contains(takes[fn], obj) {
						record(obj, types.ExprString(lhs), false)
					}
				}
			}
		case *ast.CallExpr:
			// copy(q, q[1:]) and a shrink q = q[:...]: shifted to the front.
			// Without the shrink it is a rotation, not a consumption.
			if isBuiltin(info, n.Fun, "copy") && len(n.Args) == 2 {
				if obj := u.sliceKey(n.Args[0]); obj != nil {
					if s, ok := ast.Unparen(n.Args[1]).(*ast.SliceExpr); ok && u.sliceKey(s.X) == obj && s.Low != nil && !isZero(info, s.Low) && u.shrinks(fn, obj) {
						record(obj, types.ExprString(n.Args[0]), false)
					}
				}
			}
			u.listOp(n, at, get)
		case *ast.IndexExpr:
			// v := q.buf[q.head]; q.head++: a head index that advances.
			if obj := u.sliceKey(n.X); obj != nil {
				if h, ok := u.objectOf(n.Index).(*types.Var); ok && (h.IsField() || h.Parent() == h.Pkg().Scope()) && incremented(fn, h, u) {
					record(obj, types.ExprString(n.X), false)
				}
			}
		}
		return true
	})
	u.linkedLists(get)
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
	if b, ok := sl.Elem().Underlying().(*types.Basic); ok && (b.Kind() == types.Byte || b.Kind() == types.Rune) {
		return nil // a byte or rune buffer accumulates a stream; its bound is the protocol's
	}
	return v
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
// consumption (Remove of Front or Back).
func (u *checker) listOp(call *ast.CallExpr, at func() site, get func(types.Object, string, string) *queue) {
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
		q.grows = append(q.grows, at())
	case "Remove":
		if len(call.Args) == 1 && u.endOf(call.Args[0], obj, at().fn) {
			q := get(obj, ruleList, types.ExprString(sel.X))
			q.consumes = append(q.consumes, at())
		}
	}
}

// endOf reports whether e is l.Front() or l.Back() of the list obj, or a
// variable assigned from one in fn.
func (u *checker) endOf(e ast.Expr, obj types.Object, fn ast.Node) bool {
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

// linkedLists records hand-written linked queues: a struct with head and
// tail pointers to a node type with a next pointer, enqueued at the tail
// (q.tail.next = n; q.tail = n) and dequeued at the head (q.head = q.head.next).
func (u *checker) linkedLists(get func(types.Object, string, string) *queue) {
	u.ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		as := n.(*ast.AssignStmt)
		fn := enclosingFunc(stack)
		if !push || fn == nil || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		field, ok := u.objectOf(lhs).(*types.Var)
		if !ok || !field.IsField() || !isNodePointer(field.Type()) {
			return true
		}
		at := func() site { return site{node: as, fn: fn, stack: slices.Clone(stack)} }
		// q.head = q.head.next
		if r, ok := ast.Unparen(as.Rhs[0]).(*ast.SelectorExpr); ok && r.Sel.Name == "next" && u.objectOf(r.X) == field {
			q := get(ownerKey(field), ruleList, types.ExprString(lhs.X))
			q.consumes = append(q.consumes, at())
			return true
		}
		// q.tail.next = n
		if lhs.Sel.Name == "next" {
			if inner, ok := ast.Unparen(lhs.X).(*ast.SelectorExpr); ok {
				if tail, ok := u.objectOf(inner).(*types.Var); ok && tail.IsField() && tail.Name() != "next" && isNodePointer(tail.Type()) {
					q := get(ownerKey(tail), ruleList, types.ExprString(inner.X))
					q.grows = append(q.grows, at())
				}
			}
		}
		return true
	})
}

// isNodePointer reports whether t is *N for a struct N with a field next *N.
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
		if f.Name() == "next" && types.Identical(f.Type(), t) {
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
	if len(q.grows) == 0 || len(q.consumes) == 0 || u.testDouble(q) || u.rotates(q) {
		return
	}
	for _, g := range q.grows {
		if u.constructing(g) {
			continue // filling an object the function is building: not shared yet
		}
		if u.testSetup(q, g) {
			continue // a test filling a production queue is setting up state, not producing
		}
		c, ok := u.boundary(q, g)
		if !ok || u.bounded(q, g) {
			continue
		}
		growIn, consumeIn := funcName(g.fn), funcName(c.fn)
		what := "slice"
		remedy := fmt.Sprintf("reject when full (if len(%s) >= max { return ErrFull }), block on a sync.Cond while full, or use a buffered channel make(chan T, N) that blocks, drops or rejects", q.name)
		if q.rule == ruleList {
			what = "list"
			remedy = "check its length before adding and reject, drop or wait when full, or use a buffered channel make(chan T, N)"
		}
		u.rep.Report(analysis.Diagnostic{
			Pos: g.node.Pos(), End: g.node.End(), Category: q.rule,
			Message: fmt.Sprintf("%s %s is used as a queue (grows in %s, consumed from the front in %s) with no bound on its length: when the consumer falls behind it grows until memory runs out; %s", what, q.name, growIn, consumeIn, remedy),
			Related: []analysis.RelatedInformation{{Pos: c.node.Pos(), End: c.node.End(), Message: "consumed here"}},
		})
		return // one report per queue, at its first unbounded growth
	}
}

// rotates reports whether what q's consumption removes is moved to another
// slice that q later takes back (c.dead = append(c.dead, a); c.seeds =
// c.seeds[1:] ... c.seeds = append(c.seeds, c.dead...)): the elements
// circulate between two lists of a fixed set, nothing is produced.
func (u *checker) rotates(q *queue) bool {
	for _, c := range q.consumes {
		list := enclosingList(c.stack)
		for _, st := range list {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			other := u.sliceKey(as.Lhs[0])
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if other == nil || other == q.obj || !ok || !isBuiltin(u.pass.TypesInfo, call.Fun, "append") || len(call.Args) == 0 || u.sliceKey(call.Args[0]) != other {
				continue
			}
			for _, g := range q.grows {
				if ga, ok := g.node.(*ast.AssignStmt); ok && len(ga.Rhs) == 1 {
					if gc, ok := ast.Unparen(ga.Rhs[0]).(*ast.CallExpr); ok && gc.Ellipsis.IsValid() && len(gc.Args) == 2 && u.sliceKey(gc.Args[1]) == other {
						return true
					}
				}
			}
		}
	}
	return false
}

// enclosingList returns the statement list that holds the innermost
// statement of stack.
func enclosingList(stack []ast.Node) []ast.Stmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.BlockStmt:
			return p.List
		case *ast.CaseClause:
			return p.Body
		case *ast.CommClause:
			return p.Body
		}
	}
	return nil
}

// testSetup reports whether growth g is in a _test.go file while the queue
// is declared outside test files.
func (u *checker) testSetup(q *queue, g site) bool {
	return u.isTest(g.node.Pos()) && !u.isTest(q.obj.Pos())
}

func (u *checker) isTest(pos token.Pos) bool {
	return strings.HasSuffix(u.pass.Fset.Position(pos).Filename, "_test.go")
}

// testDouble reports whether q belongs to a mock or fake: a package named
// mock(s)/fake(s), or a type named Mock.../Fake.... Its slices are scripts
// of expected calls that tests load, not queues between goroutines.
func (u *checker) testDouble(q *queue) bool {
	name := strings.ToLower(u.pass.Pkg.Name())
	for _, p := range []string{"mock", "fake"} {
		if strings.HasPrefix(name, p) || strings.HasSuffix(name, p+"s") {
			return true
		}
	}
	typeName := ""
	switch o := q.obj.(type) {
	case *types.TypeName: // a hand-written list, keyed by its node type
		typeName = o.Name()
	case *types.Var:
		if o.IsField() {
			if own, ok := u.ownerOf(o); ok {
				typeName = own.name
			}
		}
	}
	typeName = strings.ToLower(typeName)
	return strings.HasPrefix(typeName, "mock") || strings.HasPrefix(typeName, "fake")
}

// An owner is the struct type that declares a field, and the name of the
// type declaration it is, if it is one.
type owner struct {
	st   *ast.StructType
	name string
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
	o, ok := u.owners[v]
	return o, ok
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
	if u.constructs(g.fn, obj) {
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
// method.
func (u *checker) calledByConstructors(method types.Object) bool {
	if done, ok := u.ctorOnly[method]; ok {
		return done
	}
	calls, fromConstructors := 0, 0
	u.ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		call := n.(*ast.CallExpr)
		if !push || typeutil.Callee(u.pass.TypesInfo, call) != method {
			return true
		}
		calls++
		if cs, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(cs.X).(*ast.Ident); ok {
				if fn := enclosingFunc(stack); fn != nil && u.constructs(fn, u.pass.TypesInfo.ObjectOf(id)) {
					fromConstructors++
				}
			}
		}
		return true
	})
	if u.ctorOnly == nil {
		u.ctorOnly = make(map[types.Object]bool)
	}
	u.ctorOnly[method] = calls > 0 && calls == fromConstructors
	return u.ctorOnly[method]
}

// constructs reports whether fn creates the object its variable obj holds:
// obj := &T{...}, obj := T{...} or obj := new(T).
func (u *checker) constructs(fn ast.Node, obj types.Object) bool {
	if obj == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok && u.pass.TypesInfo.Defs[id] == obj && i < len(a.Rhs) {
				switch r := ast.Unparen(a.Rhs[i]).(type) {
				case *ast.UnaryExpr:
					_, lit := r.X.(*ast.CompositeLit)
					found = r.Op == token.AND && lit
				case *ast.CompositeLit:
					found = true
				case *ast.CallExpr:
					found = isBuiltin(u.pass.TypesInfo, r.Fun, "new")
				}
			}
		}
		return !found
	})
	return found
}

// boundary returns a consumption that is on the other side of a
// producer/consumer boundary from g: in another function with evidence of
// concurrency, or in the same loop that also receives from a channel or
// reads I/O (a relay buffer).
func (u *checker) boundary(q *queue, g site) (site, bool) {
	for _, c := range q.consumes {
		if c.fn != g.fn {
			if u.shared(q, g, c) {
				return c, true
			}
			continue
		}
		if loop := innermostLoop(g.stack); loop != nil && contains(loop, c.node) {
			if u.itemLoop(loop) || u.selectsOnChannels(loop) {
				return c, true
			}
		}
	}
	return site{}, false
}

// shared reports whether a queue grown and consumed in different functions
// is shared between goroutines: its owner struct holds a mutex or a
// sync.Cond, or both functions lock, use channels or start goroutines. A
// lexer's lookahead buffer, used by one goroutine, is not.
func (u *checker) shared(q *queue, sites ...site) bool {
	if q.obj.Pkg() != u.pass.Pkg {
		return false // a field of another package's struct: not a queue implemented here
	}
	if v, ok := q.obj.(*types.Var); ok && v.IsField() && u.ownerSynchronized(v) {
		return true
	}
	for _, s := range sites {
		if !concurrent(s.fn) {
			return false
		}
	}
	return true
}

// ownerSynchronized reports whether the struct declaring field v also has a
// sync.Mutex, sync.RWMutex or sync.Cond field (or a pointer to one).
func (u *checker) ownerSynchronized(v *types.Var) bool {
	own, ok := u.ownerOf(v)
	if !ok {
		return false
	}
	for _, fl := range own.st.Fields.List {
		t := u.pass.TypesInfo.TypeOf(fl.Type)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		switch strings.TrimPrefix(t.String(), "*") {
		case "sync.Mutex", "sync.RWMutex", "sync.Cond":
			return true
		}
	}
	return false
}

// concurrent reports whether fn's own statements lock, use channels or
// start goroutines.
func concurrent(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt, *ast.SendStmt, *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			found = n.Op == token.ARROW
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "Lock", "RLock", "Wait", "Signal", "Broadcast":
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func (u *checker) selectsOnChannels(loop ast.Node) bool {
	found := false
	inspectIteration(loopBody(loop), func(n ast.Node) {
		if _, ok := n.(*ast.SelectStmt); ok {
			found = true
		}
	})
	return found
}

func innermostLoop(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return stack[i]
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

func contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// bounded reports whether a length bound governs growth g: in the statement
// lists leading to g (its structured dominators, in goto-free code), an if
// on the queue's length that leaves, waits or drops, or a for loop waiting
// while it is full; an if around g on its length; or, right after g, an if
// or for on its length that trims it (drop-oldest) or flushes it (a batcher).
func (u *checker) bounded(q *queue, g site) bool {
	stmt := g.node
	for i := len(g.stack) - 2; i >= 0; i-- {
		var list []ast.Stmt
		switch p := g.stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if u.mentionsLength(p.Cond, q) {
				return true
			}
		case *ast.ForStmt:
			if p.Cond != nil && u.mentionsLength(p.Cond, q) {
				return true
			}
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			if _, ok := p.Comm.(*ast.SendStmt); ok {
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
					// The length may be computed in the if's init:
					// if d := len(q) + n - max; d > 0 { q = q[d:] }.
					cond := u.mentionsLength(s.Cond, q)
					if init, ok := s.Init.(*ast.AssignStmt); ok && !cond {
						for _, r := range init.Rhs {
							cond = cond || u.mentionsLength(r, q)
						}
					}
					if cond && (j < idx && (terminates(s.Body) || waits(s.Body) || u.evicts(s.Body, q)) || j > idx) {
						return true
					}
				case *ast.ForStmt:
					if s.Cond != nil && u.mentionsLength(s.Cond, q) {
						return true
					}
				case *ast.AssignStmt:
					// q = append(q, x); ...; q = q[:0]: emptied before the
					// function goes on (badger's DropPrefix flushes them all).
					if j > idx && u.empties(s, q) {
						return true
					}
				}
			}
		}
		stmt = g.stack[i]
	}
	return false
}

// empties reports whether as sets the queue to empty: q = q[:0] or q = nil.
func (u *checker) empties(as *ast.AssignStmt, q *queue) bool {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 || u.sliceKey(as.Lhs[0]) != q.obj {
		return false
	}
	switch r := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.Ident:
		return r.Name == "nil"
	case *ast.SliceExpr:
		return u.sliceKey(r.X) == q.obj && r.Low == nil && r.High != nil && isZero(u.pass.TypesInfo, r.High)
	}
	return false
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

// mentionsLength reports whether e reads the queue's length: len(q),
// cap(q), q.Len(), or (for hand-written lists) a counter field of the
// struct holding it.
func (u *checker) mentionsLength(e ast.Expr, q *queue) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && u.lengthVars()[u.pass.TypesInfo.Uses[id]][q.obj] {
			found = true // l := len(q.elts) - q.pos; if l == max {...}
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			if sel, ok := n.(*ast.SelectorExpr); ok && q.rule == ruleList {
				if v, ok := u.objectOf(sel).(*types.Var); ok && v.IsField() && isInteger(v.Type()) {
					found = true // q.size >= q.max
				}
			}
			return !found
		}
		if (isBuiltin(u.pass.TypesInfo, call.Fun, "len") || isBuiltin(u.pass.TypesInfo, call.Fun, "cap")) && len(call.Args) == 1 && u.objectOf(call.Args[0]) == q.obj {
			found = true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Len" && u.objectOf(sel.X) == q.obj {
			found = true
		}
		return !found
	})
	return found
}

// lengthVars maps each local variable assigned from an expression that
// reads the length of slices (l := len(q.elts) - q.pos) to those slices. It
// is computed once per pass.
func (u *checker) lengthVars() map[types.Object]map[types.Object]bool {
	if u.lenVars != nil {
		return u.lenVars
	}
	u.lenVars = make(map[types.Object]map[types.Object]bool)
	u.ins.Preorder([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node) {
		as := n.(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return
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
			ast.Inspect(as.Rhs[i], func(m ast.Node) bool {
				call, ok := m.(*ast.CallExpr)
				if ok && (isBuiltin(u.pass.TypesInfo, call.Fun, "len") || isBuiltin(u.pass.TypesInfo, call.Fun, "cap")) && len(call.Args) == 1 {
					if q := u.objectOf(call.Args[0]); q != nil {
						if u.lenVars[v] == nil {
							u.lenVars[v] = make(map[types.Object]bool)
						}
						u.lenVars[v][q] = true
					}
				}
				return true
			})
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

func funcName(fn ast.Node) string {
	if fd, ok := fn.(*ast.FuncDecl); ok {
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			return types.ExprString(recvType(fd.Recv.List[0].Type)) + "." + fd.Name.Name
		}
		return fd.Name.Name
	}
	return "a function literal"
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
