// Package applyfix answers "what do the files look like with the suggested
// fixes applied?", for -fix (write them) and -diff (print a unified diff).
package applyfix

import (
	"cmp"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/bplint/bplint/internal/finding"
)

// A Plan is the result of applying the fixes of a list of findings.
type Plan struct {
	Applied int      // fixes taken
	Changes []Change // sorted by file
	Skipped []string // fixes left out, and why
}

// A Change is the new content of one file.
type Change struct {
	Path     string // absolute
	File     string // as displayed
	Old, New []byte
}

type edit struct {
	path       string
	start, end int
	text       string
}

// Apply applies the first suggested fix of each finding (the others are
// alternatives to it). A fix whose edits overlap an edit already taken is
// left out whole; an edit identical to one already taken (the same fix
// reported twice) is applied once. Each changed file is gofmt-ed.
func Apply(fs []finding.Finding) (*Plan, error) {
	p := &Plan{}
	taken := make(map[string][]edit) // by absolute file
	display := make(map[string]string)
	for _, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		fx := f.Fixes[0]
		var add []edit
		ok := true
		for _, e := range fx.Edits {
			display[e.Path] = e.File
			ed := edit{e.Path, e.Start, e.End, e.New}
			if slices.Contains(taken[e.Path], ed) || slices.Contains(add, ed) {
				continue
			}
			if overlaps(taken[e.Path], ed) {
				ok = false
				break
			}
			add = append(add, ed)
		}
		if !ok {
			p.Skipped = append(p.Skipped, fmt.Sprintf("%s:%d:%d: fix %q skipped: it overlaps another fix", f.File, f.Line, f.Col, fx.Message))
			continue
		}
		for _, e := range fx.Edits {
			ed := edit{e.Path, e.Start, e.End, e.New}
			if slices.Contains(add, ed) && !slices.Contains(taken[e.Path], ed) {
				taken[e.Path] = append(taken[e.Path], ed)
			}
		}
		if len(add) > 0 {
			p.Applied++
		}
	}
	paths := make([]string, 0, len(taken))
	for path := range taken {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		old, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		edits := taken[path]
		slices.SortFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
		var b strings.Builder
		last := 0
		for _, e := range edits {
			if e.end > len(old) || e.start < last {
				return nil, fmt.Errorf("%s: a fix edits beyond the file or out of order; was it changed since it was analyzed?", display[path])
			}
			b.Write(old[last:e.start])
			b.WriteString(e.text)
			last = e.end
		}
		b.Write(old[last:])
		out := []byte(b.String())
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		} else {
			p.Skipped = append(p.Skipped, fmt.Sprintf("%s: the fixed file does not gofmt (%v); left as the fixes wrote it", display[path], err))
		}
		p.Changes = append(p.Changes, Change{Path: path, File: display[path], Old: old, New: out})
	}
	return p, nil
}

// overlaps reports whether e overlaps one of edits. Two insertions at the
// same offset overlap: their order would be arbitrary.
func overlaps(edits []edit, e edit) bool {
	for _, o := range edits {
		if e.start < o.end && o.start < e.end || e.start == o.start && (e.start == e.end || o.start == o.end) {
			return true
		}
	}
	return false
}

// Diff returns the changes as a unified diff that patch -p1 applies in the
// directory root. Names outside root stay absolute.
func (p *Plan) Diff(root string) string {
	var b strings.Builder
	for _, c := range p.Changes {
		name := filepath.ToSlash(c.File)
		if rel, err := filepath.Rel(root, c.Path); err == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.ToSlash(rel)
		}
		text, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A:        lines(c.Old),
			B:        lines(c.New),
			FromFile: "a/" + name,
			ToFile:   "b/" + name,
			Context:  3,
		})
		b.WriteString(text)
	}
	return b.String()
}

// lines splits data after each newline, keeping them.
func lines(data []byte) []string {
	ls := strings.SplitAfter(string(data), "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}
