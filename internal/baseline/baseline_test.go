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
      "message": "m"
    },
    {
      "file": "pkg/a.go",
      "rule": "ignored-write",
      "fingerprint": "`+finding.LineHash("w.Flush()")+`",
      "code": "w.Flush()",
      "message": "m"
    }
  ]
}
`, string(data), "sorted by file, rule and code; no line numbers")

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
