#!/usr/bin/env bash
# The test command: set up, then format check, lint, type check and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0
npx tsc -p tsconfig.test.json
npx vitest run "$@"
