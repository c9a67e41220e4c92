//go:build linux

package testproc

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNothingOutlivesTheTest: a program a subtest started and left
// running, with a child of its own, is gone when the subtest ends.
func TestNothingOutlivesTheTest(t *testing.T) {
	pids := filepath.Join(t.TempDir(), "pids")
	t.Run("starts and leaves", func(t *testing.T) {
		cmd := Command(t, "sh", "-c", `sleep 1000 & echo $! $$ > "$1.tmp" && mv "$1.tmp" "$1"; wait`, "sh", pids)
		require.NoError(t, cmd.Start())
		for {
			if _, err := os.Stat(pids); err == nil {
				break
			}
			select {
			case <-t.Context().Done():
				t.Fatal("the program did not start")
			case <-time.After(10 * time.Millisecond):
			}
		}
	})
	data, err := os.ReadFile(pids)
	require.NoError(t, err)
	for _, f := range strings.Fields(string(data)) {
		pid, err := strconv.Atoi(f)
		require.NoError(t, err)
		assert.True(t, gone(pid), "process %d is gone", pid)
	}
}

// gone reports whether pid has ended (or is a zombie not yet reaped).
func gone(pid int) bool {
	if syscall.Kill(pid, 0) == syscall.ESRCH {
		return true
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	_, after, _ := strings.Cut(string(stat), ") ")
	return strings.HasPrefix(after, "Z")
}
