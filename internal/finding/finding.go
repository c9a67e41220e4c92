// Package finding answers "what did a bplint run find?": diagnostics with
// their positions resolved, in the one sorted, de-duplicated order every
// output format, the baseline and the changed-lines filter share.
package finding

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// A Finding is one diagnostic, with positions resolved.
type Finding struct {
	Package  string // ID of the first package (in sorted order) that reported it
	Analyzer string
	Rule     string // Diagnostic.Category: a rule id, or "directive"
	Message  string
	URL      string // help page of the rule
	Path     string // absolute file name
	File     string // as displayed: relative to the working directory when below it
	Line     int    // 1-based
	Col      int    // 1-based, in bytes
	EndLine  int
	EndCol   int
	Source   string // the text of line Line, trimmed of surrounding space
	Related  []Related
	Fixes    []Fix
}

// Related is a secondary position that explains a finding.
type Related struct {
	Path            string // absolute file name
	File            string // as displayed
	Line, Col       int
	EndLine, EndCol int
	Message         string
}

// A Fix is a suggested fix: edits that together resolve the finding.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the bytes [Start, End) of a file with New.
type Edit struct {
	Path       string // absolute file name
	File       string // as displayed
	Start, End int    // byte offsets
	// The same range as lines and columns (1-based, columns in bytes).
	StartLine, StartCol int
	EndLine, EndCol     int
	New                 string
}

// An Error is a package that could not be loaded, type-checked or analyzed.
type Error struct {
	Package  string // package path
	Analyzer string // empty for load and type errors
	Err      string
}

func (e Error) String() string {
	if e.Package == "" { // the go command's own failure
		return e.Err
	}
	if e.Analyzer == "" {
		return fmt.Sprintf("%s: %s", e.Package, e.Err)
	}
	return fmt.Sprintf("%s: %s: %s", e.Package, e.Analyzer, e.Err)
}

// Compare orders findings by file, line, column, rule and message, then by
// the package that reported them.
func Compare(a, b Finding) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Message, b.Message),
		strings.Compare(a.Package, b.Package),
	)
}

// Normalize sorts fs and drops duplicates (the same diagnostic reported for
// a package and for its test variant), keeping the first package in order.
func Normalize(fs []Finding) []Finding {
	slices.SortFunc(fs, Compare)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Rule == b.Rule && a.Message == b.Message
	})
}

// LineHash identifies the code a finding is on, independent of its line
// number: a hash of the trimmed source line.
func LineHash(source string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(source)))
	return hex.EncodeToString(sum[:8])
}

// Fingerprints returns for each finding of the sorted list fs a value that
// stays the same when unrelated lines move: a hash of the rule, the file,
// the trimmed source line and the occurrence index of that triple in fs (so
// two identical lines in one file get different fingerprints).
func Fingerprints(fs []Finding) []string {
	seen := make(map[string]int)
	out := make([]string, len(fs))
	for i, f := range fs {
		key := f.Rule + "\x00" + f.File + "\x00" + strings.TrimSpace(f.Source)
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}
