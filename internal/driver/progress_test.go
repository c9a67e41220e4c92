//go:build linux

package driver

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/bplint/bplint/internal/testproc"
)

// openPTY opens a pseudo-terminal: the controlling side and the terminal.
func openPTY(t *testing.T) (*os.File, *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { ptm.Close() })
	require.NoError(t, unix.IoctlSetPointerInt(int(ptm.Fd()), unix.TIOCSPTLCK, 0))
	n, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPTN)
	require.NoError(t, err)
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { pts.Close() })
	return ptm, pts
}

// TestProgressOnTerminal: with stderr a terminal, bplint shows how many
// packages of how many it has analyzed, then clears the line; stdout (a
// pipe) gets only the findings. TestFindingsText shows that nothing extra
// is printed when stderr is not a terminal.
func TestProgressOnTerminal(t *testing.T) {
	ptm, pts := openPTY(t)
	cmd := testproc.Command(t, self(t), "./...")
	cmd.Dir = testdataDir("findings")
	cmd.Env = testEnv()
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, pts
	require.NoError(t, cmd.Start())
	pts.Close() // the child has its own copy; EOF on ptm when it exits
	var screen bytes.Buffer
	_, _ = io.Copy(&screen, ptm) // ends with EIO once the terminal is closed
	err := cmd.Wait()
	require.Error(t, err)
	assert.Equal(t, exitFindings, cmd.ProcessState.ExitCode())
	assert.Contains(t, screen.String(), "bplint: 0/1 packages analyzed")
	assert.Contains(t, screen.String(), "\rbplint: 1/1 packages analyzed")
	assert.Contains(t, screen.String(), "\r\x1b[K", "the progress line is cleared")
	assert.Contains(t, screen.String(), "bplint: 3 findings in 1 file")
	assert.Len(t, lines(t, stdout.String()), 3, "stdout has the findings only")
}
