package unboundedqueue

import (
	"flag"

	"github.com/bplint/bplint/internal/options"
	"github.com/bplint/bplint/internal/rules"
)

// Config holds the options of the unboundedqueue analyzer. The same names are
// used by the -unboundedqueue.* flags, go vet and golangci-lint settings.
type Config struct {
	// Strict also reports goroutines spawned per element of loops over
	// slices and maps, whose size is usually the caller's business.
	Strict bool `json:"strict,omitempty"`
	// Disable lists rule ids to turn off.
	Disable []string `json:"disable,omitempty"`
	// TestLoad also reports the load rules in _test.go files, where test
	// code is otherwise taken not to be under production load.
	TestLoad bool `json:"test-load,omitempty"`
}

// Validate reports the first malformed option.
func (c Config) Validate() error {
	return options.CheckRules("disable", c.Disable, rules.Of(rules.UnboundedQueue))
}

// RegisterFlags binds the analyzer's flags (strict, disable) to c.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.BoolVar(&c.Strict, "strict", c.Strict, "also report goroutines spawned per element of slices and maps")
	fs.BoolVar(&c.TestLoad, "test-load", c.TestLoad, "also report the load rules in _test.go files")
	fs.Var((*options.List)(&c.Disable), "disable", "comma-separated rule ids to turn off: slice-queue, list-queue, goroutine-per-item, unbuffered-fan-in")
}
