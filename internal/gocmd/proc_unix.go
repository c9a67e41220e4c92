//go:build unix

package gocmd

import (
	"os"
	"os/exec"
	"syscall"
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

// killGroup kills what is left of the process group p led, if anything.
func killGroup(p *os.Process) {
	if syscall.Kill(-p.Pid, 0) == nil {
		_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
	}
}
