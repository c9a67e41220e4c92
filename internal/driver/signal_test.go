//go:build linux

package driver

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/internal/testproc"
)

// block, on a package named blocked, says so by creating the file named by
// $BPLINT_TEST_BLOCKED, then never returns: the vet tool is busy until a
// signal ends it.
var block = &analysis.Analyzer{
	Name: "block",
	Doc:  "block: blocks forever on package blocked",
	Run: func(p *analysis.Pass) (any, error) {
		if p.Pkg.Name() == "blocked" {
			if err := os.WriteFile(os.Getenv("BPLINT_TEST_BLOCKED"), nil, 0o666); err != nil {
				return nil, err
			}
			for {
				time.Sleep(time.Hour)
			}
		}
		return nil, nil
	},
}

// TestSignalStopsEverything: SIGTERM to bplint's own PID (what a cancelled
// CI job or a supervising script sends) while go vet runs a vet tool stops
// the go command and every process it started, and leaves no temporary
// file: the process table holds none of the run's processes afterwards.
func TestSignalStopsEverything(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			writeModule(t, dir, map[string]string{
				"blocked/blocked.go": "package blocked\n\nfunc F() {}\n",
				"other/other.go":     "package other\n\nfunc G() {}\n",
			})
			tmp := t.TempDir() // TMPDIR of the run: go vet's work directory goes there
			blocked := filepath.Join(t.TempDir(), "blocked")
			mark := make([]byte, 8)
			_, err := rand.Read(mark)
			require.NoError(t, err)
			tag := "BPLINT_TEST_RUN=" + hex.EncodeToString(mark) // every process of the run inherits it

			cmd := testproc.Command(t, self(t), "./...")
			cmd.Dir = dir
			cmd.Env = testEnv("BPLINT_TEST_VETTOOL=block", "BPLINT_TEST_BLOCKED="+blocked, "TMPDIR="+tmp, tag)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			waitFor(t, func() bool { _, err := os.Stat(blocked); return err == nil }, "the vet tool to start on package blocked")
			require.NotEmpty(t, processes(t, tag), "the run's processes are in the process table")

			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			require.Error(t, err)
			assert.Equal(t, exitError, cmd.ProcessState.ExitCode(), "stderr: %s", stderr.String())
			assert.Contains(t, stderr.String(), "bplint: interrupted")

			assert.Empty(t, processes(t, tag), "no process of the run is left")
			left, err := os.ReadDir(tmp)
			require.NoError(t, err)
			assert.Empty(t, left, "no temporary file is left")
		})
	}
}

// processes lists the processes whose environment holds tag, from /proc.
func processes(t *testing.T, tag string) []string {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if strings.Trim(e.Name(), "0123456789") != "" {
			continue
		}
		env, err := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		if err != nil {
			continue // gone, or not ours to read
		}
		for _, kv := range bytes.Split(env, []byte{0}) {
			if string(kv) == tag {
				cmdline, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
				out = append(out, e.Name()+" "+string(bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})))
			}
		}
	}
	return out
}

// waitFor polls cond until it holds, failing the test if the test's
// context ends first.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-t.Context().Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-tick.C:
		}
	}
}
