package crash_test

import (
	"go/types"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/internal/crash"
)

func TestGuardTurnsPanicIntoError(t *testing.T) {
	a := &analysis.Analyzer{Name: "boom"}
	run := crash.Guard(func(*analysis.Pass) (any, error) {
		var m map[string]int
		m["x"] = 1 // panics: assignment to entry in nil map
		return nil, nil
	})
	res, err := run(&analysis.Pass{Analyzer: a, Pkg: types.NewPackage("example.com/victim", "victim")})
	require.Error(t, err)
	assert.Nil(t, res)
	assert.Contains(t, err.Error(), "analyzer boom panicked on package example.com/victim")
	assert.Contains(t, err.Error(), "assignment to entry in nil map")
}

func TestGuardPassesResultsThrough(t *testing.T) {
	run := crash.Guard(func(*analysis.Pass) (any, error) { return 42, nil })
	res, err := run(&analysis.Pass{Analyzer: &analysis.Analyzer{Name: "ok"}})
	require.NoError(t, err)
	assert.Equal(t, 42, res)
}
