#!/usr/bin/env bash
# -fix on a copy of the demo leaves it building and gofmt-clean, changes
# something, and -diff on another copy is a patch that gives the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export GOWORK=off
tool=$(mktemp -d)/bplint
go build -o "$tool" ./cmd/bplint
work=$(mktemp -d)
cp -r demo "$work/fixed"
cp -r demo "$work/patched"
(cd "$work/fixed" && { "$tool" -fix ./... >/dev/null || [ $? -eq 1 ]; } && go build ./... && test -z "$(gofmt -l .)")
if diff -rq demo "$work/fixed" >/dev/null; then echo "-fix changed nothing in the demo"; exit 1; fi
(cd "$work/patched" && { "$tool" -diff ./... >"$work/fixes.diff" || [ $? -eq 1 ]; } && patch -s -p1 <"$work/fixes.diff")
diff -r "$work/fixed" "$work/patched"
echo "-fix builds and is gofmt-clean; -diff applies with patch -p1 and gives the same files:"
diff -r demo "$work/fixed" || true
