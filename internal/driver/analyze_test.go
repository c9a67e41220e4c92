package driver

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSections: the go command's messages are split into the blocks of
// packages and the other lines; a failure (known from the missing marker)
// takes its text from its own block or names the dependency with one, and
// everything no failure used is passed on as it was printed.
func TestSections(t *testing.T) {
	secs := splitSections(`go: downloading golang.org/x/time v0.12.0
# example.com/m/bad
bad/bad.go:4:23: undefined: undefinedThing
# example.com/m/vetted [example.com/m/vetted.test]
vet: vetted/v.go:3:1: expected declaration, found bogus
	a continuation line
# example.com/m/cgo
cgo-gcc-prolog: warning: unused variable
go: found golang.org/x/sync/semaphore in golang.org/x/sync v0.24.0
`)
	used := map[string]bool{}
	bad := &pkg{listed: listed{ImportPath: "example.com/m/bad"}}
	vetted := &pkg{listed: listed{ImportPath: "example.com/m/vetted"}}
	user := &pkg{listed: listed{ImportPath: "example.com/m/user", Deps: []string{"example.com/m/bad", "fmt"}}}
	assert.Equal(t, "bad/bad.go:4:23: undefined: undefinedThing", secs.failure(bad, used))
	assert.Equal(t, "vetted/v.go:3:1: expected declaration, found bogus\n\ta continuation line", secs.failure(vetted, used), "a test variant's block is its package's")
	assert.Equal(t, "not analyzed: a dependency does not build: example.com/m/bad", secs.failure(user, used))
	assert.Equal(t, `# example.com/m/cgo
cgo-gcc-prolog: warning: unused variable
go: downloading golang.org/x/time v0.12.0
go: found golang.org/x/sync/semaphore in golang.org/x/sync v0.24.0
`, secs.passOn(used), "the analyzed package's warning and the go command's own lines are passed on")
}

func TestVetIDs(t *testing.T) {
	p := pkg{listed: listed{ImportPath: "example.com/p", GoFiles: []string{"p.go"}, TestGoFiles: []string{"p_test.go"}, XTestGoFiles: []string{"x_test.go"}}}
	assert.Equal(t, []string{"example.com/p", "example.com/p_test"}, p.vetIDs())
	onlyX := pkg{listed: listed{ImportPath: "example.com/q", XTestGoFiles: []string{"x_test.go"}}}
	assert.Equal(t, []string{"example.com/q_test"}, onlyX.vetIDs())
	unsafe := pkg{listed: listed{ImportPath: "unsafe", GoFiles: []string{"unsafe.go"}}}
	assert.Empty(t, unsafe.vetIDs(), "go vet runs no tool on unsafe (bplint std exited 2 for it)")
	assert.Equal(t, "example.com/p", packagePath("example.com/p [example.com/p.test]"))
	assert.Equal(t, "example.com/p", packagePath("example.com/p_test [example.com/p.test]"))
	assert.Equal(t, "example.com/p", packagePath("example.com/p"))
}
