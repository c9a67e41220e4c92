package summary_test

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	analysistest.Run(t, testdata, summary.Analyzer, "summary/facts", "unboundedqueue/peritemdep", "unboundedqueue/handlertable")
}

// TestFactSize bounds what a summary costs in every importer's vetx file: a
// fact carries a position and a few parameter indices, never syntax or SSA.
func TestFactSize(t *testing.T) {
	results := analysistest.Run(t, testdata, summary.Analyzer, "summary/facts", "unboundedqueue/peritemdep", "unboundedqueue/handlertable")
	n := 0
	for _, r := range results {
		for obj, facts := range r.Facts {
			for _, f := range facts {
				var buf bytes.Buffer
				require.NoError(t, gob.NewEncoder(&buf).Encode(f))
				assert.LessOrEqual(t, buf.Len(), 256, "fact %v on %v", f, obj)
				n++
			}
		}
	}
	require.Positive(t, n, "no fact exported: the bound proves nothing")
}
