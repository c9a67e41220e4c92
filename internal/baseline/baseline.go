// Package baseline answers "which findings were already there?": a file
// records the findings of a run, and later runs hide the ones it records.
//
// Entries match by file, rule and a hash of the trimmed source line, never
// by line number, so edits elsewhere in a file do not resurface old
// findings. Each entry hides one finding (two identical lines with the same
// finding need two entries). The line an entry was recorded on only
// chooses among identical lines: when there are more findings than
// entries, the entries hide the findings nearest to their recorded lines,
// so a copy of an old line added elsewhere is the one reported, not the
// old one. (A copy added right next to the old line is as near as the old
// line moved: either may be reported.)
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bplint/bplint/internal/finding"
)

// version is the format of the file.
const version = 1

// A Baseline is the content of a baseline file.
type Baseline struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`

	dir string // absolute directory of the file: entries' paths are relative to it
}

// An Entry records one finding.
type Entry struct {
	File        string `json:"file"` // slash-separated, relative to the baseline file's directory
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"` // finding.LineHash of the source line
	Code        string `json:"code"`        // the trimmed source line, for readers
	Line        int    `json:"line"`        // where it was recorded: breaks ties between identical lines
	Message     string `json:"message"`     // for readers; not matched
}

func compare(a, b Entry) int {
	return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Code, b.Code), strings.Compare(a.Fingerprint, b.Fingerprint), cmp.Compare(a.Line, b.Line), strings.Compare(a.Message, b.Message))
}

// Write records fs in the file name, sorted so that unrelated edits change
// nothing in it.
func Write(name string, fs []finding.Finding) error {
	dir, err := absDir(name)
	if err != nil {
		return err
	}
	b := Baseline{Version: version, Findings: []Entry{}}
	for _, f := range fs {
		b.Findings = append(b.Findings, Entry{
			File:        relative(dir, f.Path),
			Rule:        f.Rule,
			Fingerprint: finding.LineHash(f.Source),
			Code:        f.Source,
			Line:        f.Line,
			Message:     f.Message,
		})
	}
	slices.SortFunc(b.Findings, compare)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o666)
}

// Read reads the baseline file name.
func Read(name string) (*Baseline, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if b.Version != version {
		return nil, fmt.Errorf("%s: unsupported version %d (want %d)", name, b.Version, version)
	}
	if b.dir, err = absDir(name); err != nil {
		return nil, err
	}
	return &b, nil
}

// Filter returns the findings of fs that b does not record, in their
// order, and how many it hid.
func (b *Baseline) Filter(fs []finding.Finding) ([]finding.Finding, int) {
	type key struct{ file, rule, fingerprint string }
	entries := make(map[key][]int) // recorded lines
	for _, e := range b.Findings {
		k := key{e.File, e.Rule, e.Fingerprint}
		entries[k] = append(entries[k], e.Line)
	}
	found := make(map[key][]int) // indexes into fs
	for i, f := range fs {
		k := key{relative(b.dir, f.Path), f.Rule, finding.LineHash(f.Source)}
		found[k] = append(found[k], i)
	}
	hide := make(map[int]bool)
	for k, idx := range found {
		for _, i := range nearest(entries[k], idx, func(i int) int { return fs[i].Line }) {
			hide[i] = true
		}
	}
	var kept []finding.Finding
	for i, f := range fs {
		if !hide[i] {
			kept = append(kept, f)
		}
	}
	return kept, len(hide)
}

// nearest pairs each recorded line with a distinct finding (of idx, whose
// lines line gives), the closest pairs first, and returns the findings
// paired. With as many entries as findings or more, that is all of them.
func nearest(recorded, idx []int, line func(int) int) []int {
	if len(recorded) >= len(idx) {
		return idx
	}
	type pair struct{ dist, e, f int }
	var pairs []pair
	for e, r := range recorded {
		for f, i := range idx {
			d := line(i) - r
			if d < 0 {
				d = -d
			}
			pairs = append(pairs, pair{d, e, f})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.e, b.e), cmp.Compare(a.f, b.f))
	})
	usedE := make(map[int]bool)
	usedF := make(map[int]bool)
	var out []int
	for _, p := range pairs {
		if usedE[p.e] || usedF[p.f] {
			continue
		}
		usedE[p.e], usedF[p.f] = true, true
		out = append(out, idx[p.f])
	}
	return out
}

func absDir(name string) (string, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// relative returns path relative to dir, slash-separated, or path itself
// when it is not below dir.
func relative(dir, path string) string {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}
