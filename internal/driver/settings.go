package driver

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/checks"
	"github.com/bplint/bplint/internal/config"
	"github.com/bplint/bplint/internal/rules"
)

// settings resolves, per package directory, the rules and options that
// apply: the defaults (every rule, no option), then .bplint.yml's top level
// and its overrides for the directory in file order, then the flags.
type settings struct {
	file  *config.File // nil without a configuration file
	o     options
	cache map[string]resolved // by directory
}

// resolved is what applies to the packages of one directory.
type resolved struct {
	rules    []string // selected rule ids
	vetFlags []string // the analyzers' flags for go vet, selection included
}

func newSettings(o options) (*settings, error) {
	s := &settings{o: o, cache: make(map[string]resolved)}
	name := o.config
	if name == "" {
		found, err := config.Find(".")
		if err != nil {
			return nil, fmt.Errorf("looking for %s: %v", config.FileName, err)
		}
		name = found
	}
	if name != "" {
		f, err := config.Load(name)
		if err != nil {
			return nil, err
		}
		o.logf("configuration: %s", f.Path)
		s.file = f
	}
	return s, nil
}

// flagLayer is the layer the command line adds: -checks, and the options
// set by -analyzer.option flags.
func (s *settings) flagLayer() (config.Layer, error) {
	l := config.Layer{Checks: s.o.checks, Options: config.Options{}}
	for name := range s.o.flagOptions {
		a, k, _ := strings.Cut(name, ".")
		raw, err := config.Field(s.o.cfg, a, k)
		if err != nil {
			return l, err
		}
		l.Options.Merge(config.Options{a: {k: raw}})
	}
	return l, nil
}

// of returns what applies to packages in the directory dir.
func (s *settings) of(dir string) (resolved, error) {
	if r, ok := s.cache[dir]; ok {
		return r, nil
	}
	var layers []config.Layer
	if s.file != nil {
		layers = s.file.Layers(dir)
	}
	fl, err := s.flagLayer()
	if err != nil {
		return resolved{}, err
	}
	layers = append(layers, fl)
	sel := rules.IDs()
	opts := config.Options{}
	for _, l := range layers {
		if sel, err = checks.Apply(sel, l.Checks); err != nil {
			return resolved{}, err
		}
		opts.Merge(l.Options)
	}
	sel = s.o.enabledAnalyzers(sel, analyzerOf)
	cfg, err := config.Decode(opts)
	if err != nil {
		return resolved{}, err
	}
	if err := cfg.Validate(); err != nil {
		return resolved{}, err
	}
	r := resolved{rules: sel, vetFlags: vetFlags(cfg, sel)}
	s.cache[dir] = r
	return r, nil
}

func analyzerOf(id string) string {
	r, _ := rules.Lookup(id)
	return r.Analyzer
}

// vetFlags returns the flags that give the vet tool cfg, with the rules
// not in sel added to each analyzer's disable list: every flag whose value
// differs from the default configuration's, in a stable order.
func vetFlags(cfg analyzers.Config, sel []string) []string {
	set := flag.NewFlagSet("", flag.ContinueOnError)
	cfg.RegisterFlags(set)
	def := flag.NewFlagSet("", flag.ContinueOnError)
	(&analyzers.Config{}).RegisterFlags(def)
	for _, r := range rules.All {
		f := set.Lookup(r.Analyzer + ".disable")
		if f == nil || slices.Contains(sel, r.ID) || slices.Contains(strings.Split(f.Value.String(), ","), r.ID) {
			continue
		}
		_ = f.Value.Set(r.ID) // a list flag: Set appends
	}
	var out []string
	set.VisitAll(func(f *flag.Flag) {
		if d := def.Lookup(f.Name); d == nil || d.Value.String() != f.Value.String() {
			out = append(out, "-"+f.Name+"="+f.Value.String())
		}
	})
	return out
}

// A group is packages that share one go vet run: the same vet flags.
type group struct {
	vetFlags []string
	pkgs     []*pkg
}

// groups splits pkgs by the settings of their directories, in a stable
// order: a configuration whose overrides change options needs a go vet
// run per distinct set of flags (go vet passes one set to every package).
func (s *settings) groups(pkgs []*pkg) ([]*group, map[string][]string, error) {
	byKey := make(map[string]*group)
	var out []*group
	selected := make(map[string][]string) // package path -> rules
	for _, p := range pkgs {
		dir := p.Dir
		if dir == "" {
			dir = "."
		}
		dir, _ = filepath.Abs(dir)
		r, err := s.of(dir)
		if err != nil {
			return nil, nil, err
		}
		selected[p.ImportPath] = r.rules
		key := strings.Join(r.vetFlags, "\x00")
		g := byKey[key]
		if g == nil {
			g = &group{vetFlags: r.vetFlags}
			byKey[key] = g
			out = append(out, g)
		}
		g.pkgs = append(g.pkgs, p)
	}
	return out, selected, nil
}
