package driver

import (
	"bufio"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/rules"
	"github.com/bplint/bplint/internal/testproc"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o666))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), got)
}

// copyModule copies testdata/name into a fresh directory, for tests that
// change files.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	src := testdataDir(name)
	require.NoError(t, filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		require.NoError(t, os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o777))
		return os.WriteFile(filepath.Join(dst, rel), data, 0o666)
	}))
	return dst
}

// writeModule creates a module example.com/tmp with the given files.
func writeModule(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	files["go.mod"] = "module example.com/tmp\n\ngo 1.24\n"
	for name, content := range files {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o777))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666))
	}
}

func TestSARIFOnModule(t *testing.T) {
	// A copy outside any git work tree: paths are relative to the
	// working directory (TestNestedModulePaths has the repository case).
	stdout, stderr, code := bplint(t, copyModule(t, "fixes"), "-format", "sarif", "./...")
	require.Equal(t, exitFindings, code, stderr)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID      string                `json:"id"`
						HelpURI string                `json:"helpUri"`
						Help    struct{ Text string } `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations    []json.RawMessage `json:"relatedLocations"`
				Fixes               []json.RawMessage `json:"fixes"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "bplint", run.Tool.Driver.Name)
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		assert.Equal(t, rules.DocURL(strings.Replace(r.ID, rules.Directive, "suppression", 1)), r.HelpURI)
		assert.NotEmpty(t, r.Help.Text)
	}
	for _, r := range registered() {
		assert.Contains(t, ids, r.ID)
	}
	var got []string
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
		assert.Equal(t, "warning", res.Level)
		assert.NotEmpty(t, res.PartialFingerprints["bplint/v1"])
		got = append(got, strings.Join([]string{res.RuleID, loc.ArtifactLocation.URI, itoa(loc.Region.StartLine), itoa(loc.Region.StartColumn)}, " "))
	}
	assert.Equal(t, []string{
		"ignored-write fixes.go 13 3",
		"ignored-write fixes.go 21 3",
		"ignored-write fixes.go 22 3",
		"slice-queue fixes.go 37 2",
	}, got)
	assert.Len(t, run.Results[0].Fixes, 1, "the return-the-error fix")
	assert.Len(t, run.Results[3].RelatedLocations, 1, "where the queue is consumed")
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestGitHubOnModule(t *testing.T) {
	stdout, stderr, code := bplint(t, copyModule(t, "findings"), "-format", "github", "./...")
	require.Equal(t, exitFindings, code, stderr)
	ls := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, ls, 3)
	assert.True(t, strings.HasPrefix(ls[0], "::warning file=findings.go,line=11,col=2,endLine=11,endColumn=14,title=bplint%3A discarded-signal::result of q.TrySend is discarded"), ls[0])
	assert.True(t, strings.HasSuffix(ls[0], "(discarded-signal)"), ls[0])
	assert.Contains(t, ls[1], "title=bplint%3A silent-drop::")
	assert.Contains(t, ls[2], "title=bplint%3A ignored-write::")
}

func TestRDJSONLOnModule(t *testing.T) {
	stdout, stderr, code := bplint(t, copyModule(t, "fixes"), "-format", "rdjsonl", "./...")
	require.Equal(t, exitFindings, code, stderr)
	sc := bufio.NewScanner(strings.NewReader(stdout))
	var diags []map[string]any
	for sc.Scan() {
		var d map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d), sc.Text())
		diags = append(diags, d)
	}
	require.Len(t, diags, 4)
	assert.Equal(t, "WARNING", diags[0]["severity"])
	assert.Equal(t, map[string]any{"value": "ignored-write", "url": rules.DocURL("ignored-write")}, diags[0]["code"], "the rule's own help page")
	assert.Equal(t, map[string]any{"path": "fixes.go", "range": map[string]any{
		"start": map[string]any{"line": 13.0, "column": 3.0},
		"end":   map[string]any{"line": 13.0, "column": 13.0},
	}}, diags[0]["location"])
	assert.Len(t, diags[0]["suggestions"], 2, "the two edits of the fix")
	assert.Len(t, diags[3]["related_locations"], 1)
}

func TestDiffIsAPatchAndChangesNothing(t *testing.T) {
	dir := copyModule(t, "fixes")
	before, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	diff, stderr, code := bplint(t, dir, "-diff", "./...")
	require.Equal(t, exitFindings, code, stderr)
	golden(t, "fixes.diff", diff)
	after, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "-diff changes nothing")

	cmd := testproc.Command(t, "patch", "-p1")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(diff)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	patched, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	golden(t, "fixes.go.golden", string(patched))
}

func TestFixWritesFormattedFiles(t *testing.T) {
	dir := copyModule(t, "fixes")
	stdout, stderr, code := bplint(t, dir, "-fix", "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stderr, "bplint: applied 3 fixes to 1 file\n")
	assert.Equal(t, []string{"fixes.go:43:2 (slice-queue)"}, lines(t, stdout), "only the finding without a fix is printed, where the fixes moved it")
	assert.Contains(t, stderr, "bplint: 1 finding in 1 file\n")
	fixed, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	golden(t, "fixes.go.golden", string(fixed))

	stdout, _, code = bplint(t, dir, "./...")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, []string{"fixes.go:43:2 (slice-queue)"}, lines(t, stdout), "only the finding without a fix remains")
}

const queueGo = `package tmp

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }
`

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"queue.go": queueGo,
		"use.go":   "package tmp\n\nfunc Old(q *Queue) {\n\tq.TrySend(1)\n\tq.TrySend(1)\n}\n",
	})
	_, stderr, code := bplint(t, dir, "-write-baseline", "bplint-baseline.json", "./...")
	require.Equal(t, exitFindings, code, stderr)
	data, err := os.ReadFile(filepath.Join(dir, "bplint-baseline.json"))
	require.NoError(t, err)
	var b struct {
		Version  int
		Findings []map[string]any
	}
	require.NoError(t, json.Unmarshal(data, &b))
	assert.Equal(t, 1, b.Version)
	require.Len(t, b.Findings, 2)
	assert.Equal(t, "use.go", b.Findings[0]["file"])
	assert.Equal(t, "discarded-signal", b.Findings[0]["rule"])
	assert.Equal(t, "q.TrySend(1)", b.Findings[0]["code"])
	assert.Equal(t, 4.0, b.Findings[0]["line"], "the line only breaks ties between identical lines")

	stdout, stderr, code := bplint(t, dir, "-baseline", "bplint-baseline.json", "./...")
	assert.Equal(t, exitClean, code, stderr)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "hid 2 findings")

	// Unrelated lines above move the findings; a third identical line and a
	// different call are new.
	writeModule(t, dir, map[string]string{
		"queue.go": queueGo,
		"use.go":   "package tmp\n\n// Old is old.\n//\n// It moved.\nfunc Old(q *Queue) {\n\tq.TrySend(1)\n\tq.TrySend(1)\n\tq.TrySend(1)\n\tq.TrySend(2)\n}\n",
	})
	stdout, stderr, code = bplint(t, dir, "-baseline", "bplint-baseline.json", "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stderr, "hid 2 findings")
	assert.Equal(t, []string{"use.go:9:2 (discarded-signal)", "use.go:10:2 (discarded-signal)"}, lines(t, stdout), "one entry hides one finding: the third identical call and the new one are reported")

	_, stderr, code = bplint(t, dir, "-baseline", "no-such-file.json", "./...")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "-baseline")
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := testproc.Command(t, "git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return string(out)
}

func TestNewFromRevAndPatch(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"queue.go": queueGo,
		"use.go":   "package tmp\n\nfunc Old(q *Queue) {\n\tq.TrySend(1)\n}\n",
	})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "old")
	// A changed line, an unchanged old finding, and a new untracked file.
	writeModule(t, dir, map[string]string{
		"queue.go": queueGo,
		"use.go":   "package tmp\n\nfunc Old(q *Queue) {\n\tq.TrySend(1)\n}\n\nfunc New(q *Queue) {\n\tq.TrySend(2)\n}\n",
		"more.go":  "package tmp\n\nfunc More(q *Queue) { q.TrySend(3) }\n",
	})

	stdout, stderr, code := bplint(t, dir, "./...")
	require.Equal(t, exitFindings, code, stderr)
	require.Len(t, lines(t, stdout), 3)

	stdout, stderr, code = bplint(t, dir, "-new-from-rev", "HEAD", "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"more.go:3:23 (discarded-signal)", "use.go:8:2 (discarded-signal)"}, lines(t, stdout))

	patch := filepath.Join(t.TempDir(), "change.patch")
	require.NoError(t, os.WriteFile(patch, []byte(git(t, dir, "diff", "HEAD")), 0o666))
	stdout, stderr, code = bplint(t, dir, "-new-from-patch", patch, "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"use.go:8:2 (discarded-signal)"}, lines(t, stdout), "the patch does not have the untracked file")

	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "new")
	stdout, stderr, code = bplint(t, dir, "-new-from-rev", "HEAD", "./...")
	assert.Equal(t, exitClean, code, stderr)
	assert.Empty(t, stdout)

	git(t, dir, "mv", "use.go", "renamed.go")
	stdout, stderr, code = bplint(t, dir, "-new-from-rev", "HEAD", "./...")
	assert.Equal(t, exitClean, code, stderr)
	assert.Empty(t, stdout, "a file moved without changes has no changed lines")

	_, stderr, code = bplint(t, dir, "-new-from-rev", "no-such-rev", "./...")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "no-such-rev")
}

func TestSARIFColumnsInCodePoints(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"queue.go": queueGo,
		"use.go":   "package tmp\n\nfunc Use(q *Queue) { _ = \"h\u00e9llo\"; q.TrySend(1) }\n",
	})
	stdout, stderr, code := bplint(t, dir, "./...")
	require.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"use.go:3:36 (discarded-signal)"}, lines(t, stdout), "text columns are bytes, as go vet's")

	stdout, stderr, code = bplint(t, dir, "-format", "sarif", "./...")
	require.Equal(t, exitFindings, code, stderr)
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartColumn, EndColumn int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &log))
	assert.Equal(t, "unicodeCodePoints", log.Runs[0].ColumnKind)
	region := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	assert.Equal(t, 35, region.StartColumn, "\u00e9 is two bytes and one code point")
	assert.Equal(t, 47, region.EndColumn)
}

// TestGoVetFixFallsShort shows why -fix and -diff apply the fixes
// themselves rather than through go vet -fix (see post.go): go vet -fix
// rewrites the findings a baseline hides, and go vet -fix -diff writes a
// patch that patch -p1 cannot apply in the module.
func TestGoVetFixFallsShort(t *testing.T) {
	dir := copyModule(t, "fixes")
	before, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	_, stderr, code := bplint(t, dir, "-write-baseline", "base.json", "./...")
	require.Equal(t, exitFindings, code, stderr)

	stdout, stderr, code := bplint(t, dir, "-fix", "-baseline", "base.json", "./...")
	assert.Equal(t, exitClean, code, stderr)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "bplint: applied 0 fixes to 0 files")
	after, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "bplint -fix leaves the findings the baseline hides alone")

	diff, _, _ := runIn(t, dir, nil, "go", "vet", "-vettool="+self(t), "-fix", "-diff", "./...")
	abs, err := filepath.Abs(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	assert.Contains(t, diff, "--- "+abs+" (old)\n+++ "+abs+" (new)\n", "go vet's patch names files by absolute path")
	patch := testproc.Command(t, "patch", "-p1", "--dry-run", "--batch")
	patch.Dir = dir
	patch.Stdin = strings.NewReader(diff)
	out, err := patch.CombinedOutput()
	assert.Error(t, err, "patch -p1 cannot apply go vet's patch in the module: %s", out)

	_, stderr, _ = runIn(t, dir, nil, "go", "vet", "-vettool="+self(t), "-fix", "./...")
	vetFixed, err := os.ReadFile(filepath.Join(dir, "fixes.go"))
	require.NoError(t, err)
	assert.NotEqual(t, string(before), string(vetFixed), "go vet -fix has no baseline: it rewrote the hidden findings (%s)", stderr)
}
