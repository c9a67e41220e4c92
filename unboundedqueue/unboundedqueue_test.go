package unboundedqueue_test

import (
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/bplint/bplint/internal/factstest"
	"github.com/bplint/bplint/unboundedqueue"
)

// testdata is the shared GOPATH-style tree at the repository root.
var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

func TestGoroutinePerItem(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn")
}

func TestSpawnerFacts(t *testing.T) {
	results := analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawner", "unboundedqueue/spawnuse")
	// In the spawner's own package the report points at the go statement
	// (through Dispatch -> HandleAsync, spawner.go:12) as related information.
	found := false
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.HasPrefix(d.Message, "Dispatch starts a goroutine") {
				require.Len(t, d.Related, 1)
				require.Equal(t, 12, r.Pass.Fset.Position(d.Related[0].Pos).Line)
				found = true
			}
		}
	}
	require.True(t, found)
}

func TestStrict(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{Strict: true}), "unboundedqueue/strict")
}

func TestUnbufferedFanIn(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/fanin")
	// RunWithSuggestedFixes compares only files that received fixes: make
	// sure every fan-in finding of the package came with one.
	fixes := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == "unbuffered-fan-in" {
				require.Len(t, d.SuggestedFixes, 1, "%s", d.Message)
				fixes++
			}
		}
	}
	require.Equal(t, 4, fixes)
	assertGoldenCompiles(t, filepath.Join(testdata, "src", "unboundedqueue", "fanin", "fanin.go.golden"))
}

// assertGoldenCompiles type-checks a fixed file: a fix must leave code that
// builds and is gofmt-clean.
func assertGoldenCompiles(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	formatted, err := format.Source(src)
	require.NoError(t, err)
	require.Equal(t, string(formatted), string(src), "the fixed file is gofmt-clean")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	require.NoError(t, err)
	conf := types.Config{Importer: importer.Default()}
	_, err = conf.Check(f.Name.Name, fset, []*ast.File{f}, nil)
	require.NoError(t, err, "the fixed file type-checks")
}

func TestQueues(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/slicequeue", "unboundedqueue/listqueue")
}

func TestLoopsNotDrivenByItems(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_loops_not_driven_by_items")
}

func TestAllRulesDisabledReportsNothing(t *testing.T) {
	all := []string{"slice-queue", "list-queue", "goroutine-per-item", "unbuffered-fan-in"}
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{Disable: all}), "unboundedqueue/disabled")
}

func TestSuppression(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/suppress")
}

func TestHelperStoppedBeforeReturn(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_helper_stopped_before_return")
}

func TestGenerics(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/generics")
}

func TestSpawnSourceStopped(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_source_stopped")
}

func TestSelectCaseSource(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_select_case_source")
}

func TestCounterBoundedSpawn(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_counter_bounded")
}

func TestCounterRaisedBeforeTest(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_counter_raised_before_test")
}

func TestSendOncePerKey(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_send_once_per_key")
}

func TestUnixSocketAccept(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_unix_socket_accept")
}

func TestPoolOrUnlimitedSpawn(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_pool_or_unlimited")
}

func TestThresholdOnceSpawn(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_threshold_once")
}

func TestEmptyCaseIsNoSource(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_empty_case_source")
}

// TestFactsOnly: the analyzer go vet runs on dependencies exports the same
// spawner facts as the full one.
func TestFactsOnly(t *testing.T) {
	for _, pkg := range []string{"unboundedqueue/spawner", "unboundedqueue/spawn"} {
		t.Run(pkg, func(t *testing.T) {
			factstest.Agree(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), unboundedqueue.NewFactsOnly(unboundedqueue.Config{}), pkg)
		})
	}
}

// TestSpawnGuardShapes: a spawn behind a compare-and-swap, a worker cached per
// key, a limit taken before a goto, and senders over a slice literal, each
// beside the true positive it must not hide.
func TestSpawnGuardShapes(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}),
		"unboundedqueue/spawn_once_guard_cas", "unboundedqueue/fanin_literal_senders", "unboundedqueue/spawn_worker_per_key", "unboundedqueue/spawn_limit_before_goto")
}

// TestCallbacks: spawns reached through function values (parameters,
// fields, handler tables, method values), in the package and across
// packages through the summary facts.
func TestCallbacks(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/callback_spawn", "unboundedqueue/peritemuse", "unboundedqueue/spawn_handler_table_registered", "unboundedqueue/spawn_guards", "unboundedqueue/test_double_callee")
}

func TestSpawnCtxCancelledOnReturn(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_ctx_cancelled_on_return")
}

func TestSpawnResultsChannelDrained(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_results_channel_drained")
}

func TestSpawnConsumerClosedOnReturn(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_consumer_closed_on_return")
}

func TestSpawnOptionalLimit(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_optional_limit")
}

func TestSpawnLimitWrappedElsewhere(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_limit_wrapped_elsewhere")
}

func TestSpawnOptionalLimitListener(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_optional_limit_listener")
}

func TestSpawnFuncSliceFields(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_func_slice_fields")
}

func TestSpawnGuardedByArgument(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_guarded_by_argument")
}

func TestSpawnTestHelper(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_test_helper")
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{TestLoad: true}), "unboundedqueue/spawn_test_helper_loaded")
}

func TestSpawnReportedAtSite(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_reported_at_site")
}

func TestSpawnOneShotTimer(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn_one_shot_timer")
}
