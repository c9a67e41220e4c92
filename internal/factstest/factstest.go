// Package factstest checks that an analyzer's facts-only variant (the one
// go vet runs on dependencies) exports exactly the facts of the full one.
package factstest

import (
	"fmt"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// quiet is an analysistest.Testing that ignores expectation mismatches:
// the facts-only analyzer reports nothing, by design, and the full one's
// diagnostics are checked by the rule tests.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Agree runs full and factsOnly on the packages of the GOPATH-style tree
// dir and fails t unless every package gets the same facts from both, and
// at least one fact is exported in all (else the comparison proves nothing).
func Agree(t *testing.T, dir string, full, factsOnly *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	want := facts(analysistest.Run(quiet{}, dir, full, pkgs...))
	got := facts(analysistest.Run(quiet{}, dir, factsOnly, pkgs...))
	if len(want) == 0 {
		t.Fatalf("the full analyzer exported no fact on %v", pkgs)
	}
	if !slices.Equal(want, got) {
		t.Errorf("facts differ\nfull:       %q\nfacts-only: %q", want, got)
	}
}

// facts lists "package: object: fact" for every fact of the results, sorted.
func facts(results []*analysistest.Result) []string {
	var out []string
	for _, r := range results {
		for obj, fs := range r.Facts {
			for _, f := range fs {
				out = append(out, fmt.Sprintf("%s: %s: %v", r.Pass.Pkg.Path(), types.ObjectString(obj, nil), f))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
