package ignoredsignal

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/bplint/bplint/internal/analyzerdoc"
	"github.com/bplint/bplint/internal/crash"
	"github.com/bplint/bplint/internal/rules"
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
	c := &cfg
	a := &analysis.Analyzer{
		Name:      rules.IgnoredSignal,
		Doc:       analyzerdoc.MustExtract(doc, rules.IgnoredSignal),
		URL:       "https://github.com/bplint/bplint/blob/main/docs/ignoredsignal.md",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer},
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
