package ignoredsignal_test

import (
	"go/format"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/bplint/bplint/ignoredsignal"
	"github.com/bplint/bplint/internal/factstest"
)

// testdata is the shared GOPATH-style tree at the repository root; the go
// command wants it absolute.
var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

func TestDefault(t *testing.T) {
	analysistest.Run(t, testdata, ignoredsignal.New(ignoredsignal.Config{}),
		"ignoredsignal/trysend",
		"ignoredsignal/libraries",
		"ignoredsignal/wrappers",
		"ignoredsignal/wrapuse",
		"ignoredsignal/marker",
		"ignoredsignal/writes",
		"ignoredsignal/silentdrop",
		"ignoredsignal/suppress",
		"ignoredsignal/generated",
		"ignoredsignal/flush_over_infallible_writer",
		"ignoredsignal/drop_oneshot_reply",
		"ignoredsignal/drop_fallback_after_select",
		"ignoredsignal/drop_latest_value_slot",
		"ignoredsignal/drop_freelist_polled",
		"ignoredsignal/drop_oneshot_field",
		"ignoredsignal/drop_freelist_lookup",
		"ignoredsignal/drop_cas_guarded",
		"ignoredsignal/drop_comment_only_default",
		"ignoredsignal/drop_polled_consumer",
		"ignoredsignal/write_echo_loop",
		"ignoredsignal/write_paced_by_reads",
		"ignoredsignal/write_paced_under_deadline",
		"ignoredsignal/write_ends_with_stream",
		"ignoredsignal/write_ends_with_request_holder",
		"ignoredsignal/write_sink_per_iteration",
		"ignoredsignal/write_leaves_loop",
		"ignoredsignal/flush_sticky_error_writer",
		"ignoredsignal/write_failure_seen_later",
		"ignoredsignal/flush_sticky_compress_writer",
		"ignoredsignal/flush_callers_pass_buffer",
		"ignoredsignal/flush_callers_pass_buffer/internal/diff",
		"ignoredsignal/drop_error_type",
		"ignoredsignal/test_code_quiet",
		"ignoredsignal/test_fills_then_checks",
		"ignoredsignal/drop_notification_time",
		"ignoredsignal/drop_notification_same_value",
		"ignoredsignal/drop_request_slot",
		"ignoredsignal/drop_wake_only",
		"ignoredsignal/drop_freelist_named_type",
		"ignoredsignal/drop_oneshot_method",
		"ignoredsignal/drop_configured_policy",
		"ignoredsignal/drop_state_to_listener",
		"ignoredsignal/drop_last_notice_before_close",
		"ignoredsignal/drop_percall_slot",
		"ignoredsignal/drop_freelist_emptied",
	)
}

// TestBuildVariants: cgo packages are analyzed with positions in the user's
// files, and files excluded by build constraints are not analyzed.
func TestBuildVariants(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the build-tag case is written for linux")
	}
	analysistest.Run(t, testdata, ignoredsignal.New(ignoredsignal.Config{}), "ignoredsignal/cgo", "ignoredsignal/buildtags")
}

func TestSignalsOption(t *testing.T) {
	a := ignoredsignal.New(ignoredsignal.Config{Signals: []string{
		"ignoredsignal/options.Emit",
		"(*ignoredsignal/options.Bus).Publish",
	}})
	analysistest.Run(t, testdata, a, "ignoredsignal/options")
}

func TestStrict(t *testing.T) {
	analysistest.Run(t, testdata, ignoredsignal.New(ignoredsignal.Config{Strict: true}), "ignoredsignal/strict")
}

// TestTestLoad: with test-load the load rules report in _test.go files
// (TestDefault's test_code_quiet proves them quiet there without it).
func TestTestLoad(t *testing.T) {
	analysistest.Run(t, testdata, ignoredsignal.New(ignoredsignal.Config{TestLoad: true}), "ignoredsignal/test_code_load")
}

func TestDisable(t *testing.T) {
	analysistest.Run(t, testdata, ignoredsignal.New(ignoredsignal.Config{Disable: []string{"silent-drop"}}), "ignoredsignal/disable")
}

func TestReturnErrorFix(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, testdata, ignoredsignal.New(ignoredsignal.Config{}), "ignoredsignal/fixes")
	// RunWithSuggestedFixes compares only files that received fixes: count
	// them (pump, pumpStats x2, flush, inClosure, generic), and none where
	// the function returns no error or the signal is a bool.
	fixes := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fixes += len(d.SuggestedFixes)
		}
	}
	require.Equal(t, 6, fixes)
	// The golden file is what a user gets: it must be gofmt-clean.
	golden, err := os.ReadFile(filepath.Join(testdata, "src", "ignoredsignal", "fixes", "fixes.go.golden"))
	require.NoError(t, err)
	formatted, err := format.Source(golden)
	require.NoError(t, err)
	require.Equal(t, string(formatted), string(golden))
}

func TestConfigValidate(t *testing.T) {
	require.NoError(t, ignoredsignal.Config{Signals: []string{"a/b.F", "(*a/b.T).M", "(a/b.T).M"}, Disable: []string{"silent-drop"}}.Validate())
	require.ErrorContains(t, ignoredsignal.Config{Disable: []string{"slice-queue"}}.Validate(), `unknown rule "slice-queue"`)
	require.ErrorContains(t, ignoredsignal.Config{Signals: []string{"Func"}}.Validate(), `"Func" is not of the form`)
}

// TestFactsOnly: the analyzer go vet runs on dependencies exports the same
// facts (markers, wrappers, generics, across packages) as the full one.
func TestFactsOnly(t *testing.T) {
	for _, pkg := range []string{"ignoredsignal/marker", "ignoredsignal/wrappers", "ignoredsignal/wrapuse", "ignoredsignal/trysend"} {
		t.Run(pkg, func(t *testing.T) {
			factstest.Agree(t, testdata, ignoredsignal.New(ignoredsignal.Config{}), ignoredsignal.NewFactsOnly(ignoredsignal.Config{}), pkg)
		})
	}
}
