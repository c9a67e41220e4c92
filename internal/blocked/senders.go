package blocked

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// How a function that was handed the channel runs.
type runKind uint8

const (
	runsAsync    runKind = iota + 1 // in a goroutine of its own (go, errgroup.Go)
	runsSync                        // called: on the receiver's goroutine
	runsDeferred                    // deferred: on the receiver's goroutine, at its exit
)

// startOf returns the sends of a call, go or defer that hands the channel
// to a function (an argument) or a closure (a captured variable), in the
// caller's terms, and how the function runs; nil when unknown.
func (a *pkgState) startOf(u use) (*sendSum, runKind) {
	if u.site == nil || u.g == nil {
		return nil, 0
	}
	kind := runsSync
	switch u.site.(type) {
	case *ssa.Go:
		kind = runsAsync
	case *ssa.Defer:
		kind = runsDeferred
	}
	if u.kind == useClosure {
		if u.site.Common().Value != u.instr.(ssa.Value) {
			kind = runsAsync // handed to errgroup.Go and the like
		}
		if u.arg >= len(u.g.FreeVars) {
			return nil, 0
		}
		s := a.sendSummary(u.g, u.g.FreeVars[u.arg])
		var args []ssa.Value
		if kind != runsAsync || u.site.Common().Value == u.instr.(ssa.Value) {
			args = u.site.Common().Args
		}
		return a.translated(s, u.g, args), kind
	}
	return a.calleeSends(u.g, u.site, u.arg), kind
}

func (a *pkgState) translated(s *sendSum, g *ssa.Function, args []ssa.Value) *sendSum {
	t := *s
	t.total = a.st.translate(s.total, g, args)
	return &t
}

// calleeSends returns what callee g does with its argument arg at site:
// from its summary when its body is here, from its SendsFact otherwise.
func (a *pkgState) calleeSends(g *ssa.Function, site ssa.CallInstruction, arg int) *sendSum {
	args := site.Common().Args
	if g.Blocks != nil {
		if arg >= len(g.Params) {
			return nil
		}
		return a.translated(a.sendSummary(g, g.Params[arg]), g, args)
	}
	obj, ok := g.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == a.pass.Pkg {
		return nil
	}
	var fact SendsFact
	if !a.pass.ImportObjectFact(obj.Origin(), &fact) {
		return nil
	}
	for _, p := range fact.Params {
		if p.Index == arg {
			return &sendSum{total: a.st.fromFact(p.Sends, args), self: p.Self}
		}
	}
	return nil
}

// A sendSum is what a function does, per call, with a channel it is
// handed (a parameter or a captured variable).
type sendSum struct {
	total  form // blocking sends, its own and its goroutines'
	self   bool // it sends itself (on its caller's goroutine)
	spawns bool // it starts goroutines that send
	recv   bool // it receives from the channel
	// recvs: how many times it receives, the same on every path (negative:
	// it is a count of D), or drained when it receives until the channel
	// is closed; recvKnown is false when that cannot be told.
	recvs     form
	recvKnown bool
	// once: the free variable (an index) of a flag that every send waits
	// for and sets (if !sent { ch <- v; sent = true }), or -1; calls of the
	// closure share it, so they send once in all.
	once   int
	escape bool      // the channel goes where we cannot see
	send   token.Pos // a blocking send
	sites  int       // how many blocking sends it has, its callees' included
}

type sumKey struct {
	fn   *ssa.Function
	root ssa.Value
}

// sendSummary summarizes what g does with root (a parameter or free
// variable of g).
func (a *pkgState) sendSummary(g *ssa.Function, root ssa.Value) *sendSum {
	key := sumKey{g, root}
	if s, ok := a.sums[key]; ok {
		return s
	}
	s := &sendSum{escape: true} // while in progress: recursion is not followed
	a.sums[key] = s
	f := newFlow(g, &a.st, nil)  // its sends
	fr := newFlow(g, &a.st, nil) // its receives
	out := &sendSum{once: -1}
	var guards []ssa.Value // per send (or call that sends): the flag that lets it send once, or nil
	uses(g, a.forest, []ssa.Value{root}, func(u use) {
		switch u.kind {
		case useSend:
			if recovered(f, u) || underRecover(u.instr) {
				return // a report of the goroutine's own panic: the exceptional path
			}
			f.instr[u.instr] = add(f.instr[u.instr], constForm(1))
			guards = append(guards, onceGuard(u.instr))
			out.self = true
			out.sites++
			if !out.send.IsValid() {
				out.send = sendPos(u)
			}
		case useSendSelect, useClose:
			// a send that can give up blocks no one; close is no send
		case useRecv:
			out.recv = true
			fr.instr[u.instr] = add(fr.instr[u.instr], constForm(-1))
			a.received(fr, u.instr.(*ssa.UnOp))
		case useRecvSelect:
			out.recv = true
			if !a.selectEffects(fr, u.instr.(*ssa.Select), u.state) {
				out.escape = true
			}
		case useCall, useClosure:
			cs, kind := a.startOf(u)
			if cs == nil {
				out.escape = true
				return
			}
			out.escape = out.escape || cs.escape
			if cs.recv {
				out.recv = true
				if !cs.recvKnown {
					out.escape = true
					return
				}
				site := u.site.(ssa.Instruction)
				fr.instr[site] = add(fr.instr[site], cs.recvs)
			}
			if kind != runsAsync {
				out.self = out.self || cs.self
				out.spawns = out.spawns || cs.spawns
			} else if !cs.total.isZero() {
				out.spawns = true
			}
			if !cs.total.isZero() {
				site := u.site.(ssa.Instruction)
				f.instr[site] = add(f.instr[site], cs.total)
				out.sites += cs.sites
				if !out.send.IsValid() {
					out.send = cs.send
				}
				var g ssa.Value
				if mc, ok := u.instr.(*ssa.MakeClosure); ok && u.kind == useClosure && kind == runsSync && cs.once >= 0 {
					g = mc.Bindings[cs.once] // the flag, as this function sees it
				}
				guards = append(guards, g)
			}
		default:
			out.escape = true
		}
	})
	if !out.escape && len(g.Blocks) > 0 {
		if out.recv {
			// A receiver: as many receives on every path, or until the
			// channel is closed, or it is not known.
			fr.forest = a.forest(g)
			out.recvs, out.recvKnown = fr.onlyCount()
			out.recvKnown = out.recvKnown && len(f.instr) == 0 // a relay that receives and sends is not followed
		} else {
			f.forest = a.forest(g)
			f.most = true // what it may send
			var ends []form
			for _, x := range f.run(nil, g.Blocks[0], 0, []state{{}}) {
				for _, st := range x.states {
					ends = append(ends, st.d)
				}
			}
			for _, st := range f.stuck { // a goroutine that never ends sends all the same
				ends = append(ends, st.d)
			}
			switch max, ok := most(ends); {
			case f.failed:
				out.escape = true
			case ok:
				out.total = max
			default:
				out.total = symForm(a.st.fresh())
			}
			if flag := sameGuard(guards); flag != nil && !out.total.isZero() && onlySetOnce(flag) {
				// Every send waits for a flag it then sets: one send in all.
				out.total = constForm(1)
				if fv, ok := flag.(*ssa.FreeVar); ok {
					out.once = slices.Index(g.FreeVars, fv)
				}
			}
		}
	}
	*s = *out
	return s
}

// onceGuard returns the flag that a send waits for and then sets: the
// send's block is entered only when a variable is false, and sets it to
// true after the send. It returns nil otherwise.
func onceGuard(send ssa.Instruction) ssa.Value {
	b := send.Block()
	if len(b.Preds) != 1 {
		return nil
	}
	ifi, ok := b.Preds[0].Instrs[len(b.Preds[0].Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	cond, whenFalse := ifi.Cond, b.Preds[0].Succs[1] == b
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		cond, whenFalse = not.X, !whenFalse
	}
	load, ok := cond.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || !whenFalse || b.Preds[0].Succs[0] == b.Preds[0].Succs[1] {
		return nil
	}
	after := false
	for _, instr := range b.Instrs {
		if instr == send {
			after = true
			continue
		}
		if st, ok := instr.(*ssa.Store); ok && after && st.Addr == load.X {
			if c, ok := st.Val.(*ssa.Const); ok && constant.BoolVal(c.Value) {
				return load.X
			}
		}
	}
	return nil
}

// sameGuard returns the flag that guards every send, if they share one.
func sameGuard(guards []ssa.Value) ssa.Value {
	if len(guards) == 0 || guards[0] == nil {
		return nil
	}
	for _, g := range guards[1:] {
		if g != guards[0] {
			return nil
		}
	}
	return guards[0]
}

// onlySetOnce reports whether a flag is never reset: every store to it in
// its own function stores true, or the false it starts with before any
// closure captures it.
func onlySetOnce(flag ssa.Value) bool {
	alloc, ok := flag.(*ssa.Alloc)
	if !ok {
		return true // a free variable: its stores are checked where it is allocated
	}
	for _, st := range storesTo(alloc) {
		c, ok := st.Val.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
			return false
		}
		if !constant.BoolVal(c.Value) {
			for _, r := range *alloc.Referrers() {
				if mc, ok := r.(*ssa.MakeClosure); ok && (mc.Block() != st.Block() || !storedBefore(st, mc)) {
					return false // reset, or set false where a closure may already have set it
				}
			}
		}
	}
	return true
}

// storedBefore reports whether store comes before instr in their block.
func storedBefore(store, instr ssa.Instruction) bool {
	for _, i := range store.Block().Instrs {
		if i == store {
			return true
		}
		if i == instr {
			return false
		}
	}
	return false
}

// recovered reports whether a send sends the value of recover(): it runs
// only when the goroutine panicked, and a panic is the bug to fix first
// (as a panicking receiver is not reported either).
func recovered(f *flow, u use) bool {
	send, ok := u.instr.(*ssa.Send)
	return ok && f.derived(send.X, func(v ssa.Value) bool {
		call, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		b, ok := call.Call.Value.(*ssa.Builtin)
		return ok && b.Name() == "recover"
	})
}

// underRecover reports whether instr runs only where recover() returned
// non-nil in its function: its block is reached only through the true
// edge of `if r := recover(); r != nil`.
//
// Property: such a send (ch <- fmt.Errorf("panic: %v", r), built from the
// panic or not) runs only when the goroutine panicked; a panic is the bug
// to fix first, as for a send of recover()'s value itself (recovered). On
// the paths that do not panic, the deferred function sends nothing, so the
// goroutine's count is that of its other sends.
func underRecover(instr ssa.Instruction) bool {
	b := instr.Block()
	if b == nil {
		return false
	}
	for a := b.Idom(); a != nil; a = a.Idom() {
		if len(a.Instrs) == 0 || len(a.Succs) != 2 {
			continue
		}
		iff, ok := a.Instrs[len(a.Instrs)-1].(*ssa.If)
		if !ok || !recoverNonNil(iff.Cond) {
			continue
		}
		if a.Succs[0].Dominates(b) && !a.Succs[1].Dominates(b) {
			return true
		}
	}
	return false
}

// recoverNonNil reports whether cond is recover() != nil.
func recoverNonNil(cond ssa.Value) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.NEQ {
		return false
	}
	x, y := bin.X, bin.Y
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x, y = y, x
	}
	if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
		return false
	}
	call, ok := x.(*ssa.Call)
	if !ok {
		return false
	}
	bi, ok := call.Call.Value.(*ssa.Builtin)
	return ok && bi.Name() == "recover"
}

// most returns the largest form, if they can be ordered.
func most(fs []form) (form, bool) {
	if len(fs) == 0 {
		return form{}, true
	}
	max := fs[0]
	for _, f := range fs[1:] {
		switch {
		case le(max, f):
			max = f
		case le(f, max):
		default:
			return form{}, false
		}
	}
	return max, true
}

func sendPos(u use) token.Pos {
	if sel, ok := u.instr.(*ssa.Select); ok {
		return sel.States[u.state].Pos
	}
	return u.instr.Pos()
}
