// Command harness times bplint against its floor and its peers on the same
// packages and prints one table: medians over alternating runs, and ratios.
//
//	harness -bin DIR [-n 3] [-tools bplint,noop,errcheck,staticcheck] target...
//
// A target is "std" (the standard library, run from an empty directory) or
// a module directory (run there on ./...). DIR holds the binaries bplint,
// noop (bplint's driver with an analyzer that does nothing), errcheck and
// staticcheck; bench/run.sh builds and installs them at pinned versions.
//
// Every cold run is cold for results and warm for the build cache: each
// tool runs once unmeasured first (compiling what go vet needs), then each
// bplint/noop run uses a fresh copy of its binary with different trailing
// bytes (a new go vet tool ID, so go vet's results cache misses) and each
// staticcheck run a fresh STATICCHECK_CACHE; errcheck keeps nothing. The
// re-run row is bplint run again with the same binary and nothing changed.
//
// The edit rows (-edit) are the incremental case: one file of the target's
// largest package (the most bytes of Go source, tests included; its
// largest non-test file) gets a new comment line before each run, so its
// hash changes, with every cache warm otherwise: bplint keeps one binary
// (its results for the rest of the target stay cached), staticcheck one
// STATICCHECK_CACHE, and errcheck, which keeps nothing, runs in full. For
// std the edit is made in a copy of GOROOT (hard links, but for the edited
// file), which every tool then uses. The file is restored at the end. Their
// wall/errcheck and mem/errcheck are against errcheck's edit row.
//
// Wall time is the command's; peak memory is the largest sum of the resident
// sets of the command and all its descendants, sampled every 20 ms (go vet
// runs one process per package, so the sum, not the largest process, is
// what the machine must have).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

func main() {
	bin := flag.String("bin", "", "`dir` with the bplint, noop, errcheck and staticcheck binaries")
	n := flag.Int("n", 3, "measured runs per tool and target")
	toolList := flag.String("tools", "bplint,noop,errcheck,staticcheck", "comma-separated tools to run")
	rerun := flag.Bool("rerun", true, "also time bplint re-run with nothing changed")
	warm := flag.Bool("warm", true, "run each tool once, unmeasured, before the measured runs (fills the build cache)")
	edit := flag.Bool("edit", true, "also time the incremental case: one file of the largest package edited, the caches warm otherwise")
	flag.Parse()
	if *bin == "" || flag.NArg() == 0 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: harness -bin DIR [-n 3] [-tools ...] target...")
		os.Exit(2)
	}
	tools := strings.Split(*toolList, ",")
	work, err := os.MkdirTemp("", "bplint-bench")
	check(err)
	defer os.RemoveAll(work)

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "target\ttool\truns\twall (s)\tpeak mem (MiB)\twall/errcheck\twall/noop\tmem/errcheck\t\n")
	for _, target := range flag.Args() {
		results := make(map[string]*stats)
		for _, tool := range tools {
			results[tool] = &stats{}
			if *warm {
				// Warm-up: compile what go vet needs (export data); the
				// results cached under this binary's ID are not reused.
				_, err := measure(command(*bin, work, tool, target, "warm"))
				check(err)
			}
		}
		for i := range *n {
			// Alternate the tools so the machine's noise spreads over all.
			for _, tool := range rotate(tools, i) {
				m, err := measure(command(*bin, work, tool, target, strconv.Itoa(i)))
				check(err)
				results[tool].add(m)
				fmt.Fprintf(os.Stderr, "%s %s run %d: %.2fs %.0f MiB (load %s)\n", targetName(target), tool, i+1, m.wall.Seconds(), m.peakMiB, loadavg())
			}
		}
		if *rerun && slices.Contains(tools, "bplint") {
			results["bplint re-run"] = &stats{}
			c := command(*bin, work, "bplint", target, "rerun")
			_, err := measure(c)
			check(err)
			for range *n {
				m, err := measure(command(*bin, work, "bplint", target, "rerun"))
				check(err)
				results["bplint re-run"].add(m)
			}
		}
		rows := append(slices.Clone(tools), "bplint re-run")
		if *edit {
			rows = append(rows, editRuns(*bin, work, target, tools, *n, results)...)
		}
		ec, noop := results["errcheck"], results["noop"]
		for _, tool := range rows {
			s := results[tool]
			if s == nil {
				continue
			}
			base := ec
			if strings.HasSuffix(tool, " edit") {
				base = results["errcheck edit"]
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t%.0f\t%s\t%s\t%s\t\n", targetName(target), tool, len(s.wall),
				s.medianWall(), s.medianMem(),
				ratio(s.medianWall(), base, (*stats).medianWall), ratio(s.medianWall(), noop, (*stats).medianWall),
				ratio(s.medianMem(), base, (*stats).medianMem))
		}
	}
	check(tw.Flush())
}

// command returns the command line of tool on target. run names the run:
// bplint and noop get a binary of their own per run (a cold go vet cache),
// except "rerun" and "edit", which reuse one each.
func command(bin, work, tool, target, run string) *exec.Cmd {
	dir, pattern := target, "./..."
	if target == "std" {
		dir = filepath.Join(work, "empty")
		check(os.MkdirAll(dir, 0o777))
		pattern = "std"
	}
	var cmd *exec.Cmd
	switch tool {
	case "bplint", "noop":
		exe := filepath.Join(work, tool+"-"+run)
		if _, err := os.Stat(exe); err != nil {
			// The salt names this harness run too (its temporary
			// directory): a binary of an earlier run would hit the
			// results go vet cached for it.
			copySalted(filepath.Join(bin, tool), exe, work+" "+target+" "+run)
		}
		cmd = exec.Command(exe, pattern)
	case "errcheck":
		cmd = exec.Command(filepath.Join(bin, "errcheck"), pattern)
	case "staticcheck":
		cmd = exec.Command(filepath.Join(bin, "staticcheck"), pattern)
		cache := filepath.Join(work, "staticcheck-cache-"+run)
		if run != "edit" {
			var err error
			cache, err = os.MkdirTemp(work, "staticcheck-cache")
			check(err)
		}
		cmd.Env = []string{"STATICCHECK_CACHE=" + cache}
	default:
		check(fmt.Errorf("unknown tool %q", tool))
	}
	cmd.Dir = dir
	// cmd.Env holds the tool's own variables; the caller's environment
	// (os.Environ, or the GOROOT copy of an edit run) goes first.
	cmd.Env = append(os.Environ(), cmd.Env...)
	return cmd
}

// copySalted copies the binary src to dst with salt appended: the program
// is the same, its content hash (go vet's tool ID) is not.
func copySalted(src, dst, salt string) {
	data, err := os.ReadFile(src)
	check(err)
	check(os.WriteFile(dst, append(data, []byte("\nbench salt "+salt+"\n")...), 0o755))
}

// editRuns times the incremental case on target (see the package
// comment) and returns the rows it added to results.
func editRuns(bin, work, target string, tools []string, n int, results map[string]*stats) []string {
	dir, env := target, os.Environ()
	if target == "std" {
		goroot := strings.TrimSpace(output(exec.Command("go", "env", "GOROOT")))
		dir = filepath.Join(work, "goroot")
		check(linkTree(goroot, dir))
		env = append(env, "GOROOT="+dir, "PATH="+filepath.Join(dir, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	file := largestFile(dir, target, env)
	orig, err := os.ReadFile(file)
	check(err)
	info, err := os.Stat(file)
	check(err)
	defer func() { check(replaceFile(file, orig, info.Mode())) }()
	fmt.Fprintf(os.Stderr, "%s edit: %s\n", targetName(target), file)
	edits := 0
	run := func(tool string) measurement {
		edits++
		check(replaceFile(file, append(slices.Clone(orig), fmt.Sprintf("\n// bplint bench edit %d\n", edits)...), info.Mode()))
		cmd := command(bin, work, tool, target, "edit")
		cmd.Env = append(slices.Clone(env), cmd.Env[len(os.Environ()):]...)
		m, err := measure(cmd)
		check(err)
		return m
	}
	var rows []string
	for _, tool := range tools {
		if tool == "noop" {
			continue
		}
		rows = append(rows, tool+" edit")
		results[tool+" edit"] = &stats{}
		run(tool) // warm: the caches of this binary or directory, and the build cache with an edit
	}
	for i := range n {
		for _, tool := range rotate(tools, i) {
			if tool == "noop" {
				continue
			}
			m := run(tool)
			results[tool+" edit"].add(m)
			fmt.Fprintf(os.Stderr, "%s %s edit %d: %.2fs %.0f MiB (load %s)\n", targetName(target), tool, i+1, m.wall.Seconds(), m.peakMiB, loadavg())
		}
	}
	return rows
}

// largestFile returns the largest non-test Go file of the package of
// target with the most bytes of Go source (tests included).
func largestFile(dir, target string, env []string) string {
	pattern := "./..."
	if target == "std" {
		pattern = "std"
	}
	cmd := exec.Command("go", "list", "-f", "{{.Dir}}\t{{range .GoFiles}}{{.}} {{end}}\t{{range .TestGoFiles}}{{.}} {{end}}{{range .XTestGoFiles}}{{.}} {{end}}", pattern)
	cmd.Dir, cmd.Env = dir, env
	if target == "std" {
		cmd.Dir = filepath.Join(dir, "src")
	}
	best, bestSize := "", int64(-1)
	for _, line := range strings.Split(strings.TrimSpace(output(cmd)), "\n") {
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			continue
		}
		var total int64
		file, fileSize := "", int64(-1)
		for i, list := range parts[1:] {
			for _, f := range strings.Fields(list) {
				st, err := os.Stat(filepath.Join(parts[0], f))
				if err != nil {
					continue
				}
				total += st.Size()
				if i == 0 && st.Size() > fileSize {
					file, fileSize = filepath.Join(parts[0], f), st.Size()
				}
			}
		}
		if file != "" && total > bestSize {
			best, bestSize = file, total
		}
	}
	if best == "" {
		check(fmt.Errorf("%s: no Go file to edit", target))
	}
	return best
}

// replaceFile writes data to a new file and renames it onto name: a file
// hard-linked from GOROOT is replaced, never written through.
func replaceFile(name string, data []byte, mode os.FileMode) error {
	tmp := name + ".bplint-bench"
	if err := os.WriteFile(tmp, data, mode.Perm()); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// linkTree makes dst a copy of the tree src made of hard links.
func linkTree(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case info.IsDir():
			return os.MkdirAll(to, info.Mode().Perm()|0o700)
		case info.Mode()&os.ModeSymlink != 0:
			l, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(l, to)
		default:
			return os.Link(path, to)
		}
	})
}

func output(cmd *exec.Cmd) string {
	out, err := cmd.Output()
	check(err)
	return string(out)
}

// loadavg returns the one-minute load average, for the log.
func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}

func targetName(target string) string {
	if target == "std" {
		return target
	}
	return filepath.Base(target)
}

type measurement struct {
	wall    time.Duration
	peakMiB float64
}

// measure runs cmd, discarding its output, and samples the resident memory
// of its process tree. Exit status 1 (findings) is success.
func measure(cmd *exec.Cmd) (measurement, error) {
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measurement{}, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var peak int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			m := measurement{wall: time.Since(start), peakMiB: float64(peak) / (1 << 20)}
			if err != nil && cmd.ProcessState.ExitCode() != 1 {
				return m, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, tail(stderr.String()))
			}
			return m, nil
		case <-tick.C:
			peak = max(peak, treeRSS(cmd.Process.Pid))
		}
	}
}

// treeRSS returns the summed resident set size, in bytes, of pid and all
// its descendants, from /proc.
func treeRSS(pid int) int64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	children := make(map[int][]int)
	rss := make(map[int]int64)
	page := int64(os.Getpagesize())
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses.
		rest := stat[bytes.LastIndexByte(stat, ')')+1:]
		fields := strings.Fields(string(rest))
		if len(fields) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		pages, _ := strconv.ParseInt(fields[21], 10, 64) // rss, in pages
		children[ppid] = append(children[ppid], p)
		rss[p] = pages * page
	}
	var sum int64
	stack := []int{pid}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		sum += rss[p]
		stack = append(stack, children[p]...)
	}
	return sum
}

type stats struct {
	wall []float64 // seconds
	mem  []float64 // MiB
}

func (s *stats) add(m measurement) {
	s.wall = append(s.wall, m.wall.Seconds())
	s.mem = append(s.mem, m.peakMiB)
}

func (s *stats) medianWall() float64 { return median(s.wall) }
func (s *stats) medianMem() float64  { return median(s.mem) }

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ratio formats x over the median of base, or "-" without a base.
func ratio(x float64, base *stats, of func(*stats) float64) string {
	if base == nil || of(base) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", x/of(base))
}

func rotate(xs []string, k int) []string {
	k %= len(xs)
	return append(slices.Clone(xs[k:]), xs[:k]...)
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-10):], "\n")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(2)
	}
}
