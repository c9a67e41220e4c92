package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// This file answers "do the adding and the taking run on two sides of a
// producer/consumer boundary?" for the queue rules (SPEC section 2,
// slice-queue). They do when they are in one loop that also receives from
// a channel or reads I/O (a relay buffer), or when they are in different
// functions and either side shows concurrency (evidence on one side
// suffices):
//
//   - the struct that holds the queue, or a struct of the package that
//     holds that one in a field, has a lock (a sync.Mutex, sync.RWMutex, a
//     sync.Locker) or a sync.Cond;
//   - the function locks, waits on a sync.Cond, sends, receives, selects or
//     starts a goroutine in its own statements;
//   - the adding function runs on a goroutine the package starts, or is
//     called once per item of an unbounded source of the package (a
//     receive loop, a read loop), through any number of calls
//     (internal/summary, on SSA, in packages where the SSA form was built).
//
// A side counts only where it reaches the queue through state that
// outlives the call (see sharedRoot).
//
// A lexer's lookahead buffer, grown and consumed by one goroutine with no
// lock and no channel, has none of these and is not a queue between a
// producer and a consumer.

// driven reports whether growth g is driven from outside the package's own
// bookkeeping: its function is exported, or called directly by an exported
// function (an API that hands items over at its callers' rate), or it runs
// once per item of an unbounded source (in a receive or read loop of its
// own, or reached from one through calls).
//
// It is asked of batches that are only ever taken whole: such a slice
// piles up only when adds come faster than the taker's rounds, and bplint
// can show that only when something outside drives the adds. Adds made by
// the package for its own purposes (the acknowledgements of what it
// delivered, requests held during a reconnect, error notices) follow the
// package's own rounds; by default they are not reported (strict reports
// them).
func (u *checker) driven(g site) bool {
	if exportedFunc(g.fn) {
		return true
	}
	sites, _ := u.callersOf(g.fn)
	for _, s := range sites {
		if exportedFunc(s.fn) {
			return true
		}
	}
	if loop := innermostLoop(g.stack); loop != nil && u.itemLoop(loop) {
		return true
	}
	if f := u.ssaFunc(g.fn); f != nil && u.sum.ItemReached(f) {
		return true
	}
	return false
}

func exportedFunc(fn ast.Node) bool {
	fd, ok := fn.(*ast.FuncDecl)
	return ok && fd.Name.IsExported()
}

// foreignCallback reports whether fn is a method that implements a method
// of an interface declared in another package and that this package never
// calls itself: a callback of that package (a loss or acknowledgement
// handler, an event hook). How often it runs, and with what, is the other
// package's business; bplint cannot see the producer and stays silent.
func (u *checker) foreignCallback(fn ast.Node) bool {
	fd, ok := fn.(*ast.FuncDecl)
	if !ok || fd.Recv == nil {
		return false
	}
	m, ok := u.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	if sites, _ := u.callersOf(fn); len(sites) > 0 || u.calls().escapes[m] {
		return false
	}
	recv := m.Signature().Recv().Type()
	for _, imp := range u.pass.Pkg.Imports() {
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || iface.NumMethods() == 0 {
				continue
			}
			has := false
			for im := range iface.Methods() {
				has = has || im.Name() == m.Name()
			}
			if has && types.Implements(recv, iface) {
				return true
			}
		}
	}
	return false
}

// boundary returns a consumption on the other side of a producer/consumer
// boundary from g (one consumed item by item if there is one, else one
// that takes the queue whole), and whether there is one.
func (u *checker) boundary(q *queue, g site) (site, bool) {
	if q.obj.Pkg() != u.pass.Pkg {
		return site{}, false // a field of another package's struct: not a queue implemented here
	}
	var whole *site
	for _, c := range q.consumes {
		if !u.across(q, g, c) {
			continue
		}
		if c.kind != takeWhole {
			return c, true
		}
		if whole == nil {
			whole = &c
		}
	}
	if whole != nil {
		return *whole, true
	}
	return site{}, false
}

// across reports whether growth g and consumption c are on two sides of a
// producer/consumer boundary.
func (u *checker) across(q *queue, g, c site) bool {
	if c.fn == g.fn {
		loop := innermostLoop(g.stack)
		return loop != nil && contains(loop, c.node) && (u.itemLoop(loop) || u.selectsOnChannels(loop))
	}
	if u.holderShared(q) {
		return true
	}
	return u.sharedRoot(g) && (u.concurrentBody(g.fn) || u.runsConcurrently(g.fn)) || u.sharedRoot(c) && u.concurrentBody(c.fn)
}

// sharedRoot reports whether a site reaches the queue through state that
// outlives the call: the method's receiver (q.items, r.state.inflight), a
// package variable, a variable captured from an enclosing function, or a
// local assigned once from one of those (recBuf := s.recBufs[i]). A
// function filling a value it made or was handed (a parameter, a fresh
// local) builds that value; what its goroutine does says nothing of the
// value's consumers.
func (u *checker) sharedRoot(s site) bool {
	if s.expr == nil {
		return false
	}
	return u.sharedBase(s.fn, s.expr, 0)
}

func (u *checker) sharedBase(fn ast.Node, e ast.Expr, depth int) bool {
	id := rootIdent(e)
	if id == nil {
		return false
	}
	v, ok := u.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if v.Parent() == v.Pkg().Scope() {
		return true // a package variable
	}
	if !contains(fn, &ast.Ident{NamePos: v.Pos()}) {
		return true // captured from an enclosing function (or its receiver)
	}
	if fd, ok := fn.(*ast.FuncDecl); ok && fd.Recv != nil {
		for _, f := range fd.Recv.List {
			for _, name := range f.Names {
				if u.pass.TypesInfo.Defs[name] == v {
					return true
				}
			}
		}
	}
	if depth > 0 {
		return false
	}
	// A local alias: x := <shared>.
	alias := u.defOf(v)
	return alias != nil && u.sharedBase(fn, alias, depth+1)
}

// rootIdent returns the variable an expression starts from: q in
// q.a.b[i].c, &q.x, *q.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// holderShared reports whether the struct that holds q is guarded by a
// lock or a sync.Cond, its own or that of a struct holding it.
func (u *checker) holderShared(q *queue) bool {
	if u.qc.sharedHolder == nil {
		u.qc.sharedHolder = make(map[*queue]bool)
	}
	if v, ok := u.qc.sharedHolder[q]; ok {
		return v
	}
	h := u.holderOf(q)
	shared := h != nil && (u.hasLockField(h.st) || h.named != nil && u.sum.Guarded(h.named))
	u.qc.sharedHolder[q] = shared
	return shared
}

// hasLockField reports whether a struct has a field that is a lock (a
// sync.Locker: sync.Mutex, sync.RWMutex or a wrapper) or a sync.Cond,
// or a pointer to one.
func (u *checker) hasLockField(st *ast.StructType) bool {
	for _, fl := range st.Fields.List {
		t := u.pass.TypesInfo.TypeOf(fl.Type)
		if t == nil {
			continue
		}
		if isLocker(t) || isLocker(types.NewPointer(t)) {
			return true
		}
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if isNamed(t, "sync", "Cond") {
			return true
		}
	}
	return false
}

var lockerIface = func() *types.Interface {
	nullary := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	return types.NewInterfaceType([]*types.Func{
		types.NewFunc(token.NoPos, nil, "Lock", nullary),
		types.NewFunc(token.NoPos, nil, "Unlock", nullary),
	}, nil).Complete()
}()

// isLocker reports whether t implements sync.Locker.
func isLocker(t types.Type) bool {
	return types.Implements(t, lockerIface)
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// runsConcurrently reports whether the adding function runs on a goroutine
// the package starts or once per item of an unbounded source (on SSA). It
// is asked of the adding side only: a goroutine that takes from the queue
// shows a consumer, not a producer elsewhere, since the adds may come from
// that same goroutine (an event loop queueing work for itself, or a
// callback another package makes on it).
func (u *checker) runsConcurrently(fn ast.Node) bool {
	if u.qc.sideCache == nil {
		u.qc.sideCache = make(map[ast.Node]bool)
	}
	if v, ok := u.qc.sideCache[fn]; ok {
		return v
	}
	v := false
	if f := u.ssaFunc(fn); f != nil {
		v = u.sum.OnGoroutine(f) || u.sum.ItemReached(f)
	}
	u.qc.sideCache[fn] = v
	return v
}

// concurrentBody reports whether fn's own statements (not those of the
// function literals it holds) lock, wait on or signal a sync.Cond, use a
// channel or start a goroutine.
func (u *checker) concurrentBody(fn ast.Node) bool {
	if u.qc.bodyCache == nil {
		u.qc.bodyCache = make(map[ast.Node]bool)
	}
	if v, ok := u.qc.bodyCache[fn]; ok {
		return v
	}
	v := u.concurrentStmts(fn)
	u.qc.bodyCache[fn] = v
	return v
}

func (u *checker) concurrentStmts(fn ast.Node) bool {
	info := u.pass.TypesInfo
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
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt, *ast.SendStmt, *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				_, ch := t.Underlying().(*types.Chan)
				found = found || ch
			}
		case *ast.CallExpr:
			f, ok := typeutil.Callee(info, n).(*types.Func)
			if !ok || f.Signature().Recv() == nil {
				break
			}
			recv := f.Signature().Recv().Type()
			switch f.Name() {
			case "Lock", "RLock":
				found = found || isLocker(recv)
			case "Wait", "Signal", "Broadcast":
				if p, ok := recv.(*types.Pointer); ok {
					recv = p.Elem()
				}
				found = found || isNamed(recv, "sync", "Cond")
			}
		}
		return !found
	})
	return found
}

// ssaFunc returns the SSA function of a FuncDecl or FuncLit, when the
// package's SSA form was built (internal/summary builds it only where it
// has candidates; the queue rules build nothing more).
func (u *checker) ssaFunc(fn ast.Node) *ssa.Function {
	if !u.sum.Built() {
		return nil
	}
	switch f := fn.(type) {
	case *ast.FuncDecl:
		obj, ok := u.pass.TypesInfo.Defs[f.Name].(*types.Func)
		if !ok {
			return nil
		}
		return u.sum.Form().Func(obj)
	case *ast.FuncLit:
		return u.sum.Form().Lit(f)
	}
	return nil
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
