package driver

import (
	"fmt"
	"io"
	"os"

	"github.com/bplint/bplint/internal/applyfix"
	"github.com/bplint/bplint/internal/baseline"
	"github.com/bplint/bplint/internal/changedlines"
	"github.com/bplint/bplint/internal/finding"
)

// filter applies, in order, -write-baseline (all current findings),
// -new-from-rev/-new-from-patch and -baseline.
func filter(res *result, o options) error {
	if o.writeBaseline != "" {
		if err := baseline.Write(o.writeBaseline, res.findings); err != nil {
			return fmt.Errorf("-write-baseline: %v", err)
		}
		fmt.Fprintf(o.stderr, "bplint: recorded %s in %s\n", plural(len(res.findings), "finding", "findings"), o.writeBaseline)
	}
	if o.newFromRev != "" || o.newFromPatch != "" {
		var changed changedlines.Set
		var err error
		if o.newFromRev != "" {
			changed, err = changedlines.FromRev(res.root, o.newFromRev)
		} else {
			changed, err = changedlines.FromPatchFile(res.root, o.newFromPatch)
		}
		if err != nil {
			return err
		}
		res.findings = keep(res.findings, func(f finding.Finding) bool { return changed.Contains(f.Path, f.Line) })
	}
	if o.baseline != "" {
		b, err := baseline.Read(o.baseline)
		if err != nil {
			return fmt.Errorf("-baseline: %v", err)
		}
		var hidden int
		res.findings, hidden = b.Filter(res.findings)
		if hidden > 0 {
			fmt.Fprintf(o.stderr, "bplint: the baseline %s hid %s\n", o.baseline, plural(hidden, "finding", "findings"))
		}
	}
	return nil
}

// The fixes are applied here, not by go vet -fix (Go 1.26), which falls
// short for bplint in three ways, each shown by a test (TestGoVetFix*):
//
//   - go vet -fix applies the fix of every diagnostic, so it cannot keep
//     to the findings that -baseline, -new-from-rev, -new-from-patch and
//     -test=false leave: it rewrites code the user asked not to look at;
//   - go vet -fix -diff names files by their absolute path with " (old)"
//     and " (new)" appended, which patch -p1 cannot apply from the
//     repository;
//   - neither says which fixes it applied, and go vet -fix needs a second
//     analysis of every package (its flags differ, so nothing is cached).
//
// applyfix takes the first fix of each finding that remains, as go vet
// does, and gofmts the files it changes.

type applied struct{ fixes, files int }

// applyFixes writes the suggested fixes of the findings to the files.
func applyFixes(res *result, o options) (applied, error) {
	plan, err := applyfix.Apply(res.findings)
	if err != nil {
		return applied{}, err
	}
	for _, s := range plan.Skipped {
		fmt.Fprintf(o.stderr, "bplint: %s\n", s)
	}
	for _, c := range plan.Changes {
		if err := os.WriteFile(c.Path, c.New, 0o666); err != nil {
			return applied{}, fmt.Errorf("-fix: %v", err)
		}
	}
	return applied{fixes: plan.Applied, files: len(plan.Changes)}, nil
}

// writeDiff prints the suggested fixes as a patch for patch -p1 in the
// working directory.
func writeDiff(res *result, o options, stdout io.Writer) error {
	plan, err := applyfix.Apply(res.findings)
	if err != nil {
		return err
	}
	for _, s := range plan.Skipped {
		fmt.Fprintf(o.stderr, "bplint: %s\n", s)
	}
	if o.output != "" {
		return os.WriteFile(o.output, []byte(plan.Diff(res.root)), 0o666)
	}
	_, err = io.WriteString(stdout, plan.Diff(res.root))
	return err
}
