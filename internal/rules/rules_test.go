package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/rules"
)

// TestEveryRuleHasItsPage keeps docs/<rule>.md and the registry in step: a
// page per rule with the sections a user looks for.
func TestEveryRuleHasItsPage(t *testing.T) {
	for _, r := range rules.All {
		t.Run(r.ID, func(t *testing.T) {
			if !analyzerRegistered(r.Analyzer) {
				t.Skipf("analyzer %s is not registered yet", r.Analyzer)
			}
			b, err := os.ReadFile(filepath.Join("..", "..", "docs", r.ID+".md"))
			require.NoError(t, err, "docs/%s.md is missing", r.ID)
			page := string(b)
			assert.True(t, strings.HasPrefix(page, "# "+r.ID+"\n"), "the page starts with its rule id")
			for _, section := range []string{"## Why it matters under load", "## Bad", "## Good", "## Known limits"} {
				assert.Contains(t, page, section)
			}
			assert.Contains(t, page, "Analyzer: `"+r.Analyzer+"`")
		})
	}
}

// TestAnalyzerDocNamesItsRules keeps doc.go (the analyzer's Doc) and the
// registry in step.
func TestAnalyzerDocNamesItsRules(t *testing.T) {
	for _, a := range analyzers.All {
		ids := rules.Of(a.Name)
		require.NotEmpty(t, ids, "analyzer %s owns no rule", a.Name)
		for _, id := range ids {
			assert.Contains(t, a.Doc, id, "the Doc of %s does not mention %s", a.Name, id)
		}
		assert.Equal(t, "https://github.com/bplint/bplint/blob/main/docs/"+a.Name+".md", a.URL)
	}
}

func TestLookup(t *testing.T) {
	r, ok := rules.Lookup("silent-drop")
	require.True(t, ok)
	assert.Equal(t, rules.IgnoredSignal, r.Analyzer)
	_, ok = rules.Lookup("nope")
	assert.False(t, ok)
	assert.Len(t, rules.IDs(), len(rules.All))
}

func analyzerRegistered(name string) bool {
	for _, a := range analyzers.All {
		if a.Name == name {
			return true
		}
	}
	return false
}
