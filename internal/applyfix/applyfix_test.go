package applyfix

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/finding"
)

const src = "package p\n\nfunc f() {\n\tg()\n}\n"

// fixAt returns a finding whose fix replaces [start, end) of path with s.
func fixAt(path string, start, end int, s string) finding.Finding {
	return finding.Finding{File: "p.go", Line: 4, Col: 2, Fixes: []finding.Fix{{Message: "fix", Edits: []finding.Edit{
		{Path: path, File: "p.go", Start: start, End: end, New: s},
	}}}}
}

func TestApplyTakesFirstSkipsOverlapsAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.go")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o666))
	g := len("package p\n\nfunc f() {\n\t")
	plan, err := Apply([]finding.Finding{
		fixAt(path, g, g+1, "h"),
		fixAt(path, g, g+1, "h"),   // the same fix reported twice: applied once
		fixAt(path, g, g+3, "k()"), // overlaps the first: skipped
		fixAt(path, g+3, g+3, "  // done"),
	})
	require.NoError(t, err)
	require.Len(t, plan.Changes, 1)
	assert.Equal(t, "package p\n\nfunc f() {\n\th() // done\n}\n", string(plan.Changes[0].New), "gofmt-ed")
	require.Len(t, plan.Skipped, 1)
	assert.Contains(t, plan.Skipped[0], "overlaps another fix")

	assert.Equal(t, "--- a/p.go\n+++ b/p.go\n@@ -1,5 +1,5 @@\n package p\n \n func f() {\n-\tg()\n+\th() // done\n }\n", plan.Diff(dir))
}

func TestApplyNothing(t *testing.T) {
	plan, err := Apply([]finding.Finding{{File: "p.go"}})
	require.NoError(t, err)
	assert.Empty(t, plan.Changes)
	assert.Empty(t, plan.Diff("/"))
}
