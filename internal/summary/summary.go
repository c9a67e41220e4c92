// Package summary answers "what does this function do per call?" and "which
// goroutine runs this function?" for the rules of unboundedqueue.
//
// A summary is computed on SSA for every function of the package (function
// literals included); what callers in other packages need (Spawn when it
// happens on every call, PerItem, SendsArg) is exported as a fact for
// declared functions:
//
//   - Spawn: a call may start a goroutine that outlives it (also under an
//     if or a switch, or through a call it makes), with no concurrency
//     limit taken first, no once-per-state guard, and no wait for it.
//   - PerItem: it calls a func-typed parameter once per item of an
//     unbounded source (a callback of a read loop, a handler).
//   - Invokes: it calls a func-typed parameter on a call.
//   - SendsArg: its only effect is a blocking send of its arguments on a
//     channel (a goroutine started to run it is a queued item).
//   - Blocks: it may block on a lock, a channel, I/O or a sleep.
//
// The package-wide questions (which functions run on goroutines the package
// starts, which are reached once per item of a source, which struct types
// are guarded by a lock) are answered by the Result.
package summary

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/astutil"
	"github.com/bplint/bplint/internal/crash"
	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/ssaform"
)

// Analyzer computes the summaries of a package's functions.
var Analyzer = &analysis.Analyzer{
	Name:       "bplintsummary",
	Doc:        "bplintsummary: summarize what each function does per call (spawns, callbacks per item, sends, blocks) for bplint's rules",
	URL:        "https://github.com/bplint/bplint/blob/main/docs/developing.md",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, ssaform.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Fact), new(FieldFact)},
	Run:        crash.Guard(run),
}

// Fact is the summary of a declared function, for its callers in other
// packages. Parameter indices count from the first parameter after the
// receiver.
type Fact struct {
	Spawn    string // "file.go:line" of the go statement every call runs, or ""
	PerItem  []int  // func-typed parameters called once per item of an unbounded source
	SendsArg bool   // its only effect is a blocking send of its arguments on a channel
	// Acquires: a method that takes a concurrency limit held in its
	// receiver (a token sent on a semaphore channel of the receiver that a
	// method of the package receives back) and keeps it when it returns;
	// Releases: a method that gives such a limit back.
	Acquires bool
	Releases bool
	// ReturnsSpawn: "file.go:line" of the go statement that the function
	// value it returns starts on every call (a wrapper that makes a
	// handler asynchronous), or "".
	ReturnsSpawn string
}

// Invokes and Blocks are not exported: within the package they are known
// from the code; across packages, Blocks would mark nearly every function
// (and so make every package worth building in SSA form for its facts),
// and a callback handed to another package's function that only invokes it
// is judged where that function is called.

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	if f.Spawn != "" {
		parts = append(parts, "spawner")
	}
	if len(f.PerItem) > 0 {
		parts = append(parts, fmt.Sprintf("peritem%v", f.PerItem))
	}
	if f.SendsArg {
		parts = append(parts, "sendsarg")
	}
	if f.Acquires {
		parts = append(parts, "acquires")
	}
	if f.Releases {
		parts = append(parts, "releases")
	}
	if f.ReturnsSpawn != "" {
		parts = append(parts, "returnsspawner")
	}
	return "summary(" + strings.Join(parts, " ") + ")"
}

func (f *Fact) empty() bool {
	return f.Spawn == "" && len(f.PerItem) == 0 && !f.SendsArg && !f.Acquires && !f.Releases && f.ReturnsSpawn == ""
}

// FieldFact marks a struct field holding functions (a func, or a map or
// slice of them: a handler table) that its package calls once per item of
// an unbounded source: a function stored there by another package runs
// per item.
type FieldFact struct{}

func (*FieldFact) AFact()         {}
func (*FieldFact) String() string { return "peritem" }

// Summary is what is known of one function of the package.
type Summary struct {
	Fn       *ssa.Function
	SpawnAt  string    // "file.go:line" of the go statement a call may run, or ""
	SpawnPos token.Pos // that go statement, when it is in this package
	// SpawnAlways is set when every call that returns normally spawns (the
	// spawn is on every path from the entry to a return). Only such spawns
	// are exported: a conditional spawn in another package's code is most
	// often a helper goroutine of an object (context.WithCancel's parent
	// watcher) that this package cannot judge.
	SpawnAlways bool
	// SpawnGuard is 1 + the index (in Fn.Params) of a bool parameter p when
	// every spawn of the function is on the true side of an `if p`: a call
	// that passes the constant false for p does not spawn. 0 otherwise.
	SpawnGuard int
	guardMixed bool // two spawns with different guards (or one without)
	PerItem    map[int]bool
	Invokes    map[int]bool
	// PerItemFree and InvokesFree are the same for a function literal's
	// free variables (a callback captured from the enclosing function).
	PerItemFree map[int]bool
	InvokesFree map[int]bool
	SendsArg    bool
	Blocks      bool
	// ReturnsSpawn and ReturnsSpawnPos: the go statement that every
	// function value fn returns starts on every call (returnsSpawner).
	ReturnsSpawn    string
	ReturnsSpawnPos token.Pos

	seen    bool // updated once: its own instructions are judged
	ran     int  // the tick of its last update in the fixpoint
	changed int  // the tick of the last update that changed it
}

// Spawns reports whether a call of the function may start a goroutine.
func (s *Summary) Spawns() bool { return s != nil && s.SpawnAt != "" }

// Result answers the package-wide questions.
type Result struct {
	pass *analysis.Pass
	form *ssaform.Form
	pkg  *ssa.Package

	funcs   map[*ssa.Function]*Summary
	forests map[*ssa.Function]*loops.Forest

	tokenRecv map[any]bool // channels from which a token is received somewhere (a value discarded)
	tokenSend map[any]bool // channels on which tokens (constants) are sent somewhere
	prefilled map[any]bool // channels filled with tokens in a counted loop (a pool of permits)
	groups    map[any]bool // errgroups with SetLimit, by place
	fieldItem map[*types.Var]bool
	// tick counts the updates of the fixpoint; fieldTick is the tick at
	// which fieldItem last grew, and storers are the functions that store
	// a callback parameter into a field (storedCallback): they read
	// fieldItem, so they run again after it grows.
	tick, fieldTick int
	storers         map[*ssa.Function]bool

	goRoots   map[*ssa.Function]token.Pos // functions started by go statements of the package
	onGo      map[*ssa.Function]bool
	itemReach map[*ssa.Function]bool
	holders   map[*types.TypeName]bool
	named     map[token.Pos]bool // receives assigned to a named variable, by arrow

	countMemo   map[countKey]bool                // countsOnce
	siteTargets map[ssa.CallInstruction][]target // targets, per call site
	written     map[writtenKey]bool              // writesVia, per callee and place
	placeMemo   map[placeKey]bool                // onlyRaised and fixedValue, per place
}

// Built reports whether the package had anything to summarize (else it was
// not built in SSA form, and the rules have no candidate).
func (r *Result) Built() bool { return r.pkg != nil }

// Form returns the package's SSA form.
func (r *Result) Form() *ssaform.Form { return r.form }

// Of returns the summary of a function of this package, or nil.
func (r *Result) Of(fn *ssa.Function) *Summary {
	if fn == nil {
		return nil
	}
	if s := r.funcs[fn]; s != nil {
		return s
	}
	if o := fn.Origin(); o != nil {
		return r.funcs[o]
	}
	return nil
}

// Loops returns the loops of fn.
func (r *Result) Loops(fn *ssa.Function) *loops.Forest {
	if f, ok := r.forests[fn]; ok {
		return f
	}
	f := loops.Of(fn, loops.Config{Read: IsRead, Named: func(pos token.Pos) bool { return r.named[pos] }})
	r.forests[fn] = f
	return f
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:        pass,
		form:        pass.ResultOf[ssaform.Analyzer].(*ssaform.Form),
		funcs:       make(map[*ssa.Function]*Summary),
		forests:     make(map[*ssa.Function]*loops.Forest),
		tokenRecv:   make(map[any]bool),
		tokenSend:   make(map[any]bool),
		prefilled:   make(map[any]bool),
		groups:      make(map[any]bool),
		fieldItem:   make(map[*types.Var]bool),
		goRoots:     make(map[*ssa.Function]token.Pos),
		named:       make(map[token.Pos]bool),
		countMemo:   make(map[countKey]bool),
		placeMemo:   make(map[placeKey]bool),
		siteTargets: make(map[ssa.CallInstruction][]target),
		written:     make(map[writtenKey]bool),
	}
	if !r.candidates(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)) {
		return r, nil // nothing to summarize: no SSA
	}
	r.pkg = r.form.Package()
	funcs := r.form.Funcs()
	for _, fn := range funcs {
		r.funcs[fn] = &Summary{Fn: fn, PerItem: map[int]bool{}, Invokes: map[int]bool{}, PerItemFree: map[int]bool{}, InvokesFree: map[int]bool{}}
	}
	r.index(funcs)
	for _, fn := range funcs {
		r.funcs[fn].SendsArg = sendsArg(fn)
	}
	// The fixpoint, in rounds over every function in source order. A
	// function is updated again only when its last update changed its
	// summary or a summary it reads (reads) changed since: otherwise the
	// update would see what it saw the last time and change nothing. The
	// rounds, their order and so the summaries are those of updating
	// every function on every round.
	reads := make(map[*ssa.Function][]*Summary, len(funcs))
	for _, fn := range funcs {
		reads[fn] = r.reads(fn)
	}
	r.storers = make(map[*ssa.Function]bool)
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			s := r.funcs[fn]
			if s.ran > 0 && s.changed < s.ran && !changedSince(reads[fn], s.ran) && !(r.storers[fn] && r.fieldTick >= s.ran) {
				continue
			}
			r.tick++
			s.ran = r.tick
			if r.update(fn) {
				s.changed = r.tick
				changed = true
			}
		}
	}
	r.export(funcs)
	return r, nil
}

// candidates reports whether the package can have a summary worth the
// SSA form: a go statement or a group's Go (a spawn), a function whose
// body is a single send (SendsArg), a token sent in a method (a semaphore
// type, Acquires and Releases), a call of a func-typed parameter or
// field inside a loop (PerItem), or a call of an imported function whose
// fact says it spawns or calls a parameter per item. Without one, every
// summary the rules and the facts need is empty.
func (r *Result) candidates(ins *inspector.Inspector) bool {
	found := false
	info := r.pass.TypesInfo
	ins.WithStack([]ast.Node{(*ast.GoStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.SendStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			// v := <-ch, v, ok = <-ch: the receive takes a named value.
			if len(n.Rhs) == 1 {
				if recv, ok := ast.Unparen(n.Rhs[0]).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
					if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
						r.named[recv.OpPos] = true
					}
				}
			}
		case *ast.GoStmt:
			found = true
		case *ast.SendStmt:
			// A token sent in a method: a semaphore type whose methods
			// take and give back its tokens (Acquires, Releases).
			if fd, ok := stack[1].(*ast.FuncDecl); ok && fd.Recv != nil && tokenExpr(info, n.Value) {
				found = true
			}
		case *ast.FuncDecl:
			if n.Body != nil && len(n.Body.List) == 1 {
				if _, ok := n.Body.List[0].(*ast.SendStmt); ok {
					found = true
				}
			}
		case *ast.FuncLit:
			if len(n.Body.List) >= 1 {
				if _, ok := n.Body.List[len(n.Body.List)-1].(*ast.SendStmt); ok {
					found = true // go func() { [defer ...;] ch <- v }()
				}
			}
		case *ast.CallExpr:
			if found {
				return true
			}
			switch callee := typeutil.Callee(info, n).(type) {
			case *types.Var: // a func-typed variable, parameter or field
				found = astutil.InLoop(stack) // the same test as the prefilter's
			case *types.Func:
				if isGroupGoFunc(callee.Origin()) {
					found = true
				} else if callee.Pkg() != nil && callee.Pkg() != r.pass.Pkg {
					var f Fact
					found = r.pass.ImportObjectFact(callee.Origin(), &f)
				}
			}
		}
		return true
	})
	return found
}

// index records, once per package, the token channels, the limited
// errgroups, and the functions the package starts as goroutines.
func (r *Result) index(funcs []*ssa.Function) {
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Send:
					if isToken(x.X) {
						r.tokenSend[tokenKey(x.Chan)] = true
						// A pool of permits is filled where it is made:
						// tokens sent in a counted loop by the function
						// that makes the channel (not a Stop that takes
						// every permit to wait for the holders).
						if l := r.Loops(fn).Innermost(b); l != nil && l.Counted && makesChan(fn, ChanLoc(x.Chan)) {
							r.prefilled[tokenKey(x.Chan)] = true
						}
					}
				case *ssa.UnOp:
					if x.Op == token.ARROW && !usedValue(x) {
						r.tokenRecv[tokenKey(x.X)] = true
					}
				case *ssa.Select:
					for _, st := range x.States {
						if st.Dir == types.SendOnly && isToken(st.Send) {
							r.tokenSend[tokenKey(st.Chan)] = true
						}
					}
				case *ssa.Call:
					cc := x.Common()
					if f := cc.StaticCallee(); f != nil && ssaform.IsFunc(f, "(*golang.org/x/sync/errgroup.Group).SetLimit") && len(cc.Args) > 0 {
						r.groups[groupKey(cc.Args[0])] = true
					}
				case *ssa.Go:
					for _, callee := range r.goTargets(x) {
						if _, ok := r.goRoots[callee]; !ok {
							r.goRoots[callee] = x.Pos()
						}
					}
				}
			}
		}
	}
}

// makesChan reports whether fn makes the channel that key names: a make
// stored in that field or variable, or (for a local) the make itself.
func makesChan(fn *ssa.Function, key any) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.MakeChan:
				if any(x) == key {
					return true
				}
			case *ssa.Store:
				if _, ok := x.Val.(*ssa.MakeChan); ok && ChanLoc(&ssa.UnOp{Op: token.MUL, X: x.Addr}) == key {
					return true
				}
			}
		}
	}
	return false
}

// groupKey names an errgroup by where it lives: a field, or the variable.
func groupKey(v ssa.Value) any {
	if l := addrLoc(v); l.Field != nil {
		return l.Field
	}
	return Root(v)
}

// goTargets returns the functions of this package a go statement may run.
func (r *Result) goTargets(g *ssa.Go) []*ssa.Function {
	if fn := g.Call.StaticCallee(); fn != nil {
		if fn.Blocks != nil {
			return []*ssa.Function{fn}
		}
		return nil
	}
	return r.form.Callees(g)
}

// isGroupGoFunc reports whether obj is one of the methods that run their
// argument on a new goroutine.
func isGroupGoFunc(obj *types.Func) bool {
	return ssaform.FuncNamed(obj, "(*golang.org/x/sync/errgroup.Group).Go", "(*golang.org/x/sync/errgroup.Group).TryGo", "(*sync.WaitGroup).Go")
}

// target is a function a call may run: one of this package (with its
// summary) or of another package (with its fact).
type target struct {
	sum  *Summary
	fact *Fact
	obj  *types.Func // the declared function, when there is one
	fn   *ssa.Function
}

func (t target) spawnAt() string {
	if t.obj != nil && isGroupGoFunc(t.obj) {
		return "" // judged by isGroupGo, which knows whether the group has a limit
	}
	if t.sum != nil {
		return t.sum.SpawnAt
	}
	if t.fact != nil {
		return t.fact.Spawn
	}
	return ""
}

// spawnAtCall is spawnAt for the call cc: nothing when the target spawns
// only under a bool parameter and cc passes the constant false for it.
func (t target) spawnAtCall(cc *ssa.CallCommon) string {
	if t.sum != nil && t.sum.SpawnGuard > 0 && !cc.IsInvoke() && cc.StaticCallee() == t.sum.Fn {
		if i := t.sum.SpawnGuard - 1; i < len(cc.Args) {
			if c, ok := cc.Args[i].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool && !constant.BoolVal(c.Value) {
				return ""
			}
		}
	}
	return t.spawnAt()
}

func (t target) spawnsAlways() bool {
	if t.sum != nil {
		return t.sum.SpawnAlways
	}
	return t.fact != nil && t.fact.Spawn != "" && !(t.obj != nil && isGroupGoFunc(t.obj))
}

func (t target) blocks() bool {
	return t.sum != nil && t.sum.Blocks
}

func (t target) sendsArg() bool {
	return (t.sum != nil && t.sum.SendsArg) || (t.fact != nil && t.fact.SendsArg)
}

func (t target) perItem(i int) bool {
	return (t.sum != nil && t.sum.PerItem[i]) || (t.fact != nil && slices.Contains(t.fact.PerItem, i))
}

func (t target) returnsSpawn() string {
	if t.sum != nil {
		return t.sum.ReturnsSpawn
	}
	if t.fact != nil {
		return t.fact.ReturnsSpawn
	}
	return ""
}

func (t target) invokes(i int) bool {
	return t.sum != nil && t.sum.Invokes[i]
}

// targets returns what a call may run: its static callee, or what the call
// graph resolves a dynamic call to in this package, with their summaries.
// They are found once per site (the summaries they point to grow in place).
func (r *Result) targets(cc *ssa.CallCommon, site ssa.CallInstruction) []target {
	if ts, ok := r.siteTargets[site]; ok {
		return ts
	}
	ts := r.findTargets(cc, site)
	r.siteTargets[site] = ts
	return ts
}

func (r *Result) findTargets(cc *ssa.CallCommon, site ssa.CallInstruction) []target {
	if fn := cc.StaticCallee(); fn != nil {
		return []target{r.targetOf(fn)}
	}
	if cc.IsInvoke() {
		var out []target
		for _, fn := range r.dynamicCallees(site) {
			out = append(out, r.targetOf(fn))
		}
		// An interface of another package: what its package's own
		// implementations do (a fact on the interface method).
		if m := cc.Method; m.Pkg() != nil && m.Pkg() != r.pass.Pkg {
			var f Fact
			if r.pass.ImportObjectFact(m, &f) {
				out = append(out, target{obj: m, fact: &f})
			}
		}
		return out
	}
	if _, ok := cc.Value.(*ssa.Builtin); ok {
		return nil
	}
	var out []target
	for _, fn := range r.dynamicCallees(site) {
		out = append(out, r.targetOf(fn))
	}
	return out
}

// dynamicCallees returns what the call graph resolves a dynamic call to.
// From production code, functions declared in _test.go files are left out:
// in a package's test variant, an implementation or callback that exists
// only in the tests is a test double (a spy transport, a fake client), not
// what the production code runs.
func (r *Result) dynamicCallees(site ssa.CallInstruction) []*ssa.Function {
	callees := r.form.Callees(site)
	if r.isTest(site.Pos()) {
		return callees
	}
	out := callees[:0:0]
	for _, fn := range callees {
		if !r.isTest(fn.Pos()) {
			out = append(out, fn)
		}
	}
	return out
}

func (r *Result) isTest(pos token.Pos) bool {
	return pos.IsValid() && strings.HasSuffix(r.pass.Fset.Position(pos).Filename, "_test.go")
}

func (r *Result) targetOf(fn *ssa.Function) target {
	if r.Of(fn) == nil && fn.Synthetic != "" {
		// A wrapper (a method value's $bound, a thunk, an instantiation
		// wrapper) runs the function it wraps.
		if w := wrapped(fn); w != nil {
			fn = w
		}
	}
	t := target{fn: fn}
	if obj, ok := fn.Object().(*types.Func); ok {
		t.obj = obj.Origin()
	}
	if s := r.Of(fn); s != nil {
		t.sum = s
		return t
	}
	if t.obj != nil && t.obj.Pkg() != nil && t.obj.Pkg() != r.pass.Pkg {
		var f Fact
		if r.pass.ImportObjectFact(t.obj, &f) {
			t.fact = &f
		}
	}
	return t
}

// wrapped returns the function a synthetic wrapper calls, or nil.
func wrapped(fn *ssa.Function) *ssa.Function {
	var callee *ssa.Function
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if f := c.Common().StaticCallee(); f != nil {
					if callee != nil {
						return nil
					}
					callee = f
				}
			}
		}
	}
	return callee
}

// paramIndex returns the index of v among fn's parameters (the receiver
// excluded), looking through the local a captured parameter is spilled
// to, or -1.
func paramIndex(fn *ssa.Function, v ssa.Value) int {
	v = spilled(v)
	p, ok := v.(*ssa.Parameter)
	if !ok || p.Parent() != fn {
		return -1
	}
	i := slices.Index(fn.Params, p)
	if fn.Signature.Recv() != nil {
		i--
	}
	return i
}

// spilled returns the parameter a value is loaded from when the parameter
// was spilled to a local (captured by a closure): t0 = new T (p); *t0 = p;
// ... *t0.
func spilled(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if a, ok := u.X.(*ssa.Alloc); ok {
			if p := storedParam(a); p != nil {
				return p
			}
		}
	}
	if a, ok := v.(*ssa.Alloc); ok {
		if p := storedParam(a); p != nil {
			return p
		}
	}
	return v
}

// storedParam returns the parameter an Alloc holds when the only value
// stored to it is that parameter.
func storedParam(a *ssa.Alloc) *ssa.Parameter {
	p, _ := storedOnce(a).(*ssa.Parameter)
	return p
}

// freeIndex returns the index of the free variable of fn that v is read
// from (directly or loaded from it), or -1.
func freeIndex(fn *ssa.Function, v ssa.Value) int {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	fv, ok := v.(*ssa.FreeVar)
	if !ok || fv.Parent() != fn {
		return -1
	}
	return slices.Index(fn.FreeVars, fv)
}

// argOf returns the argument of a call for parameter i of the callee (the
// receiver excluded).
func argOf(cc *ssa.CallCommon, i int) ssa.Value {
	args := cc.Args
	if !cc.IsInvoke() {
		if fn := cc.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
			args = args[1:]
		}
	}
	if i < 0 || i >= len(args) {
		return nil
	}
	return args[i]
}

// funcValue returns the function a func-typed value is, when it is one the
// package defines: a function, a method value of this package, a literal.
func funcValue(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.Function:
		return x
	case *ssa.MakeClosure:
		return x.Fn.(*ssa.Function)
	case *ssa.MakeInterface:
		return funcValue(x.X)
	case *ssa.ChangeType:
		return funcValue(x.X)
	}
	return nil
}

func (r *Result) export(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil {
			continue
		}
		s := r.funcs[fn]
		f := &Fact{SendsArg: s.SendsArg}
		if s.SpawnAlways {
			f.Spawn = s.SpawnAt
		}
		for i := range s.PerItem {
			f.PerItem = append(f.PerItem, i)
		}
		slices.Sort(f.PerItem)
		f.Acquires, f.Releases = r.receiverLimit(fn)
		f.ReturnsSpawn = s.ReturnsSpawn
		if !f.empty() {
			r.pass.ExportObjectFact(obj, f)
		}
	}
	r.exportInterfaces()
	fields := make([]*types.Var, 0, len(r.fieldItem))
	for f := range r.fieldItem {
		if f.Pkg() == r.pass.Pkg {
			fields = append(fields, f)
		}
	}
	slices.SortFunc(fields, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	for _, f := range fields {
		r.pass.ExportObjectFact(f, new(FieldFact))
	}
}

// exportInterfaces exports, for each method of an interface declared in the
// package, the callbacks that an implementation of the package calls per
// item: a caller in another package holds the interface, and its
// implementations are here (a transport's HandleStreams).
func (r *Result) exportInterfaces() {
	if !slices.ContainsFunc(r.form.Funcs(), func(fn *ssa.Function) bool { return len(r.funcs[fn].PerItem) > 0 }) {
		return // no implementation calls a callback per item
	}
	scope := r.pass.Pkg.Scope()
	var impls []*types.Named
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if n, ok := tn.Type().(*types.Named); ok && !types.IsInterface(n) && n.TypeParams().Len() == 0 {
				impls = append(impls, n)
			}
		}
	}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok || iface.NumMethods() == 0 {
			continue
		}
		var impl []types.Type // the types of the package that implement it (or their pointers), found once for its methods
		found := false
		for m := range iface.Methods() {
			if m.Pkg() != r.pass.Pkg {
				continue // embedded from another package
			}
			if !found {
				found = true
				for _, n := range impls {
					var t types.Type = n
					if !types.Implements(t, iface) {
						t = types.NewPointer(n)
						if !types.Implements(t, iface) {
							continue
						}
					}
					impl = append(impl, t)
				}
			}
			perItem := map[int]bool{}
			for _, t := range impl {
				obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
				fn, ok := obj.(*types.Func)
				if !ok {
					continue
				}
				if s := r.Of(r.form.Func(fn)); s != nil {
					for i := range s.PerItem {
						perItem[i] = true
					}
				}
			}
			if len(perItem) == 0 {
				continue
			}
			f := &Fact{}
			for i := range perItem {
				f.PerItem = append(f.PerItem, i)
			}
			slices.Sort(f.PerItem)
			r.pass.ExportObjectFact(m, f)
		}
	}
}

// FieldPerItem reports whether a field of functions is called once per item
// of an unbounded source, by this package or (a fact) by its own.
func (r *Result) FieldPerItem(f *types.Var) bool {
	if r.fieldItem[f] {
		return true
	}
	if f.Pkg() != nil && f.Pkg() != r.pass.Pkg {
		return r.pass.ImportObjectFact(f, new(FieldFact))
	}
	return false
}

func position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}

// tokenExpr reports whether e is a value every send of it carries alike,
// as isToken does on SSA: a constant or a value of an empty struct type.
func tokenExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.Value != nil {
		return true
	}
	st, ok := tv.Type.Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}
