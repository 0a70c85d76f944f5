// `yusuan query units|documents|document|history|compare|findings|failures|facts|export …`
//   [--db URL] [--format table|csv|json]
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { FACT_SELECTORS, parseSelector, type DocumentFilter, type Store } from '../../store/index.js';
import { writeFactsCsv, writeStoreDataPackage } from '../../store/export.js';
import { csvLine } from '../../export/csv.js';
import { emit, UsageError } from '../io.js';
import { open, positive } from './ingest.js';

export interface QueryCommandOptions {
  db?: string;
  format?: string;
  output?: string;
  search?: string;
  region?: string;
  year?: string;
  kind?: string;
  family?: string;
  unit?: string;
  fact?: string[];
  rule?: string;
  severity?: string;
  limit?: string;
  offset?: string;
}

const WHAT = [
  'units',
  'documents',
  'document',
  'history',
  'compare',
  'findings',
  'failures',
  'facts',
  'export',
];
const FORMATS = ['table', 'csv', 'json'];
const DEFAULT_FACTS = [
  'three_public.total',
  'three_public.abroad',
  'three_public.reception',
  'three_public.vehicles',
  'operating_costs.total',
];

type Cell = string | number | null;
interface Result {
  columns: string[];
  rows: Cell[][];
  json: unknown;
}

export async function queryCommand(what: string, args: string[], opts: QueryCommandOptions): Promise<number> {
  if (!WHAT.includes(what)) throw new UsageError(`不支持的查询：${what}（可选 ${WHAT.join('、')}）`);
  const format = opts.format ?? 'table';
  if (!FORMATS.includes(format)) throw new UsageError(`不支持的输出格式：${format}（可选 table、csv、json）`);
  for (const f of opts.fact ?? [])
    if (!parseSelector(f))
      throw new UsageError(`无法识别的数据项：${f}（如 three_public.total、share.basic、code:2010301）`);
  const store = await open(opts.db);
  try {
    if (what === 'export') return await exportPackage(store, opts);
    if (what === 'facts') return await exportFacts(store, opts);
    const result = await run(store, what, args, opts);
    if (!result) return 1;
    await emit(opts.output, render(result, format));
    return 0;
  } finally {
    await store.close();
  }
}

function filterOf(opts: QueryCommandOptions, unitId?: number): DocumentFilter {
  return {
    region: opts.region,
    year: opts.year === undefined ? undefined : positive(opts.year, '--year'),
    kind: opts.kind,
    family: opts.family,
    unitId,
    search: opts.search,
    limit: opts.limit === undefined ? undefined : positive(opts.limit, '--limit'),
    offset: opts.offset === undefined ? undefined : positive(opts.offset, '--offset'),
  };
}

/** A unit by number or by (part of) its name; an ambiguous name is an error listing the candidates. */
async function unitId(store: Store, given: string | undefined): Promise<number | undefined> {
  if (given === undefined) return undefined;
  if (/^\d+$/.test(given)) {
    if (!(await store.unit(Number(given)))) throw new UsageError(`没有编号为 ${given} 的单位`);
    return Number(given);
  }
  const found = await store.units({ search: given, limit: 20 });
  if (found.length === 1) return found[0].id;
  if (!found.length) throw new UsageError(`没有名称包含“${given}”的单位`);
  throw new UsageError(
    `名称包含“${given}”的单位有 ${found.length} 个，请用编号指定：${found.map((u) => `${u.id} ${u.name}`).join('；')}`,
  );
}

async function run(
  store: Store,
  what: string,
  args: string[],
  opts: QueryCommandOptions,
): Promise<Result | undefined> {
  switch (what) {
    case 'units': {
      const units = await store.units({
        search: opts.search ?? args[0],
        region: opts.region,
        ...filterOf(opts),
      });
      return {
        columns: ['编号', '单位', '地区', '文件数', '起始年度', '最近年度'],
        rows: units.map((u) => [u.id, u.name, u.region, u.documents, u.firstYear, u.lastYear]),
        json: { units },
      };
    }
    case 'documents': {
      const docs = await store.documents(filterOf(opts, await unitId(store, opts.unit)));
      return {
        columns: ['编号', '单位', '年度', '类型', '版式', '地区', '可信度', '错误', '警告'],
        rows: docs.map((d) => [
          d.id,
          d.unitName,
          d.year,
          d.kind,
          d.family,
          d.region,
          d.confidence,
          d.summary.error,
          d.summary.warning,
        ]),
        json: { documents: docs },
      };
    }
    case 'document': {
      const id = args[0];
      if (!id || !/^\d+$/.test(id)) throw new UsageError('请给出文件编号：yusuan query document 编号');
      const doc = await store.document(Number(id));
      if (!doc) throw new UsageError(`没有编号为 ${id} 的文件`);
      return {
        columns: ['规则', '级别', '表', '说明'],
        rows: doc.findings.map((f) => [f.rule, f.severity, f.table, f.message]),
        json: doc,
      };
    }
    case 'history': {
      const id = await unitId(store, args[0] ?? opts.unit);
      if (id === undefined)
        throw new UsageError(
          '请给出单位（编号或名称的一部分）：yusuan query history 单位 --fact three_public.total',
        );
      const facts = opts.fact?.length ? opts.fact : DEFAULT_FACTS;
      const points = await store.history(id, facts, { kind: opts.kind });
      const docs = [...new Map(points.map((p) => [p.documentId, p])).values()];
      return {
        columns: ['年度', '类型', '文件', ...facts.map(columnTitle)],
        rows: docs.map((d) => [
          d.year,
          d.kind,
          d.documentId,
          ...facts.map(
            (f) => points.find((p) => p.documentId === d.documentId && p.fact === f)?.amount ?? null,
          ),
        ]),
        json: { unitId: id, history: points },
      };
    }
    case 'compare': {
      if (opts.year === undefined) throw new UsageError('请用 --year 指定要比较的年度');
      const facts = opts.fact?.length ? opts.fact : DEFAULT_FACTS;
      const rows = await store.compare({ ...filterOf(opts), year: positive(opts.year, '--year'), facts });
      return {
        columns: ['单位', '类型', '文件', ...facts.map(columnTitle)],
        rows: rows.map((r) => [r.unitName, r.kind, r.documentId, ...facts.map((f) => r.values[f])]),
        json: { year: Number(opts.year), facts, rows },
      };
    }
    case 'findings': {
      const severity = opts.severity;
      if (severity && !['error', 'warning', 'info'].includes(severity))
        throw new UsageError('--severity 只能是 error、warning 或 info');
      const found = await store.findings({
        ...filterOf(opts, await unitId(store, opts.unit)),
        rule: opts.rule,
        severity: severity as 'error' | 'warning' | 'info' | undefined,
      });
      return {
        columns: ['文件', '单位', '年度', '规则', '级别', '页', '说明'],
        rows: found.map((f) => [
          f.documentId,
          f.unitName,
          f.year,
          f.rule,
          f.severity,
          f.page ?? null,
          f.message,
        ]),
        json: { findings: found },
      };
    }
    default: {
      const failures = await store.failures();
      return {
        columns: ['文件', '原因', '代码', 'SHA-256'],
        rows: failures.map((f) => [f.name, f.reason, f.code, f.sha256]),
        json: { failures },
      };
    }
  }
}

async function exportFacts(store: Store, opts: QueryCommandOptions): Promise<number> {
  const filter = { ...filterOf(opts, await unitId(store, opts.unit)), limit: undefined };
  if (!opts.output || opts.output === '-') {
    await writeFactsCsv(store, filter, process.stdout);
    return 0;
  }
  await mkdir(dirname(opts.output), { recursive: true });
  const out = createWriteStream(opts.output);
  await writeFactsCsv(store, filter, out);
  out.end();
  await once(out, 'finish');
  return 0;
}

async function exportPackage(store: Store, opts: QueryCommandOptions): Promise<number> {
  if (!opts.output) throw new UsageError('导出数据包需要用 -o 指定输出目录');
  const filter = { ...filterOf(opts, await unitId(store, opts.unit)), limit: undefined };
  const n = await writeStoreDataPackage(store, filter, opts.output);
  process.stderr.write(
    `已导出 ${n.documents} 份文件、${n.facts} 个数据、${n.findings} 条审核发现到 ${opts.output}\n`,
  );
  return 0;
}

function columnTitle(selector: string): string {
  const label = FACT_SELECTORS[selector];
  if (!label) return `${selector}（元）`;
  return label.endsWith('）') ? label : `${label}（元）`;
}

function render(result: Result, format: string): string {
  if (format === 'json') return JSON.stringify(result.json, null, 2) + '\n';
  if (format === 'csv') return csvLine(result.columns) + result.rows.map((r) => csvLine(r)).join('');
  const text = (c: Cell) => (c == null ? '—' : String(c));
  const widths = result.columns.map((h, i) =>
    Math.max(width(h), ...result.rows.map((r) => width(text(r[i])))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i] - width(c)))
      .join('  ')
      .trimEnd() + '\n';
  return (
    line(result.columns) +
    result.rows.map((r) => line(r.map(text))).join('') +
    `共 ${result.rows.length} 行\n`
  );
}

/** Terminal columns: CJK characters take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}
