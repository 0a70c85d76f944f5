#!/usr/bin/env bash
# Installs what yusuan needs on a fresh Debian machine: system packages (Chromium for PDF output and browser
# tests, CJK fonts and TrueType copies of two of them, poppler-utils for page images and the benchmark's comparison, the PostgreSQL server binaries
# for the repository's tests), then the npm packages (which builds dist/ through `prepare`). PyMuPDF (AGPL) is
# never installed here: the benchmark compares against it only when a user has installed python3-fitz separately.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk fontconfig)
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

# Chromium embeds CFF-outlined fonts (Noto CJK as Debian ships it) as Type 3 in PDFs; TrueType copies of the two
# faces the documents use (Song body, Hei headings) are embedded as subset CID fonts. Converted once, ~1 min each.
fonts=/usr/local/share/fonts/yusuan
[ "$(id -u)" = 0 ] || fonts="$HOME/.local/share/fonts/yusuan"
# The stamp names the conversion's version: a changed script converts again.
stamp="truetype-cjk $(sha1sum scripts/truetype-cjk.py | cut -c1-12)"
# (grep without -q: with pipefail, -q's early exit would fail fc-list with SIGPIPE.)
if [ "$(cat "$fonts/.stamp" 2>/dev/null)" != "$stamp" ] || ! fc-list 2>/dev/null | grep "Noto Serif CJK SC TT" >/dev/null; then
  if ! /usr/bin/python3 -c "import fontTools" 2>/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-fonttools >/dev/null ||
      { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-fonttools >/dev/null; }
  fi
  if /usr/bin/python3 -c "import fontTools" 2>/dev/null; then
    echo "转换 PDF 用的 TrueType 中文字体（约 1–2 分钟，仅首次）" >&2
    mkdir -p "$fonts"
    noto=/usr/share/fonts/opentype/noto
    /usr/bin/python3 scripts/truetype-cjk.py "$noto/NotoSerifCJK-Regular.ttc" "Noto Serif CJK SC" "Noto Serif CJK SC TT" "$fonts/NotoSerifCJKscTT-Regular.ttf" &
    serif=$!
    /usr/bin/python3 scripts/truetype-cjk.py "$noto/NotoSansCJK-Bold.ttc" "Noto Sans CJK SC" "Noto Sans CJK SC TT" "$fonts/NotoSansCJKscTT-Bold.ttf" &
    sans=$!
    if wait "$serif" && wait "$sans"; then
      fc-cache -f "$fonts" >/dev/null
      echo "$stamp" >"$fonts/.stamp"
    else
      echo "TrueType 字体转换失败：PDF 将使用 Type 3 字体" >&2
    fi
  else
    echo "缺少 python3-fonttools：PDF 将使用 Type 3 字体（体积大、不便检索）" >&2
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm run --silent build
fi
