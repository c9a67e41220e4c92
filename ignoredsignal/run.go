package ignoredsignal

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/directive"
	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/rules"
	"github.com/bplint/bplint/internal/signal"
	"github.com/bplint/bplint/internal/sink"
	"github.com/bplint/bplint/internal/ssaform"
)

const (
	ruleDiscarded = "discarded-signal"
	ruleWrite     = "ignored-write"
	ruleDrop      = "silent-drop"
)

// signalFact marks a function whose result is a backpressure signal: one
// marked //bplint:signal, or one that returns a signal unchanged (a
// wrapper), so that callers in other packages are checked too.
type signalFact struct {
	Index  int           // the result that carries the signal
	Family signal.Family // what a refusal means
	Via    string        // the signal a wrapper returns (types.Func.FullName); empty if marked
}

func (*signalFact) AFact() {}

func (f *signalFact) String() string {
	if f.Via == "" {
		return fmt.Sprintf("signal(%s)", f.Family)
	}
	return fmt.Sprintf("signal(%s via %s)", f.Family, f.Via)
}

type checker struct {
	pass    *analysis.Pass
	cfg     *Config
	matcher *signal.Matcher
	rep     *directive.Reporter
	form    *ssaform.Form               // the package's SSA form, built on first use
	local   map[*types.Func]*signalFact // facts of this package
	files   map[*token.File]*ast.File

	forests map[*ssa.Function]*loops.Forest // loops of the functions asked about
	stores  map[*types.Var][]ssa.Value      // values stored into each field (fieldStores)

	recvIndex map[types.Object][]*receive // receives of each channel (receives)
	ins       *inspector.Inspector
	chans     *chanIndex // makes, copies and receives of each channel (chanIdx)

	fieldCalls map[*types.Var][]*ssa.Call // calls given a field of the package (fieldCallIndex)
	slots      map[*types.Var]bool        // per-call one-shot slots (perCallSlot)
	uses       map[*types.Var][]chanUse   // uses of each channel field and package variable (chanUses)
	calls      *funcCalls                 // static calls of each function of the package (callsOf)
	deadlines  int                        // 1 when the package sets a deadline, -1 when not, 0 unknown (setsDeadlines)
}

func run(pass *analysis.Pass, cfg *Config) error {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:    pass,
		cfg:     cfg,
		matcher: signal.NewMatcher(cfg.Signals),
		rep:     directive.NewReporter(pass, rules.IgnoredSignal, directive.Options{Disabled: cfg.Disable, TestLoad: cfg.TestLoad}),
		form:    pass.ResultOf[ssaform.Analyzer].(*ssaform.Form),
		local:   make(map[*types.Func]*signalFact),
		files:   make(map[*token.File]*ast.File),
		forests: make(map[*ssa.Function]*loops.Forest),
		ins:     ins,
	}
	for _, f := range pass.Files {
		c.files[pass.Fset.File(f.Pos())] = f
	}
	c.markers()
	// The SSA form (the most expensive part, shared with unboundedqueue
	// through ssaform) is asked for only when some function refers to a
	// signal or to a write or flush method of a sink: without one there is
	// no wrapper and no call to check.
	if c.refers(true) {
		funcs := c.form.Funcs()
		c.wrappers(funcs)
		for _, fn := range funcs {
			c.checkCalls(fn)
		}
	}
	c.silentDrops(ins)
	c.rep.Finish()
	return nil
}

// runFacts exports the facts of run without reporting anything (see
// NewFactsOnly). The SSA form is built only if the package refers to a
// signal: without one there is no wrapper.
func runFacts(pass *analysis.Pass, cfg *Config) error {
	c := &checker{
		pass:    pass,
		cfg:     cfg,
		matcher: signal.NewMatcher(cfg.Signals),
		form:    pass.ResultOf[ssaform.Analyzer].(*ssaform.Form),
		local:   make(map[*types.Func]*signalFact),
	}
	c.markers()
	if c.refers(false) {
		c.wrappers(c.form.Funcs())
	}
	return nil
}

// refers reports whether the package refers (by a call, a method value or
// a method expression) to a signal, or, with sinks, to a method that
// sink.Classify takes for a write or a flush on the static type of its
// receiver expression or on the method's own receiver. Without a signal
// there is no wrapper; without either there is no call for checkCall: it is
// a superset of what the SSA passes examine.
func (c *checker) refers(sinks bool) bool {
	info := c.pass.TypesInfo
	notSignal := make(map[*types.Func]bool) // signalOf asked once per function, not once per reference
	for _, file := range c.pass.Files {
		found := false
		ast.Inspect(file, func(n ast.Node) bool {
			if found {
				return false
			}
			var fn *types.Func
			var recv types.Type
			switch n := n.(type) {
			case *ast.SelectorExpr:
				fn, _ = info.Uses[n.Sel].(*types.Func)
				if sel, ok := info.Selections[n]; ok {
					recv = sel.Recv()
				}
			case *ast.Ident:
				fn, _ = info.Uses[n].(*types.Func)
			}
			if fn == nil {
				return true
			}
			if !notSignal[fn] {
				if _, ok := c.signalOf(fn); ok {
					found = true
					return false
				}
				notSignal[fn] = true
			}
			if sig := fn.Signature(); sinks && sig.Recv() != nil && sig.Results().Len() > 0 {
				found = (recv != nil && sink.Classify(recv, fn) != sink.None) || sink.Classify(sig.Recv().Type(), fn) != sink.None
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// signalOf reports whether fn is a signal: by the built-in table, the
// naming convention or the signals option, or by a fact.
func (c *checker) signalOf(fn *types.Func) (signalFact, bool) {
	fn = fn.Origin()
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return signalFact{}, false
	}
	if fam, idx, ok := c.matcher.Match(fn); ok {
		return signalFact{Index: idx, Family: fam}, true
	}
	if f, ok := c.local[fn]; ok {
		return *f, true
	}
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return signalFact{}, false
	}
	var f signalFact
	if c.pass.ImportObjectFact(fn, &f) {
		return f, true
	}
	return signalFact{}, false
}

func (c *checker) export(fn *types.Func, f *signalFact) {
	c.local[fn] = f
	c.pass.ExportObjectFact(fn, f)
}

// markers exports a fact for every function declared with //bplint:signal.
func (c *checker) markers() {
	for _, file := range c.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || !directive.HasSignalMarker(fd.Doc) {
				continue
			}
			fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			n := fn.Signature().Results().Len()
			if n == 0 {
				c.pass.Report(analysis.Diagnostic{
					Pos: fd.Name.Pos(), Category: rules.Directive, URL: rules.DocURL("suppression"),
					Message: fmt.Sprintf("%s on %s, which returns nothing: a signal must return a bool or an error", directive.SignalMarker, fn.Name()),
				})
				continue
			}
			c.export(fn, &signalFact{Index: n - 1, Family: signal.Marked})
		}
	}
}

// wrappers exports a fact for every function that returns a signal
// unchanged on some path and nothing but constants on the others, repeating
// until no new wrapper is found (a wrapper of a wrapper is a signal too).
func (c *checker) wrappers(funcs []*ssa.Function) {
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			obj, ok := fn.Object().(*types.Func)
			if !ok || fn.Blocks == nil {
				continue
			}
			if _, ok := c.signalOf(obj); ok {
				continue
			}
			if f, ok := c.wrapperFact(fn); ok {
				c.export(obj, f)
				changed = true
			}
		}
	}
}

func (c *checker) wrapperFact(fn *ssa.Function) (*signalFact, bool) {
	res := fn.Signature.Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if !signal.IsBoolOrError(res.At(i).Type()) {
			continue
		}
		var found *signalFact
		all := true
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok {
				continue
			}
			f, neutral := c.returnedSignal(ret.Results[i], make(map[ssa.Value]bool))
			switch {
			case f != nil:
				if found == nil {
					found = f
				}
			case !neutral:
				all = false
			}
		}
		if all && found != nil {
			return &signalFact{Index: i, Family: found.Family, Via: found.Via}, true
		}
	}
	return nil, false
}

// returnedSignal reports whether v is the value of a signal, unchanged, and
// if not, whether it is neutral (a constant or a package-level variable such
// as a sentinel error).
func (c *checker) returnedSignal(v ssa.Value, seen map[ssa.Value]bool) (f *signalFact, neutral bool) {
	if seen[v] {
		return nil, true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return nil, true
	case *ssa.UnOp:
		_, global := v.X.(*ssa.Global)
		return nil, global && v.Op == token.MUL
	case *ssa.MakeInterface:
		return c.returnedSignal(v.X, seen)
	case *ssa.ChangeType:
		return c.returnedSignal(v.X, seen)
	case *ssa.ChangeInterface:
		return c.returnedSignal(v.X, seen)
	case *ssa.Call:
		if v.Call.Signature().Results().Len() == 1 {
			return c.callSignal(&v.Call, 0), false
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return c.callSignal(&call.Call, v.Index), false
		}
	case *ssa.Phi:
		var found *signalFact
		for _, e := range v.Edges {
			f, neutral := c.returnedSignal(e, seen)
			switch {
			case f != nil:
				if found == nil {
					found = f
				}
			case !neutral:
				return nil, false
			}
		}
		return found, found == nil
	}
	return nil, false
}

// callSignal returns the fact to carry if result index of the call is a
// signal, naming the underlying signal.
func (c *checker) callSignal(cc *ssa.CallCommon, index int) *signalFact {
	fn, _, args := callee(cc)
	if fn == nil {
		return nil
	}
	f, ok := c.signalOf(fn)
	if !ok || f.Index != index || neverFails(fn, args) {
		return nil
	}
	via := f.Via
	if via == "" {
		via = fn.Origin().FullName()
	}
	return &signalFact{Family: f.Family, Via: via}
}

// callee returns the function a call invokes, its receiver (nil for
// functions), and its arguments without the receiver. It resolves static
// calls, interface and type-parameter method calls, method values and
// method expressions; other dynamic calls give nil.
func callee(cc *ssa.CallCommon) (*types.Func, ssa.Value, []ssa.Value) {
	if cc.IsInvoke() {
		return cc.Method, cc.Value, cc.Args
	}
	sfn := cc.StaticCallee()
	if sfn == nil {
		return nil, nil, nil
	}
	obj, ok := sfn.Object().(*types.Func)
	if !ok {
		return nil, nil, nil
	}
	if obj.Signature().Recv() == nil {
		return obj, nil, cc.Args
	}
	if mc, ok := cc.Value.(*ssa.MakeClosure); ok && len(mc.Bindings) == 1 {
		return obj, mc.Bindings[0], cc.Args // a method value: x.M
	}
	if len(cc.Args) == 0 {
		return nil, nil, nil
	}
	return obj, cc.Args[0], cc.Args[1:]
}

// neverFails reports whether a context-taking signal (semaphore Acquire,
// rate Wait) was given a context that is never done: context.Background()
// or context.TODO(). It can then not fail for that reason, so ignoring its
// error loses nothing the producer could act on.
func neverFails(fn *types.Func, args []ssa.Value) bool {
	i := signal.ContextArg(fn.Origin())
	if i < 0 || i >= len(args) {
		return false
	}
	call, ok := args[i].(*ssa.Call)
	if !ok {
		return false
	}
	ctx := call.Call.StaticCallee()
	if ctx == nil || ctx.Object() == nil {
		return false
	}
	name := ctx.Object().(*types.Func).FullName()
	return name == "context.Background" || name == "context.TODO"
}
