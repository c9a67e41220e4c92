package unboundedqueue_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/bplint/bplint/unboundedqueue"
)

// testdata is the shared GOPATH-style tree at the repository root.
var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

func TestGoroutinePerItem(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawn")
}

func TestSpawnerFacts(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/spawner", "unboundedqueue/spawnuse")
}

func TestStrict(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{Strict: true}), "unboundedqueue/strict")
}
