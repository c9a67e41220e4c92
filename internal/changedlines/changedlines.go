// Package changedlines answers "which lines did this change add or
// modify?", from a unified diff or from git, so that pull-request review
// reports only the findings a change introduces.
package changedlines

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/bluekeyes/go-gitdiff/gitdiff"
)

// A Set holds the changed lines of each file, by absolute file name. A
// file with a nil line set is new as a whole.
type Set map[string]map[int]bool

// Contains reports whether line of the file (an absolute name) changed.
func (s Set) Contains(path string, line int) bool {
	lines, ok := s[canonical(path)]
	return ok && (lines == nil || lines[line])
}

// canonical resolves symbolic links, as git does for the top of the work
// tree, so that the names of both sides compare equal.
func canonical(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return filepath.Clean(path)
}

// Parse reads a unified diff (as git diff or diff -u print it) whose
// names, after the a/ and b/ prefixes, are relative to root. Added lines
// count as changed; deleted lines change nothing that remains.
func Parse(r io.Reader, root string) (Set, error) {
	files, _, err := gitdiff.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parsing the diff: %v", err)
	}
	s := make(Set)
	for _, f := range files {
		if f.IsDelete || f.NewName == "" {
			continue
		}
		name := f.NewName
		if !filepath.IsAbs(name) {
			name = filepath.Join(root, filepath.FromSlash(name))
		}
		name = canonical(name)
		lines := s[name]
		if lines == nil {
			lines = make(map[int]bool)
			s[name] = lines
		}
		for _, frag := range f.TextFragments {
			n := int(frag.NewPosition)
			for _, l := range frag.Lines {
				switch l.Op {
				case gitdiff.OpAdd:
					lines[n] = true
					n++
				case gitdiff.OpContext:
					n++
				}
			}
		}
	}
	return s, nil
}

// FromPatchFile reads the unified diff in the file name. Its paths are
// relative to the top of the git work tree that contains dir, or to dir
// when there is none.
func FromPatchFile(dir, name string) (Set, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("-new-from-patch: %v", err)
	}
	root := dir
	if top, err := git(dir, "rev-parse", "--show-toplevel"); err == nil {
		root = strings.TrimSpace(top)
	}
	s, err := Parse(bytes.NewReader(data), root)
	if err != nil {
		return nil, fmt.Errorf("-new-from-patch: %s: %v", name, err)
	}
	return s, nil
}

// FromRev returns the lines of the work tree that contains dir which
// changed since the git revision rev (committed, staged or not), and every
// line of the untracked files. A file renamed without changes has no
// changed lines.
func FromRev(dir, rev string) (Set, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %v", err)
	}
	root := strings.TrimSpace(top)
	diff, err := git(root, "diff", "--no-color", "--no-ext-diff", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", "-U0", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %v", err)
	}
	s, err := Parse(strings.NewReader(diff), root)
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %v", err)
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %v", err)
	}
	for _, name := range strings.Split(untracked, "\x00") {
		if name != "" {
			s[canonical(filepath.Join(root, filepath.FromSlash(name)))] = nil
		}
	}
	return s, nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}
