package summary

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/ssaform"
)

// A Loc names a place in memory that instructions read and write: a struct
// field (of any instance: Field set), a package variable, a local variable
// that lives in memory (captured or address-taken: an Alloc), or a map
// (the map value). Two instructions touch the same place when their Locs
// are equal.
type Loc struct {
	Field  *types.Var
	Global *ssa.Global
	Alloc  *ssa.Alloc
	Map    ssa.Value
}

func (l Loc) valid() bool { return l.Field != nil || l.Global != nil || l.Alloc != nil || l.Map != nil }

// addrLoc returns the place an address denotes: &x.f, a global, an Alloc.
// Locals reached through a closure's free variable are resolved to the
// Alloc of the enclosing function by the caller (see Bind).
func addrLoc(addr ssa.Value) Loc {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		return Loc{Field: fieldOf(a.X.Type(), a.Field)}
	case *ssa.Global:
		return Loc{Global: a}
	case *ssa.Alloc:
		return Loc{Alloc: a}
	case *ssa.FreeVar:
		if b := bound(a); b != nil {
			return addrLoc(b)
		}
	}
	return Loc{}
}

// bound returns the value a free variable of a closure is bound to, when
// the closure is made exactly once.
func bound(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var mc *ssa.MakeClosure
	refs := fn.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		if m, ok := r.(*ssa.MakeClosure); ok {
			if mc != nil {
				return nil
			}
			mc = m
		}
	}
	if mc == nil {
		return nil
	}
	return mc.Bindings[idx]
}

// fieldOf returns field i of the struct that ptr points to (or is).
func fieldOf(ptr types.Type, i int) *types.Var {
	t := ptr.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, ok := t.(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil
	}
	return st.Field(i).Origin()
}

// Root strips conversions, interface wrapping and loads from v, down to the
// value it was read from: the channel of s.ch is s, a captured local is its
// Alloc, a free variable is what it is bound to.
func Root(v ssa.Value) ssa.Value {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.FreeVar:
			b := bound(x)
			if b == nil {
				return v
			}
			v = b
		default:
			return v
		}
	}
	return v
}

// ChanLoc names the channel a channel value is read from: the field or
// variable it is loaded from, or the channel value itself (a local made in
// the function, seen through free variables).
func ChanLoc(ch ssa.Value) any {
	v := ch
	for i := 0; i < 8; i++ {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.FreeVar:
			if b := bound(x); b != nil {
				v = b
				continue
			}
		case *ssa.UnOp:
			if x.Op == token.MUL {
				if l := addrLoc(x.X); l.Field != nil {
					return l.Field
				} else if l.Global != nil {
					return l.Global
				} else if l.Alloc != nil {
					return l.Alloc
				}
			}
		}
		break
	}
	return v
}

// reads returns the places the computation of v reads, looking through
// arithmetic, comparisons, negations, extracts, map lookups and field loads
// (a few levels deep).
func reads(v ssa.Value, depth int, out *[]readAt) {
	readsSeen(v, depth, out, make(map[ssa.Value]bool))
}

func readsSeen(v ssa.Value, depth int, out *[]readAt, seen map[ssa.Value]bool) {
	if depth > 10 || v == nil || seen[v] {
		return
	}
	seen[v] = true
	reads := func(v ssa.Value, depth int, out *[]readAt) { readsSeen(v, depth, out, seen) }
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if l := addrLoc(x.X); l.valid() {
				*out = append(*out, readAt{l, x, false})
			}
			// A local in memory (a named result, a captured variable):
			// what is stored there is what is read.
			if a, ok := x.X.(*ssa.Alloc); ok {
				for _, r := range *a.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Addr == a {
						reads(st.Val, depth+1, out)
					}
				}
			}
			return
		}
		reads(x.X, depth+1, out)
	case *ssa.BinOp:
		reads(x.X, depth+1, out)
		reads(x.Y, depth+1, out)
	case *ssa.Extract:
		reads(x.Tuple, depth+1, out)
	case *ssa.Lookup:
		if _, ok := x.X.Type().Underlying().(*types.Map); ok {
			*out = append(*out, readAt{Loc{Map: Root(x.X)}, x, false})
		}
	case *ssa.Call:
		// A compare-and-swap reads and writes its place in one step.
		if l, ok := casLoc(x.Common()); ok {
			*out = append(*out, readAt{l, x, true})
			return
		}
		// A function of the package: what it returns is what it reads.
		if callee := x.Common().StaticCallee(); callee != nil && callee.Blocks != nil && pkgOf(callee) == pkgOf(x.Parent()) && depth < 8 {
			var inner []readAt
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
					for _, res := range ret.Results {
						reads(res, depth+2, &inner)
					}
				}
			}
			for _, in := range inner {
				*out = append(*out, readAt{in.loc, x, in.self || updatedIn(callee, in.loc)})
			}
		}
		// x.Load(), atomic.LoadInt32(&x), len(s.q): what they read. An
		// atomic given a variable's address (a global, or a local captured
		// by closures: var n atomic.Int64) reads that variable.
		if fn := x.Common().StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "sync/atomic" && len(x.Common().Args) > 0 {
			switch a := x.Common().Args[0].(type) {
			case *ssa.Alloc, *ssa.Global, *ssa.FreeVar:
				if l := addrLoc(a); l.valid() {
					*out = append(*out, readAt{l, x, false})
				}
			}
		}
		for _, a := range x.Common().Args {
			reads(a, depth+1, out)
		}
		if x.Common().IsInvoke() {
			reads(x.Common().Value, depth+1, out)
		}
	case *ssa.FieldAddr:
		if l := addrLoc(x); l.valid() {
			*out = append(*out, readAt{l, x, false})
		}
	case *ssa.Field:
		reads(x.X, depth+1, out)
	case *ssa.TypeAssert:
		reads(x.X, depth+1, out) // t.(*Topic) of a value loaded from a table
	case *ssa.Phi:
		for _, e := range x.Edges {
			reads(e, depth+1, out)
		}
	}
}

type readAt struct {
	loc   Loc
	instr ssa.Value
	// self is set when the reading call also writes the place: a
	// compare-and-swap, or a function of the package that tests and
	// updates a state in one call (if s.state.maybeBegin() { go ... }).
	self bool
}

// casLoc returns the place a compare-and-swap call updates:
// atomic.CompareAndSwapInt32(&x, ...), x.CompareAndSwap(...).
func casLoc(cc *ssa.CallCommon) (Loc, bool) {
	fn := cc.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync/atomic" {
		return Loc{}, false
	}
	name := fn.Name()
	if len(name) < len("CompareAndSwap") || name[:len("CompareAndSwap")] != "CompareAndSwap" && name != "Swap" {
		return Loc{}, false
	}
	if len(cc.Args) == 0 {
		return Loc{}, false
	}
	l := addrLoc(cc.Args[0])
	if !l.valid() {
		// A flag held by pointer in a field (closed *uint32, made once
		// with the object): the field names the place the call updates.
		if ld, ok := cc.Args[0].(*ssa.UnOp); ok && ld.Op == token.MUL {
			if fa, ok := ld.X.(*ssa.FieldAddr); ok {
				l = addrLoc(fa)
			}
		}
	}
	return l, l.valid()
}

// writes reports whether instr writes to l: a store, a map update or
// delete, or an atomic store, add, swap or compare-and-swap.
//
// A number is a place a guard can test only as a flag: a write of it
// counts when it stores a constant (running = 1, not count++), since a
// counter compared with a maximum is a bound on something else (streams,
// requests), not on the goroutines.
func writes(instr ssa.Instruction, l Loc) bool {
	switch x := instr.(type) {
	case *ssa.Store:
		if !sameLoc(addrLoc(x.Addr), l) {
			return false
		}
		if isNumber(x.Val.Type()) {
			_, c := x.Val.(*ssa.Const)
			return c
		}
		return true
	case *ssa.MapUpdate:
		return l.Map != nil && Root(x.Map) == l.Map
	case *ssa.Call:
		cc := x.Common()
		if fn := cc.StaticCallee(); fn != nil {
			if fn.Pkg != nil && fn.Pkg.Pkg.Path() == "sync/atomic" && len(cc.Args) > 0 {
				if !sameLoc(addrLoc(cc.Args[0]), l) {
					return false
				}
				// Add is a count; Store, Swap, CompareAndSwap of a
				// constant set a flag.
				if strings.HasPrefix(fn.Name(), "Add") {
					return false
				}
				_, c := cc.Args[len(cc.Args)-1].(*ssa.Const)
				return c || !isNumber(cc.Args[len(cc.Args)-1].Type())
			}
			if fn.Name() == "delete" {
				return false
			}
		}
		if b, ok := cc.Value.(*ssa.Builtin); ok && b.Name() == "delete" && len(cc.Args) > 0 {
			return l.Map != nil && Root(cc.Args[0]) == l.Map
		}
		if syncMapWrite(cc, l) {
			return true
		}
	}
	return false
}

// syncMapWrite reports whether cc updates the sync.Map held at l (a field
// or global of type sync.Map, or a pointer to one): Store, LoadOrStore,
// Swap, CompareAndSwap, Delete, LoadAndDelete, CompareAndDelete. A
// sync.Map is a map, and these are its m[k] = v and delete(m, k).
func syncMapWrite(cc *ssa.CallCommon, l Loc) bool {
	fn := cc.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || len(cc.Args) == 0 || !ssaform.IsFunc(fn,
		"(*sync.Map).Store", "(*sync.Map).LoadOrStore", "(*sync.Map).Swap", "(*sync.Map).CompareAndSwap",
		"(*sync.Map).Delete", "(*sync.Map).LoadAndDelete", "(*sync.Map).CompareAndDelete") {
		return false
	}
	recv := cc.Args[0]
	if ld, ok := recv.(*ssa.UnOp); ok && ld.Op == token.MUL {
		return sameLoc(addrLoc(ld.X), l) // a *sync.Map field, loaded
	}
	return sameLoc(addrLoc(recv), l) // a sync.Map field, its address taken
}

// updates reports whether instr writes l in any way (see updatedIn).
func updates(instr ssa.Instruction, l Loc) bool {
	switch x := instr.(type) {
	case *ssa.Store:
		return sameLoc(addrLoc(x.Addr), l)
	case *ssa.Call:
		cc := x.Common()
		if fn := cc.StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "sync/atomic" && len(cc.Args) > 0 {
			return sameLoc(addrLoc(cc.Args[0]), l)
		}
	}
	return writes(instr, l)
}

func isNumber(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}

func sameLoc(a, b Loc) bool {
	if !a.valid() || !b.valid() {
		return false
	}
	return a.Field == b.Field && a.Global == b.Global && a.Alloc == b.Alloc && a.Map == b.Map
}
