package vettool

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/prefilter"
)

// listed is what go list -export -deps -json says of a package.
type listed struct {
	ImportPath      string
	Name            string
	Dir             string
	Export          string
	Standard        bool
	DepOnly         bool
	CompiledGoFiles []string
	Imports         []string
	ImportMap       map[string]string
	Error           *struct{ Err string }
	DepsErrors      []*struct{ Err string }
}

// list runs go list on patterns in dir with env, dependencies first.
func list(t *testing.T, dir string, env []string, patterns ...string) []*listed {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-e", "-export", "-compiled", "-deps", "-json=ImportPath,Name,Dir,Export,Standard,DepOnly,CompiledGoFiles,Imports,ImportMap,Error,DepsErrors"}, patterns...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []*listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(listed)
		if err := dec.Decode(p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// unit is one package's run in one mode.
type unit struct {
	vetx    string // its VetxOnly run's output
	skipped bool
	reason  string
	failed  bool
}

// chain runs the vet tool as go vet would, for facts (VetxOnly), on every
// package of pkgs in order, with the prefilter on or off, and returns the
// runs by package path.
func chain(t *testing.T, pkgs []*listed, dir string, prefilterOn bool) map[string]*unit {
	t.Helper()
	units := make(map[string]*unit)
	on := prefilterOn
	opts := &Options{Prefilter: &on}
	facts := analyzers.NewFactsOnly(analyzers.Config{})
	for _, p := range pkgs {
		u := &unit{vetx: filepath.Join(dir, strings.NewReplacer("/", "_").Replace(p.ImportPath)+".vetx")}
		units[p.ImportPath] = u
		if p.ImportPath == "unsafe" || p.Error != nil || p.Export == "" {
			u.failed = true
			continue
		}
		cfg := config(p, pkgs, units)
		cfg.VetxOnly = true
		cfg.VetxOutput = u.vetx
		prof := &profile{rec: profileRecord{Phases: map[string]float64{}, Analyzers: map[string]float64{}}}
		if _, err := run(token.NewFileSet(), cfg, facts, opts, prof); err != nil {
			t.Logf("%s: %v", p.ImportPath, err)
			u.failed = true
			continue
		}
		u.skipped, u.reason = prof.rec.Skipped, prof.rec.Reason
	}
	return units
}

// config returns the vet config of p, with its imports' vetx files from
// units.
func config(p *listed, pkgs []*listed, units map[string]*unit) *Config {
	byPath := make(map[string]*listed)
	for _, q := range pkgs {
		byPath[q.ImportPath] = q
	}
	cfg := &Config{
		ID:          p.ImportPath,
		Compiler:    "gc",
		ImportPath:  p.ImportPath,
		GoFiles:     p.CompiledGoFiles,
		ImportMap:   make(map[string]string),
		PackageFile: make(map[string]string),
		Standard:    make(map[string]bool),
		PackageVetx: make(map[string]string),
	}
	for i, f := range cfg.GoFiles {
		if !filepath.IsAbs(f) {
			cfg.GoFiles[i] = filepath.Join(p.Dir, f)
		}
	}
	for _, imp := range p.Imports {
		cfg.ImportMap[imp] = imp
	}
	for raw, imp := range p.ImportMap {
		cfg.ImportMap[raw] = imp
	}
	for _, imp := range p.Imports {
		q := byPath[imp]
		if q == nil || imp == "unsafe" {
			continue
		}
		cfg.PackageFile[imp] = q.Export
		cfg.Standard[imp] = q.Standard
		if u := units[imp]; u != nil && !u.failed {
			cfg.PackageVetx[imp] = u.vetx
		}
	}
	return cfg
}

// factStrings decodes a vetx file's facts as "package object: fact", and
// the package's own among them.
func factStrings(t *testing.T, file, pkg string) (all, own []string) {
	t.Helper()
	v, err := readVetx(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.facts) == 0 {
		return nil, nil
	}
	var gobFacts []gobFact
	if err := gob.NewDecoder(bytes.NewReader(v.facts)).Decode(&gobFacts); err != nil {
		t.Fatal(err)
	}
	for _, f := range gobFacts {
		s := fmt.Sprintf("%s %s: %v (%s)", f.PkgPath, f.Object, f.Fact, reflect.TypeOf(f.Fact))
		all = append(all, s)
		if f.PkgPath == pkg {
			own = append(own, s)
		}
	}
	return all, own
}

// rootRun analyzes p in full, as go vet does the packages it was asked
// for, with its imports' facts from units, and returns its JSON output
// and its own facts.
func rootRun(t *testing.T, p *listed, pkgs []*listed, units map[string]*unit, dir string) (string, []string) {
	t.Helper()
	cfg := config(p, pkgs, units)
	cfg.VetxOutput = filepath.Join(dir, strings.NewReplacer("/", "_").Replace(p.ImportPath)+".root.vetx")
	fset := token.NewFileSet()
	results, err := run(fset, cfg, analyzers.WithRuleIDs(analyzers.New(analyzers.Config{})), nil, nil)
	if err != nil {
		return "error: " + err.Error(), nil
	}
	var out bytes.Buffer
	printResults(&out, fset, cfg.ID, results, output{json: true})
	_, own := factStrings(t, cfg.VetxOutput, p.ImportPath)
	return out.String(), own
}

// TestSkipKeepsFactsAndFindings runs the vet tool on the analyzers'
// testdata and every package it depends on, as go vet would, once with the
// prefilter off and once on, and checks that the skip changes nothing: a
// skipped package has no fact of its own when analyzed, what every
// package passes on to its importers is the same (the skip may pass on
// more, facts its importers cannot reach), and each testdata package
// analyzed in full reports the same diagnostics and exports the same
// facts.
func TestSkipKeepsFactsAndFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the testdata's dependencies in full")
	}
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"GOPATH=" + root, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"}
	pkgs := list(t, filepath.Join(root, "src"), env, "./...")
	checkSkip(t, pkgs, func(p *listed) bool { return !p.Standard })
}

// TestSkipSources runs the same comparison on testdata/src/skip, where
// each package has facts from one source (or none), and checks which
// packages are skipped.
func TestSkipSources(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the testdata's dependencies in full")
	}
	own, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	shared, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"GOPATH=" + own + string(filepath.ListSeparator) + shared, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"}
	pkgs := list(t, filepath.Join(own, "src"), env, "./...")
	skip, full := checkSkipFull(t, pkgs, func(p *listed) bool { return !p.Standard })
	want := map[string]bool{"skip/plain": true, "skip/mid": true}
	// Each package below has, in the full run, a fact of its own of each
	// type listed: the comparison covers every fact type of bplint's
	// analyzers, through its own source and through an import's fact.
	wantFacts := map[string][]string{
		"skip/die":           {"*ctrlflow.noReturn"},
		"skip/usedie":        {"*ctrlflow.noReturn"},
		"skip/usemid":        {"*ctrlflow.noReturn"},
		"skip/spawn":         {"*summary.Fact", "*unboundedqueue.spawnerFact"},
		"skip/usespawn":      {"*summary.Fact", "*unboundedqueue.spawnerFact"},
		"skip/peritem":       {"*summary.Fact"},
		"skip/useperitem":    {"*summary.Fact"},
		"skip/callback":      {"*summary.Fact"},
		"skip/iface":         {"*summary.Fact"},
		"skip/field":         {"*summary.FieldFact"},
		"skip/sends":         {"*summary.Fact", "*blocked.SendsFact"},
		"skip/blocksends":    {"*blocked.SendsFact"},
		"skip/useblocksends": {"*blocked.SendsFact"},
		"skip/pending":       {"*blocked.PendingFact"},
		"skip/usepending":    {"*summary.Fact", "*unboundedqueue.spawnerFact"},
		"skip/marker":        {"*ignoredsignal.signalFact"},
		"skip/usesignal":     {"*ignoredsignal.signalFact"},
		"skip/limiter":       {"*ignoredsignal.signalFact"},
	}
	covered := make(map[string]bool)
	for pkg, types := range wantFacts {
		_, own := factStrings(t, full[pkg].vetx, pkg)
		for _, typ := range types {
			covered[typ] = true
			if !slices.ContainsFunc(own, func(f string) bool { return strings.HasSuffix(f, "("+typ+")") }) {
				t.Errorf("%s: no fact of type %s of its own in the full run: %q", pkg, typ, own)
			}
		}
	}
	for typ := range prefilter.FactTypes() {
		if !covered[typ] {
			t.Errorf("no package of testdata/src/skip has a fact of type %s", typ)
		}
	}
	for _, p := range pkgs {
		if !strings.HasPrefix(p.ImportPath, "skip/") {
			continue
		}
		if got := skip[p.ImportPath].skipped; got != want[p.ImportPath] {
			t.Errorf("%s: skipped %v, want %v", p.ImportPath, got, want[p.ImportPath])
		}
		t.Logf("%s: %s", p.ImportPath, skip[p.ImportPath].reason)
	}
}

// TestSkipKeepsFactsStd is TestSkipKeepsFactsAndFindings on the standard
// library (BPLINT_SKIP_STD=1; minutes): every package for facts, and the
// packages of BPLINT_SKIP_STD_ROOTS (comma-separated, default net/http)
// in full.
func TestSkipKeepsFactsStd(t *testing.T) {
	if os.Getenv("BPLINT_SKIP_STD") == "" {
		t.Skip("set BPLINT_SKIP_STD=1")
	}
	roots := strings.Split(os.Getenv("BPLINT_SKIP_STD_ROOTS"), ",")
	if roots[0] == "" {
		roots = []string{"net/http"}
	}
	pkgs := list(t, t.TempDir(), []string{"GOFLAGS="}, "std")
	checkSkip(t, pkgs, func(p *listed) bool { return slices.Contains(roots, p.ImportPath) })
}

func checkSkip(t *testing.T, pkgs []*listed, isRoot func(*listed) bool) map[string]*unit {
	skip, _ := checkSkipFull(t, pkgs, isRoot)
	return skip
}

// checkSkipFull is checkSkip, and returns the runs without the prefilter
// too.
func checkSkipFull(t *testing.T, pkgs []*listed, isRoot func(*listed) bool) (skip, full map[string]*unit) {
	full = chain(t, pkgs, t.TempDir(), false)
	skip = chain(t, pkgs, t.TempDir(), true)
	skipped := 0
	for _, p := range pkgs {
		f, s := full[p.ImportPath], skip[p.ImportPath]
		if f.failed != s.failed {
			t.Errorf("%s: failed %v without the prefilter, %v with it", p.ImportPath, f.failed, s.failed)
			continue
		}
		if f.failed {
			continue
		}
		if f.skipped {
			t.Errorf("%s: skipped with the prefilter off", p.ImportPath)
		}
		fullAll, fullOwn := factStrings(t, f.vetx, p.ImportPath)
		skipAll, _ := factStrings(t, s.vetx, p.ImportPath)
		if s.skipped {
			skipped++
			if len(fullOwn) > 0 {
				t.Errorf("%s: skipped, but has facts of its own: %q", p.ImportPath, fullOwn)
			}
		}
		for _, fact := range fullAll {
			if !slices.Contains(skipAll, fact) {
				t.Errorf("%s: fact lost with the prefilter: %s", p.ImportPath, fact)
			}
		}
		if !s.skipped && !slices.Equal(fullAll, skipAll) {
			t.Errorf("%s: analyzed, but passes on other facts with the prefilter:\nwithout: %q\nwith:    %q", p.ImportPath, fullAll, skipAll)
		}
	}
	t.Logf("%d of %d packages skipped", skipped, len(pkgs))
	if skipped == 0 {
		t.Errorf("no package skipped: the comparison proves nothing")
	}
	roots := 0
	for _, p := range pkgs {
		if !isRoot(p) || full[p.ImportPath].failed || len(p.CompiledGoFiles) == 0 {
			continue
		}
		roots++
		fullOut, fullOwn := rootRun(t, p, pkgs, full, t.TempDir())
		skipOut, skipOwn := rootRun(t, p, pkgs, skip, t.TempDir())
		if fullOut != skipOut {
			t.Errorf("%s: findings differ with the prefilter:\nwithout:\n%s\nwith:\n%s", p.ImportPath, fullOut, skipOut)
		}
		if !slices.Equal(fullOwn, skipOwn) {
			t.Errorf("%s: facts differ with the prefilter:\nwithout: %q\nwith:    %q", p.ImportPath, fullOwn, skipOwn)
		}
	}
	if roots == 0 {
		t.Errorf("no package analyzed in full")
	}
	return skip, full
}
