package summary

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
)

// This file answers "which goroutine runs this function?" for the package,
// from the go statements of the package and its call graph.

// OnGoroutine reports whether fn runs on a goroutine the package starts: it
// is the function of a go statement of the package, or is called
// (transitively, through calls the call graph resolves in the package) by
// one.
func (r *Result) OnGoroutine(fn *ssa.Function) bool {
	if r.onGo == nil {
		r.onGo = r.reach(func(yield func(*ssa.Function)) {
			for fn := range r.goRoots {
				yield(fn)
			}
		})
	}
	return r.onGo[fn]
}

// ItemReached reports whether fn is run once per item of an unbounded
// source of the package: called (transitively) from a call that a loop of
// the package makes per item (after a receive of a value, a read, an
// accept).
func (r *Result) ItemReached(fn *ssa.Function) bool {
	if r.itemReach == nil {
		r.itemReach = r.reach(func(yield func(*ssa.Function)) {
			for _, f := range r.form.Funcs() {
				forest := r.Loops(f)
				for _, b := range f.Blocks {
					for _, instr := range b.Instrs {
						call, ok := instr.(*ssa.Call)
						if !ok {
							continue
						}
						if _, src := forest.PerItem(call); src == nil || src.Kind != loops.Item {
							continue
						}
						for _, t := range r.targets(call.Common(), call) {
							if t.sum != nil {
								yield(t.fn)
							}
						}
					}
				}
			}
		})
	}
	return r.itemReach[fn]
}

// reach returns the functions of the package reachable by calls from the
// roots, roots included. Function literals made in a reached function are
// reached too when they are called there (defer, call).
func (r *Result) reach(roots func(func(*ssa.Function))) map[*ssa.Function]bool {
	seen := make(map[*ssa.Function]bool)
	if !r.Built() {
		return seen
	}
	var stack []*ssa.Function
	roots(func(fn *ssa.Function) {
		if !seen[fn] {
			seen[fn] = true
			stack = append(stack, fn)
		}
	})
	for len(stack) > 0 {
		fn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if _, isGo := instr.(*ssa.Go); isGo {
					continue // another goroutine
				}
				for _, t := range r.targets(call.Common(), call) {
					if t.sum != nil && !seen[t.fn] {
						seen[t.fn] = true
						stack = append(stack, t.fn)
					}
				}
			}
		}
	}
	return seen
}

// GoRoot returns the go statement that starts fn, if the package starts it
// as a goroutine.
func (r *Result) GoRoot(fn *ssa.Function) (token.Pos, bool) {
	pos, ok := r.goRoots[fn]
	return pos, ok
}

// Spawn is a goroutine a call may start.
type Spawn struct {
	At  string      // "file.go:line" of the go statement
	Pos token.Pos   // that go statement, when it is in this package
	Via *types.Func // the declared function called, or nil for a literal or dynamic call
	Fn  *ssa.Function
}

// SpawnsOf returns the goroutine a call may start through what it calls:
// a function that spawns (by its summary or fact), a group's Go, or a
// function value handed to a callee that calls it.
func (r *Result) SpawnsOf(call ssa.CallInstruction) *Spawn {
	cc := call.Common()
	if r.isGroupGo(cc) {
		return &Spawn{At: position(r.pass.Fset, call.Pos()), Pos: call.Pos()}
	}
	for _, t := range r.targets(cc, call) {
		if at := t.spawnAtCall(cc); at != "" {
			sp := &Spawn{At: at, Via: t.obj, Fn: t.fn}
			if t.sum != nil {
				sp.Pos = t.sum.SpawnPos
			}
			return sp
		}
	}
	for _, t := range r.targets(cc, call) {
		n := 0
		if t.obj != nil {
			n = t.obj.Signature().Params().Len()
		}
		for j := 0; j < n; j++ {
			if !t.perItem(j) && !t.invokes(j) {
				continue
			}
			if cb := r.Of(funcValue(argOf(cc, j))); cb.Spawns() {
				return &Spawn{At: cb.SpawnAt, Pos: cb.SpawnPos, Via: t.obj, Fn: cb.Fn}
			}
		}
	}
	return nil
}

// Target describes a function a call may run, for the rules.
type Target struct {
	Fn       *ssa.Function // with a body in this package, or nil
	Obj      *types.Func   // the declared function, or nil
	Blocks   bool
	SendsArg bool
	PerItem  func(i int) bool
	// ReturnsSpawn is where the function value it returns starts a
	// goroutine on every call ("file.go:line"), or ""; ReturnsSpawnPos
	// is that go statement when it is in this package.
	ReturnsSpawn    string
	ReturnsSpawnPos token.Pos
}

// Targets returns the functions a call may run, with what is known of them.
func (r *Result) Targets(call ssa.CallInstruction) []Target {
	var out []Target
	for _, t := range r.targets(call.Common(), call) {
		t := t
		fn := t.fn
		if t.sum == nil {
			fn = nil
		}
		tt := Target{Fn: fn, Obj: t.obj, Blocks: t.blocks(), SendsArg: t.sendsArg(), PerItem: t.perItem, ReturnsSpawn: t.returnsSpawn()}
		if t.sum != nil {
			tt.ReturnsSpawnPos = t.sum.ReturnsSpawnPos
		}
		out = append(out, tt)
	}
	return out
}

// Limit returns the concurrency limit taken before site within one
// iteration of l (or the whole function when l is nil), or nil.
func (r *Result) Limit(fn *ssa.Function, l *loops.Loop, site ssa.Instruction) *Limit {
	return r.limitBefore(scope{fn, l}, site)
}

// OnceGuard reports whether site runs at most once per change of a state it
// tests (see onceGuard), or only while a counter raised before it and
// lowered when its goroutine ends is under a bound (see counterGuard), or
// only where a counter that only rises reaches a fixed value (see
// thresholdGuard), or only where the other side of a branch hands the same
// work to a worker pool (see poolBranch).
func (r *Result) OnceGuard(fn *ssa.Function, l *loops.Loop, site ssa.Instruction, spawned *ssa.Function) bool {
	sc := scope{fn, l}
	return r.onceGuard(sc, site, spawned) || r.counterGuard(sc, site, spawned) || r.slotsGuard(sc, site, spawned) || r.thresholdGuard(sc, site) || r.poolBranch(sc, site)
}

// Awaited reports whether, after site, the iteration of l (or fn) waits for
// what the spawn was given.
func (r *Result) Awaited(fn *ssa.Function, l *loops.Loop, site ssa.Instruction, spawned *ssa.Function) bool {
	return r.awaited(scope{fn, l}, site, given(site), spawned)
}

// FailurePath reports whether site runs only after a call failed (see
// failurePath).
func FailurePath(site ssa.Instruction) bool { return failurePath(site) }

// StopsSource reports whether every path from site back to the header of l
// sets the channel src receives from to nil (prevoteCh = nil): the loop
// stops taking items from it, so a spawn there runs once per channel, not
// once per item.
func StopsSource(l *loops.Loop, src *loops.Source, site ssa.Instruction) bool {
	phi, ok := src.Chan.(*ssa.Phi)
	if !ok || phi.Block() != l.Header {
		return false
	}
	from := map[*ssa.BasicBlock]bool{site.Block(): true}
	stack := []*ssa.BasicBlock{site.Block()}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, n := range x.Succs {
			if n != l.Header && l.Contains(n) && !from[n] {
				from[n] = true
				stack = append(stack, n)
			}
		}
	}
	back := 0
	seen := make(map[*ssa.Phi]bool)
	for i, pred := range l.Header.Preds {
		if !from[pred] || !l.Contains(pred) {
			continue
		}
		back++
		if !nilAfter(phi.Edges[i], site.Block(), from, seen) {
			return false
		}
	}
	return back > 0
}

// nilAfter reports whether v is nil on every path from the block site to
// where v is used: a nil constant, or a phi whose edges from the blocks those
// paths cross (from) are nil after site in turn (prevoteCh = nil on the
// branch that spawns, merged with the unchanged value of the other branch).
func nilAfter(v ssa.Value, site *ssa.BasicBlock, from map[*ssa.BasicBlock]bool, seen map[*ssa.Phi]bool) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Phi:
		if v.Block() == site || !from[v.Block()] {
			return false // its value was chosen before the spawn
		}
		if seen[v] {
			return true
		}
		seen[v] = true
		for i, pred := range v.Block().Preds {
			if from[pred] && !nilAfter(v.Edges[i], site, from, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// Blocks reports whether a function of this package may block.
func (r *Result) Blocks(fn *ssa.Function) bool {
	s := r.Of(fn)
	return s != nil && s.Blocks
}

// Guarded reports whether values of the named struct type are guarded by a
// lock: the struct has a sync.Mutex, sync.RWMutex or sync.Cond field (or a
// pointer to one), or it is held in a field of a struct of this package
// that has one.
func (r *Result) Guarded(t *types.Named) bool {
	if hasLock(t) {
		return true
	}
	if r.holders == nil {
		r.holders = make(map[*types.TypeName]bool)
		scope := r.pass.Pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			n, ok := types.Unalias(tn.Type()).(*types.Named)
			if !ok || !hasLock(n) {
				continue
			}
			st := n.Underlying().(*types.Struct)
			for f := range st.Fields() {
				if h := namedOf(f.Type()); h != nil {
					r.holders[h.Obj()] = true
				}
			}
		}
	}
	return r.holders[t.Origin().Obj()]
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	if n != nil {
		return n.Origin()
	}
	return nil
}

func hasLock(t *types.Named) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		ft := f.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "sync" {
			continue
		}
		switch n.Obj().Name() {
		case "Mutex", "RWMutex", "Cond":
			return true
		}
	}
	return false
}
