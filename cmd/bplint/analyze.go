package main

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A finding is one diagnostic, with positions resolved, ready for any
// output format.
type finding struct {
	Package  string // ID of the first package (in sorted order) that reported it
	Analyzer string
	Rule     string
	Message  string
	File     string // as displayed: relative to the working directory when below it
	Line     int
	Col      int
	EndLine  int
	EndCol   int
	Related  []related
	Fixes    []suggestedFix
}

type related struct {
	File            string
	Line, Col       int
	EndLine, EndCol int
	Message         string
}

type suggestedFix struct {
	Message string
	Edits   []textEdit
}

type textEdit struct {
	File       string // absolute
	Start, End int    // byte offsets
	New        string
}

// An analysisError is a package that could not be analyzed.
type analysisError struct {
	Package  string
	Analyzer string // empty for load and type errors
	Err      string
}

func (e analysisError) String() string {
	if e.Analyzer == "" {
		return fmt.Sprintf("%s: %s", e.Package, e.Err)
	}
	return fmt.Sprintf("%s: %s: %s", e.Package, e.Analyzer, e.Err)
}

type result struct {
	findings []finding
	errors   []analysisError
}

// analyze loads the packages matching patterns in dir (the working
// directory if empty) and runs the analyzers on them.
func analyze(dir string, patterns []string, o options, as []*analysis.Analyzer) (*result, error) {
	conf := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: o.tests,
		Dir:   dir,
	}
	if o.tags != "" {
		conf.BuildFlags = []string{"-tags=" + o.tags}
	}
	pkgs, err := packages.Load(conf, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	res := &result{}
	broken := make(map[string]bool) // package IDs with load or type errors
	seenErr := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			broken[p.ID] = true
			key := p.PkgPath + "\x00" + e.Error()
			if seenErr[key] {
				continue // the same file fails in p and in p's test variant
			}
			seenErr[key] = true
			res.errors = append(res.errors, analysisError{Package: p.PkgPath, Err: e.Error()})
		}
	})

	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		return nil, err
	}
	for act := range graph.All() {
		// A dependency's failure makes every action above it fail with
		// "failed prerequisites": report the cause once, not the echo.
		if act.Err == nil || broken[act.Package.ID] || strings.HasPrefix(act.Err.Error(), "failed prerequisites") {
			continue
		}
		res.errors = append(res.errors, analysisError{Package: act.Package.PkgPath, Analyzer: act.Analyzer.Name, Err: act.Err.Error()})
	}
	cwd := dir
	if cwd == "" {
		cwd, _ = os.Getwd()
	}
	cwd, _ = filepath.Abs(cwd)
	seen := make(map[string]bool)
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			f := newFinding(act, d, cwd)
			key := fmt.Sprintf("%s:%d:%d:%s:%s", f.File, f.Line, f.Col, f.Rule, f.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			res.findings = append(res.findings, f)
		}
	}
	sortFindings(res.findings)
	slices.SortFunc(res.errors, func(a, b analysisError) int { return strings.Compare(a.String(), b.String()) })
	res.errors = slices.CompactFunc(res.errors, func(a, b analysisError) bool { return a.String() == b.String() })
	return res, nil
}

// sortFindings orders by position, then rule and message, and keeps for a
// duplicate the package that sorts first, so output is deterministic.
func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		switch {
		case a.File != b.File:
			return strings.Compare(a.File, b.File)
		case a.Line != b.Line:
			return a.Line - b.Line
		case a.Col != b.Col:
			return a.Col - b.Col
		case a.Rule != b.Rule:
			return strings.Compare(a.Rule, b.Rule)
		case a.Message != b.Message:
			return strings.Compare(a.Message, b.Message)
		}
		return strings.Compare(a.Package, b.Package)
	})
}

func newFinding(act *checker.Action, d analysis.Diagnostic, cwd string) finding {
	fset := act.Package.Fset
	start := fset.Position(d.Pos)
	end := start
	if d.End.IsValid() {
		end = fset.Position(d.End)
	}
	f := finding{
		Package:  act.Package.ID,
		Analyzer: act.Analyzer.Name,
		Rule:     d.Category,
		Message:  d.Message,
		File:     display(start.Filename, cwd),
		Line:     start.Line,
		Col:      start.Column,
		EndLine:  end.Line,
		EndCol:   end.Column,
	}
	for _, r := range d.Related {
		rs := fset.Position(r.Pos)
		re := rs
		if r.End.IsValid() {
			re = fset.Position(r.End)
		}
		f.Related = append(f.Related, related{File: display(rs.Filename, cwd), Line: rs.Line, Col: rs.Column, EndLine: re.Line, EndCol: re.Column, Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := suggestedFix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fix.Edits = append(fix.Edits, newEdit(fset, e))
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

func newEdit(fset *token.FileSet, e analysis.TextEdit) textEdit {
	file := fset.File(e.Pos)
	end := e.End
	if !end.IsValid() {
		end = e.Pos
	}
	return textEdit{File: file.Name(), Start: file.Offset(e.Pos), End: file.Offset(end), New: string(e.NewText)}
}

// display returns name relative to cwd when it lies below it.
func display(name, cwd string) string {
	if cwd == "" || !filepath.IsAbs(name) {
		return name
	}
	rel, err := filepath.Rel(cwd, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return rel
}
