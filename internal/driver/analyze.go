package main

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/bplint/bplint/internal/finding"
	"github.com/bplint/bplint/internal/rules"
)

type result struct {
	root     string  // absolute directory display paths are relative to
	src      sources // the analyzed files' contents, read as needed
	findings []finding.Finding
	errors   []finding.Error
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
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			broken[p.ID] = true
			res.errors = append(res.errors, finding.Error{Package: p.PkgPath, Err: e.Error()})
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
		res.errors = append(res.errors, finding.Error{Package: act.Package.PkgPath, Analyzer: act.Analyzer.Name, Err: act.Err.Error()})
	}
	res.root = dir
	if res.root == "" {
		res.root, _ = os.Getwd()
	}
	res.root, _ = filepath.Abs(res.root)
	src := sources{}
	res.src = src
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			res.findings = append(res.findings, newFinding(act, d, res.root, src))
		}
	}
	res.findings = finding.Normalize(res.findings)
	// The same file fails in p and in its test variant: report it once.
	slices.SortFunc(res.errors, func(a, b finding.Error) int { return strings.Compare(a.String(), b.String()) })
	res.errors = slices.Compact(res.errors)
	return res, nil
}

// sources caches file contents, to give each finding the text of its line.
type sources map[string][]byte

func (s sources) line(name string, line int) string {
	return strings.TrimSpace(string(s.raw(name, line)))
}

// runeColumn converts the byte column col of a line to a column in Unicode
// code points, as SARIF wants them. name is absolute or relative to root.
func (s sources) runeColumn(root, name string, line, col int) int {
	if !filepath.IsAbs(name) {
		name = filepath.Join(root, name)
	}
	text := s.raw(name, line)
	if col < 1 || col-1 > len(text) {
		return col
	}
	return utf8.RuneCount(text[:col-1]) + 1
}

// raw returns the text of a line of the file name, without its newline.
func (s sources) raw(name string, line int) []byte {
	data, ok := s[name]
	if !ok {
		data, _ = os.ReadFile(name) // a missing file only loses the line text
		s[name] = data
	}
	for i := 1; i < line && len(data) > 0; i++ {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			return nil
		}
		data = data[nl+1:]
	}
	if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
		data = data[:nl]
	}
	return bytes.TrimSuffix(data, []byte("\r"))
}

func newFinding(act *checker.Action, d analysis.Diagnostic, root string, src sources) finding.Finding {
	fset := act.Package.Fset
	start := fset.Position(d.Pos)
	end := start
	if d.End.IsValid() {
		end = fset.Position(d.End)
	}
	// A rule's own page, not the analyzer's URL#category that go/analysis
	// fills in when a diagnostic has no URL (docs/ has a page per rule).
	url := d.URL
	if _, ok := rules.Lookup(d.Category); ok {
		url = rules.DocURL(d.Category)
	}
	f := finding.Finding{
		Package:  act.Package.ID,
		Analyzer: act.Analyzer.Name,
		Rule:     d.Category,
		Message:  d.Message,
		URL:      url,
		Path:     start.Filename,
		File:     display(start.Filename, root),
		Line:     start.Line,
		Col:      start.Column,
		EndLine:  end.Line,
		EndCol:   end.Column,
		Source:   src.line(start.Filename, start.Line),
	}
	for _, r := range d.Related {
		rs := fset.Position(r.Pos)
		re := rs
		if r.End.IsValid() {
			re = fset.Position(r.End)
		}
		f.Related = append(f.Related, finding.Related{File: display(rs.Filename, root), Line: rs.Line, Col: rs.Column, EndLine: re.Line, EndCol: re.Column, Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := finding.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fix.Edits = append(fix.Edits, newEdit(fset, e, root))
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

func newEdit(fset *token.FileSet, e analysis.TextEdit, root string) finding.Edit {
	end := e.End
	if !end.IsValid() {
		end = e.Pos
	}
	file := fset.File(e.Pos)
	s, t := fset.Position(e.Pos), fset.Position(end)
	return finding.Edit{
		Path:      file.Name(),
		File:      display(file.Name(), root),
		Start:     file.Offset(e.Pos),
		End:       file.Offset(end),
		StartLine: s.Line, StartCol: s.Column,
		EndLine: t.Line, EndCol: t.Column,
		New: string(e.NewText),
	}
}

// display returns name relative to root when it lies below it.
func display(name, root string) string {
	if root == "" || !filepath.IsAbs(name) {
		return name
	}
	rel, err := filepath.Rel(root, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return rel
}
