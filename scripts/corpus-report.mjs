#!/usr/bin/env node
// Corpus report: parses every file of ../shared/corpus in one process (volumes joined as parseFiles does) and
// prints, per document and in total, pages, parse time, the tables its family requires, the tables found and
// those read with columns; then the numeric-cell accuracy on the hand-checked values of
// test/corpus/table-values.json. Runs on the compiled dist/ (npm run build first).
//
//   node scripts/corpus-report.mjs [--json] [corpus-dir]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseFiles } from '../dist/parse.js';
import { packageRoot, sharedRoot } from '../dist/paths.js';
import { familyRequiredTables } from '../dist/recognize/family.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? join(sharedRoot, 'corpus');
const files = readdirSync(dir)
  .filter((f) => /\.(pdf|xlsx|xls|docx|txt)$/i.test(f))
  .sort()
  .map((f) => join(dir, f));

// Parse time per file: the time between two progress callbacks of one parseFiles call.
const ms = new Map();
let last = performance.now();
const outcomes = await parseFiles(files, {
  onFile(file) {
    const now = performance.now();
    ms.set(file, now - last);
    last = now;
  },
});

const documents = outcomes.map((o) => {
  const name = o.files.map((f) => basename(f)).join(' + ');
  const time = o.files.reduce((s, f) => s + (ms.get(f) ?? 0), 0);
  if (!('disclosure' in o)) return { name, files: o.files, error: o.error.message, ms: time };
  const d = o.disclosure;
  const pages = d.metadata.sources.reduce((s, src) => s + (src.pages ?? 0), 0);
  const expected = familyRequiredTables(d.metadata.family, d.metadata.kind);
  const found = [...new Set(d.tables.filter((t) => t.kind !== 'unknown').map((t) => t.kind))];
  const withColumns = [...new Set(d.tables.filter((t) => t.columns.length > 0).map((t) => t.kind))];
  return {
    name,
    files: o.files,
    family: d.metadata.family,
    pdf: d.metadata.sources.every((src) => src.format === 'pdf'),
    pages,
    ms: time,
    expected,
    found,
    withColumns,
    expectedFound: expected.filter((k) => found.includes(k)).length,
    expectedWithColumns: expected.filter((k) => withColumns.includes(k)).length,
    disclosure: d,
  };
});

// Hand-checked values: [page, kind, row code or name, column id, value, side].
const valuesFile = join(packageRoot, 'test', 'corpus', 'table-values.json');
const values = existsSync(valuesFile) ? JSON.parse(readFileSync(valuesFile, 'utf8')) : { documents: {} };
function cell(d, kind, row, column, side) {
  const rows = d.tables
    .filter((t) => t.kind === kind)
    .flatMap((t) => t.rows)
    .filter((r) => (r.code === row || (!r.code && r.name === row)) && (!side || r.side === side));
  return rows.length === 0 ? undefined : (rows[0].cells[column]?.value ?? null);
}
const checks = [];
for (const [file, entry] of Object.entries(values.documents)) {
  const doc = documents.find((x) => x.files.some((f) => basename(f) === file));
  for (const [page, kind, row, column, value, side] of entry.values) {
    const read = doc?.disclosure ? cell(doc.disclosure, kind, row, column, side) : undefined;
    checks.push({ file, page, kind, row, column, side, value, read, exact: read === value });
  }
  // Values read by hand that yusuan read otherwise when they were checked: counted (they may match now).
  for (const { page, kind, row, column, side, printed } of entry.disagreements ?? []) {
    const read = doc?.disclosure ? cell(doc.disclosure, kind, row, column, side) : undefined;
    checks.push({ file, page, kind, row, column, side, value: printed, read, exact: read === printed });
  }
}

const sum = (xs, f) => xs.reduce((s, x) => s + f(x), 0);
const ok = documents.filter((x) => !x.error);
const totals = {
  documents: documents.length,
  errors: documents.length - ok.length,
  pages: sum(ok, (x) => x.pages),
  ms: sum(documents, (x) => x.ms),
  pdfPages: sum(
    ok.filter((x) => x.pdf),
    (x) => x.pages,
  ),
  pdfMs: sum(
    ok.filter((x) => x.pdf),
    (x) => x.ms,
  ),
  expected: sum(ok, (x) => x.expected.length),
  expectedFound: sum(ok, (x) => x.expectedFound),
  expectedWithColumns: sum(ok, (x) => x.expectedWithColumns),
  values: checks.length,
  exact: checks.filter((c) => c.exact).length,
};
const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const rates = {
  recognition: totals.expected ? totals.expectedFound / totals.expected : null,
  withColumns: totals.expected ? totals.expectedWithColumns / totals.expected : null,
  accuracy: totals.values ? totals.exact / totals.values : null,
  msPerPage: totals.pages ? totals.ms / totals.pages : null,
  pdfMsPerPage: totals.pdfPages ? totals.pdfMs / totals.pdfPages : null,
};

if (json) {
  const out = {
    documents: documents.map(({ disclosure: _disclosure, ...x }) => ({
      ...x,
      files: x.files.map((f) => basename(f)),
      ms: Math.round(x.ms),
      values: checks.filter((c) => x.files.some((f) => basename(f) === c.file)).length,
      exact: checks.filter((c) => c.exact && x.files.some((f) => basename(f) === c.file)).length,
    })),
    totals: { ...totals, ms: Math.round(totals.ms), pdfMs: Math.round(totals.pdfMs) },
    rates,
    mismatches: checks.filter((c) => !c.exact),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  process.exit(0);
}

const line = (cols) => cols.join('  ');
console.log('语料报告（../shared/corpus）\n');
for (const x of documents) {
  console.log(`## ${x.name}`);
  if (x.error) {
    console.log(`   读取失败：${x.error}\n`);
    continue;
  }
  const perPage = x.pages ? (x.ms / x.pages).toFixed(1) : '-';
  const mine = checks.filter((c) => x.files.some((f) => basename(f) === c.file));
  console.log(
    line([
      `   族 ${x.family}`,
      `页数 ${x.pages}`,
      `用时 ${Math.round(x.ms)} ms（${perPage} ms/页）`,
      `应有表 ${x.expected.length}`,
      `识别 ${x.expectedFound}`,
      `读出列 ${x.expectedWithColumns}`,
      `核对值 ${mine.filter((c) => c.exact).length}/${mine.length}`,
    ]),
  );
  const missing = x.expected.filter((k) => !x.found.includes(k));
  const noColumns = x.found.filter((k) => !x.withColumns.includes(k));
  console.log(`   识别的表：${x.found.join(' ') || '（无）'}`);
  if (missing.length) console.log(`   未识别：${missing.join(' ')}`);
  if (noColumns.length) console.log(`   无列：${noColumns.join(' ')}`);
  console.log('');
}
console.log('## 合计');
console.log(
  `   文件 ${files.length}，文档 ${totals.documents}，读取失败 ${totals.errors}，页数 ${totals.pages}`,
);
const perPage = (v) => (v === null ? '-' : v.toFixed(1));
console.log(`   解析用时 ${Math.round(totals.ms)} ms，${perPage(rates.msPerPage)} ms/页（页数含工作表）`);
console.log(
  `   其中 PDF：${totals.pdfPages} 页，${Math.round(totals.pdfMs)} ms，${perPage(rates.pdfMsPerPage)} ms/页`,
);
console.log(
  `   表识别率 ${totals.expectedFound}/${totals.expected} = ${pct(totals.expectedFound, totals.expected)}` +
    `，读出列 ${totals.expectedWithColumns}/${totals.expected} = ${pct(totals.expectedWithColumns, totals.expected)}`,
);
console.log(`   手工核对数值准确率 ${totals.exact}/${totals.values} = ${pct(totals.exact, totals.values)}`);
for (const c of checks.filter((c) => !c.exact))
  console.log(
    `   不符：${c.file} p${c.page} ${c.kind} ${c.row} ${c.column}${c.side ? ` ${c.side}` : ''}：` +
      `印 ${c.value}，读 ${c.read === undefined ? '（无此行）' : c.read}`,
  );
