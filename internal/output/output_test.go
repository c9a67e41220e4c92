package output

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// report is a fixed report that exercises every field: a fix with two
// edits, related information, a finding on a line that repeats (so its
// fingerprint needs the occurrence index), characters GitHub needs escaped,
// and a package that could not be analyzed.
func report() Report {
	return Report{
		Tool: Tool{
			Name: "bplint", Version: "v1.2.3", InformationURI: "https://github.com/bplint/bplint",
			Rules: []Rule{
				{ID: "discarded-signal", Analyzer: "ignoredsignal", Summary: "a backpressure signal is discarded", Help: "discarded-signal: the result of a signal is discarded.", HelpURI: "https://example.com/discarded-signal"},
				{ID: "goroutine-per-item", Analyzer: "unboundedqueue", Summary: "a goroutine is spawned per item", Help: "goroutine-per-item: one goroutine per item.", HelpURI: "https://example.com/goroutine-per-item"},
			},
		},
		Root: "/src/mod",
		Findings: finding.Normalize([]finding.Finding{
			{
				Package: "example.com/mod", Analyzer: "ignoredsignal", Rule: "discarded-signal",
				Message: "result of q.TrySend is discarded: 100% lost, a, b: c\nnext line",
				URL:     "https://example.com/discarded-signal",
				Path:    "/src/mod/a.go", File: "a.go", Line: 3, Col: 2, EndLine: 3, EndCol: 14, Source: "q.TrySend(1)",
				Fixes: []finding.Fix{{Message: "return the error", Edits: []finding.Edit{
					{Path: "/src/mod/a.go", File: "a.go", Start: 20, End: 20, StartLine: 3, StartCol: 2, EndLine: 3, EndCol: 2, New: "if err := "},
					{Path: "/src/mod/a.go", File: "a.go", Start: 32, End: 32, StartLine: 3, StartCol: 14, EndLine: 3, EndCol: 14, New: "; err != nil {\n\treturn err\n}"},
				}}},
			},
			{
				Package: "example.com/mod", Analyzer: "ignoredsignal", Rule: "discarded-signal", Message: "result of q.TrySend is discarded",
				URL:  "https://example.com/discarded-signal",
				Path: "/src/mod/a.go", File: "a.go", Line: 9, Col: 2, EndLine: 9, EndCol: 14, Source: "q.TrySend(1)",
			},
			{
				Package: "example.com/mod/sub", Analyzer: "unboundedqueue", Rule: "goroutine-per-item", Message: "spawn starts a goroutine for each value",
				URL:  "https://example.com/goroutine-per-item",
				Path: "/src/mod/sub/b.go", File: "sub/b.go", Line: 12, Col: 3, EndLine: 12, EndCol: 11, Source: "spawn(v)",
				Related: []finding.Related{{File: "sub/b.go", Line: 5, Col: 2, EndLine: 5, EndCol: 20, Message: "the goroutine is started here"}},
			},
		}),
		Errors: []finding.Error{{Package: "example.com/mod/broken", Err: "broken.go:1:1: undefined: x"}},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o666))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), string(got))
}

func TestGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, format, report()))
			golden(t, format+".golden", buf.Bytes())
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	assert.False(t, Valid("xml"))
	assert.Error(t, Write(&bytes.Buffer{}, "xml", report()))
}

func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, GitHub(&buf, report()))
	first := strings.Split(buf.String(), "\n")[0]
	assert.Equal(t, "::warning file=a.go,line=3,col=2,endLine=3,endColumn=14,title=bplint%3A discarded-signal::result of q.TrySend is discarded: 100%25 lost, a, b: c%0Anext line (discarded-signal)", first)
	assert.Equal(t, "a%3Ab%2Cc%25d%0D%0A", escapeProperty("a:b,c%d\r\n"))
	assert.Equal(t, "a:b,c%25d%0D%0A", escapeData("a:b,c%d\r\n"))
}

func TestRDJSONLOneObjectPerLine(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, RDJSONL(&buf, report()))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, 3)
	var d rdDiagnostic
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &d))
	assert.Equal(t, "WARNING", d.Severity)
	assert.Equal(t, "bplint", d.Source.Name)
	assert.Equal(t, rdCode{Value: "discarded-signal", URL: "https://example.com/discarded-signal"}, d.Code)
	assert.Equal(t, rdRange{Start: rdPosition{3, 2}, End: rdPosition{3, 14}}, d.Location.Range)
	require.Len(t, d.Suggestions, 2)
	assert.Equal(t, "if err := ", d.Suggestions[0].Text)
}

func TestSARIFFingerprintsSurviveMovedLines(t *testing.T) {
	fingerprints := func(r Report) []string {
		var buf bytes.Buffer
		require.NoError(t, SARIF(&buf, r))
		var log sarifLog
		require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
		var out []string
		for _, res := range log.Runs[0].Results {
			out = append(out, res.PartialFingerprints["bplint/v1"])
		}
		return out
	}
	r := report()
	before := fingerprints(r)
	for i := range r.Findings {
		r.Findings[i].Line += 10 // lines inserted above
		r.Findings[i].EndLine += 10
	}
	assert.Equal(t, before, fingerprints(r))
	assert.NotEqual(t, before[0], before[1], "the same code twice in one file: the occurrence index tells them apart")
}

func TestSARIFStructure(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, report()))
	var log sarifLog
	require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "bplint", run.Tool.Driver.Name)
	assert.Equal(t, "1.2.3", run.Tool.Driver.Version)
	require.Len(t, run.Tool.Driver.Rules, 2)
	assert.Equal(t, "https://example.com/discarded-signal", run.Tool.Driver.Rules[0].HelpURI)
	assert.Equal(t, "A backpressure signal is discarded.", run.Tool.Driver.Rules[0].ShortDescription.Text)
	assert.Equal(t, "file:///src/mod/", run.OriginalURIBaseIDs["%SRCROOT%"].URI)
	require.Len(t, run.Results, 3)
	res := run.Results[2]
	assert.Equal(t, "goroutine-per-item", res.RuleID)
	assert.Equal(t, 1, res.RuleIndex)
	assert.Equal(t, sarifArtifactLocation{URI: "sub/b.go", URIBaseID: "%SRCROOT%"}, res.Locations[0].PhysicalLocation.ArtifactLocation)
	assert.Equal(t, sarifRegion{StartLine: 12, StartColumn: 3, EndLine: 12, EndColumn: 11}, res.Locations[0].PhysicalLocation.Region)
	require.Len(t, res.RelatedLocations, 1)
	assert.Equal(t, "the goroutine is started here", res.RelatedLocations[0].Message.Text)
	require.Len(t, run.Invocations, 1)
	assert.False(t, run.Invocations[0].ExecutionSuccessful, "a package could not be analyzed")
	assert.Equal(t, "example.com/mod/broken: broken.go:1:1: undefined: x", run.Invocations[0].ToolExecutionNotifications[0].Message.Text)
	require.Len(t, run.Results[0].Fixes, 1)
	assert.Len(t, run.Results[0].Fixes[0].ArtifactChanges[0].Replacements, 2)
}

func TestEmptySARIFHasResults(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, Report{Tool: report().Tool}))
	assert.Contains(t, buf.String(), `"results": []`, "GitHub rejects a run without results")
}
