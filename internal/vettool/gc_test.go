package vettool

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGCSettings(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	const gib = 1 << 30
	tests := []struct {
		name       string
		vars       map[string]string
		physical   uint64
		cpus       int
		percent    int
		setPercent bool
		limit      int64
		setLimit   bool
	}{
		{"nothing set: the larger target and half the memory shared by the CPUs", nil, 24 * gib, 2, gcPercent, true, 6 * gib, true},
		{"four CPUs share it", nil, 16 * gib, 4, gcPercent, true, 2 * gib, true},
		{"GOGC set: the user's collector, no limit of bplint's", map[string]string{"GOGC": "100"}, 24 * gib, 2, 0, false, 0, false},
		{"GOGC=off is the user's too", map[string]string{"GOGC": "off"}, 24 * gib, 2, 0, false, 0, false},
		{"GOMEMLIMIT set: bplint's target, the user's limit", map[string]string{"GOMEMLIMIT": "1GiB"}, 24 * gib, 2, gcPercent, true, 0, false},
		{"memory unknown: no limit", nil, 0, 2, gcPercent, true, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			percent, setPercent, limit, setLimit := gcSettings(env(tt.vars), tt.physical, tt.cpus)
			assert.Equal(t, tt.setPercent, setPercent, "set GOGC")
			assert.Equal(t, tt.percent, percent, "GOGC")
			assert.Equal(t, tt.setLimit, setLimit, "set GOMEMLIMIT")
			assert.Equal(t, tt.limit, limit, "GOMEMLIMIT")
		})
	}
}

func TestPhysicalMemoryIsPlausible(t *testing.T) {
	m := physicalMemory()
	if m == 0 {
		t.Skip("the memory of this machine is not read on this system")
	}
	assert.Greater(t, m, uint64(64<<20), "a machine that runs go test has more than 64 MiB")
}
