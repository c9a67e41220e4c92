package blocked_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/bplint/bplint/internal/blocked"
	"github.com/bplint/bplint/internal/factstest"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

// TestFacts: a function returning a channel with its goroutine pending
// gets a PendingFact, one that only sends on a channel parameter (from
// goroutines it starts) a SendsFact, with counts in terms of its
// parameters; a function whose channel is buffered for its senders gets
// none.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata, blocked.Analyzer,
		"unboundedqueue/fanin_returned_channel/async", "unboundedqueue/fanin_fewer_receives/workers")
}

// TestFactsOnly: the variant go vet runs on dependencies exports the same
// facts.
func TestFactsOnly(t *testing.T) {
	for _, pkg := range []string{"unboundedqueue/fanin_returned_channel/async", "unboundedqueue/fanin_fewer_receives/workers"} {
		t.Run(pkg, func(t *testing.T) {
			factstest.Agree(t, testdata, blocked.Analyzer, blocked.FactsOnly, pkg)
		})
	}
}
