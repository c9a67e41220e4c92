// Package analyzers is the one list of bplint's analyzers, and their
// configuration as a whole. Every driver (cmd/bplint, go vet, golangci-lint,
// nogo) takes its analyzers from here.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/ignoredsignal"
)

// Config configures every analyzer of the suite.
type Config struct {
	IgnoredSignal ignoredsignal.Config
}

// Validate reports the first malformed option of any analyzer.
func (c Config) Validate() error {
	return c.IgnoredSignal.Validate()
}

// All holds the package-level Analyzer of every analyzer package, for
// drivers such as Bazel nogo that want exactly those.
var All = []*analysis.Analyzer{
	ignoredsignal.Analyzer,
}

// New returns fresh analyzers configured by cfg, in the order of All. Their
// flags are bound to their own copies of cfg, so a driver may register them.
func New(cfg Config) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ignoredsignal.New(cfg.IgnoredSignal),
	}
}
