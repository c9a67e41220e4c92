package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/bplint/bplint/internal/finding"
	"github.com/bplint/bplint/internal/gocmd"
)

// A listed package is one entry of go list -e -json -test.
type listed struct {
	ImportPath   string
	Name         string
	Dir          string
	ForTest      string
	Error        *listError
	DepsErrors   []*listError
	GoFiles      []string
	CgoFiles     []string
	TestGoFiles  []string
	XTestGoFiles []string
	Deps         []string
}

type listError struct {
	ImportStack []string
	Pos         string
	Err         string
}

// A pkg is a package named by the patterns, with what go list said about
// it and its test variants.
type pkg struct {
	listed
	loadErrs []string // load errors of the package or its test variants
}

// vetIDs returns the IDs go vet analyzes the package under (as
// cmd/go/internal/vet does, and the vet config's ID is the import path):
// the package with its internal tests, p, when it has any Go file; and
// the external test package p_test when it has one. go vet runs no tool on
// the standard library's fake packages, unsafe and builtin (nothing is
// built for them): they have none, and are not failures.
func (p pkg) vetIDs() []string {
	if p.ImportPath == "unsafe" || p.ImportPath == "builtin" {
		return nil
	}
	var ids []string
	if len(p.GoFiles)+len(p.CgoFiles)+len(p.TestGoFiles) > 0 {
		ids = append(ids, p.ImportPath)
	}
	if len(p.XTestGoFiles) > 0 {
		ids = append(ids, p.ImportPath+"_test")
	}
	return ids
}

// listFields are the fields bplint reads. The embed fields are asked for
// only so that go list resolves //go:embed patterns and reports a pattern
// that matches no file as the package's error: with -json=fields it skips
// that work unless they are named, and go vet, given such a package,
// refuses to run for any.
const listFields = "ImportPath,Name,Dir,ForTest,Error,DepsErrors,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Deps,EmbedFiles,TestEmbedFiles,XTestEmbedFiles"

// list runs go list -e -json -test on the patterns and returns the
// packages they name. Whether a package loads is read from the JSON (its
// Error and DepsErrors, and those of its test variants), never from the
// go command's messages, which are passed on to stderr as they come
// (module downloads on a fresh machine, "go: found ..." with -mod=mod,
// "matched no packages" warnings).
func list(ctx context.Context, patterns []string, o options) ([]*pkg, error) {
	args := []string{"list", "-e", "-test", "-json=" + listFields}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	args = append(args, "--")
	args = append(args, patterns...)
	o.logf("go %s", strings.Join(args, " "))
	var stdout, stderr bytes.Buffer
	err := gocmd.Cmd{Args: args, Stdout: &stdout, Stderr: io.MultiWriter(o.stderr, &stderr)}.Run(ctx)
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		// go list -e fails only when it cannot list at all (a malformed
		// go.mod, say); it said why above.
		return nil, fmt.Errorf("go list failed (%v)", exit)
	} else if err != nil {
		return nil, err
	}
	var all []*listed
	dec := json.NewDecoder(&stdout)
	for {
		var l listed
		if err := dec.Decode(&l); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading go list -json: %v", err)
		}
		all = append(all, &l)
	}
	var pkgs []*pkg
	byPath := make(map[string]*pkg)
	for _, l := range all {
		if l.ForTest == "" && !strings.HasSuffix(l.ImportPath, ".test") {
			p := &pkg{listed: *l}
			pkgs = append(pkgs, p)
			byPath[l.ImportPath] = p
		}
	}
	for _, l := range all {
		owner := byPath[l.ImportPath]
		if owner == nil {
			owner = byPath[l.ForTest]
		}
		if owner == nil && strings.HasSuffix(l.ImportPath, ".test") && l.Name == "main" {
			owner = byPath[strings.TrimSuffix(l.ImportPath, ".test")]
		}
		if owner == nil {
			continue
		}
		for _, e := range append([]*listError{l.Error}, l.DepsErrors...) {
			if e != nil && !containsString(owner.loadErrs, e.text()) {
				owner.loadErrs = append(owner.loadErrs, e.text())
			}
		}
	}
	return pkgs, nil
}

func (e *listError) text() string {
	msg := strings.TrimSpace(e.Err)
	// A compile error go list found with -export starts with the package
	// header; the package is named apart.
	if strings.HasPrefix(msg, "# ") {
		if _, rest, ok := strings.Cut(msg, "\n"); ok {
			msg = rest
		}
	}
	if e.Pos != "" && !strings.HasPrefix(msg, e.Pos) {
		msg = relativePos(e.Pos) + ": " + msg
	}
	return msg
}

// relativePos shortens an absolute position below the working directory.
func relativePos(pos string) string {
	wd, err := os.Getwd()
	if err != nil {
		return pos
	}
	return strings.TrimPrefix(pos, wd+string(os.PathSeparator))
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// loadFailures returns the errors of the packages that do not load.
func loadFailures(pkgs []*pkg) []finding.Error {
	var out []finding.Error
	for _, p := range pkgs {
		for _, e := range p.loadErrs {
			out = append(out, finding.Error{Package: p.ImportPath, Err: e})
		}
	}
	return out
}
