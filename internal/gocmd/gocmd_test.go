//go:build linux

package gocmd

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunPassesOutputAndStatus(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, Cmd{Name: "sh", Args: []string{"-c", "echo $GOTMPDIR"}, Stdout: &out}.Run(t.Context()))
	tmp := strings.TrimSpace(out.String())
	assert.Contains(t, filepath.Base(tmp), "bplint-go-", "a GOTMPDIR of its own")
	_, err := os.Stat(tmp)
	assert.True(t, os.IsNotExist(err), "removed when the command is done")

	err = Cmd{Name: "sh", Args: []string{"-c", "exit 3"}}.Run(t.Context())
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 3, exit.ExitCode())
}

// gone reports whether the process pid has ended: it no longer exists, or
// is a zombie its new parent has not reaped yet.
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

// TestCancelStopsTheGroup: cancelling the context interrupts the command
// and what it started (here a shell and a sleep it started in the
// background, which ignores SIGINT as such commands do), waits, kills
// what ignored the interrupt, and removes the temporary directory.
func TestCancelStopsTheGroup(t *testing.T) {
	dir := t.TempDir()
	pids := filepath.Join(dir, "pids")
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- Cmd{Name: "sh", Args: []string{"-c", `echo $GOTMPDIR > "$1.dir"; sleep 1000 & echo $! > "$1.tmp"; echo $$ >> "$1.tmp"; mv "$1.tmp" "$1"; wait`, "sh", pids}}.Run(ctx)
	}()
	// The script writes $1.dir before $1, which the test waits for.
	var data []byte
	for data == nil {
		select {
		case err := <-done:
			t.Fatalf("the command ended early: %v", err)
		case <-time.After(10 * time.Millisecond):
			data, _ = os.ReadFile(pids)
		}
	}
	cancel()
	err := <-done
	var stopped *ErrInterrupted
	require.ErrorAs(t, err, &stopped)
	assert.True(t, errors.Is(err, context.Canceled))
	for _, f := range strings.Fields(string(data)) {
		pid, err := strconv.Atoi(f)
		require.NoError(t, err)
		// SIGKILL is delivered at once, but the kernel ends the process
		// asynchronously: wait for it, boundedly.
		assert.Eventually(t, func() bool { return gone(pid) }, 10*time.Second, 10*time.Millisecond, "process %d of the group is gone", pid)
	}
	tmp, err := os.ReadFile(pids + ".dir")
	require.NoError(t, err)
	_, err = os.Stat(strings.TrimSpace(string(tmp)))
	assert.True(t, os.IsNotExist(err), "the temporary directory is removed")
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := Cmd{Name: "sh", Args: []string{"-c", "true"}}.Run(ctx)
	var stopped *ErrInterrupted
	assert.ErrorAs(t, err, &stopped)
}
