// Open data from the store: the cells of any selection of documents as CSV, or as a Fiscal Data Package
// (Frictionless tabular data package: datapackage.json + documents.csv + facts.csv + findings.csv).
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvLine } from '../export/csv.js';
import type { DocumentFilter, FactRow } from './queries.js';
import type { Store } from './store.js';

type Field = { name: string; type: 'string' | 'integer' | 'number'; title: string; description?: string };

export const DOCUMENT_FIELDS: Field[] = [
  { name: 'document_id', type: 'integer', title: '文件编号' },
  { name: 'unit', type: 'string', title: '单位名称' },
  { name: 'year', type: 'integer', title: '年度' },
  {
    name: 'kind',
    type: 'string',
    title: '文件类型',
    description: 'unit_budget | department_budget | unit_final | department_final',
  },
  { name: 'family', type: 'string', title: '版式' },
  { name: 'region', type: 'string', title: '地区' },
  { name: 'confidence', type: 'string', title: '读取可信度', description: 'high | low | partial' },
  { name: 'errors', type: 'integer', title: '错误数' },
  { name: 'warnings', type: 'integer', title: '警告数' },
];

export const FACT_FIELDS: Field[] = [
  { name: 'document_id', type: 'integer', title: '文件编号' },
  { name: 'unit', type: 'string', title: '单位名称' },
  { name: 'year', type: 'integer', title: '年度' },
  { name: 'table', type: 'string', title: '表（规范编号）' },
  { name: 'row_code', type: 'string', title: '科目编码' },
  { name: 'row_name', type: 'string', title: '项目名称' },
  { name: 'side', type: 'string', title: '收支方向' },
  { name: 'column', type: 'string', title: '栏目（规范编号）' },
  { name: 'value', type: 'number', title: '金额（按表内单位）' },
  { name: 'unit_printed', type: 'string', title: '表内金额单位' },
  { name: 'amount_yuan', type: 'number', title: '金额（元）' },
  { name: 'table_title', type: 'string', title: '表名（原文）' },
  { name: 'row_label', type: 'string', title: '项目（原文）' },
  { name: 'page', type: 'integer', title: '页码' },
];

export const FINDING_FIELDS: Field[] = [
  { name: 'document_id', type: 'integer', title: '文件编号' },
  { name: 'rule', type: 'string', title: '规则' },
  { name: 'severity', type: 'string', title: '级别', description: 'error | warning | info' },
  { name: 'message', type: 'string', title: '说明' },
  { name: 'table', type: 'string', title: '表' },
  { name: 'row_code', type: 'string', title: '科目编码' },
  { name: 'row_name', type: 'string', title: '项目名称' },
  { name: 'column', type: 'string', title: '栏目' },
  { name: 'expected', type: 'string', title: '应为' },
  { name: 'actual', type: 'string', title: '实为' },
  { name: 'page', type: 'integer', title: '页码' },
];

export function factLine(r: FactRow): string {
  return csvLine([
    r.documentId,
    r.unitName,
    r.year,
    r.table,
    r.rowCode ?? '',
    r.rowName,
    r.side ?? '',
    r.column,
    r.value,
    r.unit,
    r.amount,
    r.tableTitle,
    r.rowLabel,
    r.page ?? '',
  ]);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** The cells of the selected documents as one CSV, written document by document. */
export async function writeFactsCsv(store: Store, filter: DocumentFilter, out: Writable): Promise<number> {
  let n = 0;
  await write(out, csvLine(FACT_FIELDS.map((f) => f.name)));
  for await (const rows of store.factRows(filter)) {
    if (rows.length) await write(out, rows.map(factLine).join(''));
    n += rows.length;
  }
  return n;
}

async function toFile(path: string, fill: (out: Writable) => Promise<void>): Promise<void> {
  const out = createWriteStream(path);
  await fill(out);
  out.end();
  await once(out, 'finish');
}

/** Writes a Fiscal Data Package of the selection into a folder. */
export async function writeStoreDataPackage(
  store: Store,
  filter: DocumentFilter,
  dir: string,
): Promise<{ documents: number; facts: number; findings: number }> {
  await mkdir(dir, { recursive: true });
  const docs = await store.documents({ ...filter, limit: 10_000_000 });
  await toFile(join(dir, 'documents.csv'), async (out) => {
    await write(out, csvLine(DOCUMENT_FIELDS.map((f) => f.name)));
    for (const d of docs)
      await write(
        out,
        csvLine([
          d.id,
          d.unitName,
          d.year,
          d.kind,
          d.family,
          d.region ?? '',
          d.confidence,
          d.summary.error,
          d.summary.warning,
        ]),
      );
  });
  let facts = 0;
  await toFile(join(dir, 'facts.csv'), async (out) => {
    facts = await writeFactsCsv(store, filter, out);
  });
  let findings = 0;
  await toFile(join(dir, 'findings.csv'), async (out) => {
    await write(out, csvLine(FINDING_FIELDS.map((f) => f.name)));
    for (const d of docs) {
      const rows = await store.findings({ documentId: d.id, limit: 10_000 });
      findings += rows.length;
      for (const f of rows)
        await write(
          out,
          csvLine([
            d.id,
            f.rule,
            f.severity,
            f.message,
            f.table ?? '',
            f.row_code ?? '',
            f.row_name ?? '',
            f.column ?? '',
            f.expected ?? '',
            f.actual ?? '',
            f.page ?? '',
          ]),
        );
    }
  });
  const resource = (name: string, title: string, fields: Field[], primaryKey?: string[]) => ({
    name,
    path: `${name}.csv`,
    profile: 'tabular-data-resource',
    title,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: {
      fields,
      ...(primaryKey ? { primaryKey } : {}),
      ...(name === 'documents'
        ? {}
        : {
            foreignKeys: [
              { fields: 'document_id', reference: { resource: 'documents', fields: 'document_id' } },
            ],
          }),
    },
  });
  const pkg = {
    profile: 'fiscal-data-package',
    name: 'yusuan-repository',
    title: '预算公开数据（数据库导出）',
    created: new Date().toISOString(),
    licenses: [{ name: 'other-pd', title: '政府公开信息' }],
    // Fiscal Data Package model: the amount in 元 is the measure; unit, year, table, classification and column are
    // the dimensions a fiscal tool (OpenSpending and the like) aggregates by.
    model: {
      measures: { amount: { source: 'amount_yuan', currency: 'CNY', resource: 'facts' } },
      dimensions: {
        unit: {
          dimensionType: 'entity',
          primaryKey: 'unit',
          attributes: { unit: { source: 'unit', resource: 'facts' } },
        },
        year: {
          dimensionType: 'datetime',
          primaryKey: 'year',
          attributes: { year: { source: 'year', resource: 'facts' } },
        },
        table: {
          dimensionType: 'other',
          primaryKey: 'table',
          attributes: { table: { source: 'table', resource: 'facts' } },
        },
        classification: {
          dimensionType: 'classification',
          primaryKey: 'code',
          attributes: {
            code: { source: 'row_code', resource: 'facts' },
            name: { source: 'row_name', resource: 'facts', labelfor: 'code' },
          },
        },
        column: {
          dimensionType: 'other',
          primaryKey: 'column',
          attributes: { column: { source: 'column', resource: 'facts' } },
        },
      },
    },
    resources: [
      resource('documents', '公开文件', DOCUMENT_FIELDS, ['document_id']),
      resource('facts', '表格数据（每格一行）', FACT_FIELDS),
      resource('findings', '审核发现', FINDING_FIELDS),
    ],
  };
  await writeFile(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
  return { documents: docs.length, facts, findings };
}
