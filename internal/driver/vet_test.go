package driver

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestVetToolFactsAcrossPackages: under go vet, each package is analyzed in
// its own process; facts (a wrapper of a signal, a spawner) must still reach
// the importing package.
func TestVetToolFactsAcrossPackages(t *testing.T) {
	_, stderr, code := runIn(t, testdataDir("facts"), nil, "go", "vet", "-vettool="+self(t), "./...")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "use/use.go:8:2: result of wrap.Push (which returns (*wrap.Queue).TrySend unchanged) is discarded")
	assert.Contains(t, stderr, "use/use.go:10:3: Async starts a goroutine (wrap.go:13) per value received from in with no limit")

	// The standalone driver agrees.
	stdout, _, code := bplint(t, testdataDir("facts"), "./...")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, []string{"use/use.go:8:2 (discarded-signal)", "use/use.go:10:3 (goroutine-per-item)"}, lines(t, stdout))
}

// TestFactsFromDependencyOnly: when the package holding the wrapper and the
// spawner is only a dependency of what is analyzed, go vet runs the
// facts-only analyzers on it (no SSA unless it may hold a wrapper), and the
// facts still reach the importer.
func TestFactsFromDependencyOnly(t *testing.T) {
	stdout, stderr, code := bplint(t, testdataDir("facts"), "./use")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"use/use.go:8:2 (discarded-signal)", "use/use.go:10:3 (goroutine-per-item)"}, lines(t, stdout))
}
