// Package directive answers "is this diagnostic suppressed, and are the
// //bplint: directives in this package well formed and still needed?".
//
// Every bplint analyzer routes its diagnostics through a Reporter, so
// suppression works the same in every driver (bplint, go vet, golangci-lint,
// nogo). The syntax is:
//
//	//bplint:ignore RULE[,RULE...] REASON       the line of the finding, or the line above
//	//bplint:file-ignore RULE[,RULE...] REASON  the whole file
//
// The reason is required. A directive that suppresses nothing is reported, so
// stale ones do not accumulate. Diagnostics in generated files
// (// Code generated ... DO NOT EDIT.) are dropped.
//
// Each analyzer reports problems only for the rules it owns, so running two
// analyzers never reports a directive twice: a malformed directive belongs to
// the owner of its first known rule, or to ignoredsignal when it names none.
package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/bplint/bplint/internal/rules"
)

const (
	ignorePrefix     = "//bplint:ignore"
	fileIgnorePrefix = "//bplint:file-ignore"
	// SignalMarker marks a function declaration as a backpressure signal.
	SignalMarker = "//bplint:signal"
)

// A directive is one //bplint:ignore or //bplint:file-ignore comment.
type directive struct {
	pos    token.Pos
	file   string
	line   int
	whole  bool            // file-ignore
	rules  []string        // as written
	reason string          //
	used   map[string]bool // rule id -> suppressed something
	bad    string          // non-empty: the problem to report
}

// Reporter filters one analysis pass's diagnostics.
type Reporter struct {
	pass      *analysis.Pass
	analyzer  string
	owned     []string
	disabled  map[string]bool
	generated map[string]bool         // file name -> generated
	byLine    map[string][]*directive // "file:line" -> directives on that line
	byFile    map[string][]*directive // file -> file-ignore directives
	all       []*directive
	testLoad  bool
}

// Options configures a Reporter.
type Options struct {
	Disabled []string // rule ids turned off by configuration
	// TestLoad keeps the findings of load rules (rules.IsLoad) in _test.go
	// files; without it they are dropped, as test code is not under load.
	TestLoad bool
}

// NewReporter parses the directives of pass's files. analyzer is the name
// of the reporting analyzer (one of the rules.* analyzer names).
func NewReporter(pass *analysis.Pass, analyzer string, opts Options) *Reporter {
	r := &Reporter{
		pass:      pass,
		analyzer:  analyzer,
		owned:     rules.Of(analyzer),
		disabled:  make(map[string]bool),
		generated: make(map[string]bool),
		byLine:    make(map[string][]*directive),
		byFile:    make(map[string][]*directive),
		testLoad:  opts.TestLoad,
	}
	for _, id := range opts.Disabled {
		r.disabled[id] = true
	}
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if ast.IsGenerated(f) {
			r.generated[name] = true
			continue // directives in generated files are not ours to judge
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := parse(pass.Fset, c); d != nil {
					r.add(d)
				}
			}
		}
	}
	return r
}

func parse(fset *token.FileSet, c *ast.Comment) *directive {
	text := c.Text
	var rest string
	var whole bool
	switch {
	case strings.HasPrefix(text, fileIgnorePrefix):
		rest, whole = text[len(fileIgnorePrefix):], true
	case strings.HasPrefix(text, ignorePrefix):
		rest = text[len(ignorePrefix):]
	default:
		return nil
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil // e.g. //bplint:ignored, not ours
	}
	posn := fset.Position(c.Slash)
	d := &directive{pos: c.Slash, file: posn.Filename, line: posn.Line, whole: whole, used: make(map[string]bool)}
	name := ignorePrefix
	if whole {
		name = fileIgnorePrefix
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.bad = fmt.Sprintf("%s needs a rule and a reason: %s RULE[,RULE] REASON", name, name)
		return d
	}
	for _, id := range strings.Split(fields[0], ",") {
		if id = strings.TrimSpace(id); id != "" {
			d.rules = append(d.rules, id)
		}
	}
	d.reason = strings.Join(fields[1:], " ")
	for _, id := range d.rules {
		if _, ok := rules.Lookup(id); !ok {
			d.bad = fmt.Sprintf("%s names unknown rule %q (known: %s)", name, id, strings.Join(rules.IDs(), ", "))
			return d
		}
	}
	if d.reason == "" {
		d.bad = fmt.Sprintf("%s needs a reason after the rule: %s %s REASON", name, name, fields[0])
	}
	return d
}

func (r *Reporter) add(d *directive) {
	r.all = append(r.all, d)
	if d.bad != "" {
		return // a malformed directive suppresses nothing
	}
	if d.whole {
		r.byFile[d.file] = append(r.byFile[d.file], d)
	} else {
		key := fmt.Sprintf("%s:%d", d.file, d.line)
		r.byLine[key] = append(r.byLine[key], d)
	}
}

// owner is the analyzer that reports problems with d.
func (d *directive) owner() string {
	for _, id := range d.rules {
		if rule, ok := rules.Lookup(id); ok {
			return rule.Analyzer
		}
	}
	return rules.IgnoredSignal
}

// Enabled reports whether rule is on for this pass.
func (r *Reporter) Enabled(rule string) bool { return !r.disabled[rule] }

// Report reports d unless its rule is disabled, it lies in a generated
// file, a directive suppresses it, or it is a load rule's finding in a test
// file without the test-load option. d.Category must be a rule id.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.disabled[d.Category] {
		return
	}
	posn := r.pass.Fset.Position(d.Pos)
	if r.generated[posn.Filename] {
		return
	}
	suppressed := false
	mark := func(ds []*directive) {
		for _, dir := range ds {
			if slices.Contains(dir.rules, d.Category) {
				dir.used[d.Category] = true
				suppressed = true
			}
		}
	}
	mark(r.byFile[posn.Filename])
	mark(r.byLine[fmt.Sprintf("%s:%d", posn.Filename, posn.Line)])
	mark(r.byLine[fmt.Sprintf("%s:%d", posn.Filename, posn.Line-1)])
	if !suppressed && (r.quietInTests(d.Category, posn.Filename) || r.quietInTestHelper(d.Category, d.Pos)) {
		return // test code is not under load
	}
	if !suppressed {
		if d.URL == "" {
			d.URL = rules.DocURL(d.Category) // the rule's own page, not the analyzer's
		}
		r.pass.Report(d)
	}
}

// Finish reports malformed directives owned by this analyzer and, for each
// enabled rule of this analyzer, directives that suppressed nothing. Call it
// once, after every Report of the pass.
func (r *Reporter) Finish() {
	for _, d := range r.all {
		if d.bad != "" {
			if d.owner() == r.analyzer {
				r.pass.Report(analysis.Diagnostic{Pos: d.pos, Category: rules.Directive, Message: d.bad, URL: rules.DocURL("suppression")})
			}
			continue
		}
		for _, id := range d.rules {
			if !slices.Contains(r.owned, id) || r.disabled[id] || d.used[id] || r.quietInTests(id, d.file) {
				continue
			}
			kind := "//bplint:ignore"
			if d.whole {
				kind = "//bplint:file-ignore"
			}
			r.pass.Report(analysis.Diagnostic{
				Pos:      d.pos,
				Category: rules.Directive,
				Message:  fmt.Sprintf("%s %s suppresses nothing: remove it, or the rule from it", kind, id),
				URL:      rules.DocURL("suppression"),
			})
		}
	}
}

// quietInTests reports whether findings of rule in file are dropped: a load
// rule in a _test.go file without the test-load option. A directive for it
// there is not stale: it suppresses findings test-load would show.
func (r *Reporter) quietInTests(rule, file string) bool {
	return !r.testLoad && rules.IsLoad(rule) && strings.HasSuffix(file, "_test.go")
}

// quietInTestHelper reports whether a load rule's finding at pos is in
// test code outside a _test.go file: in a function (or a literal within
// it) with a parameter of type *testing.T, *testing.B, *testing.F or
// testing.TB, without the test-load option.
//
// Property: such a function runs only under go test (only the testing
// package makes those values, and testing.TB cannot be implemented
// elsewhere); a test suite's fake server in a non-test file of a
// test-support package is test code, as one in a _test.go file is.
func (r *Reporter) quietInTestHelper(rule string, pos token.Pos) bool {
	if r.testLoad || !rules.IsLoad(rule) {
		return false
	}
	for _, f := range r.pass.Files {
		if pos >= f.FileStart && pos <= f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, pos, pos)
			return InTestFunc(r.pass.TypesInfo, path)
		}
	}
	return false
}

// InTestFunc reports whether one of the functions on path (innermost first,
// as astutil.PathEnclosingInterval returns it), a declaration or a literal,
// has a parameter of a testing type (IsTestingType).
func InTestFunc(info *types.Info, path []ast.Node) bool {
	for _, n := range path {
		var ft *ast.FuncType
		switch fn := n.(type) {
		case *ast.FuncDecl:
			ft = fn.Type
		case *ast.FuncLit:
			ft = fn.Type
		}
		if ft == nil || ft.Params == nil {
			continue
		}
		for _, field := range ft.Params.List {
			if IsTestingType(info.TypeOf(field.Type)) {
				return true
			}
		}
	}
	return false
}

// IsTestingType reports whether t is *testing.T, *testing.B, *testing.F
// or testing.TB: a parameter of such a type makes a function test code.
func IsTestingType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

// HasSignalMarker reports whether a declaration's doc comment carries the
// //bplint:signal marker.
func HasSignalMarker(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if c.Text == SignalMarker || strings.HasPrefix(c.Text, SignalMarker+" ") {
			return true
		}
	}
	return false
}
