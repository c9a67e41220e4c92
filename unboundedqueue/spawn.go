package unboundedqueue

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/signal"
)

const (
	ruleSpawn = "goroutine-per-item"
	ruleFanIn = "unbuffered-fan-in"
	ruleSlice = "slice-queue"
	ruleList  = "list-queue"
)

// spawnerFact marks a function that starts a goroutine on every call, with
// no limit taken first. A call to it in a loop is a spawn per item.
type spawnerFact struct {
	At string // where the go statement is, "file.go:line"
}

func (*spawnerFact) AFact()           {}
func (f *spawnerFact) String() string { return "spawner" }

// readNames are methods whose call in a loop makes the loop consume an
// unbounded stream: connections, lines, messages, frames.
var readNames = map[string]string{
	"Accept": "connection accepted by", "AcceptTCP": "connection accepted by", "AcceptUnix": "connection accepted by",
	"AcceptStream": "stream accepted by", "Scan": "line scanned by", "Read": "chunk read by",
	"ReadFrame": "frame read by", "ReadMessage": "message read by", "ReadMsg": "message read by",
	"ReadJSON": "message read by", "ReadLine": "line read by", "ReadString": "line read by",
	"ReadBytes": "line read by", "Recv": "message received by", "RecvMsg": "message received by",
	"Receive": "message received by", "FetchMessage": "message fetched by",
}

// source describes what drives a loop, or returns "" for loops whose size
// is bounded by the caller (slices, maps, integers) unless strict.
func (u *checker) source(loop ast.Node) (string, *ast.CallExpr) {
	info := u.pass.TypesInfo
	switch l := loop.(type) {
	case *ast.RangeStmt:
		switch t := info.TypeOf(l.X).Underlying().(type) {
		case *types.Chan:
			return "value received from " + types.ExprString(l.X), nil
		case *types.Slice, *types.Map, *types.Array:
			if u.cfg.Strict {
				return "element of " + types.ExprString(l.X), nil
			}
		case *types.Pointer:
			if _, ok := t.Elem().Underlying().(*types.Array); ok && u.cfg.Strict {
				return "element of " + types.ExprString(l.X), nil
			}
		}
		return "", nil
	case *ast.ForStmt:
		if call := readCall(info, l.Cond); call != nil {
			return describeRead(call), call
		}
		if l.Init != nil || l.Post != nil {
			return "", nil // for i := 0; i < n; i++ is counted, whatever it receives
		}
		var desc string
		var src *ast.CallExpr
		inspectIteration(l.Body, func(n ast.Node) {
			if desc != "" {
				return
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				// x := <-ch, case x := <-ch: a value received, an item.
				// A bare <-done or case <-ctx.Done() is a signal, not an item.
				for _, r := range n.Rhs {
					if recv, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && recv.Op == token.ARROW && !errorChan(info, recv.X) {
						desc = "value received from " + types.ExprString(recv.X)
					}
				}
			case *ast.CallExpr:
				if call := readCall(info, n); call != nil {
					desc, src = describeRead(call), call
				}
			}
		})
		return desc, src
	}
	return "", nil
}

// errorChan reports whether ch carries errors: what it delivers are
// failures to react to (a reconnect with backoff), not items of work.
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
	if _, ok := readNames[fn.Name()]; !ok {
		return nil
	}
	return call
}

func describeRead(call *ast.CallExpr) string {
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if sel == nil {
		return "item read by " + types.ExprString(call.Fun) + "()"
	}
	return readNames[sel.Sel.Name] + " " + types.ExprString(call.Fun) + "()"
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

// spawn is a place in a loop body that starts a goroutine.
type spawn struct {
	node ast.Node    // the go statement or the call
	via  *types.Func // the spawner called, or nil for a go statement or errgroup Go
	at   string      // where the spawner's go statement is
}

// spawnsIn returns the unlimited spawns of one iteration of body.
func (u *checker) spawnsIn(body *ast.BlockStmt, limited map[types.Object]bool) []spawn {
	var out []spawn
	goCalls := make(map[*ast.CallExpr]bool)
	inspectIteration(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.GoStmt:
			out = append(out, spawn{node: n})
			goCalls[n.Call] = true
		case *ast.CallExpr:
			if goCalls[n] {
				return // the call of a go statement, already counted
			}
			if s, ok := u.spawnCall(n, limited); ok {
				out = append(out, s)
			}
		}
	})
	return out
}

// spawnCall recognises errgroup.Group.Go on a group without SetLimit, and
// calls of spawners (facts).
func (u *checker) spawnCall(call *ast.CallExpr, limited map[types.Object]bool) (spawn, bool) {
	fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return spawn{}, false
	}
	if fn.Name() == "Go" && fn.FullName() == "(*golang.org/x/sync/errgroup.Group).Go" {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && limited[u.objectOf(sel.X)] {
			return spawn{}, false // SetLimit bounds this group
		}
		return spawn{node: call}, true
	}
	var f spawnerFact
	if u.spawnerOf(fn.Origin(), &f) {
		return spawn{node: call, via: fn.Origin(), at: f.At}, true
	}
	return spawn{}, false
}

func (u *checker) spawnerOf(fn *types.Func, f *spawnerFact) bool {
	if fn.Pkg() == nil {
		return false
	}
	return u.pass.ImportObjectFact(fn, f)
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

// limitedGroups returns the errgroups (variables or fields) on which SetLimit
// is called anywhere in the package. It is computed once per pass.
func (u *checker) limitedGroups() map[types.Object]bool {
	if u.limited != nil {
		return u.limited
	}
	limited := make(map[types.Object]bool)
	u.limited = limited
	u.ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || sel.Sel.Name != "SetLimit" {
			return
		}
		fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.FullName() != "(*golang.org/x/sync/errgroup.Group).SetLimit" {
			return
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if obj := u.objectOf(sel.X); obj != nil {
				limited[obj] = true
			}
		}
	})
	return limited
}

// limitBefore reports whether one iteration of body takes a concurrency
// limit before pos that it does not release before pos's goroutine ends:
// a send on a (semaphore) channel, a select with a send case, or
// semaphore.Weighted.Acquire/TryAcquire, with no matching receive or
// Release after pos in the same iteration (that would bound only the go
// statement itself, not the goroutines).
func (u *checker) limitBefore(body *ast.BlockStmt, pos token.Pos) bool {
	var taken []string // the semaphores, as written
	visit := inspectIteration
	if hasGoto(body) {
		// goto out of a nested loop to the spawn: the limit may be taken
		// in that loop, before the goto (source order is what counts).
		visit = inspectNoFuncLits
	}
	visit(body, func(n ast.Node) {
		if n.Pos() >= pos {
			return
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			taken = append(taken, types.ExprString(n.Chan))
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); !ok || (sel.Sel.Name != "Acquire" && sel.Sel.Name != "TryAcquire") {
				return
			}
			if fn, ok := typeutil.Callee(u.pass.TypesInfo, n).(*types.Func); ok {
				switch fn.FullName() {
				case "(*golang.org/x/sync/semaphore.Weighted).Acquire", "(*golang.org/x/sync/semaphore.Weighted).TryAcquire":
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						taken = append(taken, types.ExprString(sel.X))
					}
				}
			}
		}
	})
	if len(taken) == 0 {
		return false
	}
	released := make(map[string]bool)
	inspectIteration(body, func(n ast.Node) {
		if n.Pos() <= pos {
			return
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				released[types.ExprString(n.X)] = true
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Release" {
				released[types.ExprString(sel.X)] = true
			}
		}
	})
	for _, s := range taken {
		if !released[s] {
			return true
		}
	}
	return false
}

// hasGoto reports whether body (outside function literals) has a goto.
func hasGoto(body *ast.BlockStmt) bool {
	found := false
	inspectNoFuncLits(body, func(n ast.Node) {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			found = true
		}
	})
	return found
}

// inspectNoFuncLits visits the statements of body, nested loops included,
// but not function literals.
func inspectNoFuncLits(body *ast.BlockStmt, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}

// memoized reports whether spawn sits in an if (within one iteration of
// body) whose branch also stores into a map: h := m[k]; if h == nil { h =
// newWorker(); m[k] = h }. The goroutine is started once per key and cached,
// not once per item.
func (u *checker) memoized(body *ast.BlockStmt, spawn ast.Node) bool {
	found := false
	inspectIteration(body, func(n ast.Node) {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || found || !(ifs.Body.Pos() <= spawn.Pos() && spawn.End() <= ifs.Body.End()) {
			return
		}
		for _, st := range ifs.Body.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok {
				continue
			}
			for _, l := range as.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
					if _, isMap := u.pass.TypesInfo.TypeOf(ix.X).Underlying().(*types.Map); isMap {
						found = true
					}
				}
			}
		}
	})
	return found
}

// onceGuard reports whether stmt returns unless a compare-and-swap wins:
// if !x.CompareAndSwap(a, b) { return }. What follows it runs at most once
// per state change, not on every call.
func (u *checker) onceGuard(stmt ast.Stmt) bool {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || !terminates(ifs.Body) {
		return false
	}
	not, ok := ast.Unparen(ifs.Cond).(*ast.UnaryExpr)
	if !ok || not.Op != token.NOT {
		return false
	}
	return signal.IsCompareAndSwap(u.pass.TypesInfo, not.X)
}

// limitedListener reports whether the listener of an Accept call is a
// variable assigned from netutil.LimitListener in the enclosing function.
func (u *checker) limitedListener(accept *ast.CallExpr, fnBody *ast.BlockStmt) bool {
	sel, ok := ast.Unparen(accept.Fun).(*ast.SelectorExpr)
	if !ok || fnBody == nil {
		return false
	}
	obj := u.objectOf(sel.X)
	if obj == nil {
		return false
	}
	found := false
	ast.Inspect(fnBody, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, l := range as.Lhs {
			if i < len(as.Rhs) && u.objectOf(l) == obj {
				if call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok {
					if fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func); ok && fn.FullName() == "golang.org/x/net/netutil.LimitListener" {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

// spawners exports a fact for every function that starts a goroutine at
// the top level of its body (so on every call) with no limit taken first.
func (u *checker) spawners() {
	var decls []*ast.FuncDecl
	for _, f := range u.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	limited := u.limitedGroups()
	for changed := true; changed; {
		changed = false
		for _, fd := range decls {
			fn, ok := u.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			var f spawnerFact
			if u.pass.ImportObjectFact(fn, &f) {
				continue
			}
			for _, stmt := range fd.Body.List {
				if u.onceGuard(stmt) {
					break // what follows runs once, not on every call
				}
				var at token.Pos
				where := "" // the go statement a spawner call leads to
				switch s := stmt.(type) {
				case *ast.GoStmt:
					at = s.Pos()
				case *ast.ExprStmt:
					if call, ok := s.X.(*ast.CallExpr); ok {
						if sp, ok := u.spawnCall(call, limited); ok {
							at, where = sp.node.Pos(), sp.at
						}
					}
				}
				if at.IsValid() && !u.limitBefore(fd.Body, at) && !awaitedAnyhow(fd.Body, stmt) {
					if where == "" {
						posn := u.pass.Fset.Position(at)
						where = fmt.Sprintf("%s:%d", shortFile(posn.Filename), posn.Line)
					}
					u.pass.ExportObjectFact(fn, &spawnerFact{At: where})
					if u.goStmts == nil {
						u.goStmts = make(map[*types.Func]token.Pos)
					}
					u.goStmts[fn] = u.goStmtOf(stmt, at)
					changed = true
					break
				}
			}
		}
	}
}

// inSignalCase reports whether spawn sits in a select case of body that
// receives no value (case <-timer.C:, case <-done:), receives an error
// (case err := <-errc:), or sends: that case
// fires per signal, not per item, even when another case receives items.
func inSignalCase(info *types.Info, body *ast.BlockStmt, spawn ast.Node) bool {
	found := false
	inspectIteration(body, func(n ast.Node) {
		cc, ok := n.(*ast.CommClause)
		if !ok || found || !(cc.Pos() <= spawn.Pos() && spawn.End() <= cc.End()) {
			return
		}
		as, item := cc.Comm.(*ast.AssignStmt) // case v := <-ch: an item
		if item && len(as.Rhs) == 1 {
			if recv, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && recv.Op == token.ARROW && errorChan(info, recv.X) {
				item = false // case err := <-errc: a failure, not an item
			}
		}
		found = !item
	})
	return found
}

// itemCase returns the channel of the select case of body that spawn sits
// in when that case receives a value (case v := <-ch:), or nil. The spawn
// runs once per value of that channel, whichever case of the loop was taken
// to describe it.
func itemCase(body *ast.BlockStmt, spawn ast.Node) ast.Expr {
	var ch ast.Expr
	inspectIteration(body, func(n ast.Node) {
		cc, ok := n.(*ast.CommClause)
		if !ok || ch != nil || !(cc.Pos() <= spawn.Pos() && spawn.End() <= cc.End()) {
			return
		}
		if as, ok := cc.Comm.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if recv, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
				ch = recv.X
			}
		}
	})
	return ch
}

// goStmtOf returns the go statement a spawner's top-level statement leads
// to in this package: the statement itself, or the one recorded for the
// spawner it calls.
func (u *checker) goStmtOf(stmt ast.Stmt, at token.Pos) token.Pos {
	if _, ok := stmt.(*ast.GoStmt); ok {
		return at
	}
	if es, ok := stmt.(*ast.ExprStmt); ok {
		if call, ok := es.X.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(u.pass.TypesInfo, call).(*types.Func); ok {
				return u.goStmts[fn.Origin()]
			}
		}
	}
	return token.NoPos
}

// awaited reports whether statements after spawn (in the same list, not in
// function literals) wait for the spawned goroutine: a receive from, or a
// Wait on, something the goroutine's call mentions (done, wg, t.signal via t).
func awaited(list []ast.Stmt, spawn ast.Node) bool {
	mentioned := make(map[string]bool)
	ast.Inspect(spawn, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			mentioned[id.Name] = true
		}
		return true
	})
	found := false
	for _, stmt := range list {
		if stmt.Pos() <= spawn.Pos() {
			continue
		}
		ast.Inspect(stmt, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if n.Op == token.ARROW && mentioned[rootIdent(n.X)] {
					found = true
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" && mentioned[rootIdent(sel.X)] {
					found = true
				}
			}
			return true
		})
	}
	return found
}

// awaitedAnyhow reports whether a function body, after the spawning
// statement (outside function literals), receives from a channel or calls
// Wait (testing.T.Run waits for its goroutine), or sends on or closes a
// channel the goroutine mentions (a helper stopped by done <- struct{}{}
// before the function returns): either way the goroutine does not outlive
// the call.
func awaitedAnyhow(body *ast.BlockStmt, spawn ast.Stmt) bool {
	mentioned := make(map[string]bool)
	if g, ok := spawn.(*ast.GoStmt); ok {
		ast.Inspect(g, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				mentioned[id.Name] = true
			}
			return true
		})
	}
	pos := spawn.Pos()
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n.Pos() <= pos {
			return n.End() > pos // only descend into what contains or follows pos
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			found = n.Op == token.ARROW
		case *ast.SelectStmt:
			found = true
		case *ast.SendStmt:
			found = mentioned[rootIdent(n.Chan)]
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
				found = true
			}
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "close" && len(n.Args) == 1 && mentioned[rootIdent(n.Args[0])] {
				found = true
			}
		}
		return !found
	})
	return found
}

// rootIdent returns the leftmost identifier of x.y.z, or "".
func rootIdent(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return rootIdent(e.X)
	case *ast.CallExpr:
		return rootIdent(e.Fun)
	case *ast.IndexExpr:
		return rootIdent(e.X)
	}
	return ""
}

func shortFile(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

// goroutinePerItem reports spawns in loops driven by unbounded sources, and
// goroutines started only to block on a send.
func (u *checker) goroutinePerItem() {
	limited := u.limitedGroups()
	inLoop := make(map[ast.Node]bool) // go statements reported as per-item spawns
	u.ins.WithStack([]ast.Node{(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		desc, src := u.source(n)
		if desc == "" {
			return true
		}
		var body *ast.BlockStmt
		if f, ok := n.(*ast.ForStmt); ok {
			body = f.Body
		} else {
			body = n.(*ast.RangeStmt).Body
		}
		if src != nil && readNames[calleeName(src)] == "connection accepted by" && u.limitedListener(src, funcBody(enclosingFunc(stack))) {
			return true // netutil.LimitListener bounds the connections
		}
		for _, s := range u.spawnsIn(body, limited) {
			inLoop[s.node] = true
			if inSignalCase(u.pass.TypesInfo, body, s.node) {
				continue // spawned on a timer or signal case, not per received item
			}
			if u.limitBefore(body, s.node.Pos()) {
				continue // a limit is taken first in this iteration
			}
			if awaited(body.List, s.node) {
				continue // the iteration waits for the goroutine: one at a time
			}
			if u.memoized(body, s.node) {
				continue // started once per key of a map, not once per item
			}
			d := analysis.Diagnostic{Pos: s.node.Pos(), End: s.node.End(), Category: ruleSpawn}
			if pos, ok := u.goStmts[s.via]; ok && s.via != nil && pos.IsValid() {
				// A spawner of this package: point at its go statement. (Across
				// packages facts carry no positions; the message has file:line.)
				d.Related = []analysis.RelatedInformation{{Pos: pos, Message: "the goroutine is started here"}}
			}
			desc := desc
			if ch := itemCase(body, s.node); ch != nil {
				desc = "value received from " + types.ExprString(ch)
			}
			what := "a goroutine is started"
			if s.via != nil {
				what = fmt.Sprintf("%s starts a goroutine (at %s)", s.via.Name(), s.at)
			} else if _, ok := s.node.(*ast.CallExpr); ok {
				what = "an errgroup goroutine without SetLimit is started"
			}
			remedy := "acquire a limit before spawning (a buffered semaphore channel, semaphore.Weighted.Acquire, errgroup.SetLimit) or hand the items to a fixed pool of workers"
			if src != nil && readNames[calleeName(src)] == "connection accepted by" {
				remedy = "wrap the listener with netutil.LimitListener, or acquire a semaphore before spawning"
			}
			d.Message = fmt.Sprintf("%s for each %s with no concurrency limit: under load goroutines (and the memory they hold) grow without bound; %s", what, desc, remedy)
			u.rep.Report(d)
		}
		return true
	})
	u.ins.WithStack([]ast.Node{(*ast.GoStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		g := n.(*ast.GoStmt)
		if !push || inLoop[g] || innermostLoop(stack[:len(stack)-1]) != nil {
			// In an unbounded loop it is a per-item spawn (reported above);
			// in a loop over a collection, the senders are as many as the
			// items and unbuffered-fan-in judges whether they can leak.
			return true
		}
		if send := u.blockedSend(g); send != nil {
			u.rep.Report(analysis.Diagnostic{
				Pos: g.Pos(), End: g.End(), Category: ruleSpawn,
				Message: fmt.Sprintf("goroutine started only to send %s on %s is a queued item with no bound: when the receiver is slow or gone it blocks forever, and under load such goroutines pile up; send in place (blocking, or select with a default that counts the drop) or buffer the channel", types.ExprString(send.Value), types.ExprString(send.Chan)),
			})
		}
		return true
	})
}

// blockedSend returns the send of a goroutine whose body is nothing but a
// blocking send of data computed before it (not a struct{} wake-up, not a
// constant, not a value the goroutine computes itself).
func (u *checker) blockedSend(g *ast.GoStmt) *ast.SendStmt {
	lit, ok := g.Call.Fun.(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return nil
	}
	send, ok := lit.Body.List[0].(*ast.SendStmt)
	if !ok {
		return nil
	}
	ch, ok := u.pass.TypesInfo.TypeOf(send.Chan).Underlying().(*types.Chan)
	if !ok {
		return nil
	}
	if s, ok := ch.Elem().Underlying().(*types.Struct); ok && s.NumFields() == 0 {
		return nil
	}
	if tv := u.pass.TypesInfo.Types[send.Value]; tv.Value != nil || tv.IsNil() {
		return nil
	}
	computed := false
	ast.Inspect(send.Value, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if tv := u.pass.TypesInfo.Types[call.Fun]; !tv.IsType() {
				computed = true // the goroutine computes the value: it is work, not a queued item
			}
		}
		return !computed
	})
	if computed {
		return nil
	}
	return send
}

func calleeName(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return ""
}
