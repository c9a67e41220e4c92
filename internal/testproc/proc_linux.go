package testproc

import "syscall"

func parentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGINT }
