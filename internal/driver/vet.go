package driver

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"github.com/bplint/bplint/internal/gocmd"
	"github.com/bplint/bplint/internal/output"
)

// A vetTree is one JSON value go vet -json prints, for one package ID:
// {"id": {"analyzer": [diagnostics] or {"error": "..."}}}.
type vetTree map[string]map[string]json.RawMessage

// vetRun is what one go vet run reported.
type vetRun struct {
	trees    []vetTree
	analyzed map[string]bool // IDs whose marker arrived
	stderr   string          // the go command's messages
}

// vet runs go vet with the vet tool on the packages of g, streaming its
// JSON (each analyzed package advances done). Its exit status is not
// looked at: which packages were analyzed is what their markers say.
func vet(ctx context.Context, g *group, o options, done func()) (*vetRun, error) {
	args := []string{"vet", "-vettool=" + o.vettool, "-json"}
	if o.tags != "" {
		args = append(args, "-tags="+o.tags)
	}
	if o.concurrency > 0 {
		args = append(args, "-p="+strconv.Itoa(o.concurrency))
	}
	args = append(args, "-"+markerName+".report")
	args = append(args, g.vetFlags...)
	args = append(args, "--")
	for _, p := range g.pkgs {
		args = append(args, p.ImportPath)
	}
	if len(g.pkgs) > 0 && g.pkgs[0].ImportPath == "command-line-arguments" {
		// Files named on the command line: go vet must see them again.
		args = append(args[:len(args)-len(g.pkgs)], o.filePatterns...)
	}
	o.logf("go %s", shortArgs(args, len(g.pkgs)))

	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	res := &vetRun{analyzed: make(map[string]bool)}
	readErr := make(chan error, 1)
	go func() {
		dec := json.NewDecoder(bufio.NewReader(pr))
		for {
			var t vetTree
			if err := dec.Decode(&t); err == io.EOF {
				readErr <- nil
				return
			} else if err != nil {
				readErr <- err
				_, _ = io.Copy(io.Discard, pr)
				return
			}
			res.trees = append(res.trees, t)
			for id, byAnalyzer := range t {
				if _, ok := byAnalyzer[markerName]; ok {
					res.analyzed[id] = true
					done()
				}
			}
		}
	}()
	err := gocmd.Cmd{Args: args, Stdout: pw, Stderr: &stderr}.Run(ctx)
	pw.Close()
	if rerr := <-readErr; rerr != nil && err == nil {
		return nil, fmt.Errorf("reading go vet -json: %v", rerr)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, err
	}
	res.stderr = stderr.String()
	return res, nil
}

// shortArgs prints a go vet command line without its list of packages.
func shortArgs(args []string, npkgs int) string {
	if npkgs <= 3 {
		return strings.Join(args, " ")
	}
	return fmt.Sprintf("%s ... (%d packages)", strings.Join(args[:len(args)-npkgs+1], " "), npkgs)
}

// diagnostics decodes the diagnostics of one analyzer in a tree, or its
// error.
func diagnostics(raw json.RawMessage) ([]output.JSONDiagnostic, string, error) {
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		var failed struct {
			Err string `json:"error"`
		}
		if err := json.Unmarshal(raw, &failed); err != nil {
			return nil, "", err
		}
		return nil, failed.Err, nil
	}
	var diags []output.JSONDiagnostic
	if err := json.Unmarshal(raw, &diags); err != nil {
		return nil, "", err
	}
	return diags, "", nil
}

// sections splits the go command's messages into the blocks it prints
// under "# package" headers (by package path, test variants folded in)
// and the lines outside any block. They are only ever used as the text
// of a failure already known from the JSON, or passed on.
type sections struct {
	byPkg map[string]string
	order []string
	other []string
}

func splitSections(text string) sections {
	s := sections{byPkg: make(map[string]string)}
	cur := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# "):
			cur = packagePath(strings.TrimPrefix(line, "# "))
			if _, ok := s.byPkg[cur]; !ok {
				s.order = append(s.order, cur)
				s.byPkg[cur] = ""
			}
		case cur != "" && (strings.HasPrefix(line, "\t") || !strings.HasPrefix(line, "go: ")):
			if s.byPkg[cur] != "" {
				s.byPkg[cur] += "\n"
			}
			s.byPkg[cur] += strings.TrimPrefix(line, "vet: ")
		default:
			cur = ""
			if strings.TrimSpace(line) != "" {
				s.other = append(s.other, line)
			}
		}
	}
	return s
}

// packagePath drops the test variant from a go vet package ID:
// "p [p.test]" and "p_test [p.test]" are p.
func packagePath(id string) string {
	if i := strings.Index(id, " ["); i >= 0 {
		test := strings.TrimSuffix(strings.TrimPrefix(id[i:], " ["), ".test]")
		if strings.TrimSuffix(id[:i], "_test") == test {
			return test
		}
		return id[:i]
	}
	return id
}

// passOn returns the go command's messages that no failure used: the
// blocks of packages that were analyzed after all (a C compiler's warning
// on a cold cache) and the lines outside blocks.
func (s sections) passOn(used map[string]bool) string {
	var b strings.Builder
	for _, p := range s.order {
		if used[p] {
			continue
		}
		fmt.Fprintf(&b, "# %s\n%s\n", p, s.byPkg[p])
	}
	if !used[""] {
		for _, l := range s.other {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// failure explains why the package p (one of whose IDs was not analyzed)
// failed: its own block of messages, or the dependency whose block there
// is, or go vet's lines outside blocks.
func (s sections) failure(p *pkg, used map[string]bool) string {
	if text, ok := s.byPkg[p.ImportPath]; ok {
		used[p.ImportPath] = true
		if text == "" {
			return "go vet did not analyze it"
		}
		return text
	}
	var deps []string
	for _, d := range p.Deps {
		if _, ok := s.byPkg[d]; ok {
			deps = append(deps, d)
		}
	}
	if len(deps) > 0 {
		slices.Sort(deps)
		return "not analyzed: a dependency does not build: " + strings.Join(deps, ", ")
	}
	if len(s.other) > 0 {
		used[""] = true
		return "not analyzed: " + strings.Join(s.other, "; ")
	}
	return "not analyzed: go vet did not run the analysis"
}
