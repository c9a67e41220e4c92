// Package ssaform answers "what is this package's SSA form, and which
// functions can a call in it reach?", once per package for every analyzer
// of bplint.
//
// Building SSA is the most expensive step of an analysis, and most
// packages never need it (they have no candidate for any rule). So the
// analyzer returns a lazy Form: the SSA form is built the first time a rule
// asks for it, and the call graph (VTA, refining CHA) the first time a rule
// asks for the callees of a dynamic call. Analyzers of the same package
// share one Form; it is safe for concurrent use.
package ssaform

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/bplint/bplint/internal/crash"
)

// Analyzer returns the package's lazy *Form.
var Analyzer = &analysis.Analyzer{
	Name:       "bplintssa",
	Doc:        "bplintssa: build the SSA form and call graph of a package on demand, for bplint's rules",
	URL:        "https://github.com/bplint/bplint/blob/main/docs/developing.md",
	Requires:   []*analysis.Analyzer{ctrlflow.Analyzer},
	ResultType: reflect.TypeFor[*Form](),
	Run: crash.Guard(func(pass *analysis.Pass) (any, error) {
		return &Form{pass: pass, noReturn: pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs).NoReturn}, nil
	}),
}

// Form is the lazily built SSA form of one package.
type Form struct {
	pass     *analysis.Pass
	noReturn func(*types.Func) bool

	once  sync.Once
	pkg   *ssa.Package
	funcs []*ssa.Function                // source functions, literals included, in source order
	lits  map[*ast.FuncLit]*ssa.Function // function literals by syntax
	decls map[*types.Func]*ssa.Function

	idxOnce sync.Once
	at      map[token.Pos][]ssa.Instruction // calls, go, defer, sends, receives, selects, makes

	cgOnce sync.Once
	cg     *callgraph.Graph

	refOnce sync.Once
	refs    map[*ssa.Function][]ssa.Instruction // instructions that use a function as a value
}

func (f *Form) build() {
	f.once.Do(func() {
		pass := f.pass
		// InstantiateGenerics: VTA needs the bodies of instantiations.
		prog := ssa.NewProgram(pass.Fset, ssa.InstantiateGenerics)
		prog.SetNoReturn(f.noReturn)
		for _, p := range pass.Pkg.Imports() {
			prog.CreatePackage(p, nil, nil, true)
		}
		f.pkg = prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
		f.pkg.Build()
		f.lits = make(map[*ast.FuncLit]*ssa.Function)
		f.decls = make(map[*types.Func]*ssa.Function)
		var add func(fn *ssa.Function)
		add = func(fn *ssa.Function) {
			f.funcs = append(f.funcs, fn)
			if lit, ok := fn.Syntax().(*ast.FuncLit); ok {
				f.lits[lit] = fn
			}
			for _, a := range fn.AnonFuncs {
				add(a)
			}
		}
		for _, file := range pass.Files {
			for _, decl := range file.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				if fn := prog.FuncValue(obj); fn != nil {
					f.decls[obj] = fn
					add(fn)
				}
			}
		}
	})
}

// Package returns the SSA package, building it if needed.
func (f *Form) Package() *ssa.Package { f.build(); return f.pkg }

// Funcs returns the package's source functions and function literals, in
// source order, building them if needed.
func (f *Form) Funcs() []*ssa.Function { f.build(); return f.funcs }

// Func returns the SSA function of a function or method declared in this
// package, or nil.
func (f *Form) Func(obj *types.Func) *ssa.Function {
	f.build()
	return f.decls[obj]
}

// Lit returns the SSA function of a function literal of this package, or nil.
func (f *Form) Lit(lit *ast.FuncLit) *ssa.Function {
	f.build()
	return f.lits[lit]
}

// At returns the instructions of the package's source functions at pos:
// for a call, go or defer its Lparen or go/defer keyword, for a send its
// arrow, for a receive its arrow, for a select its keyword, for a make its
// Lparen. Several instructions can share a position (a call and the
// conversion of its result).
func (f *Form) At(pos token.Pos) []ssa.Instruction {
	f.build()
	f.idxOnce.Do(func() {
		f.at = make(map[token.Pos][]ssa.Instruction)
		for _, fn := range f.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch instr.(type) {
					case ssa.CallInstruction, *ssa.Send, *ssa.Select, *ssa.UnOp, *ssa.MakeChan, *ssa.MakeClosure:
						if p := instr.Pos(); p.IsValid() {
							f.at[p] = append(f.at[p], instr)
						}
					}
				}
			}
		}
	})
	return f.at[pos]
}

// CallAt returns the call, go or defer instruction whose Lparen (or go or
// defer keyword) is pos, or nil.
func (f *Form) CallAt(pos token.Pos) ssa.CallInstruction {
	for _, instr := range f.At(pos) {
		if c, ok := instr.(ssa.CallInstruction); ok {
			return c
		}
	}
	return nil
}

// Callees returns the functions with bodies in this package that site may
// call: its static callee, or for a dynamic call (a function value, an
// interface method) what the package's call graph resolves it to. Callees
// outside the package, which have no body here, are not listed.
func (f *Form) Callees(site ssa.CallInstruction) []*ssa.Function {
	if fn := site.Common().StaticCallee(); fn != nil {
		if fn.Blocks == nil {
			return nil
		}
		return []*ssa.Function{fn}
	}
	f.cgOnce.Do(func() {
		f.build()
		// AllFunctions starts from package members and exported method
		// sets: methods of unexported types called only from other such
		// methods would be missing, so every source function is added.
		funcs := ssautil.AllFunctions(f.pkg.Prog)
		for _, fn := range f.funcs {
			funcs[fn] = true
		}
		f.cg = vta.CallGraph(funcs, nil)
	})
	node := f.cg.Nodes[site.Parent()]
	if node == nil {
		return nil
	}
	var out []*ssa.Function
	field := elemField(site.Common().Value)
	for _, e := range node.Out {
		if e.Site == site && e.Callee.Func.Blocks != nil && !slices.Contains(out, e.Callee.Func) {
			if field != nil {
				if g := f.keptIn(e.Callee.Func); g != nil && g != field {
					continue // kept in another field's slice
				}
			}
			out = append(out, e.Callee.Func)
		}
	}
	slices.SortFunc(out, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	return out
}

// The call graph merges the elements of every slice of one type (VTA has
// one node per slice type), so a call of an element of one field's []func()
// would reach the functions kept in any other []func(). A function whose
// only use as a value is to be put into the slice of one struct field can be
// called through that field's elements and nowhere else: Callees leaves it
// out of a call of an element of another field's slice.

// elemField returns the struct field whose slice v is an element of
// (v = s[i] where s is loaded from field f, as a range over x.f or a
// copy of x.f is), or nil.
func elemField(v ssa.Value) *types.Var {
	if ia, ok := loadedFrom(v).(*ssa.IndexAddr); ok {
		return LoadedField(ia.X)
	}
	return nil
}

// LoadedField returns f when v is a load of field f (*&x.f), or nil.
func LoadedField(v ssa.Value) *types.Var {
	if fa, ok := loadedFrom(v).(*ssa.FieldAddr); ok {
		return FieldOf(fa)
	}
	return nil
}

// loadedFrom returns the address v is loaded from (v = *addr), or nil.
func loadedFrom(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		return u.X
	}
	return nil
}

// FieldOf returns the struct field a FieldAddr addresses (its origin, for
// a field of an instantiated generic type), or nil.
func FieldOf(fa *ssa.FieldAddr) *types.Var {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	return st.Field(fa.Field).Origin()
}

// keptIn returns the struct field whose slice fn is kept in, when every use
// of fn as a value (directly, or as the closure made of it) is to be
// appended to that field's slice or stored into one of its elements; or
// nil.
func (f *Form) keptIn(fn *ssa.Function) *types.Var {
	f.refOnce.Do(func() {
		f.refs = make(map[*ssa.Function][]ssa.Instruction)
		var ops []*ssa.Value
		for _, g := range f.funcs {
			for _, b := range g.Blocks {
				for _, instr := range b.Instrs {
					ops = instr.Operands(ops[:0])
					for i, op := range ops {
						ref, ok := (*op).(*ssa.Function)
						if !ok {
							continue
						}
						if c, ok := instr.(ssa.CallInstruction); ok && i == 0 && c.Common().Value == ref && !c.Common().IsInvoke() {
							continue // a static call, not a use as a value
						}
						f.refs[ref] = append(f.refs[ref], instr)
					}
				}
			}
		}
	})
	refs := f.refs[fn]
	if len(refs) == 0 {
		return nil
	}
	var field *types.Var
	for _, instr := range refs {
		var v ssa.Value = fn
		if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
			v = mc
			rs := *mc.Referrers()
			if len(rs) != 1 {
				return nil
			}
			instr = rs[0]
		}
		g := storedInField(v, instr)
		if g == nil || (field != nil && g != field) {
			return nil
		}
		field = g
	}
	return field
}

// storedInField returns field f when instr stores v as an element of f's
// slice: x.f[i] = v, or x.f = append(x.f, v) (the element is stored into
// the variadic array of the append), and v has no other use there; or nil.
func storedInField(v ssa.Value, instr ssa.Instruction) *types.Var {
	st, ok := instr.(*ssa.Store)
	if !ok || st.Val != v {
		return nil
	}
	ia, ok := st.Addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	if g := LoadedField(ia.X); g != nil {
		return g
	}
	arr, ok := ia.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var sl *ssa.Slice
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr:
		case *ssa.Slice:
			if sl != nil {
				return nil
			}
			sl = r
		default:
			return nil
		}
	}
	if sl == nil || len(*sl.Referrers()) != 1 {
		return nil
	}
	call, ok := (*sl.Referrers())[0].(*ssa.Call)
	if !ok || len(call.Call.Args) != 2 || call.Call.Args[1] != sl {
		return nil
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" {
		return nil
	}
	var field *types.Var
	for _, r := range *call.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != call {
			return nil
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			return nil
		}
		g := FieldOf(fa)
		if g == nil || (field != nil && g != field) {
			return nil
		}
		field = g
	}
	return field
}

// AnyAfter reports whether pred holds for an instruction that can run after
// from in its function: the rest of from's block, then every block reachable
// from it (a block reached again through a loop is visited whole).
func AnyAfter(from ssa.Instruction, pred func(ssa.Instruction) bool) bool {
	b := from.Block()
	after := false
	for _, instr := range b.Instrs {
		if after && pred(instr) {
			return true
		}
		after = after || instr == from
	}
	seen := make(map[*ssa.BasicBlock]bool)
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		for _, instr := range x.Instrs {
			if pred(instr) {
				return true
			}
		}
		stack = append(stack, x.Succs...)
	}
	return false
}

// IsFunc reports whether fn is one of the functions names (as
// types.Func.FullName spells them: "(*sync.Mutex).Lock", "time.Sleep"): its
// declared function's full name, or for a function without one (a literal,
// a package initializer) its SSA name. The full name is built only when fn's
// own name is the last part of one of names: callees are looked up on every
// call instruction, and building the string for each was a tenth of the
// analysis.
func IsFunc(fn *ssa.Function, names ...string) bool {
	if obj, ok := fn.Object().(*types.Func); ok {
		return FuncNamed(obj.Origin(), names...)
	}
	if fn.Parent() != nil {
		return false // a literal: its SSA name has a $, none of the names does
	}
	return slices.Contains(names, fn.String())
}

// FuncNamed reports whether obj.FullName() is one of names, building it
// only when obj.Name() ends one of them.
func FuncNamed(obj *types.Func, names ...string) bool {
	short := obj.Name()
	for _, n := range names {
		if len(n) > len(short) && n[len(n)-len(short)-1] == '.' && strings.HasSuffix(n, short) {
			return slices.Contains(names, obj.FullName())
		}
	}
	return false
}

// ConstOperand splits a comparison into its operand and the constant it is
// compared with, whichever side the constant is written on (x == nil, 0 <
// n); ok is false when neither side is a constant.
func ConstOperand(bin *ssa.BinOp) (v ssa.Value, k *ssa.Const, ok bool) {
	if c, isConst := bin.Y.(*ssa.Const); isConst {
		return bin.X, c, true
	}
	if c, isConst := bin.X.(*ssa.Const); isConst {
		return bin.Y, c, true
	}
	return nil, nil, false
}

// Mirror returns the comparison with its operands swapped: x op y is
// y Mirror(op) x (< becomes >, <= becomes >=); == and != stay.
func Mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}
