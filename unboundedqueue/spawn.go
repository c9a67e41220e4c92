package unboundedqueue

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/summary"
)

const (
	ruleSpawn = "goroutine-per-item"
	ruleFanIn = "unbuffered-fan-in"
	ruleSlice = "slice-queue"
	ruleList  = "list-queue"
)

// spawnerFact marks a declared function that starts a goroutine on every
// call that returns (internal/summary's exported Spawn): a call of it once
// per item is a spawn per item, in any package. It restates, for this
// analyzer's users and tests, what the summary fact carries.
type spawnerFact struct {
	At string // where the go statement is, "file.go:line"
}

func (*spawnerFact) AFact()           {}
func (f *spawnerFact) String() string { return "spawner" }

// exportSpawners exports a spawnerFact for every declared function of the
// package whose summary spawns.
func (u *checker) exportSpawners() {
	if !u.sum.Built() {
		return
	}
	for _, fn := range u.sum.Form().Funcs() {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil {
			continue
		}
		if s := u.sum.Of(fn); s.Spawns() && s.SpawnAlways {
			u.pass.ExportObjectFact(obj, &spawnerFact{At: s.SpawnAt})
		}
	}
}

// goroutinePerItem reports goroutines started once per item of an unbounded
// source with no concurrency limit: in the loop that takes the items
// (directly, in a nested loop, or through functions that spawn, followed by
// the package's summaries and call graph and the facts of other packages),
// in callbacks that another package calls once per item, goroutines
// started only to block on a send, and limits given back before the
// goroutine they were taken for ends.
func (u *checker) goroutinePerItem() {
	if !u.sum.Built() {
		return
	}
	reported := make(map[token.Pos]bool)
	report := func(d analysis.Diagnostic) {
		if !reported[d.Pos] {
			reported[d.Pos] = true
			u.rep.Report(d)
		}
	}
	// A go statement reported at its own site is reported once: the calls
	// that lead to it (a spawner called in a receive loop) name the same
	// defect, whose fix is at the go statement, so they wait until every
	// site is known.
	atSite := make(map[token.Pos]bool)
	type viaCall struct {
		d     analysis.Diagnostic
		spawn token.Pos
	}
	var calls []viaCall
	for _, fn := range u.sum.Form().Funcs() {
		forest := u.sum.Loops(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Go:
					d, ok := u.perItemGo(fn, forest, x)
					if !ok {
						d, ok = u.releasedEarly(fn, forest, x)
					}
					if !ok {
						d, ok = u.onlySends(fn, forest, x)
					}
					if ok {
						atSite[x.Pos()] = true
						report(d)
					}
				case *ssa.Call:
					if d, spawn, ok := u.perItemCall(fn, forest, x); ok {
						calls = append(calls, viaCall{d, spawn})
					}
					for _, d := range u.callbackSpawns(x) {
						report(d)
					}
				case *ssa.Store:
					if d, ok := u.fieldCallbackSpawn(x); ok {
						report(d)
					}
				}
			}
		}
	}
	for _, c := range calls {
		if !atSite[c.spawn] {
			report(c.d)
		}
	}
}

// perItem returns the item source a spawn at site runs once per, and its
// loop, when nothing bounds it: the spawn is in an open loop after the item
// was taken, it can run again in the next iteration, no limit is taken
// before it (and kept until the goroutine ends), no once-per-state guard
// admits it, and the iteration does not wait for the goroutine.
func (u *checker) perItem(fn *ssa.Function, forest *loops.Forest, site ssa.Instruction, spawned *ssa.Function) (*loops.Loop, *loops.Source) {
	l, src := forest.PerItem(site)
	if src == nil {
		if !u.cfg.Strict {
			return nil, nil
		}
		if l = forest.Innermost(site.Block()); l == nil || !l.Counted || !l.Collection {
			return nil, nil // an integer range is a fixed pool even in strict mode
		}
		src = &loops.Source{Kind: loops.Item, Entry: l.Header, Within: site.Pos()}
	}
	if !l.ReachesHeader(site.Block()) {
		return nil, nil // on a path that leaves the loop: once per loop, not per item
	}
	if summary.FailurePath(site) || summary.StopsSource(l, src, site) {
		return nil, nil // once per failure; once per channel, which the loop then stops receiving from
	}
	if lim := u.sum.Limit(fn, l, site); lim != nil && lim.Release == nil {
		return nil, nil
	}
	if u.sum.OnceGuard(fn, l, site, spawned) || u.sum.Awaited(fn, l, site, spawned) {
		return nil, nil
	}
	if src.Call != nil && u.limitedListener(src.Call) {
		return nil, nil // netutil.LimitListener bounds the connections
	}
	if src.Call != nil && !u.cfg.Strict && unixListener(src.Call) {
		return nil, nil // a Unix domain socket: local processes, not network load
	}
	return l, src
}

func (u *checker) perItemGo(fn *ssa.Function, forest *loops.Forest, g *ssa.Go) (analysis.Diagnostic, bool) {
	spawned := g.Call.StaticCallee()
	if spawned != nil && spawned.Blocks == nil {
		spawned = nil
	}
	_, src := u.perItem(fn, forest, g, spawned)
	if src == nil {
		return analysis.Diagnostic{}, false
	}
	if src.Kind == loops.Tick && !u.blocks(g) {
		return analysis.Diagnostic{}, false // work that cannot block ends before the next tick
	}
	stmt := u.syn.goStmts[g.Pos()]
	if stmt == nil {
		return analysis.Diagnostic{}, false
	}
	return analysis.Diagnostic{
		Pos: stmt.Pos(), End: stmt.End(), Category: ruleSpawn,
		Message: u.spawnMessage("goroutine started", src, remedyFor(src)),
	}, true
}

// perItemCall reports a call, once per item, of a function that spawns; it
// also returns the position of the go statement the spawn is (a call's own
// position when the spawner is known only by its name).
func (u *checker) perItemCall(fn *ssa.Function, forest *loops.Forest, call *ssa.Call) (analysis.Diagnostic, token.Pos, bool) {
	if _, src := forest.PerItem(call); src == nil && !u.cfg.Strict {
		return analysis.Diagnostic{}, token.NoPos, false // cheap test first: most calls are not in such loops
	}
	sp := u.sum.SpawnsOf(call)
	if sp == nil {
		return analysis.Diagnostic{}, token.NoPos, false
	}
	_, src := u.perItem(fn, forest, call, nil)
	if src == nil || src.Kind == loops.Tick {
		return analysis.Diagnostic{}, token.NoPos, false // a spawner's work is not visible here: ticks need evidence that it blocks
	}
	ce := u.syn.calls[call.Pos()]
	if ce == nil {
		return analysis.Diagnostic{}, token.NoPos, false
	}
	var what string
	switch {
	case u.sum.GroupGo(call.Common()):
		what = fmt.Sprintf("%s goroutine started", groupName(call.Common()))
	case sp.Via != nil && sp.Via.Pkg() != nil && sp.Via.Pkg() != u.pass.Pkg && u.inGOROOT(sp.Via.Pos()):
		what = fmt.Sprintf("%s.%s starts a goroutine", sp.Via.Pkg().Name(), sp.Via.Name()) // no position inside GOROOT
	case sp.Via != nil:
		what = fmt.Sprintf("%s starts a goroutine (%s)", sp.Via.Name(), sp.At)
	default:
		what = fmt.Sprintf("%s starts a goroutine (%s)", types.ExprString(ce.Fun), sp.At)
	}
	d := analysis.Diagnostic{
		Pos: ce.Pos(), End: ce.End(), Category: ruleSpawn,
		Message: u.spawnMessage(what, src, remedyFor(src)),
	}
	if sp.Pos.IsValid() && sp.Pos != call.Pos() {
		d.Related = []analysis.RelatedInformation{{Pos: sp.Pos, Message: "the goroutine is started here"}}
	}
	return d, sp.Pos, true
}

// inGOROOT reports whether pos is in a file of the Go distribution (the
// standard library): a message names such a spawner, not its position.
func (u *checker) inGOROOT(pos token.Pos) bool {
	name := u.pass.Fset.Position(pos).Filename
	root := runtime.GOROOT()
	return strings.HasPrefix(name, "$GOROOT") || (root != "" && strings.HasPrefix(name, root+string(filepath.Separator)))
}

func groupName(cc *ssa.CallCommon) string {
	if fn := cc.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		if n, ok := types.Unalias(fn.Signature.Recv().Type().(*types.Pointer).Elem()).(*types.Named); ok && n.Obj().Name() == "WaitGroup" {
			return "wg.Go"
		}
	}
	return "errgroup (no SetLimit)"
}

// blocks reports whether the work a go statement starts may block (on a
// lock, a channel, I/O, a sleep): only then can one outlast a tick.
func (u *checker) blocks(g *ssa.Go) bool {
	for _, t := range u.sum.Targets(g) {
		if t.Blocks {
			return true
		}
	}
	return false
}

// spawnMessage words a per-item finding: what starts, per what, and the
// bounded alternative.
func (u *checker) spawnMessage(what string, src *loops.Source, remedy string) string {
	return fmt.Sprintf("%s per %s with no limit: under load they pile up; %s", what, u.describe(src), remedy)
}

func remedyFor(src *loops.Source) string {
	if src.Kind == loops.Tick {
		return "skip the tick while the previous run is in progress, or do the work in the loop"
	}
	if src.Call != nil && isAccept(src.Call) {
		return "wrap the listener with netutil.LimitListener or take a semaphore before the spawn"
	}
	return "take a semaphore before the spawn or use a fixed pool of workers"
}

func isAccept(cc *ssa.CallCommon) bool {
	name := ""
	var recv types.Type
	if cc.IsInvoke() {
		name, recv = cc.Method.Name(), cc.Value.Type()
	} else if fn := cc.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		name, recv = fn.Name(), fn.Signature.Recv().Type()
	}
	if name != "Accept" && name != "AcceptTCP" && name != "AcceptUnix" {
		return false
	}
	return implementsListener(recv)
}

// implementsListener reports whether t has the methods of net.Listener
// (Accept, Close, Addr): netutil.LimitListener fits only those.
func implementsListener(t types.Type) bool {
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "Accept") != nil && ms.Lookup(nil, "Close") != nil && ms.Lookup(nil, "Addr") != nil
}

// describe says what a source delivers, as written.
func (u *checker) describe(src *loops.Source) string {
	switch x := src.Instr.(type) {
	case *ssa.UnOp:
		if e := u.syn.recvs[x.Pos()]; e != nil {
			if src.Kind == loops.Tick {
				return "tick of " + types.ExprString(e)
			}
			return "value received from " + types.ExprString(e)
		}
	case *ssa.Select:
		for _, st := range x.States {
			if st.Chan == src.Chan {
				if e := u.syn.recvs[st.Pos]; e != nil {
					if src.Kind == loops.Tick {
						return "tick of " + types.ExprString(e)
					}
					return "value received from " + types.ExprString(e)
				}
			}
		}
	case *ssa.Call:
		if ce := u.syn.calls[x.Pos()]; ce != nil {
			return readWhat(ce) + " " + types.ExprString(ce.Fun) + "()"
		}
	}
	if src.Within.IsValid() {
		if rs := u.syn.rangeAround(src.Within); rs != nil {
			return "element of " + types.ExprString(rs.X)
		}
		return "element of the collection ranged over"
	}
	return "item"
}

func readWhat(ce *ast.CallExpr) string {
	name := ""
	switch f := ast.Unparen(ce.Fun).(type) {
	case *ast.SelectorExpr:
		name = f.Sel.Name
	case *ast.Ident:
		name = f.Name
	}
	switch name {
	case "Accept", "AcceptTCP", "AcceptUnix", "AcceptConn":
		return "connection accepted by"
	case "AcceptStream", "AcceptUniStream":
		return "stream accepted by"
	case "Scan":
		return "line scanned by"
	case "ReadLine", "ReadString", "ReadBytes", "ReadSlice":
		return "line read by"
	case "ReadFrame":
		return "frame read by"
	case "Recv", "RecvMsg", "Receive":
		return "message received by"
	case "Read", "ReadFull", "ReadAtLeast":
		return "chunk read by"
	}
	return "message read by"
}

// limitedListener reports whether the listener of an accept call comes
// from netutil.LimitListener: the value itself, or a field or variable the
// package stores only such values in.
func (u *checker) limitedListener(cc *ssa.CallCommon) bool {
	var recv ssa.Value
	if cc.IsInvoke() {
		recv = cc.Value
	} else if len(cc.Args) > 0 {
		recv = cc.Args[0]
	}
	if recv == nil {
		return false
	}
	isLimit := func(v ssa.Value) bool {
		c, ok := summary.Root(v).(*ssa.Call)
		if !ok {
			return false
		}
		f := c.Call.StaticCallee()
		return f != nil && f.String() == "golang.org/x/net/netutil.LimitListener"
	}
	if isLimit(recv) || optionalLimitListener(recv, isLimit) {
		return true
	}
	loc := summary.ChanLoc(recv) // the field or variable it is loaded from
	found := false
	for _, fn := range u.sum.Form().Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok && (isLimit(st.Val) || optionalLimitListener(st.Val, isLimit)) {
					if summary.ChanLoc(&ssa.UnOp{Op: token.MUL, X: st.Addr}) == loc {
						found = true
					}
				}
			}
		}
	}
	return found
}

// optionalLimitListener reports whether v is a listener limited whenever a
// limit is configured: the join of ln and netutil.LimitListener(ln, n)
// where the branch that chooses tests n against a constant (if n > 0 { ln
// = netutil.LimitListener(ln, n) }).
//
// Property: as for an optional semaphore (internal/summary's testsLimit),
// the side without the wrapper is the configured "unlimited" mode the
// author wrote as a mode, not a way around the limit.
func optionalLimitListener(v ssa.Value, isLimit func(ssa.Value) bool) bool {
	phi, ok := v.(*ssa.Phi)
	if !ok {
		return false
	}
	var edges []ssa.Value // a loop header's phi also has itself as an edge
	for _, e := range phi.Edges {
		if e != ssa.Value(phi) {
			edges = append(edges, e)
		}
	}
	if len(edges) != 2 {
		return false
	}
	for i, e := range edges {
		c, ok := summary.Root(e).(*ssa.Call)
		if !ok || !isLimit(e) || len(c.Call.Args) != 2 {
			continue
		}
		other := edges[1-i]
		if summary.Root(other) != summary.Root(c.Call.Args[0]) {
			continue
		}
		d := phi.Block().Idom()
		if d == nil || len(d.Instrs) == 0 {
			return false
		}
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			return false
		}
		bin, ok := ifi.Cond.(*ssa.BinOp)
		if !ok {
			return false
		}
		x, k := bin.X, bin.Y
		if _, isConst := x.(*ssa.Const); isConst {
			x, k = k, x
		}
		if _, isConst := k.(*ssa.Const); !isConst {
			return false
		}
		n := c.Call.Args[1]
		same := func(a, b ssa.Value) bool {
			a, b = summary.StripConv(a), summary.StripConv(b)
			if a == b {
				return true
			}
			la, lb := summary.ChanLoc(a), summary.ChanLoc(b)
			_, va := la.(ssa.Value)
			return !va && la == lb // both loaded from one field or variable
		}
		return same(x, n)
	}
	return false
}

// releasedEarly reports a go statement before which a limit is taken and
// given back by the spawning function right after the go statement: it
// bounds how fast goroutines start, not how many run (SPEC: a limit
// released before the spawned work ends bounds nothing).
func (u *checker) releasedEarly(fn *ssa.Function, forest *loops.Forest, g *ssa.Go) (analysis.Diagnostic, bool) {
	lim := u.sum.Limit(fn, forest.Innermost(g.Block()), g)
	if lim == nil || lim.Release == nil {
		return analysis.Diagnostic{}, false
	}
	stmt := u.syn.goStmts[g.Pos()]
	if stmt == nil {
		return analysis.Diagnostic{}, false
	}
	line := func(p token.Pos) int { return u.pass.Fset.Position(p).Line }
	return analysis.Diagnostic{
		Pos: stmt.Pos(), End: stmt.End(), Category: ruleSpawn,
		Message: fmt.Sprintf("the limit taken at line %d is given back at line %d, as soon as the goroutine starts: it bounds the go statement, not the goroutines, which pile up under load; release it in the goroutine (defer)", line(lim.Acquire.Pos()), line(lim.Release.Pos())),
		Related: []analysis.RelatedInformation{{Pos: lim.Release.Pos(), Message: "given back here, before the goroutine ends"}},
	}, true
}

// onlySends reports a goroutine started only to perform a blocking send
// of a value computed before it (go func() { ch <- ev }(), also after a
// defer, or a function whose only effect is that send): a queued item with
// no bound wherever it appears, blocked forever if the receiver is gone.
// A go statement in a loop is judged as a spawn per item (or, over a
// collection, as senders of a fan-in), not here.
func (u *checker) onlySends(fn *ssa.Function, forest *loops.Forest, g *ssa.Go) (analysis.Diagnostic, bool) {
	if forest.Innermost(g.Block()) != nil {
		return analysis.Diagnostic{}, false
	}
	ch, val := u.onlySend(g)
	if ch == nil {
		return analysis.Diagnostic{}, false
	}
	stmt := u.syn.goStmts[g.Pos()]
	if stmt == nil {
		return analysis.Diagnostic{}, false
	}
	remedy := "send in place (or in a select whose default counts the drop), or buffer the channel"
	if receivesFrom(fn, ch) {
		remedy = "queue the value in a bounded buffer (a buffered channel, a capped slice)" // the spawner is the receiver: it cannot send in place
	}
	return analysis.Diagnostic{
		Pos: stmt.Pos(), End: stmt.End(), Category: ruleSpawn,
		Message: fmt.Sprintf("goroutine started only to send %s is a queued item with no bound: it blocks forever if the receiver is slow or gone, and they pile up; %s", val, remedy),
	}, true
}

// onlySend returns the channel and a description of the value when the
// goroutine's function does nothing but one blocking send of a value it was
// given, or a call of a function that does only that.
func (u *checker) onlySend(g *ssa.Go) (ssa.Value, string) {
	fn := g.Call.StaticCallee()
	if fn == nil || fn.Blocks == nil {
		return nil, ""
	}
	if fn.Parent() == nil { // a named function: its summary says
		for _, t := range u.sum.Targets(g) {
			if t.SendsArg && t.Fn != nil {
				if ch, v := sendIn(t.Fn); ch != nil {
					return ch, v
				}
			}
		}
		return nil, ""
	}
	// A literal: one send (or one call of a function that only sends), with
	// nothing else but defers, loads of what it captured, and conversions.
	var send *ssa.Send
	var call *ssa.Call
	for _, b := range fn.Blocks {
		if b == fn.Recover {
			continue
		}
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Send:
				if send != nil || call != nil {
					return nil, ""
				}
				send = x
			case *ssa.Call:
				if send != nil || call != nil {
					return nil, ""
				}
				call = x
			case *ssa.Defer, *ssa.RunDefers, *ssa.MakeClosure, *ssa.UnOp, *ssa.FieldAddr, *ssa.Field, *ssa.MakeInterface,
				*ssa.ChangeType, *ssa.ChangeInterface, *ssa.Convert, *ssa.Return, *ssa.DebugRef, *ssa.Jump, *ssa.Alloc, *ssa.Store, *ssa.Extract, *ssa.IndexAddr, *ssa.Index:
				if u, ok := x.(*ssa.UnOp); ok && u.Op == token.ARROW {
					return nil, ""
				}
			default:
				return nil, ""
			}
		}
	}
	switch {
	case send != nil:
		if !dataValue(send.X) {
			return nil, ""
		}
		return send.Chan, u.valueText(send)
	case call != nil:
		for _, t := range u.sum.Targets(call) {
			if t.SendsArg {
				name := "a value"
				if ce := u.syn.calls[call.Pos()]; ce != nil {
					name = "through " + types.ExprString(ce.Fun)
				}
				if t.Fn != nil {
					if ch, _ := sendIn(t.Fn); ch != nil {
						return ch, name
					}
				}
				return call.Common().Value, name
			}
		}
	}
	return nil, ""
}

// sendIn returns the channel of the only send of fn.
func sendIn(fn *ssa.Function) (ssa.Value, string) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if s, ok := instr.(*ssa.Send); ok {
				return s.Chan, "its argument"
			}
		}
	}
	return nil, ""
}

// dataValue reports whether a sent value is an item, not a notification: a
// constant or a value of a type without size says the same on every send.
func dataValue(v ssa.Value) bool {
	if _, ok := v.(*ssa.Const); ok {
		return false
	}
	if s, ok := v.Type().Underlying().(*types.Struct); ok && s.NumFields() == 0 {
		return false
	}
	return true
}

func (u *checker) valueText(send *ssa.Send) string {
	if s := u.syn.sends[send.Pos()]; s != nil {
		return types.ExprString(s.Value) + " on " + types.ExprString(s.Chan)
	}
	return "a value"
}

// receivesFrom reports whether fn receives from the channel ch is loaded
// from (the spawner is the channel's own receiver).
func receivesFrom(fn *ssa.Function, ch ssa.Value) bool {
	loc := summary.ChanLoc(ch)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW && summary.ChanLoc(x.X) == loc {
					return true
				}
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.RecvOnly && summary.ChanLoc(st.Chan) == loc {
						return true
					}
				}
			}
		}
	}
	return false
}

// callbackSpawns reports, at a call of a function of another package that
// calls one of its func-typed parameters once per item of an unbounded
// source (a read loop's handler), the spawns of the function passed there.
// Within the package the loop's own call is reported instead (perItemCall).
func (u *checker) callbackSpawns(call *ssa.Call) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, t := range u.sum.Targets(call) {
		if t.Obj == nil || t.Fn != nil || t.PerItem == nil {
			continue // only callers in other packages: in this one the loop is visible
		}
		n := t.Obj.Signature().Params().Len()
		for j := 0; j < n; j++ {
			if !t.PerItem(j) {
				continue
			}
			arg := argOf(call.Common(), t.Obj, j)
			if d, ok := u.spawnIn(arg, fmt.Sprintf("%s calls once per item", t.Obj.Name()), call.Pos()); ok {
				out = append(out, d)
			} else if d, ok := u.madeSpawner(arg, call, t.Obj); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// madeSpawner reports, at a call of caller (a per-item caller of another
// package) given arg, the result of a call of a function whose returned
// handler starts a goroutine on every call (handlertable.Async(h)):
// Register(msg, Async(h)) starts a goroutine per item. Property: the
// handler arg runs once per item, and each run spawns, with no limit.
func (u *checker) madeSpawner(arg ssa.Value, call *ssa.Call, caller *types.Func) (analysis.Diagnostic, bool) {
	made, ok := unwrapValue(arg).(*ssa.Call)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	for _, t := range u.sum.Targets(made) {
		if t.ReturnsSpawn == "" || t.Obj == nil {
			continue
		}
		pos, end := call.Pos(), call.Pos()
		if ce := u.syn.calls[call.Pos()]; ce != nil {
			pos, end = ce.Pos(), ce.End()
		}
		d := analysis.Diagnostic{
			Pos: pos, End: end, Category: ruleSpawn,
			Message: fmt.Sprintf("%s returns a handler that starts a goroutine (%s) per call, and %s calls it once per item, with no limit: under load they pile up; take a semaphore before the spawn or use a worker pool", t.Obj.Name(), t.ReturnsSpawn, caller.Name()),
		}
		if t.ReturnsSpawnPos.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: t.ReturnsSpawnPos, Message: "the goroutine is started here"}}
		}
		return d, true
	}
	return analysis.Diagnostic{}, false
}

// unwrapValue strips conversions to an interface or another func type.
func unwrapValue(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// fieldCallbackSpawn reports a function that spawns stored in a field that
// the field's package calls once per item (a handler field).
func (u *checker) fieldCallbackSpawn(st *ssa.Store) (analysis.Diagnostic, bool) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	f := fieldVar(fa)
	if f == nil || f.Pkg() == u.pass.Pkg || !u.sum.FieldPerItem(f) {
		return analysis.Diagnostic{}, false
	}
	return u.spawnIn(st.Val, fmt.Sprintf("%s calls once per item through field %s", f.Pkg().Name(), f.Name()), st.Pos())
}

func fieldVar(fa *ssa.FieldAddr) *types.Var {
	t := fa.X.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, ok := t.(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field).Origin()
}

// spawnIn reports the spawn of a function value of this package run once
// per item by code elsewhere (why says how).
func (u *checker) spawnIn(v ssa.Value, why string, at token.Pos) (analysis.Diagnostic, bool) {
	fn := funcOf(v)
	s := u.sum.Of(fn)
	if !s.Spawns() || !s.SpawnPos.IsValid() {
		return analysis.Diagnostic{}, false
	}
	pos, end := s.SpawnPos, s.SpawnPos
	if stmt := u.syn.goStmts[s.SpawnPos]; stmt != nil {
		pos, end = stmt.Pos(), stmt.End()
	} else if ce := u.syn.calls[s.SpawnPos]; ce != nil {
		pos, end = ce.Pos(), ce.End()
	}
	d := analysis.Diagnostic{
		Pos: pos, End: end, Category: ruleSpawn,
		Message: fmt.Sprintf("goroutine started in a callback that %s, with no limit: under load they pile up; take a semaphore before the spawn or use a fixed pool of workers", why),
	}
	if at.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: at, Message: "the callback is handed over here"}}
	}
	return d, true
}

func funcOf(v ssa.Value) *ssa.Function {
	switch x := unwrapValue(v).(type) {
	case *ssa.Function:
		return x
	case *ssa.MakeClosure:
		return x.Fn.(*ssa.Function)
	}
	return nil
}

// argOf returns the argument of call for parameter j of obj (the receiver
// excluded).
func argOf(cc *ssa.CallCommon, obj *types.Func, j int) ssa.Value {
	args := cc.Args
	if !cc.IsInvoke() && obj.Signature().Recv() != nil {
		args = args[1:]
	}
	if j >= len(args) {
		return nil
	}
	return args[j]
}

// unixListener reports whether an accept call takes connections of a Unix
// domain socket: a method of *net.UnixListener (AcceptUnix, Accept), or an
// Accept on a listener made in the function by a call given the network
// "unix" or "unixpacket" (net.Listen("unix", path), a wrapper of it).
//
// Property: a Unix domain socket accepts only processes of the same host
// with permission on its file (an administration socket, an IPC pipe
// between a program's own processes, an agent socket in a private
// directory): what connects is not network load, and a goroutine per
// connection is how such a server is written. Seen on a DNS proxy's fd
// server, a mail server's update pipe, and in earlier rounds an SSH
// agent's forwarding socket and an online-migration tool's command socket
// (test package unboundedqueue/spawn_unix_socket_accept). A TCP listener,
// also one bound to localhost, stays reported, and strict reports these.
func unixListener(cc *ssa.CallCommon) bool {
	if fn := cc.StaticCallee(); fn != nil {
		if recv := fn.Signature.Recv(); recv != nil && isUnixListener(recv.Type()) {
			return true
		}
	}
	var recv ssa.Value
	if cc.IsInvoke() {
		recv = cc.Value
	} else if len(cc.Args) > 0 {
		recv = cc.Args[0]
	}
	return recv != nil && madeUnix(recv, 0)
}

func isUnixListener(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && isNamed(p.Elem(), "net", "UnixListener")
}

// madeUnix reports whether the listener v is a *net.UnixListener or the
// result of a call given the network "unix" or "unixpacket".
func madeUnix(v ssa.Value, depth int) bool {
	if depth > 8 || v == nil {
		return false
	}
	if isUnixListener(v.Type()) {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return madeUnix(x.X, depth+1)
	case *ssa.ChangeInterface:
		return madeUnix(x.X, depth+1)
	case *ssa.ChangeType:
		return madeUnix(x.X, depth+1)
	case *ssa.FreeVar:
		return madeUnix(summary.Root(x), depth+1)
	case *ssa.UnOp:
		// A local captured by a closure lives in memory: the one value
		// stored there.
		if x.Op != token.MUL {
			return false
		}
		addr := x.X
		if fv, ok := addr.(*ssa.FreeVar); ok {
			addr = summary.Root(fv)
		}
		if _, ok := addr.(*ssa.Alloc); !ok {
			return false
		}
		return madeUnix(summary.StoredOnce(addr), depth+1)
	case *ssa.Extract:
		return madeUnix(x.Tuple, depth+1)
	case *ssa.Call:
		for _, a := range x.Call.Args {
			if c, ok := a.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
				if n := constant.StringVal(c.Value); n == "unix" || n == "unixpacket" {
					return true
				}
			}
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != ssa.Value(x) && !madeUnix(e, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	}
	return false
}
