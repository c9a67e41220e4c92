//go:build unix

package testproc

import (
	"os/exec"
	"syscall"
	"time"
)

func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	parentDeathSignal(cmd.SysProcAttr)
}

func interruptGroup(cmd *exec.Cmd) error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }

// killGroup kills what is left of the group cmd led, reaps the leader if
// the test did not, and waits (a bounded while) until the group is empty.
// A group id is not reused while the group has members, so a group found
// alive is ours.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	pgid := cmd.Process.Pid
	if syscall.Kill(-pgid, 0) == nil {
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
	}
	if cmd.ProcessState == nil {
		_ = cmd.Wait()
	}
	for deadline := time.Now().Add(grace); time.Now().Before(deadline) && syscall.Kill(-pgid, 0) == nil; {
		time.Sleep(10 * time.Millisecond)
	}
}
