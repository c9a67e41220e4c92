package summary

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/ssaform"
)

// update recomputes what can grow in fn's summary from its instructions and
// the current summaries of what it calls; it reports whether anything did.
func (r *Result) update(fn *ssa.Function) bool {
	s := r.funcs[fn]
	changed := false
	set := func(m map[int]bool, i int) {
		if i >= 0 && !m[i] {
			m[i] = true
			changed = true
		}
	}
	// spawn records a spawn at site; one on every path to a return (and,
	// through a call, one the callee always makes) makes SpawnAlways.
	spawn := func(at string, pos token.Pos, site ssa.Instruction, always bool) {
		if at == "" {
			return
		}
		if !s.guardMixed {
			g := paramGuard(fn, site.Block())
			if s.SpawnAt == "" {
				s.SpawnGuard = g
			} else if s.SpawnGuard != g {
				s.SpawnGuard, s.guardMixed = 0, true
				changed = true
			}
		}
		if s.SpawnAt == "" {
			s.SpawnAt, s.SpawnPos = at, pos
			changed = true
		}
		if !s.SpawnAlways && always && onEveryPath(site) {
			s.SpawnAt, s.SpawnPos, s.SpawnAlways = at, pos, true
			changed = true
		}
	}
	forest := r.Loops(fn)
	whole := scope{fn: fn}
	// Whether an instruction of fn blocks is known from the first round on:
	// later rounds ask only the callees.
	ownBlocks := !s.seen
	s.seen = true
	for _, b := range fn.Blocks {
		// A spawn in an open loop of fn (one driven by a receive, a read, a
		// condition) is judged at that loop: fn is a loop that runs for as
		// long as its source, not a function that spawns per call. In a
		// counted loop (over a collection) it is a fan-out per call.
		openLoop := false
		for l := forest.Innermost(b); l != nil; l = l.Parent {
			if !l.Counted {
				openLoop = true
			}
		}
		for _, instr := range b.Instrs {
			if ownBlocks && !s.Blocks && blocksHere(instr) {
				s.Blocks, changed = true, true
			}
			switch x := instr.(type) {
			case *ssa.Go:
				if !s.SpawnAlways && !openLoop && r.countsOnce(whole, x, r.spawned(x)) {
					spawn(position(r.pass.Fset, x.Pos()), x.Pos(), x, true)
				}
			case *ssa.MakeClosure:
				// A literal calling a callback it captured from fn's
				// parameter: fn calls its parameter when the literal runs.
				lit := r.funcs[x.Fn.(*ssa.Function)]
				if lit == nil {
					continue
				}
				for j := range lit.PerItemFree {
					if i := paramIndex(fn, x.Bindings[j]); i >= 0 {
						set(s.PerItem, i)
					} else if k := freeIndex(fn, x.Bindings[j]); k >= 0 {
						set(s.PerItemFree, k)
					}
				}
				for j := range lit.InvokesFree {
					if i := paramIndex(fn, x.Bindings[j]); i >= 0 {
						set(s.Invokes, i)
					} else if k := freeIndex(fn, x.Bindings[j]); k >= 0 {
						set(s.InvokesFree, k)
					}
				}
			case *ssa.Store, *ssa.MapUpdate:
				// A callback of fn's stored where this package (or the
				// field's own) calls it once per item: fn hands it to a
				// per-item caller (a handler registered in a table).
				if i, f := storedCallback(fn, x); i >= 0 {
					r.storers[fn] = true // found on fn's first update, which every function has
					if r.FieldPerItem(f) {
						set(s.PerItem, i)
					}
				}
			case *ssa.Call:
				cc := x.Common()
				_, src := forest.PerItem(x)
				perItem := src != nil && src.Kind == loops.Item
				// A call of a callback: a parameter, a captured one, a field.
				if !cc.IsInvoke() && cc.StaticCallee() == nil {
					if i := paramIndex(fn, cc.Value); i >= 0 {
						if perItem {
							set(s.PerItem, i)
						} else {
							set(s.Invokes, i)
						}
					} else if k := freeIndex(fn, cc.Value); k >= 0 {
						if perItem {
							set(s.PerItemFree, k)
						} else {
							set(s.InvokesFree, k)
						}
					} else if f := calledField(cc.Value); f != nil && perItem && !r.fieldItem[f] {
						r.fieldItem[f] = true
						r.fieldTick = r.tick
						changed = true
					}
				}
				if !s.SpawnAlways && !openLoop && r.isGroupGo(cc) && r.countsOnce(whole, x, nil) {
					spawn(position(r.pass.Fset, x.Pos()), x.Pos(), x, true)
				}
				// A call of fn's own callback (a parameter, or one captured
				// from the enclosing function) runs whatever each caller
				// passes: what it does is judged at each call of fn
				// (passCallbacks), not by the union of every caller's
				// functions, which would make fn spawn for all of them.
				callsCallback := !cc.IsInvoke() && cc.StaticCallee() == nil && (paramIndex(fn, cc.Value) >= 0 || freeIndex(fn, cc.Value) >= 0)
				for _, t := range r.targets(cc, x) {
					if callsCallback {
						continue
					}
					if !s.Blocks && t.blocks() {
						s.Blocks, changed = true, true
					}
					if at := t.spawnAtCall(cc); !s.SpawnAlways && !openLoop && at != "" && r.countsOnce(whole, x, nil) {
						pos := token.NoPos
						if t.sum != nil {
							pos = t.sum.SpawnPos
						}
						spawn(at, pos, x, t.spawnsAlways())
					}
					r.passCallbacks(fn, s, cc, t, perItem, set, spawn, whole, x, openLoop)
				}
			}
		}
	}
	if s.ReturnsSpawn == "" {
		if sum := r.returnsSpawner(fn); sum != nil {
			s.ReturnsSpawn, s.ReturnsSpawnPos = sum.SpawnAt, sum.SpawnPos
			changed = true
		}
	}
	return changed
}

// returnsSpawner returns, when fn has one result, of func type, and every
// return of fn gives a literal or function of the package that spawns on
// every call, the summary of the first one; or nil. Property: each call
// of the returned handler starts a goroutine (func(m M) { go f(m) }, a
// wrapper that makes a handler asynchronous), so whoever calls it once
// per item starts one per item.
func (r *Result) returnsSpawner(fn *ssa.Function) *Summary {
	res := fn.Signature.Results()
	if res.Len() != 1 {
		return nil
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	var first *Summary
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		sum := r.Of(funcValue(ret.Results[0]))
		if sum == nil || !sum.SpawnAlways {
			return nil
		}
		if first == nil {
			first = sum
		}
	}
	return first
}

// reads returns the summaries update(fn) looks at besides fn's own: those
// of the literals fn makes, of what its calls may run, and of the
// functions it passes to them (a superset).
func (r *Result) reads(fn *ssa.Function) []*Summary {
	var out []*Summary
	add := func(s *Summary) {
		if s != nil && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.MakeClosure:
				add(r.funcs[x.Fn.(*ssa.Function)])
			case *ssa.Call:
				cc := x.Common()
				for _, t := range r.targets(cc, x) {
					add(t.sum)
				}
				for _, a := range cc.Args {
					add(r.Of(funcValue(a)))
				}
			}
		}
	}
	return out
}

// changedSince reports whether one of sums changed after tick.
func changedSince(sums []*Summary, tick int) bool {
	for _, s := range sums {
		if s.changed > tick {
			return true
		}
	}
	return false
}

// passCallbacks carries what a callee does with its func-typed parameters
// (and a literal with its captured ones) to the caller: a callback of fn's
// own passed on to a callee that calls it (per item) makes fn call it (per
// item); a function passed to a callee that calls it per item, or calls it
// at all, runs what that function does: if it spawns, the call spawns.
func (r *Result) passCallbacks(fn *ssa.Function, s *Summary, cc *ssa.CallCommon, t target, perItem bool, set func(map[int]bool, int), spawn func(string, token.Pos, ssa.Instruction, bool), whole scope, site ssa.CallInstruction, openLoop bool) {
	nparams := 0
	if t.obj != nil {
		nparams = t.obj.Signature().Params().Len()
	} else if t.fn != nil {
		nparams = len(t.fn.Params)
		if t.fn.Signature.Recv() != nil {
			nparams--
		}
	}
	for j := 0; j < nparams; j++ {
		calledPerItem, called := t.perItem(j), t.invokes(j)
		if !calledPerItem && !called {
			continue
		}
		arg := argOf(cc, j)
		if arg == nil {
			continue
		}
		if i := paramIndex(fn, arg); i >= 0 {
			if calledPerItem || perItem {
				set(s.PerItem, i)
			} else {
				set(s.Invokes, i)
			}
		} else if k := freeIndex(fn, arg); k >= 0 {
			if calledPerItem || perItem {
				set(s.PerItemFree, k)
			} else {
				set(s.InvokesFree, k)
			}
		}
		if cb := r.Of(funcValue(arg)); cb.Spawns() && !s.SpawnAlways && !openLoop && r.countsOnce(whole, site, nil) {
			spawn(cb.SpawnAt, cb.SpawnPos, site, false) // whether the callee calls it on every call is not known
		}
	}
	// A literal called directly: what it does with its captured callbacks.
	if t.sum != nil && t.fn != nil && t.fn.Parent() != nil {
		mc, _ := cc.Value.(*ssa.MakeClosure)
		if mc == nil {
			return
		}
		for j := range t.sum.InvokesFree {
			if i := paramIndex(fn, mc.Bindings[j]); i >= 0 {
				if perItem {
					set(s.PerItem, i)
				} else {
					set(s.Invokes, i)
				}
			}
		}
		for j := range t.sum.PerItemFree {
			if i := paramIndex(fn, mc.Bindings[j]); i >= 0 {
				set(s.PerItem, i)
			}
		}
	}
}

// onEveryPath reports whether every path from fn's entry to a return
// passes through site's block.
func onEveryPath(site ssa.Instruction) bool {
	fn := site.Parent()
	b := site.Block()
	if b == fn.Blocks[0] {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok {
			return false
		}
		for _, n := range x.Succs {
			if n != b && !seen[n] {
				seen[n] = true
				stack = append(stack, n)
			}
		}
	}
	return true
}

// counts reports whether a spawn at site (a go statement, or a call that
// may start a goroutine) counts as one per call of the scope: it is not on
// a failure path, no limit is taken before it and kept until the goroutine
// ends, no once-per-state guard admits it, and the scope does not wait for
// the goroutine afterwards.
func (r *Result) counts(sc scope, site ssa.Instruction, spawned *ssa.Function) bool {
	if failurePath(site) {
		return false // a reaction to a failure, not to a call or an item
	}
	if l := r.limitBefore(sc, site); l != nil && l.Release == nil {
		return false
	}
	if r.onceGuard(sc, site, spawned) || r.counterGuard(sc, site, spawned) || r.slotsGuard(sc, site, spawned) || r.thresholdGuard(sc, site) || r.poolBranch(sc, site) {
		return false
	}
	return !r.awaited(sc, site, given(site), spawned)
}

// countsOnce is counts over the whole function (sc.loop nil), computed
// once per site: nothing counts looks at (fn's SSA form, the token channels
// and limited groups of index, the loops) changes between the rounds of the
// fixpoint, which ask it again for every site on every round.
func (r *Result) countsOnce(sc scope, site ssa.Instruction, spawned *ssa.Function) bool {
	k := countKey{site, spawned}
	if v, ok := r.countMemo[k]; ok {
		return v
	}
	v := r.counts(sc, site, spawned)
	r.countMemo[k] = v
	return v
}

type countKey struct {
	site    ssa.Instruction
	spawned *ssa.Function
}

// given returns what a go statement or call hands its function: the
// arguments, the closure's bound variables, the receiver of an interface
// call.
func given(site ssa.Instruction) []ssa.Value {
	ci, ok := site.(ssa.CallInstruction)
	if !ok {
		return nil
	}
	cc := ci.Common()
	out := append([]ssa.Value(nil), cc.Args...)
	for _, a := range cc.Args {
		if mc, ok := a.(*ssa.MakeClosure); ok {
			out = append(out, mc.Bindings...) // a callback: what it captured (wg, done)
		}
	}
	if mc, ok := cc.Value.(*ssa.MakeClosure); ok {
		out = append(out, mc.Bindings...)
	} else if cc.IsInvoke() {
		out = append(out, cc.Value)
	}
	return out
}

// spawned returns the function a go statement runs, when the package
// defines it (a literal, a function, a method called statically).
func (r *Result) spawned(g *ssa.Go) *ssa.Function {
	if fn := g.Call.StaticCallee(); fn != nil && fn.Blocks != nil {
		return fn
	}
	return nil
}

// isGroupGo reports whether a call runs its function argument on a new
// goroutine: (*errgroup.Group).Go on a group without SetLimit, or
// (*sync.WaitGroup).Go.
func (r *Result) isGroupGo(cc *ssa.CallCommon) bool {
	fn := cc.StaticCallee()
	if fn == nil {
		return false
	}
	switch {
	case ssaform.IsFunc(fn, "(*golang.org/x/sync/errgroup.Group).Go"):
		return len(cc.Args) == 0 || !r.groups[groupKey(cc.Args[0])]
	case ssaform.IsFunc(fn, "(*sync.WaitGroup).Go"):
		return true
	}
	return false
}

// GroupGo reports whether a call starts a goroutine through an errgroup
// without SetLimit or a sync.WaitGroup's Go.
func (r *Result) GroupGo(cc *ssa.CallCommon) bool { return r.isGroupGo(cc) }

// calledField returns the func-typed field a called value is read from:
// the field (x.f), or an element of the map or slice it holds (x.m[k],
// x.s[i]: a handler table), or nil.
func calledField(v ssa.Value) *types.Var {
	switch x := v.(type) {
	case *ssa.UnOp:
		if ia, ok := x.X.(*ssa.IndexAddr); ok && x.Op == token.MUL {
			return loadedField(ia.X)
		}
		return loadedField(x)
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
			return loadedField(l.X)
		}
	case *ssa.Lookup:
		return loadedField(x.X)
	}
	return nil
}

// storedCallback returns, for a store of a func-typed parameter of fn into
// a field (x.f = p), into a map a field holds (x.m[k] = p), or appended to
// a slice a field holds (x.s = append(x.s, p)), the parameter's index and
// the field; or -1.
func storedCallback(fn *ssa.Function, instr ssa.Instruction) (int, *types.Var) {
	var val ssa.Value
	var f *types.Var
	switch x := instr.(type) {
	case *ssa.MapUpdate:
		val, f = x.Value, loadedField(x.Map)
	case *ssa.Store:
		val = x.Val
		if ia, ok := x.Addr.(*ssa.IndexAddr); ok {
			f = appendedField(ia.X)
		} else {
			f = addrLoc(x.Addr).Field
		}
	}
	if f == nil {
		return -1, nil
	}
	if _, ok := val.Type().Underlying().(*types.Signature); !ok {
		return -1, nil
	}
	i := paramIndex(fn, val)
	if i < 0 {
		return -1, nil
	}
	return i, f
}

// appendedField returns the field that the variadic arguments of an
// append, held in arr, are appended to (x.s = append(x.s, p): p is stored
// in arr, arr[:] is append's second argument, the result is stored back
// into x.s), or nil.
func appendedField(arr ssa.Value) *types.Var {
	a, ok := arr.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return nil
	}
	for _, ref := range *a.Referrers() {
		sl, ok := ref.(*ssa.Slice)
		if !ok || sl.Referrers() == nil {
			continue
		}
		for _, ref := range *sl.Referrers() {
			call, ok := ref.(*ssa.Call)
			if !ok || len(call.Call.Args) != 2 || call.Call.Args[1] != sl {
				continue
			}
			if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" || call.Referrers() == nil {
				continue
			}
			for _, ref := range *call.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Val == call {
					if f := addrLoc(st.Addr).Field; f != nil && loadedField(call.Call.Args[0]) == f {
						return f
					}
				}
			}
		}
	}
	return nil
}

// loadedField returns the func-typed field a value is loaded from, or nil.
func loadedField(v ssa.Value) *types.Var {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	return addrLoc(u.X).Field
}

// blocksHere reports whether one instruction may block: a send, a receive,
// a select without default, or a call of a blocking primitive (a lock, a
// wait, a sleep, a read or write of a stream).
func blocksHere(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.Send:
		return true
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select:
		return x.Blocking
	case ssa.CallInstruction:
		if _, ok := instr.(*ssa.Go); ok {
			return false
		}
		return blockingCall(x.Common())
	}
	return false
}

func blockingCall(cc *ssa.CallCommon) bool {
	var name string
	var sig *types.Signature
	if cc.IsInvoke() {
		name, sig = cc.Method.Name(), cc.Method.Signature()
	} else if fn := cc.StaticCallee(); fn != nil {
		if ssaform.IsFunc(fn, "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock", "(*sync.RWMutex).RLock", "(*sync.WaitGroup).Wait",
			"(*sync.Cond).Wait", "time.Sleep", "io.ReadFull", "io.ReadAtLeast", "io.Copy", "io.CopyN", "io.CopyBuffer") {
			return true
		}
		if fn.Signature.Recv() == nil {
			return false
		}
		name, sig = fn.Name(), fn.Signature
	} else {
		return false
	}
	return IsStreamRead(name, sig) || isStreamWrite(name, sig)
}

// isStreamWrite reports whether a method is a stream write: Write(p []byte)
// (int, error) or WriteTo/ReadFrom of io.
func isStreamWrite(name string, sig *types.Signature) bool {
	switch name {
	case "Write", "WriteTo", "ReadFrom":
		return sig.Params().Len() == 1 && sig.Results().Len() == 2 && isError(sig.Results().At(1).Type())
	}
	return false
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// sendsArg reports whether fn's only effect is one blocking send of values
// it was given (its parameters, fields of its receiver, composites of
// them): no call, no branch, no other send.
func sendsArg(fn *ssa.Function) bool {
	if len(fn.Blocks) != 1 || fn.Recover != nil {
		return false
	}
	sends := 0
	for _, instr := range fn.Blocks[0].Instrs {
		switch x := instr.(type) {
		case *ssa.Send:
			sends++
			if isToken(x.X) {
				return false // a wake-up, not an item
			}
		case *ssa.Alloc, *ssa.FieldAddr, *ssa.Field, *ssa.Store, *ssa.UnOp, *ssa.MakeInterface, *ssa.ChangeType,
			*ssa.ChangeInterface, *ssa.Convert, *ssa.IndexAddr, *ssa.Index, *ssa.Extract, *ssa.Return, *ssa.DebugRef, *ssa.Slice:
			if u, ok := x.(*ssa.UnOp); ok && u.Op == token.ARROW {
				return false
			}
		default:
			return false
		}
	}
	return sends == 1
}

// IsRead reports whether a call takes one item of an unbounded stream, so
// that a loop around it runs once per item: an accept (Accept, AcceptTCP,
// AcceptStream... returning a value and an error), a stream read
// (Read(p []byte) (int, error), io.ReadFull, io.ReadAtLeast), a message or
// frame read (ReadFrame, ReadMessage, ReadMsg, ReadJSON, Recv, RecvMsg,
// Receive, FetchMessage returning an error last), a line read of a
// bufio.Reader, or bufio.Scanner's Scan. The accepts of QUIC streams are
// not: a QUIC peer can open only as many streams as the connection's
// MaxIncomingStreams credit, and quic-go returns that credit only when the
// application has finished with a stream (closed both directions), so
// handler goroutines are bounded by the transport's flow control.
func IsRead(cc *ssa.CallCommon) bool {
	var name string
	var sig *types.Signature
	var recv types.Type
	if cc.IsInvoke() {
		name, sig, recv = cc.Method.Name(), cc.Method.Signature(), cc.Value.Type()
	} else if fn := cc.StaticCallee(); fn != nil {
		if ssaform.IsFunc(fn, "io.ReadFull", "io.ReadAtLeast") {
			return true
		}
		if fn.Signature.Recv() == nil {
			return false
		}
		name, sig, recv = fn.Name(), fn.Signature, fn.Signature.Recv().Type()
	} else {
		return false
	}
	if quicStreams(recv) && (name == "AcceptStream" || name == "AcceptUniStream") {
		return false
	}
	return IsStreamRead(name, sig) || isItemRead(name, sig, recv)
}

// IsStreamRead reports whether a method is Read(p []byte) (int, error).
func IsStreamRead(name string, sig *types.Signature) bool {
	if name != "Read" || sig.Params().Len() != 1 || sig.Results().Len() != 2 || !isError(sig.Results().At(1).Type()) {
		return false
	}
	s, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
	return ok && types.Identical(s.Elem(), types.Typ[types.Byte])
}

func isItemRead(name string, sig *types.Signature, recv types.Type) bool {
	res := sig.Results()
	switch name {
	case "Accept", "AcceptTCP", "AcceptUnix", "AcceptStream", "AcceptUniStream", "AcceptConn":
		return res.Len() == 2 && isError(res.At(1).Type()) && !isError(res.At(0).Type())
	case "ReadFrame", "ReadMessage", "ReadMsg", "ReadJSON", "Recv", "RecvMsg", "Receive", "FetchMessage", "ReadPacket":
		return res.Len() >= 1 && isError(res.At(res.Len()-1).Type())
	case "ReadLine", "ReadString", "ReadBytes", "ReadSlice":
		return namedPtr(recv, "bufio", "Reader")
	case "Scan":
		return namedPtr(recv, "bufio", "Scanner") && res.Len() == 1
	}
	return false
}

func namedPtr(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// quicStreams reports whether t is a type of quic-go (a connection or an
// interface of one).
func quicStreams(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "github.com/quic-go/quic-go", "github.com/lucas-clemente/quic-go":
		return true
	}
	return false
}

// paramGuard returns 1 + the index in fn.Params of a bool parameter p when
// block b runs only on the true side of an `if p` (b is dominated by the
// true successor of a branch on p, entered from that branch alone), or 0.
func paramGuard(fn *ssa.Function, b *ssa.BasicBlock) int {
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) != 1 {
			continue
		}
		p := d.Preds[0]
		br, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || p.Succs[0] != d || p.Succs[1] == d {
			continue
		}
		if par, ok := br.Cond.(*ssa.Parameter); ok {
			if i := slices.Index(fn.Params, par); i >= 0 {
				return i + 1
			}
		}
	}
	return 0
}
