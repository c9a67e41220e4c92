// Package analyzers is the one list of bplint's analyzers, and their
// configuration as a whole. Every driver (cmd/bplint, go vet, golangci-lint,
// nogo) takes its analyzers from here.
package analyzers

import (
	"flag"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/ignoredsignal"
	"github.com/bplint/bplint/unboundedqueue"
)

// Config configures every analyzer of the suite. Its JSON form is the
// golangci-lint settings object: {"ignoredsignal": {"strict": true}, ...}.
type Config struct {
	IgnoredSignal  ignoredsignal.Config  `json:"ignoredsignal"`
	UnboundedQueue unboundedqueue.Config `json:"unboundedqueue"`
}

// Validate reports the first malformed option of any analyzer.
func (c Config) Validate() error {
	if err := c.IgnoredSignal.Validate(); err != nil {
		return fmt.Errorf("ignoredsignal: %w", err)
	}
	if err := c.UnboundedQueue.Validate(); err != nil {
		return fmt.Errorf("unboundedqueue: %w", err)
	}
	return nil
}

// RegisterFlags registers every analyzer's options on fs as
// -ANALYZER.OPTION (-ignoredsignal.strict, ...), the names go vet uses.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	prefixed(fs, "ignoredsignal", c.IgnoredSignal.RegisterFlags)
	prefixed(fs, "unboundedqueue", c.UnboundedQueue.RegisterFlags)
}

func prefixed(fs *flag.FlagSet, name string, register func(*flag.FlagSet)) {
	sub := flag.NewFlagSet(name, flag.ContinueOnError)
	register(sub)
	sub.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, name+"."+f.Name, f.Usage) })
}

// All holds the package-level Analyzer of every analyzer package, for
// drivers such as Bazel nogo that want exactly those.
var All = []*analysis.Analyzer{
	ignoredsignal.Analyzer,
	unboundedqueue.Analyzer,
}

// New returns fresh analyzers configured by cfg, in the order of All. Their
// flags are bound to their own copies of cfg, so a driver may register them.
func New(cfg Config) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ignoredsignal.New(cfg.IgnoredSignal),
		unboundedqueue.New(cfg.UnboundedQueue),
	}
}

// NewFactsOnly returns the analyzers of New as go vet runs them on a
// dependency, where only their facts are used (the vet tool's VetxOnly
// mode): same names, flags and facts, no diagnostics, and none of the work
// that only diagnostics need (ignoredsignal builds SSA only in packages
// that may hold a wrapper).
func NewFactsOnly(cfg Config) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ignoredsignal.NewFactsOnly(cfg.IgnoredSignal),
		unboundedqueue.NewFactsOnly(cfg.UnboundedQueue),
	}
}
