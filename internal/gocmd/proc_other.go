//go:build !unix

package gocmd

import (
	"os"
	"os/exec"
)

// Without process groups, the go command itself is killed; what it
// started may outlive it.
func ownGroup(*exec.Cmd) {}

func interruptGroup(p *os.Process) { _ = p.Kill() }

func killGroup(*os.Process) {}
