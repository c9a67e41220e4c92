#!/usr/bin/env bash
# fixcheck.sh: apply bplint's suggested fixes to a copy of each module and
# check that every package still builds, type-checks with its tests, and is
# gofmt-clean.
#
#   bench/fixcheck.sh DIR...
#
# For each module directory: copies it (without .git) to a temporary
# directory, runs `bplint -fix ./...` there, then `go build ./...`, the no-op
# vet tool of bench/noop on ./... (go vet type-checks every package with its
# test files), and `gofmt -l` on the files the fixes changed. Prints one line
# per module; exits 1 if any check failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(mktemp -d)
(cd "$root" && go build -o "$bin/bplint" ./cmd/bplint && go build -o "$bin/noop" ./bench/noop) || exit 2
status=0
printf '%-28s %8s %8s %10s %12s %8s\n' module changed build typecheck gofmt result
for dir in "$@"; do
  src=$(cd "$dir" && pwd)
  name=$(basename "$src")
  work=$(mktemp -d)/$name
  mkdir -p "$work"
  (cd "$src" && tar --exclude=.git -cf - .) | (cd "$work" && tar -xf -)
  (cd "$work" && "$bin/bplint" -fix ./... >"$work.fix.log" 2>&1)
  changed=$(diff -rq "$src" "$work" --exclude=.git 2>/dev/null | awk '/^Files/ {print $4}')
  n=$(printf '%s' "$changed" | grep -c . || true)
  build=ok; (cd "$work" && go build ./... >"$work.build.log" 2>&1) || build=FAIL
  tc=ok; (cd "$work" && go vet -vettool="$bin/noop" ./... >"$work.tc.log" 2>&1) || tc=FAIL
  fmt=ok; [ -z "$changed" ] || [ -z "$(gofmt -l $changed)" ] || fmt=FAIL
  # A module that did not build before the fixes is not the fixes' fault.
  if [ "$build" = FAIL ] || [ "$tc" = FAIL ]; then
    before=ok
    (cd "$src" && go build ./... >/dev/null 2>&1 && go vet -vettool="$bin/noop" ./... >/dev/null 2>&1) || before=FAIL
    [ "$before" = FAIL ] && build="$build(pre)" && tc="$tc(pre)"
  fi
  result=ok
  if [ "$fmt" = FAIL ] || [ "$build" = FAIL ] || [ "$tc" = FAIL ]; then result=FAIL; status=1; fi
  printf '%-28s %8s %8s %10s %12s %8s\n' "$name" "$n" "$build" "$tc" "$fmt" "$result"
  for f in $changed; do echo "    fixed: ${f#$work/}"; done
  if [ $result = FAIL ]; then tail -n 5 "$work".*.log | sed 's/^/    /'; fi
  rm -rf "$(dirname "$work")"
done
exit $status
