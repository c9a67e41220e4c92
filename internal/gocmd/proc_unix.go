//go:build unix

package gocmd

import (
	"os"
	"os/exec"
	"syscall"
	"time"
)

func ownGroup(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	parentDeathSignal(cmd.SysProcAttr)
}

// interruptGroup sends SIGINT to the process group p leads.
func interruptGroup(p *os.Process) { _ = syscall.Kill(-p.Pid, syscall.SIGINT) }

// killGroup kills what is left of the process group p led, if anything,
// and waits a little for the kernel to end it (a zombie whose new parent
// does not reap it stays a member, so the wait is bounded).
func killGroup(p *os.Process) {
	if syscall.Kill(-p.Pid, 0) != nil {
		return
	}
	_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
	for i := 0; i < 20 && syscall.Kill(-p.Pid, 0) == nil; i++ {
		time.Sleep(5 * time.Millisecond)
	}
}
