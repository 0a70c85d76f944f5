#!/usr/bin/env node
// Round-trip report: every corpus document, read, is printed again in layouts it was not written in (text, the
// Shanxi and Shanghai PDF layouts, DOCX, XLSX) and read back. The printed copies are documents in layouts the
// reader was not tuned on, with known contents: what comes back measures the reader's generality, and every error
// finding on a copy that the original does not have is a misreading (or a printing fault), never a defect of the
// document. Reports, per document and format: tables read back, amounts read back (the multiset of table kind and
// value), and the new error findings. Runs on the compiled dist/ (npm run build first).
//
//   node scripts/roundtrip-report.mjs [--json] [--formats txt,pdf-shanxi,pdf-shanghai,docx,xlsx] [corpus-dir]
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { auditDisclosure } from '../dist/audit/index.js';
import { cellRecords } from '../dist/export/cells.js';
import { Decimal } from '../dist/model/money.js';
import { parseFile, parseFiles } from '../dist/parse.js';
import { sharedRoot } from '../dist/paths.js';
import { chromiumMissing, renderDocument, RenderBrowser } from '../dist/render/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const formatArg = args.find((a) => a.startsWith('--formats='))?.slice('--formats='.length);
const FORMATS = (formatArg ?? 'txt,pdf-shanxi,pdf-shanghai,docx,xlsx').split(',');
const dir = args.find((a) => !a.startsWith('--')) ?? join(sharedRoot, 'corpus');
const files = readdirSync(dir)
  .filter((f) => /\.(pdf|xlsx|xls|docx|txt)$/i.test(f))
  .sort()
  .map((f) => join(dir, f));

const pdfOk = chromiumMissing() === null;
const browser = pdfOk ? new RenderBrowser() : undefined;
const work = mkdtempSync(join(tmpdir(), 'yusuan-roundtrip-'));

const errorsOf = (doc) =>
  auditDisclosure(doc)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}：${f.message}`);

/**
 * Amounts as a multiset of "table kind|value in 万元 to two places" (names and columns may be printed differently by
 * a layout, and a layout may print in another unit: the Shanxi one prints 万元 with two decimals).
 */
const amounts = (doc) => {
  const out = new Map();
  for (const c of cellRecords(doc)) {
    if (c.value == null || c.value === '') continue;
    const wan = new Decimal(c.value).div(c.unit === '元' ? 10000 : 1).toFixed(2);
    const key = `${c.table}|${wan}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
};
const kept = (a, b) => {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
};
const total = (a) => [...a.values()].reduce((s, v) => s + v, 0);

const outcomes = await parseFiles(files);
const report = [];
for (const o of outcomes) {
  if (!('disclosure' in o)) continue;
  const doc = o.disclosure;
  if (!doc.tables.some((t) => !t.empty)) continue; // templates without amounts, text volumes
  const name = o.files.map((f) => basename(f)).join(' + ');
  const before = new Set(errorsOf(doc));
  const cells = amounts(doc);
  for (const format of FORMATS) {
    const [kind, layout] = format.split('-');
    if (kind === 'pdf' && !pdfOk) continue;
    const file = join(work, `copy.${kind}`);
    let row = { document: name, format, tables: doc.tables.length, amounts: total(cells) };
    try {
      writeFileSync(file, await renderDocument(doc, kind, { layout, browser, charts: false }));
      const back = await parseFile(file);
      if (!('disclosure' in back)) throw new Error(back.error.message);
      const after = errorsOf(back.disclosure);
      row = {
        ...row,
        tablesBack: back.disclosure.tables.length,
        withColumns: back.disclosure.tables.filter((t) => t.columns.length > 0).length,
        amountsBack: kept(cells, amounts(back.disclosure)),
        newErrors: after.filter((e) => !before.has(e)),
      };
    } catch (e) {
      row = { ...row, failed: e instanceof Error ? e.message : String(e) };
    }
    report.push(row);
    if (!json) {
      const r = row;
      console.log(
        r.failed
          ? `${r.document} ${r.format}: 失败 ${r.failed}`
          : `${r.document} ${r.format}: 表 ${r.tablesBack}/${r.tables}（有列 ${r.withColumns}），金额 ${r.amountsBack}/${r.amounts}，新增错误 ${r.newErrors.length}`,
      );
      for (const e of r.newErrors ?? []) console.log(`    ${e}`);
    }
  }
}
await browser?.close();
rmSync(work, { recursive: true, force: true });

const sum = (f) => report.reduce((s, r) => s + (f(r) ?? 0), 0);
const summary = {
  copies: report.length,
  failed: report.filter((r) => r.failed).length,
  tables: `${sum((r) => r.tablesBack)}/${sum((r) => (r.failed ? 0 : r.tables))}`,
  amounts: `${sum((r) => r.amountsBack)}/${sum((r) => (r.failed ? 0 : r.amounts))}`,
  newErrors: sum((r) => r.newErrors?.length),
};
if (json) console.log(JSON.stringify({ summary, report }, null, 2));
else
  console.log(
    `\n合计：${summary.copies} 份副本（失败 ${summary.failed}），表 ${summary.tables}，金额 ${summary.amounts}，新增错误 ${summary.newErrors}`,
  );
