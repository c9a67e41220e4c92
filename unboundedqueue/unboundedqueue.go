package unboundedqueue

import (
	_ "embed"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/bplint/bplint/internal/analyzerdoc"
	"github.com/bplint/bplint/internal/blocked"
	"github.com/bplint/bplint/internal/crash"
	"github.com/bplint/bplint/internal/directive"
	"github.com/bplint/bplint/internal/rules"
	"github.com/bplint/bplint/internal/summary"
)

//go:embed doc.go
var doc string

// Analyzer reports unbounded buffering with the default configuration. Its
// flags (-unboundedqueue.strict, ...) configure it in place, for drivers
// such as go vet; programs should prefer New.
var Analyzer = New(Config{})

// New returns an unboundedqueue analyzer for cfg. Each call returns an
// independent analyzer whose flags are bound to its own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	return newAnalyzer(cfg, blocked.Analyzer, func(u *checker) {
		u.rep = directive.NewReporter(u.pass, rules.UnboundedQueue, directive.Options{Disabled: u.cfg.Disable, TestLoad: u.cfg.TestLoad})
		u.index()
		u.exportSpawners()
		u.goroutinePerItem()
		u.fanIn()
		u.queues()
		u.rep.Finish()
	})
}

// NewFactsOnly returns the analyzer for cfg as go vet runs it on a
// dependency, only for the facts its importers need: the summaries of
// internal/summary (which it requires), and no report. It has the name and
// flags of New's analyzer.
func NewFactsOnly(cfg Config) *analysis.Analyzer {
	return newAnalyzer(cfg, blocked.FactsOnly, (*checker).exportSpawners)
}

func newAnalyzer(cfg Config, leaks *analysis.Analyzer, run func(*checker)) *analysis.Analyzer {
	c := &cfg
	a := &analysis.Analyzer{
		Name:      rules.UnboundedQueue,
		Doc:       analyzerdoc.MustExtract(doc, rules.UnboundedQueue),
		URL:       "https://github.com/bplint/bplint/blob/main/docs/unboundedqueue.md",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer, leaks},
		FactTypes: []analysis.Fact{new(spawnerFact)},
	}
	c.RegisterFlags(&a.Flags)
	a.Run = crash.Guard(func(pass *analysis.Pass) (any, error) {
		if err := c.Validate(); err != nil {
			return nil, err
		}
		if rules.AllDisabled(rules.UnboundedQueue, c.Disable) {
			return nil, nil // every rule is off: nothing to report, no fact anyone needs
		}
		run(&checker{pass: pass, cfg: c, ins: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector), sum: pass.ResultOf[summary.Analyzer].(*summary.Result)})
		return nil, nil
	})
	return a
}

type checker struct {
	pass     *analysis.Pass
	cfg      *Config
	ins      *inspector.Inspector
	rep      *directive.Reporter
	sum      *summary.Result
	syn      *syntaxIndex
	lenVars  map[types.Object]map[types.Object]bool // see lengthVars
	owners   map[*types.Var]owner                   // see ownerOf
	ctorOnly map[types.Object]bool                  // see calledByConstructors
	qc       queueCache                             // the queue rules' indexes (queue*.go)
}
