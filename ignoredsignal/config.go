package ignoredsignal

import (
	"flag"
	"fmt"
	"regexp"

	"github.com/bplint/bplint/internal/options"
	"github.com/bplint/bplint/internal/rules"
)

// Config holds the options of the ignoredsignal analyzer. The same names are
// used by the -ignoredsignal.* flags, go vet and golangci-lint settings.
type Config struct {
	// Signals lists extra signal functions, as "pkg/path.Func" or
	// "(*pkg/path.Type).Method".
	Signals []string `json:"signals,omitempty"`
	// Strict also reports blank assignments (_ = q.TrySend(v)) and single
	// writes outside loops.
	Strict bool `json:"strict,omitempty"`
	// Disable lists rule ids to turn off.
	Disable []string `json:"disable,omitempty"`
	// TestLoad also reports the load rules in _test.go files, where test
	// code is otherwise taken not to be under production load.
	TestLoad bool `json:"test-load,omitempty"`
}

var signalSpec = regexp.MustCompile(`^(\(\*?[^()*\s]+\.[A-Za-z_][A-Za-z0-9_]*\)\.[A-Za-z_][A-Za-z0-9_]*|[^()*\s]+\.[A-Za-z_][A-Za-z0-9_]*)$`)

// Validate reports the first malformed option.
func (c Config) Validate() error {
	if err := options.CheckRules("disable", c.Disable, rules.Of(rules.IgnoredSignal)); err != nil {
		return err
	}
	for _, s := range c.Signals {
		if !signalSpec.MatchString(s) {
			return fmt.Errorf("signals: %q is not of the form pkg/path.Func or (*pkg/path.Type).Method", s)
		}
	}
	return nil
}

// RegisterFlags binds the analyzer's flags (signals, strict, disable) to c.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.Var((*options.List)(&c.Signals), "signals", "comma-separated extra signal functions: pkg/path.Func or (*pkg/path.Type).Method")
	fs.BoolVar(&c.Strict, "strict", c.Strict, "also report blank assignments of signals and single writes outside loops")
	fs.BoolVar(&c.TestLoad, "test-load", c.TestLoad, "also report the load rules in _test.go files")
	fs.Var((*options.List)(&c.Disable), "disable", "comma-separated rule ids to turn off: discarded-signal, ignored-write, silent-drop")
}
