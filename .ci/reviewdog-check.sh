#!/usr/bin/env bash
# Checks that a real reviewdog reads bplint's rdjsonl: installs reviewdog at a
# pinned version (Go module proxy), feeds it bplint -format rdjsonl on the
# demo module with the local reporter, and checks that it prints exactly the
# findings bplint's text output has (same file:line:col, same count).
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export GOWORK=off
# v0.21.x needs module versions the proxy here does not serve; v0.20.3
# needs a golang.org/x/build pseudo-version whose checksum the checksum
# database here does not have, hence GONOSUMDB for that one module.
version=v0.20.3

bin="${REVIEWDOG_DIR:-${TMPDIR:-/tmp}/bplint-reviewdog}/$version"
if [ ! -x "$bin/reviewdog" ]; then
  GONOSUMDB=golang.org/x/build GOBIN="$bin" go install "github.com/reviewdog/reviewdog/cmd/reviewdog@$version"
fi
tool=$(mktemp -d)/bplint
go build -o "$tool" ./cmd/bplint

# reviewdog resolves paths against the git root, as in a real checkout: run
# both tools at the root of a repository holding the demo module.
repo=$(mktemp -d)
cp -r demo/. "$repo"
cd "$repo"
git init -q && git add -A && git -c user.email=ci@example.com -c user.name=ci commit -qm demo
set +e
"$tool" -format rdjsonl ./... >"$tool.rdjsonl"
"$tool" ./... >"$tool.txt"
set -e
want=$(cut -d: -f1-3 "$tool.txt" | sort)
# reviewdog's local reporter re-emits each diagnostic it kept; take the
# first (main) location of each.
got=$("$bin/reviewdog" -f=rdjsonl -reporter=local -filter-mode=nofilter -fail-level=none <"$tool.rdjsonl" |
  awk 'match($0, /"location":\{"path":"[^"]*","range":\{"start":\{"line":[0-9]+,"column":[0-9]+/) {
         s = substr($0, RSTART, RLENGTH); gsub(/"location":\{"path":"|","range":\{"start":\{"line":|,"column":/, ":", s); sub(/^:/, "", s); print s }' | sort)
if [ -z "$want" ] || [ "$want" != "$got" ]; then
  echo "reviewdog printed:"; echo "$got"; echo "bplint found:"; echo "$want"; exit 1
fi
echo "reviewdog read $(wc -l <<<"$got") findings, the same as bplint's text output"
