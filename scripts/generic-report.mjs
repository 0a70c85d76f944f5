#!/usr/bin/env node
// Generic-reading report: the corpus read twice, with its family modules (as users get it) and without them (every
// document read as family `unknown` would be: the common vocabulary and the generic mechanisms only). What the
// generic reading misses is what a layout nobody tuned for would miss. Per document and in total: the tables the
// family requires that the generic reading finds / reads with columns, the family reading's typed tables that the
// generic reading types alike, the hand-checked values of test/corpus/table-values.json read exactly, and the
// auditor's errors on the generic reading that the family reading does not raise (false alarms of an unseen
// layout). Runs on the compiled dist/ (npm run build first).
//
//   node scripts/generic-report.mjs [--json] [corpus-dir]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { auditDisclosure } from '../dist/audit/index.js';
import { parseFiles } from '../dist/parse.js';
import { packageRoot, sharedRoot } from '../dist/paths.js';
import { registeredFamilies } from '../dist/recognize/family.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? join(sharedRoot, 'corpus');
const files = readdirSync(dir)
  .filter((f) => /\.(pdf|xlsx|xls|docx|txt)$/i.test(f))
  .sort()
  .map((f) => join(dir, f));

const familyReading = await parseFiles(files);
const genericReading = await parseFiles(files, { families: false });
const families = new Map(registeredFamilies().map((f) => [f.id, f]));

const valuesFile = join(packageRoot, 'test', 'corpus', 'table-values.json');
const values = existsSync(valuesFile) ? JSON.parse(readFileSync(valuesFile, 'utf8')) : { documents: {} };
function cell(d, kind, row, column, side) {
  const rows = d.tables
    .filter((t) => t.kind === kind)
    .flatMap((t) => t.rows)
    .filter((r) => (r.code === row || (!r.code && r.name === row)) && (!side || r.side === side));
  return rows.length === 0 ? undefined : (rows[0].cells[column]?.value ?? null);
}
/** Hand-checked values of one file, read from one disclosure. */
function checksOf(file, d) {
  const entry = values.documents[file];
  if (!entry) return [];
  const out = [];
  for (const [page, kind, row, column, value, side] of entry.values) {
    const read = cell(d, kind, row, column, side);
    out.push({ file, page, kind, row, column, side, value, read, exact: read === value });
  }
  for (const { page, kind, row, column, side, printed } of entry.disagreements ?? []) {
    const read = cell(d, kind, row, column, side);
    out.push({ file, page, kind, row, column, side, value: printed, read, exact: read === printed });
  }
  return out;
}

/** Where a table begins: its page and line (a joined document's tables all come from its tables volume). */
const place = (t) => `${t.source?.page ?? '?'}:${t.source?.line ?? '?'}`;
const errorKey = (f) => `${f.rule}|${f.table ?? ''}|${f.message}`;

const documents = [];
for (const o of familyReading) {
  const name = o.files.map((f) => basename(f)).join(' + ');
  // the generic reading of the same first file (joins may differ)
  const g = genericReading.find((x) => x.files.includes(o.files[0]));
  if (!('disclosure' in o) || !g || !('disclosure' in g)) {
    documents.push({ name, files: o.files, error: ('error' in o ? o : g)?.error?.message ?? 'not read' });
    continue;
  }
  const fd = o.disclosure;
  const gd = g.disclosure;
  const expected = [...(families.get(fd.metadata.family)?.requiredTables ?? [])];
  const found = new Set(gd.tables.filter((t) => t.kind !== 'unknown').map((t) => t.kind));
  const withColumns = new Set(gd.tables.filter((t) => t.columns.length > 0).map((t) => t.kind));
  const typedTables = fd.tables.filter((t) => t.kind !== 'unknown');
  const mistyped = typedTables
    .map((t) => ({ t, same: gd.tables.find((u) => place(u) === place(t)) }))
    .filter(({ t, same }) => same?.kind !== t.kind)
    .map(({ t, same }) => `${t.kind}→${same?.kind ?? '（未读出）'}`);
  const checks = o.files.flatMap((f) => checksOf(basename(f), gd));
  const familyFindings = auditDisclosure(fd).findings.filter((f) => f.severity === 'error');
  const familyErrors = new Set(familyFindings.map(errorKey));
  const genericErrors = auditDisclosure(gd).findings.filter((f) => f.severity === 'error');
  documents.push({
    name,
    files: o.files.map((f) => basename(f)),
    family: fd.metadata.family,
    genericJoined: g.files.length === o.files.length,
    expected,
    missing: expected.filter((k) => !found.has(k)),
    noColumns: expected.filter((k) => found.has(k) && !withColumns.has(k)),
    expectedFound: expected.filter((k) => found.has(k)).length,
    expectedWithColumns: expected.filter((k) => withColumns.has(k)).length,
    typed: typedTables.length,
    typedAlike: typedTables.length - mistyped.length,
    mistyped,
    values: checks.length,
    exact: checks.filter((c) => c.exact).length,
    mismatches: checks.filter((c) => !c.exact),
    familyErrors: familyFindings.length,
    genericErrors: genericErrors.length,
    falseErrors: genericErrors
      .filter((f) => !familyErrors.has(errorKey(f)))
      .map((f) => ({ rule: f.rule, table: f.table, message: f.message })),
  });
}

const sum = (f) => documents.filter((x) => !x.error).reduce((s, x) => s + f(x), 0);
const totals = {
  documents: documents.length,
  errors: documents.filter((x) => x.error).length,
  expected: sum((x) => x.expected.length),
  expectedFound: sum((x) => x.expectedFound),
  expectedWithColumns: sum((x) => x.expectedWithColumns),
  typed: sum((x) => x.typed),
  typedAlike: sum((x) => x.typedAlike),
  values: sum((x) => x.values),
  exact: sum((x) => x.exact),
  familyErrors: sum((x) => x.familyErrors),
  genericErrors: sum((x) => x.genericErrors),
  falseErrors: sum((x) => x.falseErrors.length),
};

if (json) {
  process.stdout.write(JSON.stringify({ documents, totals }, null, 2) + '\n');
  process.exit(0);
}

const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log('通用读取报告（不用版式模块，按未知版式读取 ../shared/corpus）\n');
for (const x of documents) {
  console.log(`## ${x.name}`);
  if (x.error) {
    console.log(`   读取失败：${x.error}\n`);
    continue;
  }
  console.log(
    [
      `   族 ${x.family}`,
      `应有表 ${x.expected.length}`,
      `识别 ${x.expectedFound}`,
      `读出列 ${x.expectedWithColumns}`,
      `类型一致 ${x.typedAlike}/${x.typed}`,
      `核对值 ${x.exact}/${x.values}`,
      `错误 ${x.genericErrors}（误报 ${x.falseErrors.length}）`,
      x.genericJoined ? '' : '未合并分册',
    ]
      .filter(Boolean)
      .join('  '),
  );
  if (x.missing.length) console.log(`   未识别：${x.missing.join(' ')}`);
  if (x.noColumns.length) console.log(`   无列：${x.noColumns.join(' ')}`);
  if (x.mistyped.length) console.log(`   类型不同：${x.mistyped.join(' ')}`);
  for (const c of x.mismatches)
    console.log(
      `   不符：p${c.page} ${c.kind} ${c.row} ${c.column}${c.side ? ` ${c.side}` : ''}：` +
        `印 ${c.value}，读 ${c.read === undefined ? '（无此行）' : c.read}`,
    );
  for (const f of x.falseErrors) console.log(`   误报：${f.rule} ${f.table ?? ''} ${f.message}`);
  console.log('');
}
const t = totals;
console.log('## 合计');
console.log(`   文档 ${t.documents}，读取失败 ${t.errors}`);
console.log(
  `   表识别 ${t.expectedFound}/${t.expected} = ${pct(t.expectedFound, t.expected)}，` +
    `读出列 ${t.expectedWithColumns}/${t.expected} = ${pct(t.expectedWithColumns, t.expected)}，` +
    `类型一致 ${t.typedAlike}/${t.typed} = ${pct(t.typedAlike, t.typed)}`,
);
console.log(`   手工核对数值准确 ${t.exact}/${t.values} = ${pct(t.exact, t.values)}`);
console.log(
  `   审核错误：按版式读取 ${t.familyErrors}，通用读取 ${t.genericErrors}，其中误报 ${t.falseErrors}`,
);
