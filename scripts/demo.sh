#!/usr/bin/env bash
# The main job on the bundled sample: set up, parse it into the model and audit it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
sample=samples/xinzhou-govoffice-2023-unit-budget.txt
npx yusuan parse "$sample" -o out/sample.json
npx yusuan parse "$sample" --format cells -o out/sample-cells.csv
echo "已写出 out/sample.json 与 out/sample-cells.csv（$(($(wc -l < out/sample-cells.csv) - 1)) 个数值单元格）"
npx yusuan audit "$sample" --fail-on never
