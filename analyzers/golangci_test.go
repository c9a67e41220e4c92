package analyzers_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The golangci-lint integration: build a real golangci-lint v2 with bplint
// inside (what `golangci-lint custom` does, from testdata/golangci) and run
// it on testdata/golangcimod with .golangci.example.yml and variations.

func customGolangci(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped with -short")
	}
	src, err := filepath.Abs(filepath.Join("testdata", "golangci"))
	require.NoError(t, err)
	// Cache the binary by a hash of everything it is built from: the custom
	// module and the files of this module's packages that the plugin
	// package depends on (not its tests, nor other packages).
	h := sha256.New()
	for _, name := range []string{"go.mod", "go.sum", "main.go", filepath.Join("..", "..", "..", "go.mod"), filepath.Join("..", "..", "..", "go.sum")} {
		b, err := os.ReadFile(filepath.Join(src, name))
		require.NoError(t, err)
		h.Write(b)
	}
	list := exec.Command("go", "list", "-deps", "-f",
		`{{if .Module}}{{if eq .Module.Path "github.com/bplint/bplint"}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{end}}{{end}}`,
		".")
	list.Env = append(os.Environ(), "GOWORK=off")
	out, err := list.Output()
	require.NoError(t, err, "go list -deps ./analyzers")
	files := strings.Fields(string(out))
	require.NotEmpty(t, files)
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	cache, err := os.UserCacheDir()
	require.NoError(t, err)
	bin := filepath.Join(cache, "bplint-test", "golangci-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	// Build next to it and rename, so a concurrent run never sees half a binary.
	tmp := fmt.Sprintf("%s.%d.tmp", bin, os.Getpid())
	cmd := exec.Command("go", "build", "-o", tmp, ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "building golangci-lint with bplint:\n%s", out)
	require.NoError(t, os.Rename(tmp, bin))
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

// runGolangci runs the custom golangci-lint with the example configuration,
// its bplint settings replaced by settings (YAML), and returns the issues.
func runGolangci(t *testing.T, bin, settings string) ([]gclIssue, string, error) {
	t.Helper()
	example, err := os.ReadFile(filepath.Join("..", ".golangci.example.yml"))
	require.NoError(t, err)
	cfg := string(example)
	if settings != "" {
		start := strings.Index(cfg, "        settings:\n")
		end := strings.Index(cfg, "\nissues:")
		require.True(t, start > 0 && end > start, "the example has a bplint settings block")
		cfg = cfg[:start] + "        settings:\n" + settings + cfg[end:]
	}
	cfg = strings.Replace(cfg, "default: standard", "default: none", 1) // only bplint, for exact assertions
	path := filepath.Join(t.TempDir(), "golangci.yml")
	require.NoError(t, os.WriteFile(path, []byte(cfg), 0o644))
	cmd := exec.Command(bin, "run", "--allow-parallel-runners", "--config", path, "--output.json.path", "stdout", "--output.text.path", "", "--show-stats=false", "./...")
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

// found returns "line (rule)" for each bplint issue.
func found(issues []gclIssue) []string {
	var out []string
	for _, is := range issues {
		if is.FromLinter != "bplint" {
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

	t.Run("example config", func(t *testing.T) {
		issues, stderr, _ := runGolangci(t, bin, "")
		assert.Equal(t, []string{
			"mod.go:12 (discarded-signal)",
			"mod.go:17 (silent-drop)",
			"mod.go:24 (ignored-write)",
			"mod.go:34 (goroutine-per-item)",
		}, found(issues), stderr)
		// The same findings, suppressed: golangci-lint's own //nolint:bplint
		// and the analyzers' //bplint:ignore.
		assert.NotContains(t, found(issues), "mod.go:40 (discarded-signal)", "//nolint:bplint suppresses")
		assert.NotContains(t, found(issues), "mod.go:45 (silent-drop)", "//bplint:ignore silent-drop suppresses")
	})
	t.Run("strict adds the single write", func(t *testing.T) {
		issues, stderr, _ := runGolangci(t, bin, "          ignoredsignal:\n            strict: true\n")
		assert.Contains(t, found(issues), "mod.go:29 (ignored-write)", stderr)
	})
	t.Run("disable removes a rule", func(t *testing.T) {
		issues, stderr, _ := runGolangci(t, bin, "          ignoredsignal:\n            disable: [silent-drop]\n          unboundedqueue:\n            disable: [goroutine-per-item]\n")
		assert.Equal(t, []string{"mod.go:12 (discarded-signal)", "mod.go:24 (ignored-write)"}, found(issues), stderr)
	})
	t.Run("unknown setting fails clearly", func(t *testing.T) {
		_, stderr, err := runGolangci(t, bin, "          ignoredsignal:\n            strictt: true\n")
		require.Error(t, err)
		assert.Contains(t, stderr, `bplint settings: decoding settings: json: unknown field "strictt"`)
	})
	t.Run("config verify accepts the example", func(t *testing.T) {
		cmd := exec.Command(bin, "config", "verify", "--config", filepath.Join("..", ".golangci.example.yml"))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
	})
}
