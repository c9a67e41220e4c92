package blocked

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/ssaform"
)

// funcResult is what the analysis of a function found that its callers
// need: the channels it returns with senders pending.
type funcResult struct {
	done    bool
	pending *pendingRet
}

// senderRet is a function returned with the channel that sends on it.
type senderRet struct {
	result int // the result it is returned as
	count  form
	send   token.Pos
	mc     *ssa.MakeClosure
}

type pendingRet struct {
	sender *senderRet // the channel's sender, returned to be started by the caller
	result int
	count  form // in the function's own terms (its parameters)
	send   token.Pos
	fn     *ssa.Function
	mk     *ssa.MakeChan      // the make of the channel, in fn
	fix    *analysis.TextEdit // buffers the channel in the function, if the count is known
	cap    string
	last   int // the result whose receive means every send was taken (lastResult), or -1
}

// analyzeFunc looks at every channel fn makes or gets from a call that
// returns one with senders pending.
func (a *pkgState) analyzeFunc(fn *ssa.Function) *funcResult {
	if r, ok := a.funcs[fn]; ok {
		return r // done, or in progress (a recursive call: nothing known yet)
	}
	r := &funcResult{}
	a.funcs[fn] = r
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.MakeChan:
				a.origin(fn, r, instr, instr, a.st.countOf(instr.Size), form{}, nil)
			case *ssa.Call:
				if p := a.pendingOf(instr); p != nil {
					if ch := resultValue(instr, p.result); ch != nil {
						a.origin(fn, r, instr, ch, form{}, p.count, p)
					}
				}
			}
		}
	}
	r.done = true
	return r
}

// pendingAt is a call's pending senders, in the caller's terms.
type pendingAt struct {
	sender *senderRet // in the callee's terms
	result int
	count  form
	send   token.Pos
	callee string
	mk     *ssa.MakeChan // the make in the callee, when it is in this package
	fix    *analysis.TextEdit
	cap    string
	last   int // see pendingRet.last; -1 if none
}

// pendingOf returns what the call's callee leaves pending on the channel
// it returns, or nil.
func (a *pkgState) pendingOf(call *ssa.Call) *pendingAt {
	g := call.Call.StaticCallee()
	name := ""
	if g == nil {
		if g = a.valueCallee(call); g == nil {
			return nil
		}
		name = g.Name()
	}
	if name == "" {
		name = g.Name()
		if g.Parent() != nil {
			name = a.callName(call.Pos()) // a function literal, by the variable that holds it
		}
	}
	if g.Blocks != nil && g.Pkg != nil && g.Pkg.Pkg == a.pass.Pkg {
		if a.factsOnly && !returnsChan(g) {
			return nil
		}
		r := a.analyzeFunc(g)
		if r.pending == nil {
			return nil
		}
		p := r.pending
		return &pendingAt{result: p.result, count: a.st.translate(p.count, g, call.Call.Args), send: p.send, callee: name, mk: p.mk, fix: p.fix, cap: p.cap, sender: p.sender, last: p.last}
	}
	obj, ok := g.Object().(*types.Func)
	if !ok || obj.Pkg() == a.pass.Pkg {
		return nil
	}
	var fact PendingFact
	if !a.pass.ImportObjectFact(obj.Origin(), &fact) {
		return nil
	}
	return &pendingAt{result: fact.Result, count: a.st.fromFact(fact.Pending, call.Call.Args), callee: obj.Pkg().Name() + "." + name, last: -1}
}

// valueCallee returns the one function of the package that a call of a
// function value returning a channel (a callback held in a field, a
// parameter) may call, as the package's call graph resolves it: a
// declared function whose address is taken (func waiter() <-chan T handed
// to a constructor, then called through the field). It returns nil for
// interface methods, for function literals and wrappers, when the call
// graph sees several functions or none (a value from another package),
// and when no function of the package returns a channel with senders
// pending that could be it.
func (a *pkgState) valueCallee(call *ssa.Call) *ssa.Function {
	if a.factsOnly || call.Call.IsInvoke() || !hasChan(call.Call.Signature().Results()) || !a.pendingCandidate(call.Call.Signature()) {
		return nil
	}
	callees := a.form.Callees(call)
	if len(callees) != 1 {
		return nil
	}
	g := callees[0]
	if g.Parent() != nil || g.Synthetic != "" || g.Signature.Recv() != nil {
		return nil
	}
	return g
}

// pendingCandidate reports whether a declared function of the package
// with signature sig returns a channel with senders pending: a function
// value of that type may be one of them. It keeps the call graph from
// being built for packages that have none.
func (a *pkgState) pendingCandidate(sig *types.Signature) bool {
	if a.candidates == nil {
		a.candidates = []*ssa.Function{}
		for _, fn := range a.form.Funcs() {
			if fn.Parent() == nil && fn.Synthetic == "" && fn.Signature.Recv() == nil && returnsChan(fn) {
				a.candidates = append(a.candidates, fn)
			}
		}
	}
	for _, fn := range a.candidates {
		if types.Identical(fn.Signature, sig) {
			if r := a.analyzeFunc(fn); r.pending != nil && r.pending.sender == nil {
				return true
			}
		}
	}
	return false
}

// resultValue returns the value of result i of a call: the call itself for
// a single result, its extract otherwise (nil if unused).
func resultValue(call *ssa.Call, i int) ssa.Value {
	if call.Call.Signature().Results().Len() == 1 {
		return call
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

// A start is where the receiving function starts senders.
type start struct {
	site  ssa.Instruction
	count form
	send  token.Pos
	sites int  // how many blocking sends the goroutine has
	one   bool // one goroutine, which sends itself
	// mc, arg: the closure started, and its binding of the channel; or
	// callee, arg: the named function a go statement starts, and the
	// argument that is the channel
	mc     *ssa.MakeClosure
	callee *ssa.Function
	arg    int
}

// origin analyzes one channel ch of fn, made (or returned by a call) at
// instruction at, with buffer k and init sends already beyond the buffer
// (a call's pending senders).
func (a *pkgState) origin(fn *ssa.Function, r *funcResult, at ssa.Instruction, ch ssa.Value, k, init form, via *pendingAt) {
	f := newFlow(fn, &a.st, nil) // its loops are computed only if there is something to count
	var starts []start
	var rets []*ssa.Return
	retIndex := -1
	bad := false
	var firstRecv ssa.Instruction
	var sender *senderRet
	uses(fn, a.forest, []ssa.Value{ch}, func(u use) {
		if bad {
			return
		}
		switch u.kind {
		case useSend, useSendSelect, useClose, useEscape:
			bad = true // it sends itself, closes, or lets the channel go where we cannot see
		case useRecv:
			f.instr[u.instr] = add(f.instr[u.instr], constForm(-1))
			a.received(f, u.instr.(*ssa.UnOp))
			if firstRecv == nil {
				firstRecv = u.instr
			}
		case useRecvSelect:
			if !a.selectEffects(f, u.instr.(*ssa.Select), u.state) {
				bad = true
			}
			if firstRecv == nil {
				firstRecv = u.instr
			}
		case useCall, useClosure:
			if u.kind == useClosure && u.ret > 0 {
				// Returned with the channel: the function that sends on it,
				// for the caller to start.
				s := a.sendSummary(u.g, u.g.FreeVars[u.arg])
				if s.recv || s.escape || s.total.isZero() || (sender != nil && sender.result != u.ret-1) {
					bad = true
					return
				}
				sender = &senderRet{result: u.ret - 1, count: s.total, send: s.send, mc: u.instr.(*ssa.MakeClosure)}
				return
			}
			s, kind := a.startOf(u)
			if s == nil || s.escape || (s.recv && (!s.recvKnown || !s.total.isZero())) {
				bad = true // a receiver elsewhere that we cannot count, or a callee we cannot see
				return
			}
			if s.recv {
				// A goroutine, a deferred or called function that receives as
				// many times on every path: a drain started on the way out.
				site := u.site.(ssa.Instruction)
				f.instr[site] = add(f.instr[site], s.recvs)
				return
			}
			switch kind {
			case runsSync:
				if s.self {
					bad = true // the function itself sends
					return
				}
			case runsDeferred:
				if s.self || !s.total.isZero() {
					bad = true
					return
				}
			}
			if !s.total.isZero() {
				site := u.site.(ssa.Instruction)
				f.instr[site] = add(f.instr[site], s.total)
				st := start{site: site, count: s.total, send: s.send, sites: s.sites, one: kind == runsAsync && !s.spawns}
				if mc, ok := u.instr.(*ssa.MakeClosure); ok && u.kind == useClosure && kind == runsAsync {
					st.mc, st.arg = mc, u.arg
				}
				if g, ok := u.site.(*ssa.Go); ok && u.kind == useCall && g.Call.StaticCallee() == u.g && u.g.Blocks != nil {
					st.callee, st.arg = u.g, u.arg
				}
				starts = append(starts, st)
			}
		case useReturn:
			if retIndex >= 0 && retIndex != u.arg {
				bad = true
			}
			retIndex = u.arg
			rets = append(rets, u.instr.(*ssa.Return))
		}
	})
	if via != nil && via.sender != nil && !bad {
		starts, bad = a.startedSender(f, at.(*ssa.Call), via, starts)
	}
	if bad || (len(starts) == 0 && init.isZero() && sender == nil) {
		return
	}
	a.answers(fn, f, ch, starts, init.isZero() && via == nil && sender == nil)
	if via != nil && via.last >= 0 && len(starts) == 0 {
		// The callee's one sender ends its sends on ch with its answer on
		// result last (lastResult): a receive of that answer, by a caller
		// that does nothing else with it, means every send was taken.
		if other := resultValue(at.(*ssa.Call), via.last); other != nil && a.handsOnly(fn, other, start{}, false) {
			a.drainedBy(fn, f, other)
		}
	}
	f.ends = a.endingCalls(fn)
	f.forest = a.forest(fn)
	block := at.Block()
	exits := f.from(block, slices.Index(block.Instrs, at)+1, []state{{d: init}})
	if f.failed {
		return
	}
	var pending []form
	allReturned := len(exits) > 0
	var found *Leak
	var waited []*ssa.Call // computed at the first way out that may leak
	waitedKnown := false
	for _, x := range exits {
		how, pos, leaking, returned := a.exitKind(fn, x, rets)
		if !returned {
			allReturned = false
		}
		if leaking && !waitedKnown {
			waited, waitedKnown = awaitedSenders(fn, starts), true
		}
		if leaking && waited != nil && waitedAt(waited, x) {
			continue // every sender has ended: none is left blocked on this way out
		}
		for _, s := range x.states {
			over := sub(s.d, k)
			switch {
			case returned:
				pending = append(pending, over)
			case leaking && over.canExceed() && (found == nil || before(s, pos, found)):
				if l := a.leak(fn, at, k, s, how, pos, starts, via, firstRecv); l != nil {
					found = l
				}
			}
		}
	}
	if found != nil && !a.factsOnly {
		// One goroutine that answers on one of two channels leaks once: when
		// both channels are left at the same place, the first tells it.
		dup := false
		for _, other := range a.partners[ch] {
			if l := a.leakOf[other]; l != nil && l.Leave == found.Leave {
				dup = true
			}
		}
		if len(a.partners[ch]) > 0 {
			found.Fix, found.Capacity = nil, "" // one buffer does not cover the other answer
		}
		// A channel made in a function of the package that returns it is
		// reported once, on its make, for the first caller that leaves.
		if via != nil && via.mk != nil {
			dup = dup || a.atMake[via.mk]
			a.atMake[via.mk] = true
		}
		if !dup {
			a.leaks = append(a.leaks, found)
			a.leakOf[ch] = found
		}
	}
	// A channel returned on every path with senders pending on every one:
	// the callers must receive them.
	if sender != nil {
		for _, ret := range rets {
			if ret.Results[sender.result] != sender.mc {
				allReturned = false // not always with its sender
			}
		}
	}
	if allReturned && len(rets) > 0 && via == nil && r.pending == nil {
		min, ok := least(pending)
		if ok && (min.canExceed() || sender != nil) {
			p := &pendingRet{result: retIndex, count: min, fn: fn, sender: sender, last: -1}
			if sender == nil && init.isZero() {
				p.last = a.lastResult(fn, ch, starts)
			}
			if len(starts) > 0 {
				p.send = starts[0].send
			}
			if mk, isMake := at.(*ssa.MakeChan); isMake {
				p.mk = mk
				if sender == nil {
					p.fix, p.cap = a.bufferFix(fn, mk, starts, k)
				}
			}
			if sender != nil {
				p.send = sender.send
			}
			r.pending = p
		}
	}
}

// startedSender counts the goroutines the caller starts with the sender
// function a call returned with its channel: go send(), errgroup's Go.
// Anything else done with the function is not followed (bad).
func (a *pkgState) startedSender(f *flow, call *ssa.Call, via *pendingAt, starts []start) ([]start, bool) {
	v := resultValue(call, via.sender.result)
	if v == nil {
		return starts, false // never started: nothing sends
	}
	count := a.st.translate(via.sender.count, via.sender.mc.Fn.(*ssa.Function), nil)
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Go:
			if r.Call.Value != v {
				return starts, true
			}
			f.instr[r] = add(f.instr[r], count)
			starts = append(starts, start{site: r, count: count, send: via.sender.send, one: true})
		case *ssa.Call:
			if !starter(r.Common()) || r.Call.Args[1] != v {
				return starts, true // run on the receiver's goroutine, or who knows where
			}
			f.instr[r] = add(f.instr[r], count)
			starts = append(starts, start{site: r, count: count, send: via.sender.send})
		default:
			return starts, true
		}
	}
	return starts, false
}

// answers handles goroutines that answer on one of several channels: a
// closure or a named function started to send on ch that also gets
// another channel the function made, and sends on exactly one of the two
// on every path (a result or an error). Once the function received the
// other answer, that goroutine will not send on ch: the receive counts for
// ch too. When the goroutine is the only sender on ch and sends a stream
// of unknown length, ending it by a send on (or a close of) the other
// channel (lastAnswer), receiving the other answer means every send on ch
// was taken: nothing is pending after it, if starts are all the senders
// (alone: no sender pending from a callee, none returned to the caller).
func (a *pkgState) answers(fn *ssa.Function, f *flow, ch ssa.Value, starts []start, alone bool) {
	for _, st := range starts {
		k, ok := st.count.constant()
		stream := !ok && alone && a.onlySender(fn, starts)
		if (!ok || k < 1) && !stream {
			continue
		}
		g, inner, others := a.bindings(st)
		for _, o := range others {
			if o.outer == ch {
				continue
			}
			if stream {
				if a.lastAnswer(g, inner, o.inner) && a.handsOnly(fn, o.outer, st, false) {
					a.drainedBy(fn, f, o.outer)
				}
				continue
			}
			if !a.exclusive(g, inner, o.inner) &&
				!(a.lastAnswer(g, inner, o.inner) && a.handsOnly(fn, o.outer, st, false)) {
				continue
			}
			if !slices.Contains(a.partners[ch], o.outer) {
				a.partners[ch] = append(a.partners[ch], o.outer)
				a.partners[o.outer] = append(a.partners[o.outer], ch)
			}
			uses(fn, a.forest, []ssa.Value{o.outer}, func(u use) {
				switch u.kind {
				case useRecv:
					f.instr[u.instr] = add(f.instr[u.instr], constForm(-k))
				case useRecvSelect:
					if e, ok := caseEdge(u.instr.(*ssa.Select), u.state); ok {
						eff := f.edges[e]
						eff.d = add(eff.d, constForm(-k))
						f.edges[e] = eff
					}
				}
			})
		}
	}
}

// onlySender reports whether starts is one goroutine that sends itself,
// started once: not in a loop of fn.
func (a *pkgState) onlySender(fn *ssa.Function, starts []start) bool {
	return len(starts) == 1 && starts[0].one && a.forest(fn).Innermost(starts[0].site.Block()) == nil
}

// A binding is another channel that fn made and hands to a goroutine it
// starts: outer, the make in fn; inner, what holds it inside the goroutine.
type binding struct{ outer, inner ssa.Value }

// bindings returns the function st starts, what holds ch inside it, and
// the other channels made in fn that it gets: the captured variables of a
// closure, the arguments of a named function.
func (a *pkgState) bindings(st start) (*ssa.Function, ssa.Value, []binding) {
	var out []binding
	switch {
	case st.mc != nil:
		g := st.mc.Fn.(*ssa.Function)
		for i, b := range st.mc.Bindings {
			if i == st.arg || b == st.mc.Bindings[st.arg] {
				continue
			}
			if other := a.cellChan(b); other != nil {
				out = append(out, binding{other, g.FreeVars[i]})
			}
		}
		return g, g.FreeVars[st.arg], out
	case st.callee != nil:
		args := st.site.(*ssa.Go).Call.Args
		if len(args) != len(st.callee.Params) || st.arg >= len(args) {
			return nil, nil, nil
		}
		for i, v := range args {
			if i == st.arg || v == args[st.arg] {
				continue
			}
			if other := a.madeChan(v); other != nil {
				out = append(out, binding{other, st.callee.Params[i]})
			}
		}
		return st.callee, st.callee.Params[st.arg], out
	}
	return nil, nil, nil
}

// madeChan returns the channel made in place that the value v is: the
// make itself (also converted to a send-only channel), or the load of a
// captured variable that holds one.
func (a *pkgState) madeChan(v ssa.Value) ssa.Value {
	switch v := stripConv(v).(type) {
	case *ssa.MakeChan:
		return v
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return a.cellChan(v.X)
		}
	}
	return nil
}

// drainedBy marks the receives of fn from other: after each, nothing is
// pending on the channel the flow f counts. The caller has checked that a
// receive from other means what it says (handsOnly).
func (a *pkgState) drainedBy(fn *ssa.Function, f *flow, other ssa.Value) {
	uses(fn, a.forest, []ssa.Value{other}, func(u use) {
		switch u.kind {
		case useRecv:
			f.instr[u.instr] = add(f.instr[u.instr], form{drained: true})
		case useRecvSelect:
			if e, ok := caseEdge(u.instr.(*ssa.Select), u.state); ok {
				eff := f.edges[e]
				eff.drained = true
				f.edges[e] = eff
			}
		}
	})
}

// lastResult returns the result of fn, other than ch, whose receive tells
// a caller that every send on ch was taken: a channel fn made and returns
// on every return, that it does nothing else with but hand to the one
// goroutine it starts to send on ch, which ends its sends by a send on it
// or a close of it (lastAnswer). It returns -1 if there is none.
func (a *pkgState) lastResult(fn *ssa.Function, ch ssa.Value, starts []start) int {
	if !a.onlySender(fn, starts) {
		return -1
	}
	st := starts[0]
	g, inner, others := a.bindings(st)
	returns := 0
	for _, b := range fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			returns++
		}
	}
	for _, o := range others {
		if o.outer == ch || !a.lastAnswer(g, inner, o.inner) || !a.handsOnly(fn, o.outer, st, true) {
			continue
		}
		j, n, same := -1, 0, true // the result it is returned as, by n returns
		uses(fn, a.forest, []ssa.Value{o.outer}, func(u use) {
			if u.kind == useReturn {
				same = same && (j < 0 || j == u.arg)
				j = u.arg
				n++
			}
		})
		if same && j >= 0 && n == returns {
			return j
		}
	}
	return -1
}

// lastAnswer reports whether g ends its sends on the channel it holds as
// ch by a send on, or a close of, the one it holds as done, and does
// nothing else with done: no send on ch can run after any of those (a
// deferred close runs after every send). Once done's value (or its close)
// was received, g sends no more on ch.
func (a *pkgState) lastAnswer(g *ssa.Function, ch, done ssa.Value) bool {
	if g == nil {
		return false
	}
	var ends []ssa.Instruction
	ok := true
	uses(g, a.forest, []ssa.Value{done}, func(u use) {
		if u.kind == useClose || u.kind == useSend {
			ends = append(ends, u.instr)
		} else {
			ok = false
		}
	})
	if !ok || len(ends) == 0 {
		return false
	}
	sends := make(map[ssa.Instruction]bool)
	uses(g, a.forest, []ssa.Value{ch}, func(u use) {
		switch u.kind {
		case useSend:
			sends[u.instr] = true
		case useSendSelect:
		default:
			ok = false
		}
	})
	if !ok {
		return false
	}
	for _, c := range ends {
		if _, deferred := c.(*ssa.Defer); deferred {
			continue // at the end: after every send
		}
		if sendsAfter(c, sends) {
			return false
		}
	}
	return true
}

// sendsAfter reports whether one of sends can run after instruction from.
func sendsAfter(from ssa.Instruction, sends map[ssa.Instruction]bool) bool {
	return ssaform.AnyAfter(from, func(instr ssa.Instruction) bool { return sends[instr] })
}

// handsOnly reports whether, besides receives, the only thing fn does with
// channel done is to hand it to the goroutine st starts (and, if returned
// is set, to return it): a receive from done means that goroutine sent on
// it or closed it.
func (a *pkgState) handsOnly(fn *ssa.Function, done ssa.Value, st start, returned bool) bool {
	ok := true
	uses(fn, a.forest, []ssa.Value{done}, func(u use) {
		switch u.kind {
		case useRecv, useRecvSelect:
		case useClosure:
			ok = ok && st.mc != nil && u.instr == ssa.Instruction(st.mc)
		case useCall:
			ok = ok && st.callee != nil && u.site == st.site
		case useReturn:
			ok = ok && returned
		default:
			ok = false
		}
	})
	return ok
}

// cellChan returns the channel made in place that a captured variable
// holds: the one MakeChan stored in it.
func (a *pkgState) cellChan(v ssa.Value) ssa.Value {
	alloc, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var mk ssa.Value
	for _, st := range storesTo(alloc) {
		m, ok := st.Val.(*ssa.MakeChan)
		if !ok || (mk != nil && mk != m) {
			return nil
		}
		mk = m
	}
	return mk
}

// exclusive reports whether g sends exactly once on the channels it
// captures as r1 and r2 together, on every path that sends: one or the
// other, never both.
func (a *pkgState) exclusive(g *ssa.Function, r1, r2 ssa.Value) bool {
	if a.sendSummary(g, r1).total.isZero() || a.sendSummary(g, r2).total.isZero() {
		return false // not two answers
	}
	f := newFlow(g, &a.st, nil)
	ok := true
	uses(g, a.forest, []ssa.Value{r1, r2}, func(u use) {
		switch u.kind {
		case useSend:
			f.instr[u.instr] = add(f.instr[u.instr], constForm(1))
		case useClose, useSendSelect:
		default:
			ok = false // anything else: not the simple answer we look for
		}
	})
	if !ok || len(g.Blocks) == 0 {
		return false
	}
	f.forest = a.forest(g)
	var ends []form
	for _, x := range f.run(nil, g.Blocks[0], 0, []state{{}}) {
		for _, st := range x.states {
			ends = append(ends, st.d)
		}
	}
	max, ok := most(ends)
	c, isConst := max.constant()
	return ok && !f.failed && len(f.stuck) == 0 && isConst && c == 1
}

// caseEdge returns the edge taken when sel chooses case i.
func caseEdge(sel *ssa.Select, i int) (edge, bool) {
	for _, r := range *sel.Referrers() {
		index, ok := r.(*ssa.Extract)
		if !ok || index.Index != 0 {
			continue
		}
		for _, r := range *index.Referrers() {
			cmp, ok := r.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			if c, ok := cmp.Y.(*ssa.Const); !ok || c.Int64() != int64(i) {
				continue
			}
			for _, cr := range *cmp.Referrers() {
				if ifi, ok := cr.(*ssa.If); ok {
					return edge{ifi.Block(), 0}, true
				}
			}
		}
	}
	return edge{}, false
}

// endingCalls returns the calls of fn to functions of this package that
// may end the calling goroutine on some path, without always doing so (a
// test helper that calls t.Fatal when something is wrong): a way out of
// fn at that call.
func (a *pkgState) endingCalls(fn *ssa.Function) map[ssa.Instruction]bool {
	if m, ok := a.ending[fn]; ok {
		return m
	}
	m := make(map[ssa.Instruction]bool)
	a.ending[fn] = m
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || (i+2 < len(b.Instrs) && noReturnAfter(b.Instrs[i+1:], call)) {
				continue // a call that never returns is an exit already
			}
			if g := call.Call.StaticCallee(); (g != nil && g != fn && a.mayEnd(g)) || endsThroughTB(call) {
				m[instr] = true
			}
		}
	}
	return m
}

// noReturnAfter reports whether the instructions after call are the panic
// the SSA builder puts after a call that never returns.
func noReturnAfter(rest []ssa.Instruction, call *ssa.Call) bool {
	for _, instr := range rest {
		if p, ok := instr.(*ssa.Panic); ok {
			return p.Pos() == call.Pos()
		}
		if _, ok := instr.(*ssa.MakeInterface); !ok {
			return false
		}
	}
	return false
}

// mayEnd reports whether a function of this package can end its
// goroutine (t.Fatal, runtime.Goexit, directly or through another such
// function of the package).
func (a *pkgState) mayEnd(g *ssa.Function) bool {
	if v, ok := a.mayEnds[g]; ok {
		return v
	}
	a.mayEnds[g] = false // recursion is not followed
	if g.Blocks == nil || g.Pkg == nil || g.Pkg.Pkg != a.pass.Pkg {
		return false
	}
	v := false
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Panic:
				if call := noReturnCall(instr); call != nil && endsGoroutine(call) {
					v = true
				}
			case *ssa.Call:
				if h := instr.Call.StaticCallee(); (h != nil && h != g && a.mayEnd(h)) || endsThroughTB(instr) {
					v = true
				}
			}
		}
	}
	a.mayEnds[g] = v
	return v
}

// before reports whether the way out at pos, left in state s, is the one
// to name rather than found: the first in the source among those taken
// after a select case that won over the receive (a timeout, a stop,
// another answer: the receiver gave up waiting), else the first in the
// source. A plain return or a poll's default before such a case is more
// often setup that failed before the senders were started or could send.
func before(s state, pos token.Pos, found *Leak) bool {
	byCase := s.why != nil && s.why.kind == evCase && s.why.state >= 0
	if foundByCase := found.CasePos.IsValid() && found.Case != "default"; byCase != foundByCase {
		return byCase
	}
	return pos.IsValid() && pos < found.Leave
}

// endsThroughTB reports whether call is Fatal, Fatalf, FailNow, Skip,
// Skipf or SkipNow called through the testing.TB interface.
//
// Property: testing.TB has an unexported method, so its only
// implementations are *testing.T, *testing.B and *testing.F, whose
// methods of these names end the calling goroutine with runtime.Goexit.
// The SSA builder sees that only for the static calls; a call through the
// interface is a way out as a helper of the package that calls them is.
func endsThroughTB(call *ssa.Call) bool {
	if !call.Call.IsInvoke() || !isTesting(call.Call.Value.Type()) {
		return false
	}
	switch call.Call.Method.Name() {
	case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
		return true
	}
	return false
}

// least returns the smallest form, if they can be ordered.
func least(fs []form) (form, bool) {
	if len(fs) == 0 {
		return form{}, false
	}
	min := fs[0]
	for _, f := range fs[1:] {
		switch {
		case le(f, min):
			min = f
		case le(min, f):
		default:
			return form{}, false
		}
	}
	return min, true
}

// received records the value and the "closed" branch of a receive.
func (a *pkgState) received(f *flow, recv *ssa.UnOp) {
	if !recv.CommaOk {
		f.data[recv] = true
		return
	}
	for _, r := range *recv.Referrers() {
		e, ok := r.(*ssa.Extract)
		if !ok {
			continue
		}
		switch e.Index {
		case 0:
			f.data[e] = true
		case 1:
			a.closedBranches(f, e, nil)
		}
	}
}

// closedBranches marks the branches taken when ok (the second result of a
// receive) is false: the channel was closed, every sender was heard. For
// a select's ok, only the branches inside the case of the channel count
// (entry: its first block).
func (a *pkgState) closedBranches(f *flow, ok ssa.Value, entry *ssa.BasicBlock) {
	var visit func(v ssa.Value, negated bool, depth int)
	visit = func(v ssa.Value, negated bool, depth int) {
		if depth > 3 {
			return
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.If:
				if entry != nil && !entry.Dominates(r.Block()) {
					continue
				}
				i := 1 // the false branch
				if negated {
					i = 0
				}
				f.edges[edge{r.Block(), i}] = edgeEffect{drained: true}
			case *ssa.UnOp:
				if r.Op == token.NOT {
					visit(r, !negated, depth+1)
				}
			}
		}
	}
	visit(ok, false, 0)
}

// selectEffects records what a select that receives from the channel in
// case state does on each of its edges. It returns false when the cases
// cannot be told apart.
func (a *pkgState) selectEffects(f *flow, sel *ssa.Select, state int) bool {
	var index *ssa.Extract
	for _, r := range *sel.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			index = e
		}
	}
	if index == nil {
		return false
	}
	cmps := make(map[int]*ssa.If)
	for _, r := range *index.Referrers() {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL {
			continue
		}
		c, ok := cmp.Y.(*ssa.Const)
		if !ok {
			continue
		}
		for _, cr := range *cmp.Referrers() {
			if ifi, ok := cr.(*ssa.If); ok {
				cmps[int(c.Int64())] = ifi
			}
		}
	}
	mark := func(b *ssa.BasicBlock) {
		if len(b.Preds) == 1 {
			f.marks[b] = true
		}
	}
	var entry *ssa.BasicBlock
	for j := range sel.States {
		ifi := cmps[j]
		if ifi == nil {
			return false
		}
		e := edge{ifi.Block(), 0}
		f.cases[ifi.Block()] = true
		if j == state {
			f.edges[e] = edgeEffect{d: constForm(-1)}
			if len(e.to().Preds) == 1 {
				entry = e.to()
			}
			continue
		}
		f.edges[e] = edgeEffect{why: &event{kind: evCase, pos: sel.States[j].Pos, sel: sel, state: j}}
		mark(e.to())
	}
	if !sel.Blocking {
		last := cmps[len(sel.States)-1]
		e := edge{last.Block(), 1}
		f.edges[e] = edgeEffect{why: &event{kind: evCase, pos: sel.Pos(), sel: sel, state: -1}}
		mark(e.to())
	}
	r := 2
	for j := 0; j < state; j++ {
		if sel.States[j].Dir == types.RecvOnly {
			r++
		}
	}
	for _, ref := range *sel.Referrers() {
		e, ok := ref.(*ssa.Extract)
		if !ok {
			continue
		}
		switch {
		case e.Index == r:
			f.data[e] = true
		case e.Index == 1 && entry != nil:
			a.closedBranches(f, e, entry)
		}
	}
	return true
}

// awaitedSenders returns the WaitGroup that every sender of starts marks
// Done when it ends (a deferred wg.Done() at the top of the goroutine's
// function, or a goroutine started by wg.Go), and the calls of its Wait
// in fn that no start can follow; or nil.
//
// Property: Wait returns only once every goroutine it waits for has
// ended, and a goroutine blocked on a send has not: on a way out that
// passes such a Wait after the last start, no sender is left blocked (a
// sender that blocks keeps the function in Wait instead, which is not a
// way out).
func awaitedSenders(fn *ssa.Function, starts []start) []*ssa.Call {
	if len(starts) == 0 {
		return nil
	}
	var wg ssa.Value
	for _, st := range starts {
		w := doneBy(st)
		if w == nil || wg != nil && w != wg {
			return nil
		}
		wg = w
	}
	var waits []*ssa.Call
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok && isWaitGroup(call.Common(), "Wait") && call.Common().Args[0] == wg {
				waits = append(waits, call)
			}
		}
	}
	waits = slices.DeleteFunc(waits, func(w *ssa.Call) bool {
		return slices.ContainsFunc(starts, func(st start) bool {
			return ssaform.AnyAfter(w, func(i ssa.Instruction) bool { return i == st.site })
		})
	})
	return waits
}

// waitedAt reports whether one of waits is on every path to exit x.
func waitedAt(waits []*ssa.Call, x exit) bool {
	var b *ssa.BasicBlock
	switch {
	case x.instr != nil:
		b = x.instr.Block()
	case x.e.b != nil:
		b = x.e.b
	default:
		return false
	}
	for _, w := range waits {
		if w.Block() == b {
			if x.instr == nil || slices.Index(b.Instrs, ssa.Instruction(w)) < slices.Index(b.Instrs, x.instr) {
				return true
			}
			continue
		}
		if w.Block().Dominates(b) {
			return true
		}
	}
	return false
}

// doneBy returns the WaitGroup (as the starting function names it) that
// the goroutine of st marks Done when it ends, or nil.
func doneBy(st start) ssa.Value {
	if call, ok := st.site.(*ssa.Call); ok && isWaitGroup(call.Common(), "Go") {
		return call.Common().Args[0]
	}
	if st.mc == nil {
		return nil
	}
	body, ok := st.mc.Fn.(*ssa.Function)
	if !ok || len(body.Blocks) == 0 {
		return nil
	}
	for _, instr := range body.Blocks[0].Instrs {
		d, ok := instr.(*ssa.Defer)
		if !ok || !isWaitGroup(d.Common(), "Done") {
			continue
		}
		fv, ok := d.Common().Args[0].(*ssa.FreeVar)
		if !ok {
			continue
		}
		if i := slices.Index(body.FreeVars, fv); i >= 0 && i < len(st.mc.Bindings) {
			return st.mc.Bindings[i]
		}
	}
	return nil
}

// isWaitGroup reports whether cc calls method (Go, Done, Wait) of
// *sync.WaitGroup.
func isWaitGroup(cc *ssa.CallCommon, method string) bool {
	fn := cc.StaticCallee()
	return fn != nil && len(cc.Args) > 0 && ssaform.IsFunc(fn, "(*sync.WaitGroup)."+method)
}
