package ignoredsignal

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/bplint/bplint/internal/analyzerdoc"
	"github.com/bplint/bplint/internal/crash"
	"github.com/bplint/bplint/internal/rules"
	"github.com/bplint/bplint/internal/ssaform"
)

//go:embed doc.go
var doc string

// Analyzer reports discarded backpressure signals with the default
// configuration. Its flags (-ignoredsignal.strict, ...) configure it in
// place, for drivers such as go vet; programs should prefer New.
var Analyzer = New(Config{})

// New returns an ignoredsignal analyzer for cfg. Each call returns an
// independent analyzer whose flags are bound to its own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	// ssaform builds the SSA form lazily, once per package for both
	// analyzers; run asks for it only where it can matter.
	return newAnalyzer(cfg, []*analysis.Analyzer{inspect.Analyzer, ssaform.Analyzer}, run)
}

// NewFactsOnly returns the analyzer for cfg as go vet runs it on a
// dependency, only for the facts its importers need (a .vetx file): it
// finds the //bplint:signal markers and the wrappers, reports nothing, and
// builds the package's SSA form only when some function may be a wrapper
// (refers to a signal), which few packages do. It has the name, flags and
// fact type of New's analyzer, and exports the same facts.
func NewFactsOnly(cfg Config) *analysis.Analyzer {
	// ssaform requires ctrlflow, whose no-return facts must reach the
	// packages analyzed in full.
	return newAnalyzer(cfg, []*analysis.Analyzer{ssaform.Analyzer}, runFacts)
}

func newAnalyzer(cfg Config, requires []*analysis.Analyzer, run func(*analysis.Pass, *Config) error) *analysis.Analyzer {
	c := &cfg
	a := &analysis.Analyzer{
		Name:      rules.IgnoredSignal,
		Doc:       analyzerdoc.MustExtract(doc, rules.IgnoredSignal),
		URL:       "https://github.com/bplint/bplint/blob/main/docs/ignoredsignal.md",
		Requires:  requires,
		FactTypes: []analysis.Fact{new(signalFact)},
	}
	c.RegisterFlags(&a.Flags)
	a.Run = crash.Guard(func(pass *analysis.Pass) (any, error) {
		if err := c.Validate(); err != nil {
			return nil, err
		}
		if rules.AllDisabled(rules.IgnoredSignal, c.Disable) {
			return nil, nil // every rule is off: nothing to report, no fact anyone needs
		}
		return nil, run(pass, c)
	})
	return a
}
