package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/rules"
)

func TestApply(t *testing.T) {
	all := rules.IDs()
	for _, tc := range []struct {
		name      string
		inherited []string
		terms     string
		want      []string
	}{
		{"no terms keep the inherited", []string{"silent-drop"}, "", []string{"silent-drop"}},
		{"all minus one", all, "all,-silent-drop", []string{"discarded-signal", "ignored-write", "slice-queue", "list-queue", "goroutine-per-item", "unbuffered-fan-in"}},
		{"an analyzer", all, "unboundedqueue", rules.Of(rules.UnboundedQueue)},
		{"a rule starts from nothing", all, "silent-drop", []string{"silent-drop"}},
		{"a removal first starts from the inherited", []string{"silent-drop", "slice-queue"}, "-slice-queue", []string{"silent-drop"}},
		{"wildcard over rules", all, "*-queue", []string{"slice-queue", "list-queue"}},
		{"wildcard over analyzers", all, "ignored*,-silent-drop", []string{"discarded-signal", "ignored-write"}},
		{"inherit adds the inherited", []string{"slice-queue"}, "silent-drop,inherit", []string{"silent-drop", "slice-queue"}},
		{"left to right", all, "-unboundedqueue,list-queue", []string{"discarded-signal", "ignored-write", "silent-drop", "list-queue"}},
		{"later removal wins", all, "silent-drop,-silent-drop", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Apply(tc.inherited, Split(tc.terms))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestApplyRejectsUnknownTerms(t *testing.T) {
	_, err := Apply(rules.IDs(), Split("all,-silent-dorp"))
	require.ErrorContains(t, err, `checks: "silent-dorp" matches no rule`)
	assert.ErrorContains(t, err, "silent-drop", "the error lists the rules")
	_, err = Apply(nil, Split("nothing-*"))
	require.ErrorContains(t, err, `"nothing-*" matches no rule`)
	_, err = Apply(nil, Split("[bad"))
	require.ErrorContains(t, err, "malformed wildcard")
}

func TestSplit(t *testing.T) {
	assert.Equal(t, []string{"all", "-silent-drop"}, Split(" all, ,-silent-drop,"))
	assert.Empty(t, Split(""))
}
