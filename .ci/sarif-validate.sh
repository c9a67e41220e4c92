#!/usr/bin/env bash
# Validates bplint's SARIF output with Microsoft's SARIF validator, with the
# rules GitHub code scanning applies (--rule-kind "Sarif;Gh").
#
# Usage: .ci/sarif-validate.sh [file.sarif ...]
# Without arguments it validates bplint -format sarif on the demo module and
# the golden SARIF of the output tests (which has fixes and related
# locations). Needs Go and npm (the validator comes from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export GOWORK=off

tools="${SARIF_TOOLS_DIR:-${TMPDIR:-/tmp}/bplint-sarif-multitool}"
multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$multitool" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund @microsoft/sarif-multitool >/dev/null)
  chmod u+x "$multitool" # npm may not run the package's postinstall
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  out="$(mktemp -d)/demo.sarif"
  set +e
  go run ./cmd/bplint -C demo -format sarif -o "$out" ./...
  status=$?
  set -e
  if [ "$status" -gt 1 ]; then echo "bplint failed with exit status $status"; exit 1; fi
  files=("$out" internal/output/testdata/sarif.golden)
fi

for f in "${files[@]}"; do
  log="$(mktemp)"
  copy="$(mktemp -d)/$(basename "$f" .golden).sarif" # the validator skips other extensions
  cp "$f" "$copy"
  echo "--- $f"
  "$multitool" validate --rule-kind "Sarif;Gh" --level "Error;Warning" "$copy" | tee "$log"
  if grep -Eq ': (error|warning) |skipped' "$log"; then
    echo "$f: the SARIF validator reports problems"; exit 1
  fi
done
echo "SARIF valid"
