package analyzers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/rules"
	"github.com/bplint/bplint/internal/testproc"
)

// The golangci-lint integration: build a real golangci-lint v2 with bplint
// inside (what `golangci-lint custom` does, from testdata/golangci) and run
// it on testdata/golangcimod with .golangci.example.yml as shipped.
//
// Building golangci-lint compiles about 1,200 packages (over ten minutes
// on two cores with empty caches), so the test runs only when asked:
//
//	BPLINT_GOLANGCI=1 go test -run TestGolangciLintPlugin -timeout 45m ./analyzers
//
// which is a step of its own in .ci/run. Every process it starts is bound
// to the test (internal/testproc) and every file it writes is in its
// temporary directories.

func customGolangci(t *testing.T) string {
	t.Helper()
	if os.Getenv("BPLINT_GOLANGCI") == "" {
		t.Skip("builds golangci-lint (long): set BPLINT_GOLANGCI=1 to run it (.ci/run does)")
	}
	src, err := filepath.Abs(filepath.Join("testdata", "golangci"))
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "custom-gcl")
	cmd := testproc.Command(t, "go", "build", "-o", bin, ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "building golangci-lint with bplint:\n%s", out)
	return bin
}

type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
}

// runGolangci runs the custom golangci-lint with the configuration cfg
// (the text of a .golangci.yml) and returns the issues.
func runGolangci(t *testing.T, bin, cfg string) ([]gclIssue, string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "golangci.yml")
	require.NoError(t, os.WriteFile(path, []byte(cfg), 0o644))
	cmd := testproc.Command(t, bin, "run", "--allow-parallel-runners", "--config", path, "--output.json.path", "stdout", "--output.text.path", "", "--show-stats=false", "./...")
	cmd.Dir = filepath.Join("testdata", "golangcimod")
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOLANGCI_LINT_CACHE="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var report struct{ Issues []gclIssue }
	if stdout.Len() > 0 {
		require.NoError(t, json.Unmarshal(stdout.Bytes(), &report), "stdout: %s\nstderr: %s", stdout.String(), stderr.String())
	}
	return report.Issues, stderr.String(), runErr
}

// example returns .golangci.example.yml, with its bplint settings replaced
// by settings (YAML) unless settings is empty.
func example(t *testing.T, settings string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", ".golangci.example.yml"))
	require.NoError(t, err)
	cfg := string(b)
	if settings == "" {
		return cfg
	}
	start := strings.Index(cfg, "        settings:\n")
	end := strings.Index(cfg, "\nissues:")
	require.True(t, start > 0 && end > start, "the example has a bplint settings block")
	return cfg[:start] + "        settings:\n" + settings + cfg[end:]
}

// found returns "file:line (rule)" for each bplint finding (golangci-lint
// also shows each related position as an issue of its own).
func found(issues []gclIssue) []string {
	var out []string
	for _, is := range issues {
		if is.FromLinter != "bplint" || strings.Contains(is.Text, "(related information)") {
			continue
		}
		rule := is.Text[strings.LastIndex(is.Text, "(")+1 : len(is.Text)-1]
		out = append(out, fmt.Sprintf("%s:%d (%s)", filepath.Base(is.Pos.Filename), is.Pos.Line, rule))
	}
	sort.Strings(out)
	return out
}

func TestGolangciLintPlugin(t *testing.T) {
	bin := customGolangci(t)

	t.Run("example config as shipped", func(t *testing.T) {
		issues, stderr, _ := runGolangci(t, bin, example(t, ""))
		want := []string{
			"mod.go:16 (discarded-signal)",
			"mod.go:21 (silent-drop)",
			"mod.go:28 (ignored-write)",
			"mod.go:38 (goroutine-per-item)",
			"mod.go:60 (slice-queue)",
			"mod.go:82 (list-queue)",
			"mod.go:93 (unbuffered-fan-in)",
		}
		sort.Strings(want)
		assert.Equal(t, want, found(issues), stderr)
		var rulesFound []string
		for _, f := range found(issues) {
			rulesFound = append(rulesFound, f[strings.Index(f, "(")+1:len(f)-1])
		}
		for _, r := range rules.All {
			assert.Contains(t, rulesFound, r.ID, "a finding of every rule")
		}
		// The standard linters are on, and errcheck flags the line of the
		// ignored write too: uniq-by-line: false keeps both.
		var errcheck bool
		for _, is := range issues {
			errcheck = errcheck || is.FromLinter == "errcheck" && is.Pos.Line == 28
		}
		assert.True(t, errcheck, "errcheck reports mod.go:28 beside bplint: %v", issues)
		// //nolint:bplint (golangci-lint's) and //bplint:ignore (the analyzers') suppress.
		assert.NotContains(t, found(issues), "mod.go:43 (discarded-signal)")
		assert.NotContains(t, found(issues), "mod.go:48 (silent-drop)")
	})
	t.Run("strict adds the single write", func(t *testing.T) {
		issues, stderr, _ := runGolangci(t, bin, example(t, "          ignoredsignal:\n            strict: true\n"))
		assert.Contains(t, found(issues), "mod.go:33 (ignored-write)", stderr)
	})
	t.Run("disable removes a rule", func(t *testing.T) {
		issues, stderr, _ := runGolangci(t, bin, example(t, "          ignoredsignal:\n            disable: [silent-drop]\n          unboundedqueue:\n            disable: [goroutine-per-item, slice-queue, list-queue]\n"))
		assert.Equal(t, []string{"mod.go:16 (discarded-signal)", "mod.go:28 (ignored-write)", "mod.go:93 (unbuffered-fan-in)"}, found(issues), stderr)
	})
	t.Run("unknown setting fails clearly", func(t *testing.T) {
		_, stderr, err := runGolangci(t, bin, example(t, "          ignoredsignal:\n            strictt: true\n"))
		require.Error(t, err)
		assert.Contains(t, stderr, `bplint settings: decoding settings: json: unknown field "strictt"`)
	})
	t.Run("config verify accepts the example", func(t *testing.T) {
		cmd := testproc.Command(t, bin, "config", "verify", "--config", filepath.Join("..", ".golangci.example.yml"))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
	})
}

// TestRecipeIsTheTestedModule: the main.go docs/golangci-lint.md tells
// users to write is the one the integration test builds.
func TestRecipeIsTheTestedModule(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "golangci-lint.md"))
	require.NoError(t, err)
	const start = "cat > main.go <<'EOF'\n"
	i := strings.Index(string(doc), start)
	require.Positive(t, i, "the recipe writes main.go")
	body, _, ok := strings.Cut(string(doc)[i+len(start):], "\nEOF\n")
	require.True(t, ok)
	tested, err := os.ReadFile(filepath.Join("testdata", "golangci", "main.go"))
	require.NoError(t, err)
	assert.Equal(t, string(tested), body+"\n")
}
