// Package blocked answers "can a goroutine be left blocked forever on a
// send?": for each channel a function makes (or gets from a call that
// returns one with senders pending), the goroutines that send on it and,
// on every path of the function from the make to its exits, how many
// receives it performs. A path that leaves with more possible sends than
// the buffer plus the receives leaves those senders blocked forever: one
// leaked goroutine (and all it holds) per call.
//
// The analysis is modular and linear: sends and receives are counted per
// channel on the SSA control-flow graph (internal/ssaform, with ctrlflow's
// no-return facts), loops are summarized once (an iteration times its trip
// count: a constant, len(xs), n, or an unknown many), and what a callee
// does with a channel comes from a summary (in the package) or a fact
// (across packages): SendsFact for functions that only send on a channel
// parameter, themselves or from goroutines they start, and PendingFact for
// functions that return a channel with senders pending
// (func async() <-chan T { c := make(chan T); go func() { c <- f() }(); return c }).
//
// It stays silent where it cannot see: a channel that escapes (stored, sent,
// passed to code without a summary, captured by a closure that runs
// elsewhere), a receiver in another goroutine, a sender that can give up
// (its send is in a select with another case), a function that sends on
// the channel itself or closes it.
package blocked

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/crash"
	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/ssaform"
)

// Analyzer finds the senders left blocked in a package and exports the
// facts its importers need.
var Analyzer = newAnalyzer(false)

// FactsOnly is Analyzer as go vet runs it on a dependency: the same name
// and facts, no leaks searched (its Result is always empty).
var FactsOnly = newAnalyzer(true)

func newAnalyzer(factsOnly bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "bplintblocked",
		Doc:        "bplintblocked: find senders that a receiver can leave blocked forever, for bplint's unbuffered-fan-in rule",
		URL:        "https://github.com/bplint/bplint/blob/main/docs/unbuffered-fan-in.md",
		Requires:   []*analysis.Analyzer{ssaform.Analyzer, inspect.Analyzer},
		FactTypes:  []analysis.Fact{new(SendsFact), new(PendingFact)},
		ResultType: reflect.TypeFor[*Result](),
		Run: crash.Guard(func(pass *analysis.Pass) (any, error) {
			return run(pass, factsOnly), nil
		}),
	}
}

// Result lists the leaks of a package, in source order.
type Result struct {
	Leaks []*Leak
}

// A Leak is a path on which a function stops receiving from a channel while
// senders beyond its buffer are still to send.
type Leak struct {
	// Pos, End: where the finding belongs: the make (for a channel a
	// function of the package returns, the make in that function), or, for
	// a channel returned by a function of another package, the receive (or
	// the call when nothing receives).
	Pos, End token.Pos
	// Waits: for a channel returned by a function of the package, where
	// the caller that leaves receives it (or calls the function).
	Waits token.Pos
	Func  string    // the receiving function: "fetch", or "the function literal"
	Chan  string    // the channel as the code names it: "ch", "fetchAsync()"
	Send  token.Pos // a send that blocks, when it is in this package
	// SendSites: how many blocking sends the one goroutine that sends has
	// (Send is the first of them), when one goroutine start sends.
	SendSites int
	SendFunc  string // for a returned channel: the function whose goroutine sends ("fetchAsync")
	// SendReturned: the sender is a function SendFunc returned with the
	// channel, which the receiver started.
	SendReturned bool
	Leave        token.Pos // where the receiver leaves: the return, the no-return call, the loop's end
	How          string    // how it leaves: "returns", "calls t.Fatal", "moves on to the next iteration"
	Case         string    // the select case or branch taken on the way out, as written ("<-ctx.Done()", "default"); "" if none
	CasePos      token.Pos //
	Pending      int       // how many sends are left blocked, when it is a constant (else 0: several, or many)
	// OneGoroutine: every send left blocked is made by one goroutine,
	// started once (it may send many values).
	OneGoroutine bool
	// Fix, when the number of senders is known where the channel is
	// made: the edit that buffers the channel for every sender.
	Fix      *analysis.TextEdit
	Capacity string // the capacity the fix writes ("1", "len(ids)")
}

// run analyzes every function of the package that may hold a leak, and
// exports the facts of its functions.
func run(pass *analysis.Pass, factsOnly bool) *Result {
	res := &Result{}
	c := scan(pass)
	if !c.any(factsOnly) {
		return res
	}
	a := &pkgState{
		pass:      pass,
		form:      pass.ResultOf[ssaform.Analyzer].(*ssaform.Form),
		factsOnly: factsOnly,
		files:     make(map[*token.File]*ast.File),
		sums:      make(map[sumKey]*sendSum),
		funcs:     make(map[*ssa.Function]*funcResult),
		forests:   make(map[*ssa.Function]*loops.Forest),
		ending:    make(map[*ssa.Function]map[ssa.Instruction]bool),
		mayEnds:   make(map[*ssa.Function]bool),
		partners:  make(map[ssa.Value][]ssa.Value),
		leakOf:    make(map[ssa.Value]*Leak),
		atMake:    make(map[*ssa.MakeChan]bool),
	}
	for _, f := range pass.Files {
		a.files[pass.Fset.File(f.Pos())] = f
	}
	for _, fn := range a.form.Funcs() {
		if factsOnly && !returnsChan(fn) {
			continue // only a function that returns a channel has a fact to find
		}
		a.analyzeFunc(fn)
	}
	a.exportFacts()
	if !factsOnly {
		res.Leaks = a.leaks
		slices.SortStableFunc(res.Leaks, func(x, y *Leak) int { return int(x.Pos - y.Pos) })
	}
	return res
}

// candidates says what the package's syntax holds, cheaply, before any SSA
// is built.
type candidates struct {
	makes, starts, calls, params bool
	chanFuncs                    bool // a function with a channel parameter or result: it may get a fact
}

func (c candidates) any(factsOnly bool) bool {
	if factsOnly && !c.chanFuncs {
		return false
	}
	return (c.makes && c.starts) || c.calls || c.params
}

// scan looks for what could matter: a make of a channel with a go statement
// (or a Go method call), a call of a function with a fact of ours, a
// function with a channel parameter that sends or starts a goroutine (it
// may deserve a SendsFact).
func scan(pass *analysis.Pass) candidates {
	var c candidates
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.GoStmt)(nil), (*ast.FuncDecl)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.GoStmt:
			c.starts = true
		case *ast.CallExpr:
			switch fun := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				if b, ok := pass.TypesInfo.Uses[fun].(*types.Builtin); ok && b.Name() == "make" && len(n.Args) > 0 {
					if _, ok := pass.TypesInfo.TypeOf(n.Args[0]).Underlying().(*types.Chan); ok {
						c.makes = true
					}
					return
				}
				c.calls = c.calls || hasFact(pass, pass.TypesInfo.Uses[fun])
			case *ast.SelectorExpr:
				if fun.Sel.Name == "Go" || fun.Sel.Name == "TryGo" {
					c.starts = true
				}
				c.calls = c.calls || hasFact(pass, pass.TypesInfo.Uses[fun.Sel])
			}
		case *ast.FuncDecl:
			param, result := chanSignature(pass, n)
			c.chanFuncs = c.chanFuncs || param || result
			if n.Body != nil && param && sendsOrStarts(n.Body) {
				c.params = true
			}
		}
	})
	return c
}

func hasFact(pass *analysis.Pass, obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
		return false
	}
	fn = fn.Origin()
	return pass.ImportObjectFact(fn, new(SendsFact)) || pass.ImportObjectFact(fn, new(PendingFact))
}

// chanSignature reports whether a declared function has a channel
// parameter, and a channel result.
func chanSignature(pass *analysis.Pass, fd *ast.FuncDecl) (param, result bool) {
	obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false, false
	}
	return hasChan(obj.Signature().Params()), hasChan(obj.Signature().Results())
}

func hasChan(t *types.Tuple) bool {
	for i := range t.Len() {
		if _, ok := t.At(i).Type().Underlying().(*types.Chan); ok {
			return true
		}
	}
	return false
}

func sendsOrStarts(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.SendStmt, *ast.GoStmt:
			found = true
		}
		return !found
	})
	return found
}

func returnsChan(fn *ssa.Function) bool { return hasChan(fn.Signature.Results()) }

// pkgState is the analysis of one package.
type pkgState struct {
	pass      *analysis.Pass
	form      *ssaform.Form
	factsOnly bool
	st        symtab
	files     map[*token.File]*ast.File
	sums      map[sumKey]*sendSum
	funcs     map[*ssa.Function]*funcResult
	forests   map[*ssa.Function]*loops.Forest
	ending    map[*ssa.Function]map[ssa.Instruction]bool
	mayEnds   map[*ssa.Function]bool
	partners  map[ssa.Value][]ssa.Value // channels a goroutine answers on, one or the other
	leakOf    map[ssa.Value]*Leak
	atMake    map[*ssa.MakeChan]bool // makes of returned channels already reported
	// candidates: the declared functions that return a channel, which a
	// function value may be (nil until asked)
	candidates []*ssa.Function
	leaks      []*Leak
}

// forest returns the loops of fn, computed once.
func (a *pkgState) forest(fn *ssa.Function) *loops.Forest {
	f, ok := a.forests[fn]
	if !ok {
		f = loops.Of(fn, loops.Config{})
		a.forests[fn] = f
	}
	return f
}
