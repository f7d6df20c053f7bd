#!/usr/bin/env bash
# Runs test files with node:test + tsx. Node 20 does not expand globs, so the list comes from find.
# Usage: scripts/run-tests.sh [dir...]   (default: every package's test/ and the top-level test/)
set -euo pipefail
cd "$(dirname "$0")/.."

dirs=("$@")
if [[ ${#dirs[@]} -eq 0 ]]; then
  dirs=(packages/*/test test/e2e)
fi
mapfile -t files < <(find "${dirs[@]}" -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "run-tests: no test files under ${dirs[*]}" >&2
  exit 1
fi
# @samsa/source makes sibling packages resolve to their src/, so tests need no build step.
exec node --conditions=@samsa/source --import tsx --test --test-reporter=spec "${files[@]}"
