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

// postprocess applies, in order, -write-baseline (all current findings),
// -new-from-rev/-new-from-patch, -baseline, and -fix/-diff (to the
// findings that remain).
func postprocess(res *result, o options, stdout, stderr io.Writer) error {
	if o.writeBaseline != "" {
		if err := baseline.Write(o.writeBaseline, res.findings); err != nil {
			return fmt.Errorf("-write-baseline: %v", err)
		}
		fmt.Fprintf(stderr, "bplint: recorded %d findings in %s\n", len(res.findings), o.writeBaseline)
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
			fmt.Fprintf(stderr, "bplint: the baseline %s hid %d findings\n", o.baseline, hidden)
		}
	}
	if o.fix || o.diff {
		plan, err := applyfix.Apply(res.findings)
		if err != nil {
			return err
		}
		for _, s := range plan.Skipped {
			fmt.Fprintf(stderr, "bplint: %s\n", s)
		}
		if o.diff {
			if o.output != "" {
				return os.WriteFile(o.output, []byte(plan.Diff(res.root)), 0o666)
			}
			_, err := io.WriteString(stdout, plan.Diff(res.root))
			return err
		}
		for _, c := range plan.Changes {
			if err := os.WriteFile(c.Path, c.New, 0o666); err != nil {
				return fmt.Errorf("-fix: %v", err)
			}
		}
	}
	return nil
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
