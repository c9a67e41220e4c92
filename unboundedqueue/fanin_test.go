package unboundedqueue_test

import (
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/bplint/bplint/unboundedqueue"
)

// TestFanInShapes runs one package per shape of unbuffered-fan-in (the
// leak and its fixed form beside it), and the forms it stays silent on.
func TestFanInShapes(t *testing.T) {
	for _, pkg := range []string{
		"unboundedqueue/fanin_select_timeout",             // 1: a select whose other case leaves
		"unboundedqueue/fanin_per_iteration",              // 2: a channel per iteration, a timeout in the loop
		"unboundedqueue/fanin_returned_channel",           // 3: func async() <-chan T, in the package and through a fact
		"unboundedqueue/fanin_returned_func_value",        // 3: the same function called through a function value
		"unboundedqueue/fanin_early_return",               // 4: a return, t.Fatal, runtime.Goexit before the receive
		"unboundedqueue/fanin_exit_through_tb",            // 4: tb.Fatal, tb.Skipf, tb.FailNow through testing.TB
		"unboundedqueue/fanin_names_the_case_that_leaves", // the way out named: a case that won over the receive first
		"unboundedqueue/fanin_fewer_receives",             // 5: more senders than buffer plus receives
		"unboundedqueue/fanin_stopped_receiver",           // 6: a sender whose receiving loop has left
		"unboundedqueue/fanin_escapes",                    // silent: the channel goes where we cannot see
		"unboundedqueue/fanin_drains",                     // silent: every sender is received after all
		"unboundedqueue/fanin_recover_send",               // silent: a send only when the goroutine panicked
		"unboundedqueue/fanin_range_constant",             // for range 2 receives at least once
		"unboundedqueue/fanin_generics",                   // generic functions and helpers
		"unboundedqueue/fanin_leave_decided_by_case",      // a value set in a select case decides a later test
		"unboundedqueue/fanin_error_after_last_send",      // silent: the receiver leaves on its one sender's last send
		"unboundedqueue/fanin_main_returns",               // silent: main.main returns, the program ends
		"unboundedqueue/fanin_senders_awaited",            // silent: every sender is waited for before the way out
	} {
		t.Run(pkg, func(t *testing.T) {
			analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), pkg)
		})
	}
}

// TestFanInFixes applies "buffer the channel for every sender" to the
// shapes whose sender count is known where the channel is made (1-5) and
// compares the result with the .golden files; each fixed package must
// still compile.
func TestFanInFixes(t *testing.T) {
	pkgs := []string{
		"unboundedqueue/fanin_select_timeout",
		"unboundedqueue/fanin_per_iteration",
		"unboundedqueue/fanin_returned_channel",
		"unboundedqueue/fanin_early_return",
		"unboundedqueue/fanin_fewer_receives",
	}
	results := analysistest.RunWithSuggestedFixes(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), pkgs...)
	// The message offers the buffer exactly when the finding carries the
	// fix (RunWithSuggestedFixes only compares files that got one).
	fixed := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category != "unbuffered-fan-in" {
				continue
			}
			offers := strings.Contains(d.Message, "buffer the channel for every sender (capacity ")
			require.Equal(t, offers, len(d.SuggestedFixes) == 1, "%s", d.Message)
			if offers {
				fixed++
			}
		}
	}
	require.NotZero(t, fixed)
	for _, pkg := range pkgs {
		assertFixedPackageCompiles(t, pkg)
	}
}

// assertFixedPackageCompiles type-checks a testdata package (with its
// tests) after its .golden files replace the sources they fix, in a copy
// of the testdata tree; the goldens must be gofmt-clean too.
func assertFixedPackageCompiles(t *testing.T, pkg string) {
	t.Helper()
	tmp := t.TempDir()
	src := filepath.Join(testdata, "src")
	require.NoError(t, os.CopyFS(filepath.Join(tmp, "src"), os.DirFS(src)))
	dir := filepath.Join(tmp, "src", filepath.FromSlash(pkg))
	goldens, err := filepath.Glob(filepath.Join(dir, "*.golden"))
	require.NoError(t, err)
	require.NotEmpty(t, goldens, "%s has no .golden file", pkg)
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		require.NoError(t, err)
		formatted, err := format.Source(data)
		require.NoError(t, err)
		require.Equal(t, string(formatted), string(data), "%s is gofmt-clean", g)
		require.NoError(t, os.WriteFile(strings.TrimSuffix(g, ".golden"), data, 0o644))
	}
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedImports,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+tmp, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off"),
	}
	loaded, err := packages.Load(cfg, pkg)
	require.NoError(t, err)
	require.NotEmpty(t, loaded)
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("the fixed package %s does not compile: %v", pkg, e)
		}
	})
}
