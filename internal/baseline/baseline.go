// Package baseline answers "which findings were already there?": a file
// records the findings of a run, and later runs hide the ones it records.
//
// Entries match by file, rule and a hash of the trimmed source line, never
// by line number, so edits elsewhere in a file do not resurface old
// findings. Each entry hides one finding (two identical lines with the same
// finding need two entries).
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
	Message     string `json:"message"`     // for readers; not matched
}

func compare(a, b Entry) int {
	return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Code, b.Code), strings.Compare(a.Fingerprint, b.Fingerprint), strings.Compare(a.Message, b.Message))
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

// Filter returns the findings of fs that b does not record, and how many
// it hid.
func (b *Baseline) Filter(fs []finding.Finding) ([]finding.Finding, int) {
	type key struct{ file, rule, fingerprint string }
	left := make(map[key]int)
	for _, e := range b.Findings {
		left[key{e.File, e.Rule, e.Fingerprint}]++
	}
	var kept []finding.Finding
	hidden := 0
	for _, f := range fs {
		k := key{relative(b.dir, f.Path), f.Rule, finding.LineHash(f.Source)}
		if left[k] > 0 {
			left[k]--
			hidden++
			continue
		}
		kept = append(kept, f)
	}
	return kept, hidden
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
