package summary_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/bplint/bplint/internal/summary"
)

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

// TestFacts checks the exported summaries: spawners, guards that keep a
// function from being one, only-send functions, and callbacks and handler
// fields called per item.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata, summary.Analyzer, "summary/facts", "unboundedqueue/peritemdep")
}
