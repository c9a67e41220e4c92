package finding

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeSortsAndDropsTestVariantDuplicates(t *testing.T) {
	fs := Normalize([]Finding{
		{Package: "p [p.test]", File: "b.go", Line: 1, Col: 1, Rule: "r", Message: "m"},
		{Package: "p", File: "a.go", Line: 2, Col: 1, Rule: "r", Message: "m"},
		{Package: "p [p.test]", File: "a.go", Line: 2, Col: 1, Rule: "r", Message: "m"},
		{Package: "p", File: "a.go", Line: 2, Col: 1, Rule: "q", Message: "m"},
	})
	assert.Equal(t, []Finding{
		{Package: "p", File: "a.go", Line: 2, Col: 1, Rule: "q", Message: "m"},
		{Package: "p", File: "a.go", Line: 2, Col: 1, Rule: "r", Message: "m"},
		{Package: "p [p.test]", File: "b.go", Line: 1, Col: 1, Rule: "r", Message: "m"},
	}, fs)
}

func TestFingerprints(t *testing.T) {
	f := Finding{Rule: "r", File: "a.go", Line: 3, Source: "  q.TrySend(1)  "}
	g := f
	g.Line = 30 // the same code, moved
	g.Source = "q.TrySend(1)"
	assert.Equal(t, Fingerprints([]Finding{f}), Fingerprints([]Finding{g}), "line numbers and indentation do not matter")
	two := Fingerprints([]Finding{f, g})
	assert.NotEqual(t, two[0], two[1], "identical code twice: the occurrence index differs")
	h := f
	h.Rule = "other"
	assert.NotEqual(t, Fingerprints([]Finding{f}), Fingerprints([]Finding{h}))
}
