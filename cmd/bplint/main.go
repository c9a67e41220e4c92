// Command bplint finds ignored backpressure in Go code.
//
// Usage:
//
//	bplint [flags] [packages]
//
// Packages are named as go list takes them (default "."), tests included.
// Exit status: 0 no findings, 1 findings, 2 could not analyze.
//
// bplint also works as a go vet tool: go vet -vettool=$(which bplint) ./...
package main

import (
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
	"github.com/bplint/bplint/internal/rules"
)

// Exit statuses.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	if vetMode(os.Args[1:]) {
		// go vet -vettool: hand over to unitchecker, which parses the
		// analyzers' own flags (-ignoredsignal.strict, ...) from os.Args.
		unitchecker.Main(withRuleSuffix(analyzers.New(analyzers.Config{}))...)
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
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

// withRuleSuffix makes each diagnostic end with " (rule)", as bplint's own
// text output does, so go vet users see the id a directive needs.
func withRuleSuffix(as []*analysis.Analyzer) []*analysis.Analyzer {
	for _, a := range as {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				if d.Category != "" {
					d.Message += " (" + d.Category + ")"
				}
				report(d)
			}
			return run(pass)
		}
	}
	return as
}

type options struct {
	format  string
	json    bool
	output  string
	dir     string
	tags    string
	tests   bool
	version bool
	rules   bool
	cfg     analyzers.Config
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("bplint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: text or json")
	fs.BoolVar(&o.json, "json", false, "same as -format json")
	fs.StringVar(&o.output, "o", "", "write the output to `file` instead of standard output")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.tests, "test", true, "also analyze test files")
	fs.BoolVar(&o.version, "V", false, "print the version and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.rules, "rules", false, "list the rules (id, analyzer, summary) and exit")
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
		for _, a := range analyzers.All {
			for _, id := range rules.Of(a.Name) {
				r, _ := rules.Lookup(id)
				fmt.Fprintf(stdout, "%s\t%s\t%s\n", r.ID, r.Analyzer, r.Summary)
			}
		}
		return exitClean
	}
	if o.json {
		o.format = "json"
	}
	if o.format != "text" && o.format != "json" {
		fmt.Fprintf(stderr, "bplint: -format: unknown format %q (want text or json)\n", o.format)
		return exitError
	}
	if err := o.cfg.Validate(); err != nil {
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
	res, err := analyze("", patterns, o, analyzers.New(o.cfg))
	if err != nil {
		fmt.Fprintf(stderr, "bplint: %v\n", err)
		return exitError
	}
	for _, e := range res.errors {
		fmt.Fprintf(stderr, "bplint: %s\n", e)
	}

	out := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(stderr, "bplint: -o: %v\n", err)
			return exitError
		}
		defer f.Close()
		out = f
	}
	switch o.format {
	case "json":
		err = writeJSON(out, res)
	default:
		err = writeText(out, res.findings)
	}
	if err != nil {
		fmt.Fprintf(stderr, "bplint: writing output: %v\n", err)
		return exitError
	}
	switch {
	case len(res.errors) > 0:
		return exitError
	case len(res.findings) > 0:
		return exitFindings
	}
	return exitClean
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
