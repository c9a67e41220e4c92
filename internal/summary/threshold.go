package summary

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// thresholdGuard reports whether site runs only on the side of a branch
// where a counter that the package only ever raises equals a fixed value,
// right after the path raised it: runCount++; if runCount == limit { go
// remove(id) }.
//
// Property: a counter that only rises passes a fixed value once, so the
// spawn runs once per counter (per object, for a field; once, for a
// variable), not once per call or per item. A counter that is reset or
// lowered anywhere in the package (count = 0 after each batch) equals the
// value again and again, and a bound that changes after its object is
// built moves with it: both are spawns per batch, and stay reported.
// Seen on a scheduler's last allowed run of a job and on a test's scrape
// counter that stops the loop at its second scrape.
func (r *Result) thresholdGuard(s scope, site ssa.Instruction) bool {
	if !s.contains(site.Block()) {
		return false
	}
	return r.branchesBefore(s, site, func(d *ssa.BasicBlock, ifi *ssa.If) bool {
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			return false
		}
		eq := 0 // the successor where the operands are equal
		if cmp.Op == token.NEQ {
			eq = 1
		}
		if !reachesAvoiding(d.Succs[eq], site.Block(), d) {
			return false
		}
		for side, x := range []ssa.Value{cmp.X, cmp.Y} {
			k := cmp.Y
			if side == 1 {
				k = cmp.X
			}
			l, ok := r.raisedCounter(s, ifi, StripConv(x))
			if ok && r.fixedValue(StripConv(k), l) && r.onlyRaised(l) {
				return true
			}
		}
		return false
	})
}

// raisedCounter returns the place x reads when x is a counter raised by a
// positive constant before the test: an atomic add whose result is x, or
// a load of a place that an increment dominating the test raised.
func (r *Result) raisedCounter(s scope, test ssa.Instruction, x ssa.Value) (Loc, bool) {
	switch x := x.(type) {
	case *ssa.Call:
		if len(x.Call.Args) == 2 && !r.freshCounter(x.Call.Args[0]) {
			l := addrLoc(x.Call.Args[0])
			if l.Field != nil || l.Alloc != nil {
				if atomicAdd(x.Common(), l) > 0 {
					return l, true
				}
			}
		}
	case *ssa.UnOp:
		if x.Op != token.MUL {
			break
		}
		l := addrLoc(x.X)
		if l.Field == nil && l.Alloc == nil || r.freshCounter(x.X) {
			break
		}
		for _, b := range s.fn.Blocks {
			for _, instr := range b.Instrs {
				if counterStep(instr, l) > 0 && s.dominates(instr, test) {
					return l, true
				}
			}
		}
	}
	return Loc{}, false
}

// freshCounter reports whether the counter at addr may start again from
// zero on each run of the code that tests it: a field of an object the
// function makes or gets from a call (a new object per call), or a local
// declared inside a loop (a new variable per iteration).
func (r *Result) freshCounter(addr ssa.Value) bool {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		switch a.X.(type) {
		case *ssa.Alloc, *ssa.Call:
			return true
		}
	case *ssa.Alloc:
		return r.Loops(a.Parent()).Innermost(a.Block()) != nil
	case *ssa.FreeVar:
		if b, ok := bound(a).(*ssa.Alloc); ok {
			return r.Loops(b.Parent()).Innermost(b.Block()) != nil
		}
		return true
	}
	return false
}

// fixedValue reports whether k is a constant, or a load of a place other
// than l that is written only where its object is built (a field of a
// composite literal or new struct).
func (r *Result) fixedValue(k ssa.Value, l Loc) bool {
	switch k := k.(type) {
	case *ssa.Const:
		return true
	case *ssa.UnOp:
		if k.Op != token.MUL {
			return false
		}
		m := addrLoc(k.X)
		if m.Field == nil || sameLoc(m, l) {
			return false
		}
		return r.placeIs(m, fixedPlace, func(addr ssa.Value, use ssa.Instruction) bool {
			switch u := use.(type) {
			case *ssa.Store:
				return u.Addr == addr && isFresh(addr)
			case *ssa.UnOp:
				return u.Op == token.MUL
			case *ssa.DebugRef:
				return true
			}
			return false
		})
	}
	return false
}

// onlyRaised reports whether every write of l in the package raises it by
// a positive constant, apart from its initialization (the field of an
// object being built, a local's first value outside any loop): no reset,
// no decrement, no address handed to code that could do either.
func (r *Result) onlyRaised(l Loc) bool {
	return r.placeIs(l, raisedPlace, func(addr ssa.Value, use ssa.Instruction) bool {
		switch u := use.(type) {
		case *ssa.Store:
			if u.Addr != addr {
				return false // the address itself is stored: it escapes
			}
			if counterStep(u, l) > 0 {
				return true
			}
			if isFresh(addr) {
				return true
			}
			if a, ok := addr.(*ssa.Alloc); ok && a.Parent() == u.Parent() {
				return r.Loops(u.Parent()).Innermost(u.Block()) == nil
			}
			return false
		case *ssa.UnOp:
			return u.Op == token.MUL
		case *ssa.DebugRef, *ssa.MakeClosure:
			return true // a closure's use is checked through its free variable
		case ssa.CallInstruction:
			cc := u.Common()
			if atomicAdd(cc, l) > 0 {
				return true
			}
			fn := cc.StaticCallee()
			return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "sync/atomic" && strings.HasPrefix(fn.Name(), "Load")
		}
		return false
	})
}

// A placeKey names a question asked of every use of a place (placeIs).
type placeKey struct {
	loc  Loc
	kind placeKind
}

type placeKind uint8

const (
	raisedPlace placeKind = iota // onlyRaised
	fixedPlace                   // fixedValue
)

// placeIs answers everyUse(l, ok) once per place and question: the
// summary's fixpoint asks again on every round.
func (r *Result) placeIs(l Loc, kind placeKind, ok func(addr ssa.Value, use ssa.Instruction) bool) bool {
	key := placeKey{l, kind}
	if v, seen := r.placeMemo[key]; seen {
		return v
	}
	v := r.everyUse(l, ok)
	r.placeMemo[key] = v
	return v
}

// isFresh reports whether addr is a field of an object the function is
// building: &T{...} or new(T), before it is shared.
func isFresh(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	_, ok = fa.X.(*ssa.Alloc)
	return ok
}

// everyUse reports whether ok holds for every use of every address of l
// in the package: the field addresses of a field, or a local's Alloc and
// the free variables of the closures it is bound to. A field must be
// unexported and of a type of the package (no other package writes it),
// and no value of the struct holding it may be stored whole except into a
// variable being built (*p = T{} resets every field).
func (r *Result) everyUse(l Loc, ok func(addr ssa.Value, use ssa.Instruction) bool) bool {
	check := func(addr ssa.Value) bool {
		refs := addr.Referrers()
		if refs == nil {
			return false
		}
		for _, u := range *refs {
			if !ok(addr, u) {
				return false
			}
		}
		return true
	}
	switch {
	case l.Field != nil:
		if l.Field.Exported() || l.Field.Pkg() != r.pkg.Pkg {
			return false
		}
		owners := make(map[types.Type]bool) // *T of the structs holding the field
		var whole []types.Type              // address types of struct stores other than into a new variable
		for fn := range r.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch instr := instr.(type) {
					case *ssa.FieldAddr:
						if fieldOf(instr.X.Type(), instr.Field) != l.Field {
							continue
						}
						if !check(instr) {
							return false
						}
						owners[types.Unalias(instr.X.Type())] = true
					case *ssa.Store:
						if _, fresh := instr.Addr.(*ssa.Alloc); !fresh && isStruct(instr.Val.Type()) {
							whole = append(whole, instr.Addr.Type())
						}
					}
				}
			}
		}
		for _, t := range whole {
			if ownerOf(owners, t) {
				return false // the whole struct is overwritten
			}
		}
		return true
	case l.Alloc != nil:
		addrs := []ssa.Value{l.Alloc}
		for i := 0; i < len(addrs) && i < 16; i++ {
			if !check(addrs[i]) {
				return false
			}
			for _, u := range *addrs[i].Referrers() {
				mc, isMC := u.(*ssa.MakeClosure)
				if !isMC {
					continue
				}
				fn := mc.Fn.(*ssa.Function)
				for j, bv := range mc.Bindings {
					if bv == addrs[i] {
						addrs = append(addrs, fn.FreeVars[j])
					}
				}
			}
		}
		return len(addrs) <= 16
	}
	return false
}

// isStruct reports whether t is a struct type.
func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// ownerOf reports whether t, the type of a store's address, is one of the
// pointer types in owners.
func ownerOf(owners map[types.Type]bool, t types.Type) bool {
	for o := range owners {
		if types.Identical(o, types.Unalias(t)) {
			return true
		}
	}
	return false
}
