// Package testproc answers "how does a test start a program so that
// nothing it starts outlives the test?": the program runs in a process
// group of its own, bound to the test's context; when the context ends
// (the test finished or failed) the group is interrupted, waited for, and
// what is left of it killed. On Linux the kernel also interrupts the
// program if the test binary dies first (a -timeout panic).
package testproc

import (
	"os/exec"
	"testing"
	"time"
)

// Grace is how long an interrupted group has before it is killed.
const grace = 30 * time.Second

// Command returns a command for name bound to t: started in its own
// process group, interrupted (SIGINT to the group) when t's context is
// done, and killed with its group when t ends.
func Command(t testing.TB, name string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	ownGroup(cmd)
	cmd.Cancel = func() error { return interruptGroup(cmd) }
	cmd.WaitDelay = grace
	t.Cleanup(func() { killGroup(cmd) })
	return cmd
}
