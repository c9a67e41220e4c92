#!/usr/bin/env bash
# cost.sh: what unboundedqueue adds to a bplint run, measured as the ratio of
# medians of wall time (and peak RSS) over N alternating runs of
#   A: bplint with ignoredsignal alone (every unboundedqueue rule disabled,
#      which skips that analyzer's work)
#   B: bplint with both analyzers
# on the same packages. The machine is noisy: quote the ratio, not the times.
# RSS here is the largest single process (go vet runs one per package);
# bench/run.sh measures the whole process tree.
#
# Usage: bench/cost.sh [-n N] [packages...]   (default: -n 3 std)
set -euo pipefail
n=3
if [ "${1:-}" = "-n" ]; then n=$2; shift 2; fi
pkgs=("${@:-std}")
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(mktemp -d)/bplint
(cd "$root" && go build -o "$bin" ./cmd/bplint)
off="-unboundedqueue.disable=slice-queue,list-queue,goroutine-per-item,unbuffered-fan-in"

run=0
measure() { # prints "seconds maxrss_kb"
  # a fresh copy with other trailing bytes: a new go vet tool ID, so go vet's
  # results cache misses and the run is cold (the build cache stays warm).
  run=$((run + 1)); cp "$bin" "$bin.$run"; echo "salt $run" >>"$bin.$run"
  /usr/bin/time -f "%e %M" -o /tmp/bplint-cost.$$ "$bin.$run" "$@" "${pkgs[@]}" >/dev/null 2>&1 || true
  tail -n 1 /tmp/bplint-cost.$$ # time prepends a line when bplint exits 1 (findings)
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

"$bin" "$off" "${pkgs[@]}" >/dev/null 2>&1 || true # warm the build and file caches
: >/tmp/bplint-cost-a.$$; : >/tmp/bplint-cost-b.$$
for i in $(seq "$n"); do
  measure "$off" >>/tmp/bplint-cost-a.$$
  measure >>/tmp/bplint-cost-b.$$
done
ta=$(cut -d' ' -f1 /tmp/bplint-cost-a.$$ | median); tb=$(cut -d' ' -f1 /tmp/bplint-cost-b.$$ | median)
ma=$(cut -d' ' -f2 /tmp/bplint-cost-a.$$ | median); mb=$(cut -d' ' -f2 /tmp/bplint-cost-b.$$ | median)
printf 'packages: %s, runs: %d each, alternating\n' "${pkgs[*]}" "$n"
printf '%-40s %10s %12s\n' "configuration" "median s" "median RSS MB"
printf '%-40s %10.1f %12.0f\n' "A: ignoredsignal alone" "$ta" "$(echo "$ma/1024" | bc -l)"
printf '%-40s %10.1f %12.0f\n' "B: ignoredsignal + unboundedqueue" "$tb" "$(echo "$mb/1024" | bc -l)"
printf 'ratio B/A: wall %.3f, peak RSS %.3f\n' "$(echo "$tb/$ta" | bc -l)" "$(echo "$mb/$ma" | bc -l)"
rm -f /tmp/bplint-cost-a.$$ /tmp/bplint-cost-b.$$ /tmp/bplint-cost.$$
