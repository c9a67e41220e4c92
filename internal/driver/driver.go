// Package driver is the bplint command: it runs go vet with its own binary
// as the vet tool, so each package is analyzed in its own process from the
// compiler's export data (memory stays per package), facts flow through go
// vet's .vetx files, and go vet's action cache makes a re-run with nothing
// changed cost only the go command's bookkeeping. The outer process lists
// the packages first (go list -e -json), so that the packages that load are
// analyzed even when others do not, decides from that list and from go
// vet's JSON which packages failed, and prints the findings in the chosen
// format.
//
// Usage:
//
//	bplint [flags] [packages]
//	bplint help [rule]
//
// Packages are named as go vet takes them (default "."), tests included.
// Exit status: 0 no findings, 1 findings, 2 could not analyze.
package driver

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/checks"
	"github.com/bplint/bplint/internal/gocmd"
	"github.com/bplint/bplint/internal/output"
	"github.com/bplint/bplint/internal/vettool"
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
		suite := append(as(vetxOnly(os.Args[len(os.Args)-1])), analyzed)
		vettool.Main(suite, &vettool.Options{Prefilter: &prefilterOn, Signals: func() []string { return signals(suite) }})
		return
	}
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}

// signals returns the functions of every analyzer's signals option
// (ignoredsignal's), which the vet tool's prefilter must know.
func signals(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		if f := a.Flags.Lookup("signals"); f != nil {
			for _, s := range strings.Split(f.Value.String(), ",") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
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

// markerName is the analyzer that, with -analyzed.report (which only the
// bplint command passes), reports one diagnostic per package it ran on:
// go vet -json prints {} for a package without findings, which does not
// say which package it was, and prints nothing for a package whose vet
// tool failed. The marker makes every analyzed package name itself, so a
// package is known to have failed when its marker is missing, without
// reading go vet's messages. Under plain go vet the flag is off and the
// analyzer reports nothing.
const markerName = "analyzed"

var markerReport bool

// prefilterOn is the vet tool's -analyzed.prefilter: skip the dependencies
// that provably have no facts (internal/vettool). A flag rather than an
// environment variable, so that go vet caches the two ways apart.
var prefilterOn = true

// rerun is the vet tool's -analyzed.rerun, which it ignores: a value that
// changes go vet's cache key. go vet's key does not say whether a run was
// for facts only, so a package first vetted as a dependency comes back
// from the cache unanalyzed when it is later asked for; the bplint command
// then asks again for those packages with a fresh value.
var rerun string

var analyzed = func() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: markerName,
		Doc:  "analyzed: for the bplint command, report that a package was analyzed (off unless -analyzed.report)",
		URL:  "https://github.com/bplint/bplint/blob/main/docs/ci.md",
		Run: func(pass *analysis.Pass) (any, error) {
			if markerReport && len(pass.Files) > 0 {
				pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Category: markerName, Message: markerName})
			}
			return nil, nil
		},
	}
	a.Flags.BoolVar(&markerReport, "report", false, "report one diagnostic per analyzed package (the bplint command's bookkeeping)")
	a.Flags.StringVar(&rerun, "rerun", "", "ignored: a value that changes go vet's cache key (the bplint command's retry of packages go vet's cache returned unanalyzed)")
	a.Flags.BoolVar(&prefilterOn, "prefilter", true, "write the facts of a dependency that provably has none of its own without type-checking or analyzing it")
	return a
}()

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
	explain       string
	fix           bool
	diff          bool
	baseline      string
	writeBaseline string
	newFromRev    string
	newFromPatch  string
	concurrency   int
	verbose       bool
	pathPrefix    string
	config        string
	checks        []string        // -checks terms
	enable        map[string]bool // -ANALYZER flags set on the command line
	cfg           analyzers.Config
	flagOptions   map[string]bool // "analyzer.key" of the options set by flags

	filePatterns []string // .go files named on the command line

	vettool string // the binary go vet runs on each package
	stderr  io.Writer
}

// Run runs the command with args and returns its exit status. SIGINT and
// SIGTERM stop the go command and everything it started (see
// internal/gocmd) before Run returns exit status 2.
func Run(args []string, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, stdout, stderr, self)
}

// run is Run with the vet tool named: the test binary stands in for the
// command in the driver's own tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, vettool string) int {
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], stdout, stderr)
	}
	o := options{vettool: vettool, stderr: stderr, enable: map[string]bool{}, flagOptions: map[string]bool{}}
	fs := flag.NewFlagSet("bplint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output `format`: "+strings.Join(output.Formats, ", "))
	fs.BoolVar(&o.json, "json", false, "same as -format json")
	fs.StringVar(&o.output, "o", "", "write the output to `file` instead of standard output")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.tests, "test", true, "also report findings in test files (go vet type-checks them either way)")
	fs.BoolVar(&o.version, "V", false, "print the version (module version, VCS revision, Go version) and exit")
	fs.BoolVar(&o.version, "version", false, "same as -V")
	fs.BoolVar(&o.rules, "rules", false, "list the rules (id, analyzer, summary) and exit")
	fs.StringVar(&o.explain, "explain", "", "print the documentation page of `rule` (or analyzer) and exit")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes, then print the findings that remain")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff (for patch -p1) instead of the findings; change nothing")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in `file`")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines changed since git revision `rev`")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff `file` adds or changes")
	fs.IntVar(&o.concurrency, "p", 0, "analyze at most `n` packages at once (go's -p; default: the number of CPUs)")
	fs.BoolVar(&o.verbose, "v", false, "print what bplint is doing on standard error")
	fs.StringVar(&o.pathPrefix, "path-prefix", "", "in sarif, github and rdjsonl output, name files `prefix`/path-from-the-working-directory instead of relative to the repository root")
	fs.StringVar(&o.config, "config", "", "read the configuration from `file` instead of the "+".bplint.yml found from the working directory upwards")
	fs.Func("checks", "rules to run, staticcheck style: rule ids, analyzer names, all, wildcards, -removals (`list`, e.g. all,-silent-drop)", func(s string) error {
		terms := checks.Split(s)
		if _, err := checks.Apply(nil, terms); err != nil {
			return err
		}
		o.checks = append(o.checks, terms...)
		return nil
	})
	for _, a := range analyzers.All {
		name := a.Name
		fs.Var(enableFlag{o.enable, name}, name, "run only the "+name+" analyzer (=false: all but it), as go vet's flag")
	}
	o.cfg.RegisterFlags(fs)
	testLoad := fs.Bool("test-load", false, "also report the load rules in _test.go files (every analyzer's test-load option)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "bplint finds ignored backpressure in Go code.\n\nUsage:\n  bplint [flags] [packages]\n  bplint help [rule]\n\nExit status: 0 no findings, 1 findings, 2 could not analyze.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if *testLoad {
		for _, a := range analyzers.All {
			if fs.Lookup(a.Name+".test-load") != nil {
				_ = fs.Set(a.Name+".test-load", "true")
			}
		}
	}
	fs.Visit(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") { // -analyzer.option
			o.flagOptions[f.Name] = true
		}
	})
	switch {
	case o.version:
		fmt.Fprintln(stdout, "bplint", version())
		return exitClean
	case o.rules:
		for _, r := range registered() {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", r.ID, r.Analyzer, r.Summary)
		}
		return exitClean
	case o.explain != "":
		return help([]string{o.explain}, stdout, stderr)
	}
	if o.json {
		o.format = "json"
	}
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
	code, err := runPatterns(ctx, patterns, o, stdout)
	if err != nil {
		var stopped *gocmd.ErrInterrupted
		if errors.As(err, &stopped) {
			fmt.Fprintf(stderr, "\nbplint: interrupted; the go command and its tools were stopped\n")
			return exitError
		}
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	return code
}

// enableFlag is a per-analyzer flag as go vet has them: -NAME runs only
// the analyzers named so, -NAME=false all but those.
type enableFlag struct {
	set  map[string]bool
	name string
}

func (f enableFlag) String() string {
	if f.set == nil {
		return ""
	}
	if v, ok := f.set[f.name]; ok {
		return fmt.Sprint(v)
	}
	return ""
}

func (f enableFlag) Set(s string) error {
	switch s {
	case "true", "1", "t", "T", "TRUE", "True":
		f.set[f.name] = true
	case "false", "0", "f", "F", "FALSE", "False":
		f.set[f.name] = false
	default:
		return fmt.Errorf("want true or false, not %q", s)
	}
	return nil
}

func (enableFlag) IsBoolFlag() bool { return true }

// check validates the flags that need no package loaded.
func (o options) check() error {
	if !output.Valid(o.format) {
		return fmt.Errorf("-format: unknown format %q (want %s)", o.format, strings.Join(output.Formats, ", "))
	}
	if o.fix && o.diff {
		return errors.New("-fix and -diff exclude each other")
	}
	if o.concurrency < 0 {
		return errors.New("-p: must be at least 1")
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return errors.New("-new-from-rev and -new-from-patch exclude each other")
	}
	return o.cfg.Validate()
}

// logf prints what bplint is doing, with -v.
func (o options) logf(format string, args ...any) {
	if o.verbose {
		fmt.Fprintf(o.stderr, "bplint: "+format+"\n", args...)
	}
}

// enabledAnalyzers applies the per-analyzer flags to a rule selection, as
// go vet does: if any is true, only those analyzers; else all but the
// ones set to false.
func (o options) enabledAnalyzers(sel []string, analyzerOf func(string) string) []string {
	anyTrue := false
	for _, v := range o.enable {
		anyTrue = anyTrue || v
	}
	return slices.DeleteFunc(slices.Clone(sel), func(id string) bool {
		v, set := o.enable[analyzerOf(id)]
		if anyTrue {
			return !(set && v)
		}
		return set && !v
	})
}
