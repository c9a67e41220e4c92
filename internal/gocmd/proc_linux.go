package gocmd

import "syscall"

// parentDeathSignal makes the kernel interrupt the go command if bplint
// dies without forwarding a signal (SIGKILL): the go command then stops
// its tools and exits instead of running on with no parent.
func parentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGINT }
