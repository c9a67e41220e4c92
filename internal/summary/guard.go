package summary

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/ssaform"
)

// This file answers "does something keep this spawn from running once per
// call or per item?". Each property is stated where it is applied; all of
// them look at the spawning function's own SSA form.

// scope is the part of a function a question is asked about: one iteration
// of a loop, or the whole function (loop nil).
type scope struct {
	fn   *ssa.Function
	loop *loops.Loop
}

func (s scope) contains(b *ssa.BasicBlock) bool { return s.loop == nil || s.loop.Contains(b) }

// dominates reports whether a comes before b on every path within the
// scope (a dominates b, and within a loop both are in the iteration).
func (s scope) dominates(a, b ssa.Instruction) bool {
	if !s.contains(a.Block()) {
		return false
	}
	if a.Block() == b.Block() {
		return before(a, b)
	}
	return a.Block().Dominates(b.Block())
}

// after calls visit for every instruction that can run after site in the
// scope: the rest of its block, then the blocks reachable from it without
// starting another iteration of the loop. visit returns false to stop.
func (s scope) after(site ssa.Instruction, visit func(ssa.Instruction) bool) {
	b := site.Block()
	seen := false
	for _, instr := range b.Instrs {
		if seen && !visit(instr) {
			return
		}
		if instr == site {
			seen = true
		}
	}
	done := map[*ssa.BasicBlock]bool{b: true}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if done[x] || !s.contains(x) || (s.loop != nil && x == s.loop.Header) {
			continue
		}
		done[x] = true
		for _, instr := range x.Instrs {
			if !visit(instr) {
				return
			}
		}
		stack = append(stack, x.Succs...)
	}
}

func before(a, b ssa.Instruction) bool {
	for _, i := range a.Block().Instrs {
		if i == a {
			return true
		}
		if i == b {
			return false
		}
	}
	return false
}

// A Limit is a concurrency limit taken before a spawn.
type Limit struct {
	Acquire ssa.Instruction // the send, receive or call that takes it
	Release ssa.Instruction // set when the spawning function gives it back before the goroutine ends
}

// limitBefore returns the concurrency limit taken before site within the
// scope, by kind (SPEC 2, goroutine-per-item): a token sent on a channel
// whose tokens are received back elsewhere (a semaphore channel), a token
// received from a channel that is filled with tokens elsewhere (a pre-filled
// token channel, refilled by the workers), semaphore.Weighted's Acquire or
// TryAcquire, or such an acquisition by a function of the package called
// there. A plain send of data is not a limit. The limit must be taken on
// every path to site within the scope (in one place that dominates it, or
// in each branch: a select case that sends the token, an if that does).
// When the spawning function gives the token back after the spawn in the
// same scope, the limit covers the go statement, not the goroutine:
// Release says where.
func (r *Result) limitBefore(s scope, site ssa.Instruction) *Limit {
	type point struct {
		instr ssa.Instruction
		block *ssa.BasicBlock // where control has taken it: its block, or a select case's entry
		key   any
		kind  limitKind
	}
	var points []point
	for _, b := range s.fn.Blocks {
		if !s.contains(b) {
			continue
		}
		for _, instr := range b.Instrs {
			if b == site.Block() && !before(instr, site) {
				break
			}
			if key, kind := r.acquires(instr); kind != noLimit {
				points = append(points, point{instr, b, key, kind})
			}
			if sel, ok := instr.(*ssa.Select); ok {
				for i, st := range sel.States {
					if st.Dir != types.SendOnly || !isToken(st.Send) || !r.tokenRecv[ChanLoc(st.Chan)] || r.prefilled[ChanLoc(st.Chan)] {
						continue
					}
					if entry := loops.CaseEntry(sel, i); entry != nil {
						points = append(points, point{sel, entry, ChanLoc(st.Chan), sendToken})
					}
				}
			}
		}
	}
	// A token given back before site (taken and returned around an earlier
	// statement) is not held at site.
	held := points[:0]
	for _, p := range points {
		returned := false
		s.after(p.instr, func(a ssa.Instruction) bool {
			if a == site {
				return false
			}
			if r.releases(a, p.key, p.kind) && reaches(a, site) {
				returned = true
				return false
			}
			return true
		})
		if !returned {
			held = append(held, p)
		}
	}
	points = held
	if len(points) == 0 {
		return nil
	}
	taken := make(map[*ssa.BasicBlock]bool)
	for _, p := range points {
		taken[p.block] = true
	}
	start := s.fn.Blocks[0]
	if s.loop != nil {
		start = s.loop.Header
	}
	next := func(n *ssa.BasicBlock) bool {
		return s.contains(n) && !(s.loop != nil && n == s.loop.Header)
	}
	// leadsToTaken reports whether a block that takes the limit can be
	// reached from n before site.
	leadsToTaken := func(n *ssa.BasicBlock) bool {
		seen := map[*ssa.BasicBlock]bool{n: true}
		stack := []*ssa.BasicBlock{n}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if taken[x] {
				return true
			}
			if x == site.Block() {
				continue
			}
			for _, m := range x.Succs {
				if !seen[m] && next(m) {
					seen[m] = true
					stack = append(stack, m)
				}
			}
		}
		return false
	}
	// An optional limit: at a branch that tests the limit itself (if sem
	// != nil, if concurrency > 0 for a pool made with that capacity), the
	// side that does not take it is the configuration without a limit,
	// not a path around one; only the side that takes it is followed.
	optional := func(x *ssa.BasicBlock) bool {
		if len(x.Instrs) == 0 {
			return false
		}
		ifi, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If)
		if !ok {
			return false
		}
		for _, p := range points {
			if testsLimit(ifi.Cond, p.key, p.instr) {
				return true
			}
		}
		return false
	}
	// Is there a path from the scope's start to site that takes none?
	if !taken[start] || start == site.Block() {
		seen := map[*ssa.BasicBlock]bool{start: true}
		stack := []*ssa.BasicBlock{start}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if x == site.Block() {
				if !taken[x] {
					return nil // reached without a limit
				}
				continue
			}
			if taken[x] {
				continue
			}
			succs := x.Succs
			if optional(x) {
				var taking []*ssa.BasicBlock
				for _, n := range succs {
					if next(n) && leadsToTaken(n) {
						taking = append(taking, n)
					}
				}
				if len(taking) > 0 {
					succs = taking
				}
			}
			for _, n := range succs {
				if !seen[n] && next(n) {
					seen[n] = true
					stack = append(stack, n)
				}
			}
		}
	}
	p := points[0]
	l := &Limit{Acquire: p.instr}
	s.after(site, func(a ssa.Instruction) bool {
		if r.releases(a, p.key, p.kind) {
			l.Release = a
			return false
		}
		return true
	})
	return l
}

// testsLimit reports whether cond tests the limit taken at acquire (kept
// under key) against a constant: the semaphore itself against nil (sem !=
// nil, for a channel or a *semaphore.Weighted), or the capacity a local
// pool was made with (concurrency > 0 for pool := make(chan struct{},
// concurrency)).
//
// Property: such a branch chooses whether there is a limit at all; its
// side without the acquisition is the configured "unlimited" (or "no
// semaphore") mode, which the author wrote as a mode, not a way around the
// limit the loop otherwise takes.
func testsLimit(cond ssa.Value, key any, acquire ssa.Instruction) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	switch bin.Op {
	case token.EQL, token.NEQ, token.GTR, token.GEQ, token.LSS, token.LEQ:
	default:
		return false
	}
	v, k, ok := ssaform.ConstOperand(bin)
	if !ok {
		return false
	}
	if k.Value == nil { // nil
		if bin.Op != token.EQL && bin.Op != token.NEQ {
			return false
		}
		if ChanLoc(v) == key {
			return true
		}
		// A weighted semaphore's key is the value it is rooted at; compare
		// the places the acquisition and the test read it from.
		if call, ok := acquire.(*ssa.Call); ok && len(call.Common().Args) > 0 {
			if f, ok := ChanLoc(call.Common().Args[0]).(*types.Var); ok {
				return ChanLoc(v) == f
			}
		}
		return false
	}
	mc, ok := key.(*ssa.MakeChan)
	if a, isAlloc := key.(*ssa.Alloc); isAlloc {
		mc, ok = storedOnce(a).(*ssa.MakeChan) // a pool captured by a literal
	}
	if ok {
		// A captured parameter is kept in an Alloc: compare what it holds.
		x, y := storedOnce(StripConv(v)), storedOnce(StripConv(mc.Size))
		return x != nil && x == y
	}
	return false
}

// StripConv strips numeric conversions from v.
func StripConv(v ssa.Value) ssa.Value {
	for {
		c, ok := v.(*ssa.Convert)
		if !ok {
			return v
		}
		v = c.X
	}
}

type limitKind int

const (
	noLimit      limitKind = iota
	sendToken              // sem <- struct{}{}: released by a receive
	takeToken              // <-tokens: released by a send
	weighted               // sem.Acquire(ctx, n): released by Release
	wrappedLimit           // s.Acquire() of another package's semaphore type: released by its Release
)

// acquires classifies instr as taking a limit, and names what it takes.
func (r *Result) acquires(instr ssa.Instruction) (any, limitKind) {
	switch x := instr.(type) {
	case *ssa.Send:
		if isToken(x.X) {
			// On a pool of permits (filled in a counted loop) a send
			// gives a permit back; on an empty semaphore it takes one.
			key := tokenKey(x.Chan)
			if r.tokenRecv[key] && !r.prefilled[key] {
				return key, sendToken
			}
		}
	case *ssa.UnOp:
		if x.Op == token.ARROW && !usedValue(x) {
			key := tokenKey(x.X)
			if r.tokenSend[key] {
				return key, takeToken
			}
		}
	case *ssa.Call:
		cc := x.Common()
		if fn := cc.StaticCallee(); fn != nil {
			if ssaform.IsFunc(fn, "(*golang.org/x/sync/semaphore.Weighted).Acquire", "(*golang.org/x/sync/semaphore.Weighted).TryAcquire") && len(cc.Args) > 0 {
				return Root(cc.Args[0]), weighted
			}
			if key, ok := r.wrapped(cc, func(f *Fact) bool { return f.Acquires }); ok {
				return key, wrappedLimit
			}
			// A helper of this package that takes a limit and does not
			// give it back: func (p *pool) acquire() { p.sem <- struct{}{} },
			// or a counting semaphore's acquire that waits for a token
			// when its count runs out.
			if pkgOf(fn) == r.pkg && fn.Blocks != nil && fn != x.Parent() {
				if key, kind := r.netAcquire(fn); kind != noLimit {
					return key, kind
				}
			}
		}
	}
	return nil, noLimit
}

// wrapped reports whether cc calls a method of another package whose fact
// has the property (Acquires, Releases), and names the limit by where its
// receiver comes from (the field or variable it is loaded from).
//
// Property: a semaphore wrapped in a type of another package (type
// Semaphore chan struct{} with Acquire and Release, a throttle holding a
// token channel) is still a semaphore: its package sees the channel and
// exports which methods take and give back a token, and the caller takes
// the limit where it calls them.
func (r *Result) wrapped(cc *ssa.CallCommon, has func(*Fact) bool) (any, bool) {
	fn := cc.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || len(cc.Args) == 0 || pkgOf(fn) == r.pkg {
		return nil, false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil, false
	}
	var f Fact
	if !r.pass.ImportObjectFact(obj, &f) || !has(&f) {
		return nil, false
	}
	return wrapKey{ChanLoc(cc.Args[0])}, true
}

// wrapKey names a limit held in the receiver of another package's methods.
type wrapKey struct{ recv any }

// receiverLimit reports whether fn, a method, takes a limit held in its
// receiver and keeps it after it returns (Acquires), or gives one back
// (Releases): the semaphore is a field of the receiver's type or the
// receiver itself (a named channel type), the package both takes and gives
// back its tokens, and the method works on it in one direction only (a
// token sent on an empty semaphore takes it, a token received from a
// pre-filled pool takes it; the other direction gives it back).
func (r *Result) receiverLimit(fn *ssa.Function) (acquires, releases bool) {
	if fn.Signature.Recv() == nil || fn.Blocks == nil {
		return false, false
	}
	own := func(key any) bool {
		switch k := key.(type) {
		case *types.Named:
			return true // tokenKey names only a receiver of a named channel type by its type
		case *types.Var:
			return k.IsField() && k.Pkg() == r.pass.Pkg
		}
		return false
	}
	var take, give bool
	// The method's literals count as the method: a token it takes that a
	// goroutine it starts gives back (a pool's Go) is not held after it.
	all := []*ssa.Function{fn}
	for i := 0; i < len(all); i++ {
		all = append(all, all[i].AnonFuncs...)
	}
	for _, b := range blocksOf(all) {
		for _, in := range b.Instrs {
			var key any
			send := false
			switch x := in.(type) {
			case *ssa.UnOp:
				if x.Op != token.ARROW || usedValue(x) {
					continue
				}
				key = tokenKey(x.X)
			case *ssa.Send:
				if !isToken(x.X) {
					continue
				}
				key, send = tokenKey(x.Chan), true
			default:
				continue
			}
			if !own(key) || !r.tokenSend[key] || !r.tokenRecv[key] {
				continue
			}
			if send != r.prefilled[key] {
				take = true
			} else {
				give = true
			}
		}
	}
	return take && !give, give && !take
}

func blocksOf(fns []*ssa.Function) []*ssa.BasicBlock {
	var bs []*ssa.BasicBlock
	for _, fn := range fns {
		bs = append(bs, fn.Blocks...)
	}
	return bs
}

// tokenKey names the channel a token operation works on, as ChanLoc does,
// except that the receiver of a method of a named channel type (type Sem
// chan struct{}; func (s Sem) Acquire() { s <- struct{}{} }) is named by
// its type: every method of the type works on the same semaphore.
func tokenKey(ch ssa.Value) any {
	loc := ChanLoc(ch)
	if p, ok := loc.(*ssa.Parameter); ok {
		fn := p.Parent()
		if fn != nil && fn.Signature.Recv() != nil && len(fn.Params) > 0 && fn.Params[0] == p {
			if n, ok := types.Unalias(p.Type()).(*types.Named); ok {
				if _, isChan := n.Underlying().(*types.Chan); isChan {
					return n.Origin()
				}
			}
		}
	}
	return loc
}

// netAcquire returns the limit a helper takes and does not give back.
func (r *Result) netAcquire(fn *ssa.Function) (any, limitKind) {
	var key any
	kind := noLimit
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if call, isCall := in.(*ssa.Call); isCall {
				// One level: a helper's own channel operations, and the
				// wrapped semaphores of other packages it calls.
				if k, ok := r.wrapped(call.Common(), func(f *Fact) bool { return f.Acquires }); ok {
					key, kind = k, wrappedLimit
				}
				continue
			}
			if k, kd := r.acquires(in); kd != noLimit && kd != weighted {
				key, kind = k, kd
			}
		}
	}
	if kind == noLimit {
		return nil, noLimit
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if r.releases(in, key, kind) {
				return nil, noLimit // taken and given back: not a limit held after the call
			}
		}
	}
	return key, kind
}

// releases reports whether instr gives back a limit of kind on key.
func (r *Result) releases(instr ssa.Instruction, key any, kind limitKind) bool {
	switch x := instr.(type) {
	case *ssa.UnOp:
		return kind == sendToken && x.Op == token.ARROW && tokenKey(x.X) == key
	case *ssa.Send:
		return kind == takeToken && tokenKey(x.Chan) == key
	case *ssa.Call:
		cc := x.Common()
		if fn := cc.StaticCallee(); fn != nil && kind == weighted && ssaform.IsFunc(fn, "(*golang.org/x/sync/semaphore.Weighted).Release") && len(cc.Args) > 0 {
			return Root(cc.Args[0]) == key
		}
		if kind == wrappedLimit {
			k, ok := r.wrapped(cc, func(f *Fact) bool { return f.Releases })
			return ok && k == key
		}
	}
	return false
}

// isToken reports whether v is a value every send of it carries alike: a
// constant (struct{}{}, true, 1) or a value of a type with no size.
func isToken(v ssa.Value) bool {
	if _, ok := v.(*ssa.Const); ok {
		return true
	}
	if s, ok := v.Type().Underlying().(*types.Struct); ok && s.NumFields() == 0 {
		return true
	}
	return false
}

func usedValue(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// onceGuard reports whether site runs only on one side of a branch that
// tests a place the path to site (or the goroutine site starts) writes: a
// flag set before the spawn (if !s.running { s.running = true; go ... }), a
// compare-and-swap, a map entry stored for a missed key, a result slot that
// must still be nil. Such a spawn happens at most once per state change (per
// key, per flag reset), not once per call or per item.
func (r *Result) onceGuard(s scope, site ssa.Instruction, spawned *ssa.Function) bool {
	return r.branchesBefore(s, site, func(_ *ssa.BasicBlock, ifi *ssa.If) bool {
		if errorTest(ifi.Cond) {
			return false // if err != nil: a failure check, not a guard on a state
		}
		if !flagTest(ifi.Cond) {
			return false // len(q) >= max, a < b: a bound on something else, not a state
		}
		var rs []readAt
		reads(ifi.Cond, 0, &rs)
		for _, rd := range rs {
			if rd.self {
				return true // the test wrote it: a compare-and-swap
			}
			if r.writtenBetween(s, rd.instr, site, rd.loc) || writtenIn(spawned, rd.loc, 0) {
				return true
			}
		}
		return false
	})
}

// branchesBefore reports whether guard holds for one of the Ifs that decide
// whether site runs within the scope: the Ifs ending the blocks that
// dominate site's block, with site on one side only (in the part of the
// CFG that one successor dominates; a jump back to a loop's header is not
// a side), leaving out a loop's own test (for len(q) >= max {...} repeats
// the spawn).
func (r *Result) branchesBefore(s scope, site ssa.Instruction, guard func(d *ssa.BasicBlock, ifi *ssa.If) bool) bool {
	b := site.Block()
	for d := b.Idom(); d != nil; d = d.Idom() {
		if !s.contains(d) {
			break
		}
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || !oneSide(d, b) || r.isLoopHeader(s.fn, d) {
			continue
		}
		if guard(d, ifi) {
			return true
		}
	}
	return false
}

// counterGuard reports whether site runs only on one side of a branch that
// compares a counter with a bound (n < max, len(conns) >= maxLoad), where
// the counter is raised at the test, before it in the same iteration, or
// on the path to site (n++, atomic.AddInt64(&n, 1), a map entry stored)
// and lowered by the goroutine site starts or by another function of the
// package (n--, a negative atomic add, a map entry deleted: whoever learns
// that the goroutine ended). A local counter counts only when the
// goroutine itself lowers it (a variable captured by both closures: var n
// atomic.Int64). That is a semaphore written by hand: the goroutines
// alive are at most the bound. Seen as taskpool forks that run the task
// inline once the counter is at its maximum, connection tables that
// refuse a connection at a maximum load, and HTTP/2 handlers queued
// while the handlers running are at the stream limit.
func (r *Result) counterGuard(s scope, site ssa.Instruction, spawned *ssa.Function) bool {
	return r.branchesBefore(s, site, func(d *ssa.BasicBlock, ifi *ssa.If) bool {
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.LSS && cmp.Op != token.LEQ && cmp.Op != token.GTR && cmp.Op != token.GEQ) {
			return false
		}
		if localCounter(d, site.Block(), cmp) {
			return true
		}
		var rs []readAt
		reads(cmp, 0, &rs)
		for _, rd := range rs {
			byGoroutine := writtenInBy(spawned, rd.loc, 0, lowers)
			if rd.loc.Alloc != nil && !byGoroutine {
				continue // a local: shared only with the closures it is captured by
			}
			raised := raisedAt(cmp, rd.loc) || raisedBefore(s, ifi, rd.loc) || r.raisedBetween(s, ifi, site, rd.loc)
			if raised && (byGoroutine || r.loweredElsewhere(s.fn, site, rd.loc)) {
				return true
			}
		}
		return false
	})
}

// raisedBefore reports whether the counter l is raised before the test on
// every path to it within the scope (in the iteration of the test, for a
// loop): by an instruction earlier in the test's block or in a block that
// dominates it.
//
// Property: n.Add(1); if n.Load() > max { leave } admits the spawn only
// while the count it just raised is within the bound, the same semaphore
// as if n.Add(1) <= max { go ... }; whether the test reads the count in
// the raising call or right after it does not change what it admits.
func raisedBefore(s scope, test ssa.Instruction, l Loc) bool {
	d := test.Block()
	for b := d; b != nil && s.contains(b); b = b.Idom() {
		for _, instr := range b.Instrs {
			if instr == test {
				break
			}
			if counterStep(instr, l) > 0 {
				return true
			}
		}
	}
	return false
}

// localCounter reports whether cmp, the test ending block d that admits
// the spawn in block b, compares a count kept in a local of the loop (a
// phi of the function's SSA form, not memory) with a bound, where the
// admitting path raises the count and some other path of the loop lowers
// it: if workerCount < max { go worker(t); workerCount++ }, and
// workerCount-- when an idle worker is stopped.
//
// Property: the same hand-written semaphore as a counter field's, kept by
// the one goroutine that spawns: every admitted spawn raises the count the
// guard compares with its bound, and the count comes down only where the
// loop learns that a goroutine ended, so at most the bound run at once.
func localCounter(d, b *ssa.BasicBlock, cmp *ssa.BinOp) bool {
	adm := -1
	for i, succ := range d.Succs {
		if succ.Dominates(b) {
			adm = i
		}
	}
	if adm < 0 {
		return false
	}
	for side, v := range []ssa.Value{cmp.X, cmp.Y} {
		phi, ok := v.(*ssa.Phi)
		if !ok {
			continue
		}
		other := cmp.Y
		if side == 1 {
			other = cmp.X
		}
		if dependsOn(other, phi, 0) {
			continue // not a bound: it moves with the count
		}
		// The admitting branch is where the count is under the bound.
		op := cmp.Op
		if side == 1 {
			op = ssaform.Mirror(op)
		}
		under := op == token.LSS || op == token.LEQ
		if (adm == 0) != under {
			continue
		}
		raised, lowered := false, false
		for _, ref := range *phi.Referrers() {
			step, ok := ref.(*ssa.BinOp)
			if !ok || step.X != phi || (step.Op != token.ADD && step.Op != token.SUB) || !feeds(step, phi) {
				continue
			}
			sign := constSign(step.Y)
			if step.Op == token.SUB {
				sign = -sign
			}
			switch {
			case sign > 0 && d.Succs[adm].Dominates(step.Block()):
				raised = true
			case sign < 0 && !d.Succs[adm].Dominates(step.Block()):
				lowered = true
			}
		}
		if raised && lowered {
			return true
		}
	}
	return false
}

// feeds reports whether v flows into phi through phis (the next
// iteration's count).
func feeds(v ssa.Value, phi *ssa.Phi) bool {
	seen := make(map[*ssa.Phi]bool)
	var walk func(p *ssa.Phi) bool
	walk = func(p *ssa.Phi) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, e := range p.Edges {
			if e == v {
				return true
			}
			if q, ok := e.(*ssa.Phi); ok && walk(q) {
				return true
			}
		}
		return false
	}
	return walk(phi)
}

// dependsOn reports whether v is computed from x (through at most a few
// operations).
func dependsOn(v, x ssa.Value, depth int) bool {
	if v == x {
		return true
	}
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		return dependsOn(v.X, x, depth+1) || dependsOn(v.Y, x, depth+1)
	case *ssa.UnOp:
		return dependsOn(v.X, x, depth+1)
	case *ssa.Convert:
		return dependsOn(v.X, x, depth+1)
	}
	return false
}

// raisedAt reports whether the comparison itself raises l: its operand is
// atomic.AddInt64(&l, 1) (or any positive constant), or l.Add(1).
func raisedAt(cmp *ssa.BinOp, l Loc) bool {
	for _, v := range []ssa.Value{cmp.X, cmp.Y} {
		if c, ok := v.(*ssa.Call); ok && atomicAdd(c.Common(), l) > 0 {
			return true
		}
	}
	return false
}

// atomicAdd returns the sign of the constant delta of an atomic add on l
// (atomic.AddInt64(&l, d) or l.Add(d) of a sync/atomic type), 0 if instr
// is no such call.
func atomicAdd(cc *ssa.CallCommon, l Loc) int {
	fn := cc.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync/atomic" || !strings.HasPrefix(fn.Name(), "Add") || len(cc.Args) != 2 {
		return 0
	}
	if !sameLoc(addrLoc(cc.Args[0]), l) {
		return 0
	}
	return constSign(cc.Args[1])
}

// constSign is the sign of an integer constant (-1, 0 or 1), 0 when v is
// not a constant.
func constSign(v ssa.Value) int {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || !isNumber(c.Type()) {
		return 0
	}
	if b, _ := c.Type().Underlying().(*types.Basic); b == nil || b.Info()&types.IsInteger == 0 {
		return 0
	}
	switch n := c.Int64(); {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

// counterStep returns +1 when instr raises the counter l, -1 when it
// lowers it, 0 otherwise: l = l ± c, an atomic add, a map entry stored or
// deleted in the map l holds.
func counterStep(instr ssa.Instruction, l Loc) int {
	switch x := instr.(type) {
	case *ssa.Store:
		if !sameLoc(addrLoc(x.Addr), l) {
			return 0
		}
		op, ok := x.Val.(*ssa.BinOp)
		if !ok {
			return 0
		}
		sign := 0
		if ld, ok := op.X.(*ssa.UnOp); ok && ld.Op == token.MUL && sameLoc(addrLoc(ld.X), l) {
			sign = constSign(op.Y)
		}
		switch op.Op {
		case token.ADD:
			return sign
		case token.SUB:
			return -sign
		}
	case *ssa.MapUpdate:
		if mapAt(x.Map, l) {
			return 1
		}
	case ssa.CallInstruction: // a call, or a deferred one (defer atomic.AddInt64(&n, -1))
		cc := x.Common()
		if b, ok := cc.Value.(*ssa.Builtin); ok && b.Name() == "delete" && len(cc.Args) > 0 && mapAt(cc.Args[0], l) {
			return -1
		}
		return atomicAdd(cc, l)
	}
	return 0
}

// mapAt reports whether m is the map held at l (loaded from the field or
// global l).
func mapAt(m ssa.Value, l Loc) bool {
	if ld, ok := m.(*ssa.UnOp); ok && ld.Op == token.MUL {
		return sameLoc(addrLoc(ld.X), l)
	}
	return l.Map != nil && Root(m) == l.Map
}

func lowers(instr ssa.Instruction, l Loc) bool { return counterStep(instr, l) < 0 }

// raisedBetween reports whether an instruction on a path from the test to
// site, or right after site on its path, raises the counter l.
func (r *Result) raisedBetween(s scope, test ssa.Instruction, site ssa.Instruction, l Loc) bool {
	return s.between(test, site, func(instr ssa.Instruction) bool { return counterStep(instr, l) > 0 || stepsAlways(instr, l) > 0 })
}

// stepsAlways returns the sign of the step a call of a function of the
// package makes to the counter l on every path through it (register:
// e.active.Add(1), then its bookkeeping), 0 when it makes none or not on
// every path. A helper that raises the count is the raise itself.
func stepsAlways(instr ssa.Instruction, l Loc) int {
	c, ok := instr.(*ssa.Call)
	if !ok {
		return 0
	}
	callee := c.Common().StaticCallee()
	if callee == nil || callee.Blocks == nil || pkgOf(callee) != pkgOf(c.Parent()) {
		return 0
	}
	step := 0
	for _, b := range callee.Blocks {
		for _, instr := range b.Instrs {
			if st := counterStep(instr, l); st != 0 {
				if step != 0 && st != step {
					return 0 // raised and lowered: not one step
				}
				step = st
				for _, rb := range callee.Blocks {
					if _, isRet := rb.Instrs[len(rb.Instrs)-1].(*ssa.Return); isRet && !b.Dominates(rb) {
						return 0 // not on every path
					}
				}
			}
		}
	}
	return step
}

// slotsGuard reports whether site runs only on one side of a branch that
// tests a count of free slots against zero (if n == 0 { return }, if n > 0
// { ... }), where the count is lowered on the path from the test to site
// and raised back by the goroutine site starts or by another function of
// the package.
//
// Property: the same hand-written semaphore as counterGuard's, counting
// what is left instead of what is taken: every admitted spawn takes a slot
// the test looked at, and the slot comes back only where the goroutine
// ends, so at most the initial count run at once (a DHT's concurrent
// lookup checks; test package unboundedqueue/spawn_counter_bounded). A
// count given back right after the go statement, or never, bounds nothing.
func (r *Result) slotsGuard(s scope, site ssa.Instruction, spawned *ssa.Function) bool {
	return r.branchesBefore(s, site, func(d *ssa.BasicBlock, ifi *ssa.If) bool {
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok {
			return false
		}
		x, y := cmp.X, cmp.Y
		op := cmp.Op
		if _, isConst := x.(*ssa.Const); isConst {
			x, y, op = y, x, ssaform.Mirror(op)
		}
		if c, ok := y.(*ssa.Const); !ok || c.Value == nil || constSign(c) != 0 || !isNumber(c.Type()) {
			return false // a comparison with zero
		}
		admit := -1 // the successor of d on the way to site
		for i, succ := range d.Succs {
			if reachesAvoiding(succ, site.Block(), d) {
				admit = i
			}
		}
		switch op {
		case token.EQL, token.LEQ: // none left: the spawn is on the false side
			if admit != 1 {
				return false
			}
		case token.NEQ, token.GTR: // some left: the spawn is on the true side
			if admit != 0 {
				return false
			}
		default:
			return false
		}
		ld, ok := x.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return false
		}
		l := addrLoc(ld.X)
		if !l.valid() || l.Alloc != nil {
			return false // a local is nobody else's count
		}
		lowered := s.between(ifi, site, func(instr ssa.Instruction) bool { return counterStep(instr, l) < 0 || stepsAlways(instr, l) < 0 })
		if !lowered {
			return false
		}
		return writtenInBy(spawned, l, 0, raises) || r.raisedElsewhere(s.fn, site, l)
	})
}

func raises(instr ssa.Instruction, l Loc) bool { return counterStep(instr, l) > 0 }

// raisedElsewhere is loweredElsewhere for a count of free slots: a
// function of the package that gives a slot back, other than fn after
// site (n--; go f(); n++ gives it back when the go statement returns).
func (r *Result) raisedElsewhere(fn *ssa.Function, site ssa.Instruction, l Loc) bool {
	return r.steppedElsewhere(fn, site, l, raises)
}

// loweredElsewhere reports whether a function of the package lowers the
// counter l: another function, or fn itself where site cannot reach the
// decrement (handlerDone counts one handler out, then starts a queued
// one). A decrement that follows the spawn in fn (n++; go f(); n--) gives
// the count back when the go statement returns, not when the goroutine
// ends: it bounds nothing.
func (r *Result) loweredElsewhere(fn *ssa.Function, site ssa.Instruction, l Loc) bool {
	return r.steppedElsewhere(fn, site, l, lowers)
}

// steppedElsewhere reports whether an instruction of a function of the
// package steps the counter l as step says, in another function than fn or
// where site cannot reach it.
func (r *Result) steppedElsewhere(fn *ssa.Function, site ssa.Instruction, l Loc, step func(ssa.Instruction, Loc) bool) bool {
	for g := range r.funcs {
		if g.Blocks == nil {
			continue
		}
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				if step(instr, l) && (g != fn || !reaches(site, instr)) {
					return true
				}
			}
		}
	}
	return false
}

// isLoopHeader reports whether b is the header of a loop of fn.
func (r *Result) isLoopHeader(fn *ssa.Function, b *ssa.BasicBlock) bool {
	for _, l := range r.Loops(fn).Loops {
		if l.Header == b {
			return true
		}
	}
	return false
}

// flagTest reports whether a condition tests a state: a boolean (a flag, a
// result of a call that tests and sets, the ok of a map lookup), its
// negation, or an equality with a constant or nil (x == 0, p == nil,
// state == stateIdle). An ordering (len(q) >= max, n < limit) is a bound,
// not a state.
func flagTest(cond ssa.Value) bool {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			return flagTest(c.X)
		}
		return c.Op == token.MUL // a bool loaded from memory
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return false
		}
		_, x := c.X.(*ssa.Const)
		_, y := c.Y.(*ssa.Const)
		return x || y
	case *ssa.Call, *ssa.Extract, *ssa.Phi:
		return true
	}
	return false
}

// oneSide reports whether b runs only on one side of the branch ending d:
// exactly one of d's successors reaches b without passing d again.
func oneSide(d, b *ssa.BasicBlock) bool {
	sides := 0
	for _, s := range d.Succs {
		if reachesAvoiding(s, b, d) {
			sides++
		}
	}
	return sides == 1
}

// reachesAvoiding reports whether control can go from a to b without
// passing through avoid.
func reachesAvoiding(a, b, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{avoid: true}
	stack := []*ssa.BasicBlock{a}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}

// writtenBetween reports whether some instruction on a path from the read to
// site (in the scope) writes l.
func (r *Result) writtenBetween(s scope, read ssa.Value, site ssa.Instruction, l Loc) bool {
	ri, ok := read.(ssa.Instruction)
	if !ok {
		return false
	}
	return s.between(ri, site, func(instr ssa.Instruction) bool { return r.writesVia(instr, l) })
}

// between reports whether hit holds for an instruction on a path from
// from to site (in the scope), or, since it guards the next spawn, for
// one right after site on its path.
func (s scope) between(from, site ssa.Instruction, hit func(ssa.Instruction) bool) bool {
	found := false
	s.after(from, func(instr ssa.Instruction) bool {
		found = hit(instr) && reaches(instr, site)
		return !found
	})
	if !found {
		s.after(site, func(instr ssa.Instruction) bool {
			found = hit(instr)
			return !found
		})
	}
	return found
}

// writesVia reports whether instr writes l, itself or through a function
// of the package it calls (r.setInProgress(true)).
func (r *Result) writesVia(instr ssa.Instruction, l Loc) bool {
	if writes(instr, l) {
		return true
	}
	if c, ok := instr.(*ssa.Call); ok {
		if callee := c.Common().StaticCallee(); callee != nil && pkgOf(callee) == pkgOf(c.Parent()) {
			// Asked for every call after every read a guard tests: once
			// per callee and place.
			k := writtenKey{callee, l}
			w, ok := r.written[k]
			if !ok {
				w = writtenIn(callee, l, 1)
				r.written[k] = w
			}
			return w
		}
	}
	return false
}

type writtenKey struct {
	fn *ssa.Function
	l  Loc
}

// errorTest reports whether a condition compares an error with nil.
func errorTest(cond ssa.Value) bool {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) {
		return false
	}
	return isError(cmp.X.Type()) || isError(cmp.Y.Type())
}

// failurePath reports whether site runs only when a call failed: it is on
// the true side of a test err != nil of an error value (or the false side
// of err == nil). A goroutine started in reaction to a failure (a
// reconnect, a shutdown, a retry) runs once per failure, not per item.
func failurePath(site ssa.Instruction) bool { return failureTest(site, true) }

// failureTest is failurePath; made says whether a nil test of a value made
// only on failure paths counts (madeOnFailure asks with made false, so the
// two do not call each other without end).
func failureTest(site ssa.Instruction, made bool) bool {
	b := site.Block()
	for d := b; d != nil; d = d.Idom() {
		if d == b {
			continue
		}
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) {
			continue
		}
		x, y := cmp.X, cmp.Y
		if c, ok := x.(*ssa.Const); ok && c.IsNil() {
			x, y = y, x
		}
		if c, ok := y.(*ssa.Const); !ok || !c.IsNil() || !holdsError(x.Type()) && !(made && madeOnFailure(x, make(map[ssa.Value]bool))) {
			continue
		}
		failed, fine := d.Succs[0], d.Succs[1] // err != nil: the true side
		if cmp.Op == token.EQL {
			failed, fine = fine, failed
		}
		if reachesAvoiding(failed, b, d) && !reachesAvoiding(fine, b, d) {
			return true
		}
	}
	return false
}

// holdsError reports whether values of t record a failure: t is error, or
// a type that implements it (a *encodeError kept until after a loop).
func holdsError(t types.Type) bool {
	return isError(t) || types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

// madeOnFailure reports whether every value v can hold other than nil was
// made on a failure path (failed = &encodeError{err} under err != nil): a
// later v != nil tests whether something failed.
func madeOnFailure(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !madeOnFailure(e, seen) {
				return false
			}
		}
		return true
	case *ssa.Alloc:
		return v.Heap && failureTest(v, false)
	}
	return false
}

// reaches reports whether control can go from a to b in their function.
func reaches(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() && before(a, b) {
		return true
	}
	seen := make(map[*ssa.BasicBlock]bool)
	stack := append([]*ssa.BasicBlock(nil), a.Block().Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b.Block() {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}

// writtenIn reports whether fn (or a function literal it makes or a
// function of its package it calls, a few levels deep) writes l.
func writtenIn(fn *ssa.Function, l Loc, depth int) bool {
	return writtenInBy(fn, l, depth, writes)
}

// updatedIn reports whether fn (as writtenIn) writes l in any way, a count
// included: a call that tests a place and updates it in one step (a ring's
// push returning whether it was the first element, an atomic add compared
// with 1) admits one caller per transition, as a compare-and-swap does.
func updatedIn(fn *ssa.Function, l Loc) bool {
	return writtenInBy(fn, l, 0, updates)
}

func writtenInBy(fn *ssa.Function, l Loc, depth int, w func(ssa.Instruction, Loc) bool) bool {
	if fn == nil || depth > 2 {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if w(instr, l) {
				return true
			}
			switch x := instr.(type) {
			case *ssa.MakeClosure:
				if writtenInBy(x.Fn.(*ssa.Function), l, depth+1, w) {
					return true
				}
			case ssa.CallInstruction:
				if callee := x.Common().StaticCallee(); callee != nil && pkgOf(callee) == pkgOf(fn) && writtenInBy(callee, l, depth+1, w) {
					return true
				}
			}
		}
	}
	return false
}

// awaited reports whether the spawning function waits, after site and in
// the scope, for what the goroutine was given: a receive from a channel, or
// a Wait on a group, that the go statement's function or arguments refer to
// (done, wg, s for s.done). The goroutine then ends before the next item
// (or before the function returns): one at a time. Over a whole function, a
// send on or close of such a channel also ends a goroutine that receives
// from it only once, not in a loop (a helper stopped before the function
// returns), and a close, or a deferred close, ends one that ranges over it
// (a consumer of the function's own sends). A goroutine that waits on a
// context the scope cancels before it ends is as good as awaited
// (cancelledOnReturn).
func (r *Result) awaited(s scope, site ssa.Instruction, given []ssa.Value, spawned *ssa.Function) bool {
	if cancelledOnReturn(s, site, spawned) {
		return true
	}
	roots := make(map[ssa.Value]bool)
	fields := make(map[*types.Var]bool)
	for _, g := range given {
		roots[Root(g)] = true
		if l := ChanLoc(g); l != nil {
			if f, ok := l.(*types.Var); ok {
				fields[f] = true
			}
		}
	}
	var mentioned func(v ssa.Value, depth int) bool
	mentioned = func(v ssa.Value, depth int) bool {
		r := Root(v)
		if roots[r] {
			return true
		}
		// A variable given one of several spawners' channels (c = walk()
		// on one branch, c = walkFast() on the other) is each of them.
		if phi, ok := r.(*ssa.Phi); ok && depth < 2 {
			for _, e := range phi.Edges {
				if mentioned(e, depth+1) {
					return true
				}
			}
		}
		f, ok := ChanLoc(v).(*types.Var)
		return ok && fields[f]
	}
	if v, ok := site.(*ssa.Call); ok {
		roots[v] = true // the handle a spawner returns: m := start(); defer m.StopAndWait()
	}
	waitCall := func(cc *ssa.CallCommon) bool {
		if fn := cc.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(cc.Args) > 0 && mentioned(cc.Args[0], 0) {
			return fn.Name() == "Wait" || (pkgOf(fn) == pkgOf(s.fn) && waitsOnReceiver(fn, 0))
		}
		if cc.IsInvoke() && cc.Method.Name() == "Wait" {
			return mentioned(cc.Value, 0)
		}
		return false
	}
	// closes: over a whole function, a close (or a deferred close) of a
	// channel the goroutine receives from once, or ranges over until it is
	// closed, ends it before the function returns.
	closes := func(cc *ssa.CallCommon) bool {
		b, ok := cc.Value.(*ssa.Builtin)
		if !ok || b.Name() != "close" || len(cc.Args) != 1 || s.loop != nil || !mentioned(cc.Args[0], 0) {
			return false
		}
		return receivesOnce(site, spawned, cc.Args[0]) || rangesUntilClosed(site, spawned, cc.Args[0])
	}
	if s.loop == nil {
		// A deferred close made before the spawn runs on every return after it.
		for _, b := range s.fn.Blocks {
			for _, instr := range b.Instrs {
				if d, ok := instr.(*ssa.Defer); ok && s.dominates(d, site) && closes(d.Common()) {
					return true
				}
			}
		}
	}
	found := false
	s.after(site, func(instr ssa.Instruction) bool {
		switch x := instr.(type) {
		case *ssa.UnOp:
			found = x.Op == token.ARROW && mentioned(x.X, 0)
		case *ssa.Select:
			if x.Blocking {
				for _, st := range x.States {
					if st.Dir == types.RecvOnly && mentioned(st.Chan, 0) {
						found = true
					}
				}
			}
		case *ssa.Send:
			found = s.loop == nil && mentioned(x.Chan, 0) && receivesOnce(site, spawned, x.Chan)
		case *ssa.Defer:
			found = waitCall(x.Common()) || closes(x.Common())
		case *ssa.Call:
			cc := x.Common()
			found = waitCall(cc) || closes(cc)
		}
		return !found
	})
	return found
}

// waitsOnReceiver reports whether a method blocks on its receiver (a
// receive from one of its channels, or a Wait on one of its groups),
// itself or in a literal it runs (once.Do(func() { <-m.done })): a
// StopAndWait, a Close that waits for the goroutine.
func waitsOnReceiver(fn *ssa.Function, depth int) bool {
	if len(fn.Params) == 0 || depth > 2 {
		return false
	}
	recv := fn.Params[0]
	ofRecv := func(v ssa.Value) bool {
		r := Root(v)
		if a, ok := r.(*ssa.Alloc); ok {
			if p := storedParam(a); p != nil {
				r = p
			}
		}
		return r == recv
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW && ofRecv(x.X) {
					return true
				}
			case *ssa.Call:
				if f := x.Common().StaticCallee(); f != nil && f.Name() == "Wait" && len(x.Common().Args) > 0 && ofRecv(x.Common().Args[0]) {
					return true
				}
			case *ssa.MakeClosure:
				lit := x.Fn.(*ssa.Function)
				for i, fv := range lit.FreeVars {
					if ofRecv(x.Bindings[i]) && closureWaitsOn(lit, fv) {
						return true
					}
				}
			}
		}
	}
	return false
}

// closureWaitsOn reports whether a literal receives from a channel reached
// through its free variable fv.
func closureWaitsOn(lit *ssa.Function, fv *ssa.FreeVar) bool {
	for _, b := range lit.Blocks {
		for _, instr := range b.Instrs {
			if x, ok := instr.(*ssa.UnOp); ok && x.Op == token.ARROW {
				v := x.X
				for i := 0; i < 8; i++ {
					switch y := v.(type) {
					case *ssa.UnOp:
						v = y.X
						continue
					case *ssa.FieldAddr:
						v = y.X
						continue
					}
					break
				}
				if v == fv {
					return true
				}
			}
		}
	}
	return false
}

// rangesUntilClosed reports whether the goroutine site starts (a go
// statement running spawned) ranges over ch, or receives from it with an
// ok result, where ch is what site hands it (a captured channel, or an
// argument): a close of ch ends that loop once it has taken what was sent.
func rangesUntilClosed(site ssa.Instruction, spawned *ssa.Function, ch ssa.Value) bool {
	if _, ok := site.(*ssa.Go); !ok || spawned == nil {
		return false
	}
	keys := chanKeys(site, spawned, ch)
	for _, b := range spawned.Blocks {
		for _, instr := range b.Instrs {
			if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.ARROW && u.CommaOk && keys[ChanLoc(u.X)] {
				return true
			}
		}
	}
	return false
}

// chanKeys returns the places that hold, inside the goroutine spawned by
// site, the channel ch of the spawning function: where ch is loaded from (a
// variable captured by a literal), and the parameter of a named function
// that the go statement passes ch to (go watch(done)).
func chanKeys(site ssa.Instruction, spawned *ssa.Function, ch ssa.Value) map[any]bool {
	keys := map[any]bool{ChanLoc(ch): true}
	if g, ok := site.(*ssa.Go); ok {
		if _, ok := g.Call.Value.(*ssa.MakeClosure); !ok && !g.Call.IsInvoke() {
			for i, a := range g.Call.Args {
				if i < len(spawned.Params) && Root(a) == Root(ch) {
					keys[spawned.Params[i]] = true
				}
			}
		}
	}
	return keys
}

// receivesOnce reports whether fn, the goroutine site spawns, receives from
// the channel ch is loaded from (or that site passes it, see chanKeys), and
// not in a loop: a send or close on it ends fn's wait.
func receivesOnce(site ssa.Instruction, fn *ssa.Function, ch ssa.Value) bool {
	if fn == nil {
		return false
	}
	keys := chanKeys(site, fn, ch)
	forest := loops.Of(fn, loops.Config{})
	found := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var chans []ssa.Value
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					chans = append(chans, x.X)
				}
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.RecvOnly {
						chans = append(chans, st.Chan)
					}
				}
			}
			for _, c := range chans {
				if keys[ChanLoc(c)] {
					if forest.Innermost(b) != nil {
						return false
					}
					found = true
				}
			}
		}
	}
	return found
}

// pkgOf returns the package of fn, or of the generic function an
// instantiation was made from (instantiations have no package of their own).
func pkgOf(fn *ssa.Function) *ssa.Package {
	if fn.Pkg == nil && fn.Origin() != nil {
		return fn.Origin().Pkg
	}
	return fn.Pkg
}

// poolBranch reports whether site, a go statement, runs on one side of a
// branch whose other side hands the same work to a worker pool instead: a
// blocking send of the function value the go statement runs on a channel
// (t.pool.JobQueue <- handler, where the other side is go handler()), or a
// call of another package's function or of an interface method that is
// given a function value made from the same arguments (h.Pool.Submit(h.task(
// ctx, queue, body)) beside go h.run(ctx, queue, body)) and does not start
// a goroutine itself (its fact). The side with the pool starts no
// goroutine of its own.
//
// Property: such a spawn is the unlimited mode of a bounded design, run
// only when the user configured no pool or no maximum (MaxInvoke == 0, a
// nil Pool): the code has the limit and the configuration turned it off.
// Seen in an RPC framework's handler per request and in another RPC
// framework's socket and websocket handlers; test package
// unboundedqueue/spawn_pool_or_unlimited. A spawn whose other side sends
// other work, or a select whose default spawns when the pool's queue is
// full (an overflow, unbounded), stays reported.
func (r *Result) poolBranch(s scope, site ssa.Instruction) bool {
	g, ok := site.(*ssa.Go)
	if !ok {
		return false
	}
	return r.branchesBefore(s, site, func(d *ssa.BasicBlock, _ *ssa.If) bool {
		for _, succ := range d.Succs {
			if succ == site.Block() || reachesAvoiding(succ, site.Block(), d) || len(succ.Preds) != 1 {
				continue // the side that spawns, or a join
			}
			if r.handsToPool(succ, g) {
				return true
			}
		}
		return false
	})
}

// handsToPool reports whether the blocks side dominates hand g's work to a
// pool (see poolBranch) and start no goroutine.
func (r *Result) handsToPool(side *ssa.BasicBlock, g *ssa.Go) bool {
	handed := false
	for _, b := range side.Parent().Blocks {
		if !side.Dominates(b) {
			continue
		}
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Go:
				return false
			case *ssa.Send:
				if isFunc(x.X.Type()) && sameWork(x.X, g) {
					handed = true
				}
			case *ssa.Call:
				cc := x.Common()
				if r.isGroupGo(cc) {
					return false
				}
				if !r.foreignNoSpawn(cc) {
					continue
				}
				for _, a := range cc.Args {
					if isFunc(a.Type()) && sameWork(a, g) {
						handed = true
					}
				}
			}
		}
	}
	return handed
}

// foreignNoSpawn reports whether cc calls an interface method or a function
// of another package that, by its fact, does not start a goroutine.
func (r *Result) foreignNoSpawn(cc *ssa.CallCommon) bool {
	if cc.IsInvoke() {
		return true
	}
	fn := cc.StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == r.pass.Pkg {
		return false
	}
	var f Fact
	return !r.pass.ImportObjectFact(obj.Origin(), &f) || f.Spawn == ""
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// sameWork reports whether the function value v is the work go statement g
// runs: the same value (a closure made once and run on either side), or
// the result of a call given the same arguments as g's call, position by
// position (the same value, or the results of calls of the same function,
// made again on each side).
func sameWork(v ssa.Value, g *ssa.Go) bool {
	for {
		c, ok := v.(*ssa.ChangeType) // a func() sent as the pool's named Job type
		if !ok {
			break
		}
		v = c.X
	}
	if v == g.Call.Value {
		return true
	}
	c, ok := v.(*ssa.Call)
	if !ok || len(c.Call.Args) != len(g.Call.Args) || len(g.Call.Args) == 0 {
		return false
	}
	for i, a := range c.Call.Args {
		b := g.Call.Args[i]
		if a == b {
			continue
		}
		ca, okA := a.(*ssa.Call)
		cb, okB := b.(*ssa.Call)
		if !okA || !okB || ca.Call.StaticCallee() == nil || ca.Call.StaticCallee() != cb.Call.StaticCallee() {
			return false
		}
	}
	return true
}
