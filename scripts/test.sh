#!/usr/bin/env bash
# The whole test suite: set-up, type-check, lint, then every unit, property, crash and e2e test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm run -s typecheck
pnpm run -s lint
bash scripts/run-tests.sh
