// Package driver is the bplint command: it runs go vet with its own binary
// as the vet tool, so each package is analyzed in its own process from the
// compiler's export data (memory stays per package), facts flow through go
// vet's .vetx files, and go vet's action cache makes a re-run with nothing
// changed cost only the go command's bookkeeping. The outer process turns the
// tool's JSON into findings and prints them in the chosen format.
//
// Usage:
//
//	bplint [flags] [packages]
//
// Packages are named as go vet takes them (default "."), tests included.
// Exit status: 0 no findings, 1 findings, 2 could not analyze.
//
// Output formats (-format): text (path:line:col: message (rule)), json (the
// tree go vet -json prints), sarif (GitHub code scanning), github (workflow
// command annotations), rdjsonl (reviewdog). -fix applies the suggested
// fixes, -diff prints them as a patch. For pull requests, -new-from-rev and
// -new-from-patch keep the findings on changed lines, and -baseline hides
// the findings -write-baseline recorded. docs/ci.md has CI recipes.
package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/output"
)

// Exit statuses.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// Main runs the command with the analyzers as returns: under go vet (which
// the command itself starts) it is the vet tool, which parses the
// analyzers' own flags (-ignoredsignal.strict, ...) from os.Args; otherwise
// it is the command. When go vet wants only a dependency's facts (a .vetx
// file, no diagnostics), as is called with factsOnly set, so the analyzers
// can skip the work that only diagnostics need. Main does not return.
func Main(as func(factsOnly bool) []*analysis.Analyzer) {
	if vetMode(os.Args[1:]) {
		unitchecker.Main(as(vetxOnly(os.Args[len(os.Args)-1]))...)
		return
	}
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}

// vetxOnly reports whether the vet config file cfg asks only for facts.
// Anything unreadable is left for unitchecker to report.
func vetxOnly(cfg string) bool {
	if !strings.HasSuffix(cfg, ".cfg") {
		return false
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		return false
	}
	var c struct{ VetxOnly bool }
	return json.Unmarshal(data, &c) == nil && c.VetxOnly
}

// Suite returns bplint's analyzers as the vet tool runs them: every rule,
// configured by the flags go vet passes on, messages ending in " (rule)";
// for a dependency's facts, the facts-only analyzers.
func Suite(factsOnly bool) []*analysis.Analyzer {
	if factsOnly {
		return analyzers.NewFactsOnly(analyzers.Config{})
	}
	return analyzers.WithRuleIDs(analyzers.New(analyzers.Config{}))
}

// vetMode reports whether go vet is driving us: it asks for -V=full and
// -flags, then passes a single .cfg file (as multichecker detects it).
func vetMode(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}

type options struct {
	format        string
	json          bool
	output        string
	dir           string
	tags          string
	tests         bool
	version       bool
	rules         bool
	fix           bool
	diff          bool
	baseline      string
	writeBaseline string
	newFromRev    string
	newFromPatch  string
	concurrency   int
	cfg           analyzers.Config

	vettool  string   // the binary go vet runs on each package
	vetFlags []string // the analyzers' flags, passed on to the vet tool
}

// Run runs the command with args and returns its exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	return run(args, stdout, stderr, self)
}

// run is Run with the vet tool named: the test binary stands in for the
// command in the driver's own tests.
func run(args []string, stdout, stderr io.Writer, vettool string) int {
	var o options
	fs := flag.NewFlagSet("bplint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output `format`: "+strings.Join(output.Formats, ", "))
	fs.BoolVar(&o.json, "json", false, "same as -format json")
	fs.StringVar(&o.output, "o", "", "write the output to `file` instead of standard output")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.tests, "test", true, "also report findings in test files (go vet type-checks them either way)")
	fs.BoolVar(&o.version, "V", false, "print the version and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.rules, "rules", false, "list the rules (id, analyzer, summary) and exit")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes to the files")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff (for patch -p1) instead of the findings; change nothing")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in `file`")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines changed since git revision `rev`")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff `file` adds or changes")
	fs.IntVar(&o.concurrency, "c", 0, "analyze at most `n` packages at once (go vet -p; default: the number of CPUs)")
	o.cfg.RegisterFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "bplint finds ignored backpressure in Go code.\n\nUsage: bplint [flags] [packages]\n\nExit status: 0 no findings, 1 findings, 2 could not analyze.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if o.version {
		fmt.Fprintln(stdout, "bplint", version())
		return exitClean
	}
	if o.rules {
		for _, r := range registered() {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", r.ID, r.Analyzer, r.Summary)
		}
		return exitClean
	}
	if o.json {
		o.format = "json"
	}
	o.vettool = vettool
	fs.Visit(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") { // -analyzer.option: the vet tool's own
			o.vetFlags = append(o.vetFlags, "-"+f.Name+"="+f.Value.String())
		}
	})
	if err := o.check(); err != nil {
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	if o.dir != "" {
		if err := os.Chdir(o.dir); err != nil {
			fmt.Fprintf(stderr, "bplint: -C: %v\n", err)
			return exitError
		}
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	res, err := analyze("", patterns, o)
	if err != nil {
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	for _, w := range res.warnings {
		fmt.Fprintln(stderr, w)
	}
	for _, e := range res.errors {
		fmt.Fprintf(stderr, "bplint: %s\n", e)
	}
	if err := postprocess(res, o, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	if !o.diff {
		if err := writeReport(res, o, stdout); err != nil {
			fmt.Fprintf(stderr, "bplint: %v\n", err)
			return exitError
		}
	}
	switch {
	case len(res.errors) > 0:
		return exitError
	case len(res.findings) > 0:
		return exitFindings
	}
	return exitClean
}

// check validates the flags that need no package loaded.
func (o options) check() error {
	if !output.Valid(o.format) {
		return fmt.Errorf("-format: unknown format %q (want %s)", o.format, strings.Join(output.Formats, ", "))
	}
	if o.fix && o.diff {
		return errors.New("-fix and -diff exclude each other")
	}
	if o.concurrency < 0 {
		return errors.New("-c: must be at least 1")
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return errors.New("-new-from-rev and -new-from-patch exclude each other")
	}
	return o.cfg.Validate()
}

// writeReport writes the findings in the chosen format, to -o or stdout.
func writeReport(res *result, o options, stdout io.Writer) error {
	r := output.Report{
		Tool: tool(), Root: res.root, Findings: res.findings, Errors: res.errors,
		RuneColumn: func(file string, line, col int) int { return res.src.runeColumn(res.root, file, line, col) },
	}
	var buf bytes.Buffer
	if err := output.Write(&buf, o.format, r); err != nil {
		return fmt.Errorf("writing output: %v", err)
	}
	if o.output != "" {
		if err := os.WriteFile(o.output, buf.Bytes(), 0o666); err != nil {
			return fmt.Errorf("-o: %v", err)
		}
		return nil
	}
	_, err := stdout.Write(buf.Bytes())
	return err
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
