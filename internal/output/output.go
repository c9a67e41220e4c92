// Package output answers "how are findings printed?": one writer per
// -format, all taking the same sorted, de-duplicated findings.
package output

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bplint/bplint/internal/finding"
)

// A Report is what a run produced, ready to be written in any format.
type Report struct {
	Tool     Tool
	Root     string            // absolute directory the findings' display paths are relative to
	Findings []finding.Finding // sorted and de-duplicated (finding.Normalize)
	Errors   []finding.Error   // packages that could not be analyzed

	// RuneColumn converts a byte column (go/token's) on a line of a
	// displayed file to a column in Unicode code points, for SARIF. Nil
	// leaves columns as they are, which is right for ASCII lines.
	RuneColumn func(file string, line, col int) int
}

// Tool describes bplint and its rules, for formats that carry metadata.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
	Rules          []Rule
}

// Rule is the documentation of one rule id.
type Rule struct {
	ID       string
	Analyzer string
	Summary  string // one lowercase sentence, no period
	Help     string // plain text: what it finds, bad and good code
	HelpURI  string
}

// Formats lists the values of -format.
var Formats = []string{"text", "json", "sarif", "github", "rdjsonl"}

// Write writes r to w in format.
func Write(w io.Writer, format string, r Report) error {
	switch format {
	case "text":
		return Text(w, r)
	case "json":
		return JSON(w, r)
	case "sarif":
		return SARIF(w, r)
	case "github":
		return GitHub(w, r)
	case "rdjsonl":
		return RDJSONL(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Valid reports whether format is one of Formats.
func Valid(format string) bool { return slices.Contains(Formats, format) }

// Text prints path:line:col: message (rule), one finding a line.
func Text(w io.Writer, r Report) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", f.File, f.Line, f.Col, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}
