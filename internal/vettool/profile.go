package vettool

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bplint/bplint/internal/prefilter"
)

// profile records, with BPLINT_PROFILE=dir, where one run of the vet tool
// spends its time: a CPU profile (dir/<package>.pprof, or
// <package>.vetxonly.pprof for a dependency's facts) and a line of
// dir/runs.jsonl with the wall time of each phase and analyzer. Without
// the variable every method is a no-op.
type profile struct {
	dir   string
	file  *os.File
	start time.Time
	last  time.Time

	mu  sync.Mutex
	rec profileRecord
}

type profileRecord struct {
	ID        string             `json:"id"`
	VetxOnly  bool               `json:"vetxonly"`
	Files     int                `json:"files"`
	Bytes     int64              `json:"bytes"`
	Skipped   bool               `json:"skipped"`
	Reason    string             `json:"reason,omitempty"` // why a dependency was not skipped
	Facts     int                `json:"facts"`            // facts written (own and passed on)
	Own       int                `json:"own"`              // facts about the package's own objects
	Phases    map[string]float64 `json:"phases"`           // seconds
	Analyzers map[string]float64 `json:"analyzers"`        // seconds, overlapping (they run in parallel)
	Total     float64            `json:"total"`
	CPU       float64            `json:"cpu"`        // user+system seconds
	MaxRSSMiB float64            `json:"maxrss_mib"` // peak resident set
	NumGC     uint32             `json:"gc"`
}

func startProfile(cfg *Config) *profile {
	dir := os.Getenv("BPLINT_PROFILE")
	if dir == "" {
		return nil
	}
	p := &profile{dir: dir, start: time.Now()}
	p.last = p.start
	p.rec = profileRecord{ID: cfg.ID, VetxOnly: cfg.VetxOnly, Files: len(cfg.GoFiles), Phases: map[string]float64{}, Analyzers: map[string]float64{}}
	for _, f := range cfg.GoFiles {
		if st, err := os.Stat(f); err == nil {
			p.rec.Bytes += st.Size()
		}
	}
	name := strings.NewReplacer("/", "_", " ", "", "[", "@", "]", "").Replace(cfg.ID)
	if cfg.VetxOnly {
		name += ".vetxonly"
	}
	if f, err := os.Create(filepath.Join(dir, name+".pprof")); err == nil {
		p.file = f
		_ = pprof.StartCPUProfile(f)
	}
	return p
}

// phase ends the phase name, which started when the previous one ended.
func (p *profile) phase(name string) {
	if p == nil {
		return
	}
	now := time.Now()
	p.mu.Lock()
	p.rec.Phases[name] += now.Sub(p.last).Seconds()
	p.last = now
	p.mu.Unlock()
}

// moveTime moves d of phase from to phase to (the imports read during
// type-checking).
func (p *profile) moveTime(from, to string, d time.Duration) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.rec.Phases[from] -= d.Seconds()
	p.rec.Phases[to] += d.Seconds()
	p.mu.Unlock()
}

func (p *profile) analyzer(name string, d time.Duration) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.rec.Analyzers[name] += d.Seconds()
	p.mu.Unlock()
}

func (p *profile) decision(d prefilter.Decision) {
	if p == nil {
		return
	}
	p.rec.Skipped, p.rec.Reason = d.Skip, d.Reason
}

func (p *profile) facts(n, own int) {
	if p == nil {
		return
	}
	p.rec.Facts, p.rec.Own = n, own
}

func (p *profile) stop() {
	if p == nil {
		return
	}
	if p.file != nil {
		pprof.StopCPUProfile()
		p.file.Close()
	}
	p.rec.Total = time.Since(p.start).Seconds()
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		p.rec.CPU = float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
		p.rec.MaxRSSMiB = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p.rec.NumGC = ms.NumGC
	data, err := json.Marshal(p.rec)
	if err != nil {
		return
	}
	f, err := os.OpenFile(filepath.Join(p.dir, "runs.jsonl"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	f.Write(append(data, '\n')) // one write: lines of parallel runs do not mix
	f.Close()
}
