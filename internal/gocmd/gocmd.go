// Package gocmd answers "how does bplint run the go command so that a
// signal stops it and everything it started?": each go command runs in a
// process group of its own, and when the context is cancelled (bplint got
// SIGINT or SIGTERM) the whole group is interrupted and waited for.
//
// The group gets SIGINT whatever bplint received (the compilers and vet
// tools in it stop on either). go vet and go list do not catch signals, so
// a signal ends them before they remove their work directory: each go
// command gets a GOTMPDIR of its own, which Run removes when the group has
// exited, so no temporary file is left behind.
package gocmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// Grace is how long a group has to exit after the interrupt before it is
// killed.
var Grace = 30 * time.Second

// A Cmd is one go command.
type Cmd struct {
	Dir    string    // working directory; "" for the current one
	Env    []string  // nil for the current environment
	Args   []string  // after "go"
	Stdout io.Writer // nil discards
	Stderr io.Writer // nil discards
	Name   string    // the program to run; "go" if empty
}

// ErrInterrupted wraps the context's error when the command was stopped
// because the context was cancelled.
type ErrInterrupted struct{ Cause error }

func (e *ErrInterrupted) Error() string { return fmt.Sprintf("interrupted: %v", e.Cause) }
func (e *ErrInterrupted) Unwrap() error { return e.Cause }

// Run runs c and waits for it. If ctx is cancelled first, the process group
// is interrupted, waited for (killed after Grace), and Run returns an
// *ErrInterrupted. Otherwise it returns what exec.Cmd.Wait returned (an
// *exec.ExitError for a non-zero exit status).
func (c Cmd) Run(ctx context.Context) error {
	name := c.Name
	if name == "" {
		name = "go"
	}
	if err := ctx.Err(); err != nil {
		return &ErrInterrupted{err}
	}
	tmp, err := os.MkdirTemp(os.Getenv("GOTMPDIR"), "bplint-go-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command(name, c.Args...)
	cmd.Dir = c.Dir
	cmd.Env = c.Env
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, "GOTMPDIR="+tmp)
	cmd.Stdout = c.Stdout
	cmd.Stderr = c.Stderr
	// A grandchild that outlives the group's interrupt must not keep Wait
	// waiting for the pipes forever.
	cmd.WaitDelay = Grace
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		select {
		case <-exited:
		case <-ctx.Done():
			interruptGroup(cmd.Process)
			select {
			case <-exited:
			case <-time.After(Grace):
				killGroup(cmd.Process)
			}
		}
	}()
	err = cmd.Wait()
	close(exited)
	<-stopped
	// A member of the group that ignored the interrupt, or one started as
	// the go command exited, is still ours: the group id cannot be reused
	// while the group has members.
	killGroup(cmd.Process)
	if ctx.Err() != nil {
		return &ErrInterrupted{ctx.Err()}
	}
	return err
}
