package analyzers

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// The golangci-lint module plugin "bplint". Its settings are Config in
// JSON form, per analyzer:
//
//	linters:
//	  settings:
//	    custom:
//	      bplint:
//	        type: module
//	        settings:
//	          ignoredsignal: {strict: false, signals: [...], disable: [...]}
//	          unboundedqueue: {strict: false, disable: [...]}
//
// Unknown keys are an error.
func init() {
	register.Plugin("bplint", newPlugin)
}

type plugin struct{ cfg Config }

func newPlugin(settings any) (register.LinterPlugin, error) {
	cfg, err := DecodeSettings(settings)
	if err != nil {
		return nil, err
	}
	return &plugin{cfg: cfg}, nil
}

// DecodeSettings turns golangci-lint settings (decoded YAML) into a
// validated Config. Unknown keys, at the top or inside an analyzer, are an
// error naming the key.
func DecodeSettings(settings any) (Config, error) {
	if settings == nil {
		return Config{}, nil
	}
	cfg, err := register.DecodeSettings[Config](settings)
	if err != nil {
		return Config{}, fmt.Errorf("bplint settings: %w (known keys: %s)", err, knownKeys())
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, fmt.Errorf("bplint settings: %w", err)
	}
	return cfg, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return WithRuleIDs(New(p.cfg)), nil
}

func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// WithRuleIDs makes every diagnostic's message end with " (RULE)", for
// drivers that print only the message and their own linter name (go vet,
// golangci-lint): users need the rule id to write //bplint:ignore.
func WithRuleIDs(as []*analysis.Analyzer) []*analysis.Analyzer {
	for _, a := range as {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				if d.Category != "" {
					d.Message += " (" + d.Category + ")"
				}
				report(d)
			}
			return run(pass)
		}
	}
	return as
}

// knownKeys lists the settings keys, from the JSON names of Config's
// fields and of each analyzer's Config: "ignoredsignal{disable,signals,...}".
func knownKeys() string {
	name := func(f reflect.StructField) string {
		n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == "" {
			n = f.Name
		}
		return n
	}
	var out []string
	top := reflect.TypeFor[Config]()
	for i := range top.NumField() {
		f := top.Field(i)
		var keys []string
		for j := range f.Type.NumField() {
			keys = append(keys, name(f.Type.Field(j)))
		}
		out = append(out, name(f)+"{"+strings.Join(keys, ",")+"}")
	}
	return strings.Join(out, ", ")
}
