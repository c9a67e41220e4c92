#!/usr/bin/env bash
# run.sh: the benchmark table of docs/performance.md.
#
#   bench/run.sh [-n N] [-tools LIST] [-warm=false] [-edit=false] [target...]   (default: -n 3 std)
#
# A target is "std" or a module directory (analyzed on ./...). Installs
# errcheck and staticcheck at pinned versions, builds bplint and bench/noop
# (bplint's driver with an analyzer that does nothing: the load-and-type-check
# floor) and runs bench/harness, which prints medians and ratios of wall time
# and peak memory over alternating cold runs, bplint's re-run with nothing
# changed, and the incremental case (one file of the largest package edited,
# every cache warm otherwise; -edit=false leaves it out). See
# bench/harness/main.go for what cold and edited mean.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ERRCHECK_VERSION=v1.30.0
STATICCHECK_VERSION=v0.8.2
bin=${BPLINT_BENCH_BIN:-$(go env GOCACHE)/bplint-bench-bin}
mkdir -p "$bin"
[ -x "$bin/errcheck-$ERRCHECK_VERSION" ] || {
  GOBIN="$bin" go install "github.com/kisielk/errcheck@$ERRCHECK_VERSION"
  mv "$bin/errcheck" "$bin/errcheck-$ERRCHECK_VERSION"
}
[ -x "$bin/staticcheck-$STATICCHECK_VERSION" ] || {
  GOBIN="$bin" go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
  mv "$bin/staticcheck" "$bin/staticcheck-$STATICCHECK_VERSION"
}
ln -sf "errcheck-$ERRCHECK_VERSION" "$bin/errcheck"
ln -sf "staticcheck-$STATICCHECK_VERSION" "$bin/staticcheck"
(cd "$root" && go build -o "$bin/bplint" ./cmd/bplint && go build -o "$bin/noop" ./bench/noop && go build -o "$bin/harness" ./bench/harness)

args=()
while [ $# -gt 0 ]; do
  case $1 in
    -n|-tools) args+=("$1" "$2"); shift 2 ;;
    -warm=*|-edit=*) args+=("$1"); shift ;;
    *) break ;;
  esac
done
targets=()
for t in "${@:-std}"; do
  if [ "$t" = std ]; then targets+=(std); else targets+=("$(cd "$t" && pwd)"); fi
done
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version)"
echo "errcheck $ERRCHECK_VERSION, staticcheck $STATICCHECK_VERSION, bplint $(git -C "$root" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin/harness" -bin "$bin" "${args[@]}" "${targets[@]}"
