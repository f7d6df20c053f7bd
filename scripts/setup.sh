#!/usr/bin/env bash
# Installs what the project needs on a machine that has only Node 20+ and npm, then builds.
# pnpm 10 comes from npm: pnpm 11 needs Node 22, and corepack fails its signature check here.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  echo "setup: installing pnpm 10 with npm" >&2
  npm i -g pnpm@10 >&2
fi

# CI installs exactly the lockfile; a developer's tree may be ahead of it.
if [[ -n "${CI:-}" ]]; then
  pnpm install --frozen-lockfile >&2
else
  pnpm install >&2
fi
pnpm run -s build >&2
