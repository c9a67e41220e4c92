package driver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bplint/bplint/internal/finding"
	"github.com/bplint/bplint/internal/output"
	"github.com/bplint/bplint/internal/rules"
)

type result struct {
	root     string  // absolute directory display paths are relative to
	src      sources // the analyzed files' contents, read as needed
	findings []finding.Finding
	errors   []finding.Error
	warnings []string // the go command's warnings, printed as they are
}

// analyze runs go vet with o.vettool on the packages matching patterns in
// dir (the working directory if empty) and collects what the tool reported:
// its JSON on standard output, and the packages that failed to build or
// type-check, as go vet prints them under "# package" on standard error.
func analyze(dir string, patterns []string, o options) (*result, error) {
	args := []string{"vet", "-vettool=" + o.vettool, "-json"}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	if o.concurrency > 0 {
		args = append(args, "-p="+strconv.Itoa(o.concurrency))
	}
	args = append(args, o.vetFlags...)
	args = append(args, "--")
	args = append(args, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("running go vet: %v", runErr)
	}

	res := &result{src: sources{}}
	res.root = dir
	if res.root == "" {
		res.root, _ = os.Getwd()
	}
	res.root, _ = filepath.Abs(res.root)

	err := res.readJSON(&stdout, o)
	if err != nil {
		return nil, fmt.Errorf("reading go vet -json: %v", err)
	}
	res.readStderr(stderr.String())
	if exit != nil && len(res.errors) == 0 {
		// go vet failed and said nothing we recognise: pass its words on.
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = runErr.Error()
		}
		return nil, fmt.Errorf("go vet: %s", msg)
	}
	res.findings = finding.Normalize(res.findings)
	// The same file fails in p and in its test variant: report it once.
	slices.SortFunc(res.errors, func(a, b finding.Error) int { return strings.Compare(a.String(), b.String()) })
	res.errors = slices.Compact(res.errors)
	return res, nil
}

// readJSON reads the stream of JSON trees go vet -json prints, one per
// package: {"pkg id": {"analyzer": [diagnostics] or {"error": "..."}}}.
func (res *result) readJSON(r io.Reader, o options) error {
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		for id, byAnalyzer := range tree {
			pkg := packagePath(id)
			for name, raw := range byAnalyzer {
				var failed struct {
					Err string `json:"error"`
				}
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					if err := json.Unmarshal(raw, &failed); err != nil {
						return err
					}
					res.errors = append(res.errors, finding.Error{Package: pkg, Analyzer: name, Err: failed.Err})
					continue
				}
				var diags []output.JSONDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return err
				}
				for _, d := range diags {
					f, err := res.newFinding(pkg, name, d)
					if err != nil {
						return err
					}
					if !o.tests && strings.HasSuffix(f.Path, "_test.go") {
						continue
					}
					res.findings = append(res.findings, f)
				}
			}
		}
	}
}

// packagePath drops the test variant from a go vet package ID:
// "p [p.test]" is p.
func packagePath(id string) string {
	if i := strings.Index(id, " ["); i >= 0 {
		return id[:i]
	}
	return id
}

// readStderr collects the failures go vet prints on standard error: a
// "# package" header, then the compiler's or the vet tool's lines (type
// errors), continuation lines indented by a tab. Lines before any header
// are the go command's own ("go: ...", "pattern ...: ...").
func (res *result) readStderr(text string) {
	pkg := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "go: downloading ") || strings.HasPrefix(line, "go: finding ") || strings.HasPrefix(line, "go: extracting "):
			// progress of the module download on a fresh machine, not a
			// failure: passed on as go prints it.
			res.warnings = append(res.warnings, line)
		case strings.HasPrefix(line, "go: warning: "):
			// a warning, not a failure (one pattern of several matched
			// nothing): pass it on as is. If none matched, go vet also
			// says "no packages to vet", an error.
			res.warnings = append(res.warnings, line)
		case strings.HasPrefix(line, "# "):
			pkg = packagePath(strings.TrimPrefix(line, "# "))
		case strings.HasPrefix(line, "\t") && len(res.errors) > 0:
			last := &res.errors[len(res.errors)-1]
			last.Err += "\n" + line
		case strings.HasPrefix(line, "go: ") || line == "no packages to vet":
			res.errors = append(res.errors, finding.Error{Err: line}) // the go command's own
		default:
			line = strings.TrimPrefix(line, "vet: ")
			res.errors = append(res.errors, finding.Error{Package: pkg, Err: line})
		}
	}
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
		f.Related = append(f.Related, finding.Related{File: display(rf, res.root), Line: rl, Col: rc, EndLine: el, EndCol: ec, Message: r.Message})
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
