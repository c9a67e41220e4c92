package findings

import "testing"

// The test variant of the package analyzes findings.go again: its findings
// must be printed once.
func TestSignal(t *testing.T) { Signal(&Queue{}) }
