//go:build unix && !linux

package gocmd

import "syscall"

func parentDeathSignal(*syscall.SysProcAttr) {}
