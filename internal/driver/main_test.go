package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/internal/crash"
	"github.com/bplint/bplint/internal/output"
	"github.com/bplint/bplint/internal/testproc"
)

// The test binary is bplint itself: run with BPLINT_TEST_MAIN set, it is
// the command (and, started by go vet, the vet tool), so the tests build
// nothing and leave no binary behind. BPLINT_TEST_VETTOOL adds a test
// analyzer to the vet tool's suite: "boom" panics, "block" blocks forever.
func TestMain(m *testing.M) {
	if os.Getenv("BPLINT_TEST_MAIN") == "" {
		os.Exit(m.Run())
	}
	variant := os.Getenv("BPLINT_TEST_VETTOOL")
	suite := Suite
	switch variant {
	case "boom":
		suite = func(factsOnly bool) []*analysis.Analyzer { return append(Suite(factsOnly), boom) }
	case "block":
		suite = func(factsOnly bool) []*analysis.Analyzer { return append(Suite(factsOnly), block) }
	}
	if variant != "" && slices.Contains(os.Args[1:], "-V=full") {
		// go vet caches results by the tool's ID: a variant must not share
		// the plain suite's.
		exe, err := os.Executable()
		if err != nil {
			panic(err)
		}
		data, err := os.ReadFile(exe)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s version devel %s buildID=%x-%s\n", exe, variant, sha256.Sum256(data), variant)
		os.Exit(0)
	}
	Main(suite)
}

// self is the test binary.
func self(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	return exe
}

// testEnv is the environment of the programs the tests run: no network,
// no workspace, and the test binary acting as bplint.
func testEnv(extra ...string) []string {
	return append(append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "BPLINT_TEST_MAIN=1"), extra...)
}

// bplint runs the command in dir and returns stdout, stderr and the exit
// status.
func bplint(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	return runIn(t, dir, nil, self(t), args...)
}

// runIn runs name in dir with testEnv(env...), bound to the test (see
// internal/testproc).
func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := testproc.Command(t, name, args...)
	cmd.Dir = dir
	cmd.Env = testEnv(env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return stdout.String(), stderr.String(), code
}

func testdataDir(name string) string { return filepath.Join("testdata", name) }

// lines returns "file:line:col (rule)" for each text finding, dropping the
// message (messages may be reworded; positions and rules may not).
func lines(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		parts := strings.SplitN(l, ": ", 2)
		require.Len(t, parts, 2, "not path:line:col: message (rule): %q", l)
		open := strings.LastIndex(parts[1], " (")
		require.Positive(t, open, "no (rule) suffix: %q", l)
		got = append(got, parts[0]+" "+parts[1][open+1:])
	}
	return got
}

func TestFindingsText(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("findings"), "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, "bplint: 3 findings in 1 file\n", stderr, "a one-line summary, and nothing else when stderr is not a terminal")
	assert.Equal(t, []string{
		"findings.go:11:2 (discarded-signal)",
		"findings.go:16:7 (silent-drop)",
		"findings.go:23:3 (ignored-write)",
	}, lines(t, stdout), "sorted by position, relative paths, printed once although the test variant analyzes the file too")
	assert.Contains(t, stdout, "findings.go:11:2: result of q.TrySend is discarded: ")
}

func TestCleanModuleExitsZero(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("clean"), "./...")
	assert.Equal(t, exitClean, code, stderr)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr)
}

func TestDefaultPatternIsDot(t *testing.T) {
	stdout, _, code := bplint(t, testdataDir("findings"))
	assert.Equal(t, exitFindings, code)
	assert.Len(t, lines(t, stdout), 3)
}

func TestChangeDirectory(t *testing.T) {
	stdout, stderr, code := bplint(t, ".", "-C", testdataDir("findings"), "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, "findings.go:11:2 (discarded-signal)", lines(t, stdout)[0], "paths relative to the -C directory")
}

func TestBrokenPackageIsNamedAndOthersStillAnalyzed(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("broken"), "./...")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "bplint: example.com/broken/bad: ")
	assert.Contains(t, stderr, "undefined: undefinedThing")
	assert.Equal(t, []string{"good/good.go:8:20 (discarded-signal)"}, lines(t, stdout))
}

func TestBadFlagsExitTwo(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown rule":    {"-ignoredsignal.disable=no-such-rule", "./..."},
		"malformed spec":  {"-ignoredsignal.signals=NotAPath", "./..."},
		"unknown format":  {"-format=xml", "./..."},
		"unknown flag":    {"-no-such-flag", "./..."},
		"no such package": {"./does/not/exist"},
	} {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := bplint(t, testdataDir("findings"), args...)
			assert.Equal(t, exitError, code)
			assert.Empty(t, stdout)
			assert.NotEmpty(t, stderr)
		})
	}
	_, stderr, _ := bplint(t, testdataDir("findings"), "-ignoredsignal.disable=no-such-rule")
	assert.Contains(t, stderr, `unknown rule "no-such-rule"`)
}

func TestAnalyzerFlags(t *testing.T) {
	stdout, _, code := bplint(t, testdataDir("findings"), "-ignoredsignal.disable=silent-drop,ignored-write", "./...")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, []string{"findings.go:11:2 (discarded-signal)"}, lines(t, stdout))

	stdout, _, code = bplint(t, testdataDir("findings"), "-ignoredsignal.signals=example.com/clean.Nothing", "-ignoredsignal.strict", "./...")
	assert.Equal(t, exitFindings, code)
	assert.Len(t, lines(t, stdout), 3)
}

func TestJSON(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("findings"), "-json", "./...")
	assert.Equal(t, exitFindings, code, stderr)
	var tree map[string]map[string][]output.JSONDiagnostic
	require.NoError(t, json.Unmarshal([]byte(stdout), &tree))
	require.Contains(t, tree, "example.com/findings")
	diags := tree["example.com/findings"]["ignoredsignal"]
	require.Len(t, diags, 3)
	assert.Equal(t, "discarded-signal", diags[0].Category)
	abs, err := filepath.Abs(filepath.Join(testdataDir("findings"), "findings.go"))
	require.NoError(t, err)
	assert.Equal(t, abs+":11:2", diags[0].Posn, "absolute, as go vet -json prints them")
	assert.Equal(t, abs+":11:14", diags[0].End)
	assert.True(t, strings.HasPrefix(diags[0].Message, "result of q.TrySend is discarded"))

	same, _, _ := bplint(t, testdataDir("findings"), "-format=json", "./...")
	assert.Equal(t, stdout, same, "-json and -format=json agree")

	// What go vet -json itself prints for the same package.
	vetOut, vetErr, _ := runIn(t, testdataDir("findings"), nil, "go", "vet", "-vettool="+self(t), "-json", ".")
	var vetTree map[string]map[string][]output.JSONDiagnostic
	require.NoError(t, json.NewDecoder(strings.NewReader(vetOut)).Decode(&vetTree), vetErr)
	assert.Equal(t, abs+":11:2", vetTree["example.com/findings"]["ignoredsignal"][0].Posn)
}

func TestJSONErrors(t *testing.T) {
	stdout, _, code := bplint(t, testdataDir("broken"), "-json", "./...")
	assert.Equal(t, exitError, code)
	var tree map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stdout), &tree))
	assert.Contains(t, string(tree["example.com/broken/bad"]["load"]), "undefined: undefinedThing")
	assert.Contains(t, tree, "example.com/broken/good")
}

func TestDeterministic(t *testing.T) {
	first, _, _ := bplint(t, testdataDir("findings"), "./...")
	for range 2 {
		again, _, _ := bplint(t, testdataDir("findings"), "./...")
		assert.Equal(t, first, again)
	}
	firstJSON, _, _ := bplint(t, testdataDir("findings"), "-json", "./...")
	againJSON, _, _ := bplint(t, testdataDir("findings"), "-json", "./...")
	assert.Equal(t, firstJSON, againJSON)
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.txt")
	stdout, _, code := bplint(t, testdataDir("findings"), "-o", out, "./...")
	assert.Equal(t, exitFindings, code)
	assert.Empty(t, stdout)
	written, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Len(t, lines(t, string(written)), 3)
}

func TestVetTool(t *testing.T) {
	_, stderr, code := runIn(t, testdataDir("findings"), nil, "go", "vet", "-vettool="+self(t), "./...")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "findings.go:11:2: result of q.TrySend is discarded")
	assert.Contains(t, stderr, "(discarded-signal)")
	assert.Contains(t, stderr, "(silent-drop)")
	assert.Contains(t, stderr, "(ignored-write)")

	_, stderr, code = runIn(t, testdataDir("findings"), nil, "go", "vet", "-vettool="+self(t), "-ignoredsignal.disable=silent-drop", "./...")
	assert.Equal(t, 1, code)
	assert.NotContains(t, stderr, "(silent-drop)")
	assert.Contains(t, stderr, "(discarded-signal)")
}

func TestRulesList(t *testing.T) {
	stdout, _, code := bplint(t, ".", "-rules")
	assert.Equal(t, exitClean, code)
	assert.Contains(t, stdout, "discarded-signal\tignoredsignal\t")
	assert.Contains(t, stdout, "ignored-write\tignoredsignal\t")
	assert.Contains(t, stdout, "silent-drop\tignoredsignal\t")
}

// boom panics on example.com/broken/good.
var boom = &analysis.Analyzer{
	Name: "boom",
	Doc:  "boom: panics",
	Run: crash.Guard(func(p *analysis.Pass) (any, error) {
		if p.Pkg.Path() == "example.com/broken/good" {
			panic("kaboom")
		}
		return nil, nil
	}),
}

// TestPanicBecomesError: a panic inside an analyzer is an error naming the
// analyzer and the package, the run goes on, and the exit status is 2.
func TestPanicBecomesError(t *testing.T) {
	stdout, stderr, code := runIn(t, testdataDir("broken"), []string{"BPLINT_TEST_VETTOOL=boom"}, self(t), "./good")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "bplint: example.com/broken/good: boom: ")
	assert.Contains(t, stderr, "analyzer boom panicked on package example.com/broken/good: kaboom")
	assert.Equal(t, []string{"good/good.go:8:20 (discarded-signal)"}, lines(t, stdout), "the other analyzers still report")
}

// TestRobustModule: the documented behaviour on a module with generics, cgo,
// build tags, a generated file, a package that does not type-check, and a
// finding in a test file (docs/performance.md, "Robustness").
func TestRobustModule(t *testing.T) {
	dir := testdataDir("robust")
	t.Setenv("CGO_ENABLED", "1")
	stdout, stderr, code := bplint(t, dir, "./...")
	assert.Equal(t, exitError, code, "a package that does not type-check makes the run fail")
	assert.Equal(t, 1, strings.Count(stderr, "bplint: example.com/robust/broken: broken/broken.go:5:23: undefined: notDefined\n"), "named once:\n%s", stderr)
	assert.Equal(t, 1, strings.Count(stderr, "bplint: "+"example.com/robust/"), "only the broken package fails:\n%s", stderr)
	assert.Equal(t, []string{
		"cgo/cgo.go:15:2 (discarded-signal)",             // cgo files are analyzed, positions in the .go file
		"generic/generic.go:17:2 (discarded-signal)",     // generic method
		"generic/generic_test.go:7:2 (discarded-signal)", // test files are included by default
	}, lines(t, stdout), "the generated package and the untagged file report nothing")

	stdout, _, _ = bplint(t, dir, "-tags=bplinttag", "-test=false", "./...")
	assert.Equal(t, []string{
		"cgo/cgo.go:15:2 (discarded-signal)",
		"generic/generic.go:17:2 (discarded-signal)",
		"tagged/tagged.go:10:23 (discarded-signal)",
	}, lines(t, stdout), "-tags selects the tagged file, -test=false drops the test file's finding")

	t.Setenv("CGO_ENABLED", "0")
	stdout, _, _ = bplint(t, dir, "./...")
	assert.Equal(t, []string{
		"generic/generic.go:17:2 (discarded-signal)",
		"generic/generic_test.go:7:2 (discarded-signal)",
	}, lines(t, stdout), "without cgo the cgo file is not part of the package")
}

// TestEmbedPatternMissing: a package whose //go:embed pattern matches no
// file (files a build step generates) fails alone, named with the
// pattern's position; the other packages are analyzed.
func TestEmbedPatternMissing(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("embedmissing"), "./...")
	assert.Equal(t, exitError, code)
	assert.Equal(t, 1, strings.Count(stderr, "bplint: example.com/embedmissing/ui: ui/web.go:8:12: pattern app/dist: no matching files found\n"), "named once:\n%s", stderr)
	assert.Equal(t, 1, strings.Count(stderr, "bplint: "+"example.com/embedmissing/"), "only the ui package fails:\n%s", stderr)
	assert.Equal(t, []string{"serve/serve.go:14:3 (goroutine-per-item)"}, lines(t, stdout))
}

// TestTestLoad: load rules are quiet in test files unless -test-load (or
// test-load: true in .bplint.yml) is given.
func TestTestLoad(t *testing.T) {
	dir := copyModule(t, "testload")
	stdout, _, code := bplint(t, dir, "./...")
	assert.Equal(t, exitClean, code)
	assert.Empty(t, lines(t, stdout))

	want := []string{"serve_test.go:9:3 (goroutine-per-item)"}
	stdout, _, code = bplint(t, dir, "-test-load", "./...")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, want, lines(t, stdout))

	require.NoError(t, os.WriteFile(filepath.Join(dir, ".bplint.yml"), []byte("test-load: true\n"), 0o644))
	stdout, _, _ = bplint(t, dir, "./...")
	assert.Equal(t, want, lines(t, stdout))
}

// TestSameOutputAcrossConcurrency: the output is byte-identical whatever the
// number of packages analyzed at once, run after run.
func TestSameOutputAcrossConcurrency(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif"} {
		var outs []string
		for _, c := range []string{"1", "2", "1", "4"} {
			stdout, stderr, _ := bplint(t, testdataDir("robust"), "-format="+format, "-p="+c, "./...")
			outs = append(outs, stdout+"\n--- stderr ---\n"+stderr)
		}
		require.NotEmpty(t, outs[0])
		for _, o := range outs[1:] {
			assert.Equal(t, outs[0], o, format)
		}
	}
}

// TestPatternMatchingNothing: a pattern that matches nothing is a warning
// when another one matches, and an error when none does.
func TestPatternMatchingNothing(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("findings"), "./...", "./nothing/...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stderr, `go: warning: "./nothing/..." matched no packages`)
	assert.NotEmpty(t, lines(t, stdout))

	stdout, stderr, code = bplint(t, testdataDir("findings"), "./nothing/...")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "bplint: no packages to analyze")
	assert.Empty(t, stdout)
}
