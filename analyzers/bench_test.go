package analyzers_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/ignoredsignal"
	"github.com/bplint/bplint/unboundedqueue"
)

// The benchmarks load once and time only the analysis (checker.Analyze
// runs every analyzer, buildssa included, on the roots and, for facts, on
// their dependencies). Compare with the no-op analyzer's time: the cost of
// the checker itself. They are for profiling and for ratios between runs
// on one machine:
//
//	go test ./analyzers -run '^$' -bench . -benchtime 3x -cpuprofile cpu.out

var noop = &analysis.Analyzer{Name: "noop", Doc: "noop: reports nothing", Run: func(*analysis.Pass) (any, error) { return nil, nil }}

func load(b *testing.B, cfg *packages.Config, patterns ...string) []*packages.Package {
	b.Helper()
	cfg.Mode = packages.LoadAllSyntax
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages have errors")
	}
	return pkgs
}

func analyze(b *testing.B, as []*analysis.Analyzer, pkgs []*packages.Package) {
	b.Helper()
	for b.Loop() {
		if _, err := checker.Analyze(as, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTestdata runs each analyzer on its analysistest packages.
func BenchmarkTestdata(b *testing.B) {
	root, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		b.Fatal(err)
	}
	env := append(os.Environ(), "GO111MODULE=off", "GOPATH="+root, "GOFLAGS=", "GOWORK=off")
	for _, tc := range []struct {
		name string
		a    *analysis.Analyzer
	}{
		{"ignoredsignal", ignoredsignal.New(ignoredsignal.Config{})},
		{"unboundedqueue", unboundedqueue.New(unboundedqueue.Config{})},
	} {
		b.Run(tc.name, func(b *testing.B) {
			pkgs := load(b, &packages.Config{Dir: root, Env: env, Tests: true}, tc.name+"/...")
			analyze(b, []*analysis.Analyzer{tc.a}, pkgs)
		})
	}
}

// BenchmarkNetHTTP runs the suite, each analyzer, the facts-only analyzers
// (what go vet runs on dependencies) and the no-op floor on net/http and
// its dependencies: real code of the kind bplint looks at.
//
// BPLINT_BENCH_DIR and BPLINT_BENCH_PKG name another package to profile
// (a module directory and a pattern), for example a project's largest.
func BenchmarkNetHTTP(b *testing.B) {
	dir, pattern := os.Getenv("BPLINT_BENCH_DIR"), os.Getenv("BPLINT_BENCH_PKG")
	if pattern == "" {
		pattern = "net/http"
	}
	pkgs := load(b, &packages.Config{Dir: dir, Tests: false}, pattern)
	for _, tc := range []struct {
		name string
		as   []*analysis.Analyzer
	}{
		{"noop", []*analysis.Analyzer{noop}},
		{"suite", analyzers.New(analyzers.Config{})},
		{"factsonly", analyzers.NewFactsOnly(analyzers.Config{})},
		{"ignoredsignal", []*analysis.Analyzer{ignoredsignal.New(ignoredsignal.Config{})}},
		{"unboundedqueue", []*analysis.Analyzer{unboundedqueue.New(unboundedqueue.Config{})}},
	} {
		b.Run(tc.name, func(b *testing.B) { analyze(b, tc.as, pkgs) })
	}
}
