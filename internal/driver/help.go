package driver

import (
	"fmt"
	"io"
	"strings"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/docs"
	"github.com/bplint/bplint/internal/rules"
)

// help prints the page of a rule, an analyzer or another topic
// (suppression), embedded in the binary from docs/; with no topic, how to
// run bplint and the list of rules.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, `bplint finds ignored backpressure in Go code.

Usage:
  bplint [flags] [packages]    analyze the packages (default "."), tests included
  bplint help RULE             print the page of a rule (or analyzer, "suppression", "configuration", "ci")
  bplint -explain RULE         the same
  bplint -h                    list the flags

Exit status: 0 no findings, 1 findings, 2 could not analyze.

Rules (select them with -checks or .bplint.yml: bplint help configuration):
`)
		for _, r := range registered() {
			fmt.Fprintf(stdout, "  %-20s %-15s %s\n", r.ID, r.Analyzer, r.Summary)
		}
		return exitClean
	}
	if len(args) > 1 {
		fmt.Fprintf(stderr, "bplint: help takes one topic, not %d\n", len(args))
		return exitError
	}
	page, ok := docs.Page(args[0])
	if !ok {
		fmt.Fprintf(stderr, "bplint: no page %q (rules: %s; analyzers: %s; also: suppression)\n", args[0], strings.Join(rules.IDs(), ", "), strings.Join(analyzerNames(), ", "))
		return exitError
	}
	fmt.Fprint(stdout, page)
	return exitClean
}

func analyzerNames() []string {
	var out []string
	for _, a := range analyzers.All {
		out = append(out, a.Name)
	}
	return out
}
