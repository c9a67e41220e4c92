package summary

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/ssaform"
)

// cancelledOnReturn reports whether the goroutine started at site waits on
// the Done channel of a context that the spawning scope cancels before it
// ends: ctx, cancel := context.WithCancel(p); defer cancel(); go watch(ctx)
// over a whole function, or a cancel() later in the same iteration of a
// loop.
//
// Property: such a goroutine's ctx.Done() case is ready once the call (or
// the iteration) that started it is over, so it does not outlive it: a loop
// that makes that call once per item runs at most one at a time (a shutdown
// monitor per request, a progress ticker per scan).
func cancelledOnReturn(s scope, site ssa.Instruction, spawned *ssa.Function) bool {
	g, ok := site.(*ssa.Go)
	if !ok || spawned == nil {
		return false
	}
	// The context values the go statement hands the goroutine, and the
	// place in spawned each arrives at (a parameter or a free variable).
	type handed struct {
		cancels []ssa.Value
		at      ssa.Value
	}
	var hs []handed
	add := func(v, at ssa.Value) {
		if c := cancelsOf(v); len(c) > 0 {
			hs = append(hs, handed{c, at})
		}
	}
	cc := g.Common()
	if cc.IsInvoke() {
		return false
	}
	args := cc.Args
	if mc, ok := cc.Value.(*ssa.MakeClosure); ok {
		for i, b := range mc.Bindings {
			if i < len(spawned.FreeVars) {
				add(b, spawned.FreeVars[i])
			}
		}
	}
	for i, a := range args {
		if i < len(spawned.Params) {
			add(a, spawned.Params[i])
		}
	}
	for _, h := range hs {
		if waitsOnDone(h.at) && cancelledAfter(s, site, h.cancels) {
			return true
		}
	}
	return false
}

// cancelsOf returns the cancel functions of ctx when ctx is the context a
// context.With* call returned in the same function (the tuple's second
// value), or nil.
func cancelsOf(ctx ssa.Value) []ssa.Value {
	ex, ok := storedOnce(ctx).(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return nil
	}
	fn := call.Common().StaticCallee()
	if fn == nil || !ssaform.IsFunc(fn, "context.WithCancel", "context.WithTimeout", "context.WithDeadline",
		"context.WithCancelCause", "context.WithTimeoutCause", "context.WithDeadlineCause") {
		return nil
	}
	var out []ssa.Value
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 1 {
			out = append(out, e)
		}
	}
	return out
}

// StoredOnce is storedOnce for the analyzers (a listener captured by an
// accept loop's literal).
func StoredOnce(v ssa.Value) ssa.Value { return storedOnce(v) }

// storedOnce looks through a variable captured by a closure (the SSA form
// keeps it in an Alloc): for the Alloc, or a load of it, the one value ever
// stored there; nil when different values are stored. Other values are
// returned as they are.
func storedOnce(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if _, ok := u.X.(*ssa.Alloc); ok {
			v = u.X
		}
	}
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return v
	}
	var val ssa.Value
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if val != nil && val != st.Val {
				return nil
			}
			val = st.Val
		}
	}
	return val
}

// cancelledAfter reports whether one of cancels is called after site in
// the scope, or, over a whole function, deferred before site (a defer that
// dominates it runs on every return after it) or after it.
func cancelledAfter(s scope, site ssa.Instruction, cancels []ssa.Value) bool {
	isCancel := func(cc *ssa.CallCommon) bool {
		v := storedOnce(cc.Value)
		for _, c := range cancels {
			if v == c {
				return true
			}
		}
		return false
	}
	if s.loop == nil {
		for _, b := range s.fn.Blocks {
			for _, instr := range b.Instrs {
				if d, ok := instr.(*ssa.Defer); ok && isCancel(d.Common()) && s.dominates(d, site) {
					return true
				}
			}
		}
	}
	found := false
	s.after(site, func(instr ssa.Instruction) bool {
		switch x := instr.(type) {
		case *ssa.Call:
			found = isCancel(x.Common())
		case *ssa.Defer:
			found = s.loop == nil && isCancel(x.Common())
		}
		return !found
	})
	return found
}

// waitsOnDone reports whether the goroutine receives from ctx.Done(), where ctx is
// the parameter or free variable at, or is loaded from it (a receive, or a
// select case).
func waitsOnDone(at ssa.Value) bool {
	if at.Referrers() == nil {
		return false
	}
	vals := []ssa.Value{at}
	for _, r := range *at.Referrers() {
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.X == at {
			vals = append(vals, u)
		}
	}
	var dones []*ssa.Call
	for _, v := range vals {
		for _, r := range *v.Referrers() {
			if call, ok := r.(*ssa.Call); ok {
				cc := call.Common()
				if cc.IsInvoke() && cc.Value == v && cc.Method.Name() == "Done" && isContext(v.Type()) {
					dones = append(dones, call)
				}
			}
		}
	}
	for _, call := range dones {
		for _, u := range *call.Referrers() {
			switch x := u.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					return true
				}
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.RecvOnly && st.Chan == call {
						return true
					}
				}
			}
		}
	}
	return false
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
