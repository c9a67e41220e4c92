// Command profile runs bplint's vet tool once under go vet, as bplint
// does (go vet -vettool=<bplint> -json), cold (a salted copy of the
// binary, so go vet's results cache misses; the build cache stays warm),
// with BPLINT_PROFILE set, and sums what the vet tool recorded per
// package: where a cold run's time goes. -prefilter=false passes
// -analyzed.prefilter=false (every dependency type-checked and analyzed
// for its facts), which the bplint command does not expose.
//
//	go run ./bench/profile [-bplint BIN] [-dir DIR] [-prefilter=false] std | <module dir>
//
// It prints the wall time of the run, then the vet tool's CPU seconds
// split into the dependencies' fact runs (skipped by the prefilter or
// not) and the analyzed packages, the phases of each (parse, type-check
// with the reading of export data apart, analyze, ...), the analyzers'
// times (overlapping: they run in parallel within a package) and the
// packages that cost most. DIR keeps runs.jsonl and a CPU profile per
// package (go tool pprof DIR/<package>.pprof).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type record struct {
	ID        string             `json:"id"`
	VetxOnly  bool               `json:"vetxonly"`
	Files     int                `json:"files"`
	Bytes     int64              `json:"bytes"`
	Skipped   bool               `json:"skipped"`
	Reason    string             `json:"reason"`
	Facts     int                `json:"facts"`
	Own       int                `json:"own"`
	Phases    map[string]float64 `json:"phases"`
	Analyzers map[string]float64 `json:"analyzers"`
	Total     float64            `json:"total"`
	CPU       float64            `json:"cpu"`
	MaxRSSMiB float64            `json:"maxrss_mib"`
}

func main() {
	bplint := flag.String("bplint", "", "the bplint `binary` (default: build ./cmd/bplint)")
	dir := flag.String("dir", "", "`directory` for runs.jsonl and the CPU profiles (default: a new temporary one)")
	prefilterOn := flag.Bool("prefilter", true, "the vet tool's -analyzed.prefilter")
	top := flag.Int("top", 8, "packages listed by cost")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: profile [-bplint BIN] [-dir DIR] std | <module dir>")
		os.Exit(2)
	}
	target := flag.Arg(0)
	tmp, err := os.MkdirTemp("", "bplint-profile")
	check(err)
	defer os.RemoveAll(tmp)
	if *bplint == "" {
		*bplint = filepath.Join(tmp, "bplint.built")
		build := exec.Command("go", "build", "-o", *bplint, "./cmd/bplint")
		build.Stderr = os.Stderr
		check(build.Run())
	}
	if *dir == "" {
		*dir = filepath.Join(tmp, "profile")
		defer fmt.Fprintf(os.Stderr, "(profiles removed; -dir keeps them)\n")
	}
	check(os.MkdirAll(*dir, 0o777))
	_ = os.Remove(filepath.Join(*dir, "runs.jsonl"))

	// A salted copy: a new go vet tool ID, so nothing is cached for it.
	data, err := os.ReadFile(*bplint)
	check(err)
	exe := filepath.Join(tmp, "bplint")
	check(os.WriteFile(exe, append(data, fmt.Sprintf("\nprofile salt %d\n", time.Now().UnixNano())...), 0o755))

	pattern := "./..."
	cmdDir := target
	if target == "std" {
		pattern = "std"
		cmdDir = filepath.Join(tmp, "empty")
		check(os.MkdirAll(cmdDir, 0o777))
	}
	args := []string{"vet", "-vettool=" + exe, "-json"}
	if !*prefilterOn {
		args = append(args, "-analyzed.prefilter=false")
	}
	cmd := exec.Command("go", append(args, pattern)...)
	cmd.Dir = cmdDir
	cmd.Env = append(os.Environ(), "BPLINT_PROFILE="+*dir)
	t0 := time.Now()
	err = cmd.Run()
	wall := time.Since(t0)
	if _, ok := err.(*exec.ExitError); !ok {
		check(err) // go vet exits non-zero on findings
	}
	recs := read(filepath.Join(*dir, "runs.jsonl"))
	fmt.Printf("%s: wall %.1fs, %d vet tool runs (profiles in %s)\n\n", target, wall.Seconds(), len(recs), *dir)
	report(recs, *top)
}

func read(name string) []record {
	f, err := os.Open(name)
	check(err)
	defer f.Close()
	var out []record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r record
		check(json.Unmarshal(sc.Bytes(), &r))
		out = append(out, r)
	}
	check(sc.Err())
	return out
}

type group struct {
	name       string
	n          int
	bytes      int64
	total, cpu float64
	maxRSS     float64
	phases     map[string]float64
	analyzers  map[string]float64
	recs       []record
}

func report(recs []record, top int) {
	groups := []*group{
		{name: "dependencies, skipped (prefilter)"},
		{name: "dependencies, facts computed"},
		{name: "analyzed packages"},
	}
	for _, g := range groups {
		g.phases, g.analyzers = map[string]float64{}, map[string]float64{}
	}
	for _, r := range recs {
		g := groups[2]
		if r.VetxOnly {
			g = groups[1]
			if r.Skipped {
				g = groups[0]
			}
		}
		g.n++
		g.bytes += r.Bytes
		g.total += r.Total
		g.cpu += r.CPU
		g.maxRSS = max(g.maxRSS, r.MaxRSSMiB)
		for k, v := range r.Phases {
			g.phases[k] += v
		}
		for k, v := range r.Analyzers {
			g.analyzers[k] += v
		}
		g.recs = append(g.recs, r)
	}
	var sum float64
	for _, g := range groups {
		sum += g.total
	}
	fmt.Printf("%-36s %6s %8s %10s %8s %8s %9s\n", "vet tool runs", "pkgs", "MiB src", "total (s)", "share", "CPU (s)", "max RSS")
	for _, g := range groups {
		fmt.Printf("%-36s %6d %8.1f %10.1f %7.0f%% %8.1f %8.0fM\n", g.name, g.n, float64(g.bytes)/(1<<20), g.total, 100*g.total/sum, g.cpu, g.maxRSS)
	}
	for _, g := range groups {
		if g.n == 0 {
			continue
		}
		fmt.Printf("\n%s: phases (s)\n", g.name)
		for _, k := range sortedByValue(g.phases) {
			fmt.Printf("  %-22s %8.2f %5.0f%%\n", k, g.phases[k], 100*g.phases[k]/g.total)
		}
		if len(g.analyzers) > 0 {
			fmt.Printf("%s: analyzers (s, overlapping)\n", g.name)
			for _, k := range sortedByValue(g.analyzers) {
				fmt.Printf("  %-22s %8.2f\n", k, g.analyzers[k])
			}
		}
		slices.SortFunc(g.recs, func(a, b record) int { return int(1000 * (b.Total - a.Total)) })
		fmt.Printf("%s: costliest\n", g.name)
		for _, r := range g.recs[:min(top, len(g.recs))] {
			why := ""
			if r.VetxOnly && !r.Skipped && r.Reason != "" {
				why = " (" + r.Reason + ")"
			}
			fmt.Printf("  %-44s %6.2fs %6.0fM%s\n", r.ID, r.Total, r.MaxRSSMiB, why)
		}
	}
	reasons := map[string]int{}
	for _, r := range groups[1].recs {
		reasons[reasonKind(r.Reason)]++
	}
	if len(reasons) > 0 {
		fmt.Printf("\nwhy dependencies were not skipped\n")
		for _, k := range sortedByValueInt(reasons) {
			fmt.Printf("  %5d %s\n", reasons[k], k)
		}
	}
}

// reasonKind drops the name from a reason ("a reference to Go" -> "a reference to").
func reasonKind(r string) string {
	for _, p := range []string{"a reference to ", "a call of a function value in a loop: ", "a function that may not return: ", "the vetx file of "} {
		if strings.HasPrefix(r, p) {
			return strings.TrimSpace(p) + " ..."
		}
	}
	if r == "" {
		return "(prefilter off)"
	}
	return r
}

func sortedByValue(m map[string]float64) []string {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			if m[a] > m[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

func sortedByValueInt(m map[string]int) []string {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return keys
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}
