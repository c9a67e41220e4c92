package driver

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bplint/bplint/internal/finding"
)

// TestReadStderr: what go vet prints on standard error is sorted into the
// failures of packages, the go command's own failures, and lines that are
// only passed on (module downloads on a fresh machine, warnings).
func TestReadStderr(t *testing.T) {
	res := &result{}
	res.readStderr(`go: downloading golang.org/x/time v0.12.0
go: warning: "./nothing/..." matched no packages
# example.com/m/bad
bad/bad.go:4:23: undefined: undefinedThing
# example.com/m/vetted [example.com/m/vetted.test]
vet: vetted/v.go:3:1: expected declaration, found bogus
	a continuation line
no packages to vet
`)
	assert.Equal(t, []string{
		"go: downloading golang.org/x/time v0.12.0",
		`go: warning: "./nothing/..." matched no packages`,
	}, res.warnings)
	assert.Equal(t, []finding.Error{
		{Package: "example.com/m/bad", Err: "bad/bad.go:4:23: undefined: undefinedThing"},
		{Package: "example.com/m/vetted", Err: "vetted/v.go:3:1: expected declaration, found bogus\n\ta continuation line"},
		{Err: "no packages to vet"},
	}, res.errors)
}
