//go:build unix && !linux

package testproc

import "syscall"

func parentDeathSignal(*syscall.SysProcAttr) {}
