package driver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bplint/bplint/internal/finding"
	"github.com/bplint/bplint/internal/output"
	"github.com/bplint/bplint/internal/rules"
)

type result struct {
	root     string  // absolute working directory: text paths are relative to it
	src      sources // the analyzed files' contents, read as needed
	findings []finding.Finding
	errors   []finding.Error
	packages int // packages analyzed
}

// analyze lists the packages matching patterns, analyzes those that load
// (one go vet run per group of packages with the same settings), and
// collects the findings and the packages that failed.
func analyze(ctx context.Context, patterns []string, o options, st *settings) (*result, error) {
	res := &result{src: sources{}}
	var err error
	if res.root, err = os.Getwd(); err != nil {
		return nil, err
	}
	pkgs, err := list(ctx, patterns, o)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, errors.New("no packages to analyze: the patterns match none")
	}
	res.errors = loadFailures(pkgs)
	loaded := slices.DeleteFunc(slices.Clone(pkgs), func(p *pkg) bool { return len(p.loadErrs) > 0 || len(p.vetIDs()) == 0 })
	o.logf("%d packages listed, %d load, %d do not", len(pkgs), len(loaded), len(pkgs)-len(loaded))
	groups, selected, err := st.groups(loaded)
	if err != nil {
		return nil, err
	}
	total := 0
	for _, p := range loaded {
		total += len(p.vetIDs())
	}
	prog := newProgress(o.stderr, total)
	defer prog.stop()
	for i, g := range groups {
		if len(groups) > 1 {
			o.logf("group %d of %d: %d packages, vet flags %q", i+1, len(groups), len(g.pkgs), g.vetFlags)
		}
		run, err := vet(ctx, g, o, prog.done)
		if err != nil {
			return nil, err
		}
		if again := silentlySkipped(run, g); again != nil {
			// go vet's cache returned facts-only runs for packages asked
			// for now (see rerun): ask again for them, with a cache key of
			// their own.
			o.logf("%d packages came back from go vet's cache unanalyzed; asking again", len(again.pkgs))
			run2, err := vet(ctx, again, o, prog.done)
			if err != nil {
				return nil, err
			}
			if err := res.collect(run2, again, o, selected); err != nil {
				return nil, err
			}
			g = &group{vetFlags: g.vetFlags, pkgs: slices.DeleteFunc(slices.Clone(g.pkgs), func(p *pkg) bool { return slices.Contains(again.pkgs, p) })}
		}
		if err := res.collect(run, g, o, selected); err != nil {
			return nil, err
		}
	}
	prog.stop()
	res.findings = finding.Normalize(res.findings)
	// The same file fails in p and in its test variant: report it once.
	slices.SortFunc(res.errors, func(a, b finding.Error) int { return strings.Compare(a.String(), b.String()) })
	res.errors = slices.Compact(res.errors)
	o.logf("%d packages analyzed, %d findings, %d packages failed", res.packages, len(res.findings), len(res.errors))
	return res, nil
}

// silentlySkipped returns, as a group to vet again, the packages of g that
// run has no marker for while go vet said nothing about them (no error, no
// message): what its cache returns for a package it last ran for facts
// only. Their vet flags gain a fresh -analyzed.rerun, so the new run's
// cache key is its own.
func silentlySkipped(run *vetRun, g *group) *group {
	secs := splitSections(run.stderr)
	var again []*pkg
	for _, p := range g.pkgs {
		missing := false
		for _, id := range p.vetIDs() {
			missing = missing || !run.analyzed[id]
		}
		if !missing {
			continue
		}
		if text, said := secs.byPkg[p.ImportPath]; said && text != "" {
			continue // go vet said why
		}
		if len(secs.other) > 0 {
			return nil // go vet said something: not the cache's silence
		}
		again = append(again, p)
	}
	if len(again) == 0 {
		return nil
	}
	flags := append(slices.Clone(g.vetFlags), "-"+markerName+".rerun="+strconv.FormatInt(time.Now().UnixNano(), 36))
	return &group{vetFlags: flags, pkgs: again}
}

// collect adds what one go vet run reported: findings and analyzer
// errors from its JSON, and a failure for every package one of whose IDs
// has no marker.
func (res *result) collect(run *vetRun, g *group, o options, selected map[string][]string) error {
	owner := make(map[string]string) // vet ID -> package path
	for _, p := range g.pkgs {
		for _, id := range p.vetIDs() {
			owner[id] = p.ImportPath
		}
	}
	for _, tree := range run.trees {
		for id, byAnalyzer := range tree {
			pkg, ok := owner[id]
			if !ok {
				pkg = packagePath(id)
			}
			for name, raw := range byAnalyzer {
				if name == markerName {
					continue
				}
				diags, failed, err := diagnostics(raw)
				if err != nil {
					return fmt.Errorf("reading go vet -json: %v", err)
				}
				if failed != "" {
					res.errors = append(res.errors, finding.Error{Package: pkg, Analyzer: name, Err: failed})
					continue
				}
				for _, d := range diags {
					f, err := res.newFinding(pkg, name, d)
					if err != nil {
						return err
					}
					if !o.tests && strings.HasSuffix(f.Path, "_test.go") {
						continue
					}
					if _, isRule := rules.Lookup(f.Rule); isRule && !slices.Contains(selected[pkg], f.Rule) {
						continue // not selected for the package (the vet flags already disable it)
					}
					res.findings = append(res.findings, f)
				}
			}
		}
	}
	secs := splitSections(run.stderr)
	used := make(map[string]bool)
	for _, p := range g.pkgs {
		ok := true
		for _, id := range p.vetIDs() {
			ok = ok && run.analyzed[id]
		}
		if ok {
			res.packages++
			continue
		}
		res.errors = append(res.errors, finding.Error{Package: p.ImportPath, Err: secs.failure(p, used)})
	}
	if rest := secs.passOn(used); rest != "" {
		io.WriteString(o.stderr, rest)
	}
	return nil
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

// position splits "file:line:col".
func position(posn string) (file string, line, col int, err error) {
	m := posnRE.FindStringSubmatch(posn)
	if m == nil {
		return "", 0, 0, fmt.Errorf("malformed position %q", posn)
	}
	line, _ = strconv.Atoi(m[2])
	col, _ = strconv.Atoi(m[3])
	return m[1], line, col, nil
}

func (res *result) newFinding(pkg, analyzer string, d output.JSONDiagnostic) (finding.Finding, error) {
	file, line, col, err := position(d.Posn)
	if err != nil {
		return finding.Finding{}, err
	}
	endLine, endCol := line, col
	if _, l, c, err := position(d.End); err == nil {
		endLine, endCol = l, c
	}
	// The vet tool ends each message with " (rule)" for go vet's plain
	// output; the formats here carry the rule apart.
	msg := strings.TrimSuffix(d.Message, " ("+d.Category+")")
	f := finding.Finding{
		Package:  pkg,
		Analyzer: analyzer,
		Rule:     d.Category,
		Message:  msg,
		URL:      rules.DocURL(d.Category),
		Path:     file,
		File:     display(file, res.root),
		Line:     line,
		Col:      col,
		EndLine:  endLine,
		EndCol:   endCol,
		Source:   res.src.line(file, line),
	}
	if d.Category == rules.Directive {
		f.URL = rules.DocURL("suppression")
	}
	for _, r := range d.Related {
		rf, rl, rc, err := position(r.Posn)
		if err != nil {
			return finding.Finding{}, err
		}
		el, ec := rl, rc
		if _, l, c, err := position(r.End); err == nil {
			el, ec = l, c
		}
		f.Related = append(f.Related, finding.Related{Path: rf, File: display(rf, res.root), Line: rl, Col: rc, EndLine: el, EndCol: ec, Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := finding.Fix{Message: sf.Message}
		for _, e := range sf.Edits {
			sl, sc := res.src.lineCol(e.Filename, e.Start)
			el, ec := res.src.lineCol(e.Filename, e.End)
			fix.Edits = append(fix.Edits, finding.Edit{
				Path:      e.Filename,
				File:      display(e.Filename, res.root),
				Start:     e.Start,
				End:       e.End,
				StartLine: sl, StartCol: sc,
				EndLine: el, EndCol: ec,
				New: e.New,
			})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f, nil
}

// sources caches file contents, to give each finding the text of its line.
type sources map[string][]byte

func (s sources) line(name string, line int) string {
	return strings.TrimSpace(string(s.raw(name, line)))
}

// runeColumn converts the byte column col of a line of the file name (an
// absolute name) to a column in Unicode code points, as SARIF wants them.
func (s sources) runeColumn(name string, line, col int) int {
	text := s.raw(name, line)
	if col < 1 || col-1 > len(text) {
		return col
	}
	return utf8.RuneCount(text[:col-1]) + 1
}

// lineCol converts a byte offset of the file name to a 1-based line and
// byte column.
func (s sources) lineCol(name string, offset int) (line, col int) {
	data := s.data(name)
	if offset > len(data) {
		offset = len(data)
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	return line, offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
}

func (s sources) data(name string) []byte {
	data, ok := s[name]
	if !ok {
		data, _ = os.ReadFile(name) // a missing file only loses the line text
		s[name] = data
	}
	return data
}

// raw returns the text of a line of the file name, without its newline.
func (s sources) raw(name string, line int) []byte {
	data := s.data(name)
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

// display returns name relative to root, also when it lies outside it
// (../other/x.go); absolute only when no relative name exists (another
// volume).
func display(name, root string) string {
	if root == "" || !filepath.IsAbs(name) {
		return name
	}
	rel, err := filepath.Rel(root, name)
	if err != nil {
		return name
	}
	return rel
}
