#!/usr/bin/env bash
# Installs what yusuan needs on a fresh Debian machine: system packages (Chromium for PDF output and browser
# tests, CJK fonts, poppler-utils for page images and the benchmark's comparison, the PostgreSQL server binaries
# for the repository's tests), then the npm packages (which builds dist/ through `prepare`). PyMuPDF (AGPL) is
# never installed here: the benchmark compares against it only when a user has installed python3-fitz separately.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk fontconfig)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# PostgreSQL server binaries (initdb, pg_ctl): the test suite runs the repository's tests on a throwaway cluster.
source scripts/postgres.sh
pg_bin initdb >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "安装系统软件包：${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "缺少系统软件包：${need[*]}（请用 root 运行 apt-get install）" >&2
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm run --silent build
fi
