package driver

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bplint/bplint/internal/finding"
)

// runPatterns analyzes the packages matching patterns, applies the
// filters and fixes, writes the report and returns the exit status.
func runPatterns(ctx context.Context, patterns []string, o options, stdout io.Writer) (int, error) {
	for _, p := range patterns {
		if strings.HasSuffix(p, ".go") {
			o.filePatterns = append(o.filePatterns, p)
		}
	}
	st, err := newSettings(o)
	if err != nil {
		return exitError, err
	}
	res, err := analyze(ctx, patterns, o, st)
	if err != nil {
		return exitError, err
	}
	for _, e := range res.errors {
		fmt.Fprintf(o.stderr, "bplint: %s\n", e)
	}
	if err := filter(res, o); err != nil {
		return exitError, err
	}
	switch {
	case o.diff:
		if err := writeDiff(res, o, stdout); err != nil {
			return exitError, err
		}
	case o.fix:
		applied, err := applyFixes(res, o)
		if err != nil {
			return exitError, err
		}
		if applied.fixes > 0 {
			// Print what remains: analyze the fixed files again (go vet's
			// cache makes the packages no fix touched cost nothing), as
			// the fixes moved lines and may have made or removed findings.
			again, err := analyze(ctx, patterns, o, st)
			if err != nil {
				return exitError, err
			}
			o.writeBaseline = "" // recorded before the fixes
			if err := filter(again, o); err != nil {
				return exitError, err
			}
			res = again
		}
		fmt.Fprintf(o.stderr, "bplint: applied %s to %s\n", plural(applied.fixes, "fix", "fixes"), plural(applied.files, "file", "files"))
		if err := writeReport(res, o, stdout); err != nil {
			return exitError, err
		}
	default:
		if err := writeReport(res, o, stdout); err != nil {
			return exitError, err
		}
	}
	if o.format == "text" && !o.diff {
		summarize(res, o)
	}
	switch {
	case len(res.errors) > 0:
		return exitError, nil
	case len(res.findings) > 0:
		return exitFindings, nil
	}
	return exitClean, nil
}

// plural writes n with the noun in the right number.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// summarize prints the one-line summary that ends text output: findings,
// files, and how many come with a suggested fix. A clean run prints
// nothing, unless stderr is a terminal.
func summarize(res *result, o options) {
	files := make(map[string]bool)
	fixable := 0
	for _, f := range res.findings {
		files[f.File] = true
		if len(f.Fixes) > 0 {
			fixable++
		}
	}
	switch {
	case len(res.findings) > 0:
		line := fmt.Sprintf("bplint: %s in %s", plural(len(res.findings), "finding", "findings"), plural(len(files), "file", "files"))
		if fixable > 0 {
			line += fmt.Sprintf("; %d with a suggested fix (-fix applies, -diff shows)", fixable)
		}
		fmt.Fprintln(o.stderr, line)
	case len(res.errors) == 0 && isTerminal(o.stderr):
		fmt.Fprintf(o.stderr, "bplint: no findings in %s\n", plural(res.packages, "package", "packages"))
	}
}

func keep(fs []finding.Finding, ok func(finding.Finding) bool) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if ok(f) {
			out = append(out, f)
		}
	}
	return out
}
