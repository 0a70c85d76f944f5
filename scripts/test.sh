#!/usr/bin/env bash
# The test command: set up, then format check, lint, type check and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The repository's tests run on SQLite and on a throwaway PostgreSQL cluster, stopped and removed on exit.
source scripts/postgres.sh
if [ -z "${YUSUAN_TEST_PG_URL:-}" ]; then
  pg_start || { echo "无法启动测试用的 PostgreSQL（需要 initdb 与 pg_ctl）" >&2; exit 1; }
  trap pg_stop EXIT
fi
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0
npx tsc -p tsconfig.test.json
# The browser islands are checked against the DOM library, which the server code must not see.
npx tsc -p tsconfig.client.json
report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$report" "$@" || status=$?
# One plain closing line that any CI reads: "N passed, N failed".
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests || 0)} skipped`);
' "$report" || true
rm -f "$report"
exit $status
