package baseline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/finding"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	at := func(line int, source, rule string) finding.Finding {
		return finding.Finding{Rule: rule, Message: "m", Path: filepath.Join(dir, "pkg", "a.go"), File: "pkg/a.go", Line: line, Source: source}
	}
	name := filepath.Join(dir, "baseline.json")
	require.NoError(t, Write(name, []finding.Finding{at(9, "q.TrySend(1)", "discarded-signal"), at(3, "w.Flush()", "ignored-write")}))
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, `{
  "version": 1,
  "findings": [
    {
      "file": "pkg/a.go",
      "rule": "discarded-signal",
      "fingerprint": "`+finding.LineHash("q.TrySend(1)")+`",
      "code": "q.TrySend(1)",
      "line": 9,
      "message": "m"
    },
    {
      "file": "pkg/a.go",
      "rule": "ignored-write",
      "fingerprint": "`+finding.LineHash("w.Flush()")+`",
      "code": "w.Flush()",
      "line": 3,
      "message": "m"
    }
  ]
}
`, string(data), "sorted by file, rule and code")

	b, err := Read(name)
	require.NoError(t, err)
	kept, hidden := b.Filter([]finding.Finding{
		at(50, "q.TrySend(1)", "discarded-signal"), // moved: still hidden
		at(51, "q.TrySend(1)", "discarded-signal"), // a second one: new
		at(52, "w.Flush()", "discarded-signal"),    // another rule: new
		at(60, "w.Flush()", "ignored-write"),       // moved: hidden
	})
	assert.Equal(t, 2, hidden)
	require.Len(t, kept, 2)
	assert.Equal(t, 51, kept[0].Line)
	assert.Equal(t, 52, kept[1].Line)
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(filepath.Join(dir, "missing.json"))
	assert.Error(t, err)
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": 2, "findings": []}`), 0o666))
	_, err = Read(bad)
	assert.ErrorContains(t, err, "unsupported version 2")
}

// TestIdenticalLineAdded: when a copy of a recorded line is added, the
// entry keeps hiding the finding nearest to the line it was recorded on,
// so the copy is reported, whether it is added above (moving the old line
// down) or below.
func TestIdenticalLineAdded(t *testing.T) {
	dir := t.TempDir()
	at := func(line int) finding.Finding {
		return finding.Finding{Rule: "discarded-signal", Path: filepath.Join(dir, "a.go"), File: "a.go", Line: line, Source: "q.TrySend(1)"}
	}
	name := filepath.Join(dir, "baseline.json")
	require.NoError(t, Write(name, []finding.Finding{at(40)}))
	b, err := Read(name)
	require.NoError(t, err)

	kept, hidden := b.Filter([]finding.Finding{at(10), at(43)}) // a copy at 10; the old one moved down by 3
	assert.Equal(t, 1, hidden)
	require.Len(t, kept, 1)
	assert.Equal(t, 10, kept[0].Line, "the copy is new")

	kept, _ = b.Filter([]finding.Finding{at(40), at(90)}) // a copy far below
	require.Len(t, kept, 1)
	assert.Equal(t, 90, kept[0].Line)

	// Two recorded, three found: the two nearest to 20 and 30 are hidden.
	require.NoError(t, Write(name, []finding.Finding{at(20), at(30)}))
	b, err = Read(name)
	require.NoError(t, err)
	kept, hidden = b.Filter([]finding.Finding{at(5), at(21), at(31)})
	assert.Equal(t, 2, hidden)
	require.Len(t, kept, 1)
	assert.Equal(t, 5, kept[0].Line)
}
