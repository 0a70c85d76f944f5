// The repository's read side: what the web application, the API and `yusuan query` ask. Every query goes through
// the builder (parameters bound, never concatenated); amounts come back as exact decimal text in 元.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { Decimal } from '../model/money.js';
import { normalizeUnit } from '../model/unit-name.js';
import type { Disclosure } from '../model/schema.js';
import type { Finding, Severity } from '../audit/index.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface Page {
  limit?: number;
  offset?: number;
}

export interface UnitFilter extends Page {
  /** A substring of any printed name of the unit (Chinese). */
  search?: string;
  region?: string;
}

export interface UnitSummary {
  id: number;
  name: string;
  region: string | null;
  parentId: number | null;
  documents: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface DocumentFilter extends Page {
  region?: string;
  year?: number;
  kind?: string;
  family?: string;
  unitId?: number;
  /** A substring of the unit's printed name. */
  search?: string;
}

export interface DocumentSummary {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  kind: string;
  family: string;
  region: string | null;
  title: string | null;
  tables: number;
  tablesLow: number;
  confidence: string;
  storedAt: string;
  auditedAt: string;
  summary: Record<Severity, number>;
}

export interface UnitDetail extends UnitSummary {
  names: string[];
  parent: { id: number; name: string } | null;
  children: { id: number; name: string }[];
  documentList: DocumentSummary[];
}

export interface StoredFile {
  sha256: string;
  name: string;
  size: number;
  format: string;
}

export interface DocumentDetail {
  summary: DocumentSummary;
  files: StoredFile[];
  model: Disclosure;
  findings: Finding[];
}

export interface HistoryFilter {
  kind?: string;
}

export interface HistoryPoint {
  documentId: number;
  year: number;
  kind: string;
  fact: string;
  label: string;
  /** In 元, exact; null when the document prints the item empty or does not have it. */
  amount: string | null;
}

export interface CompareRequest extends Page {
  year: number;
  /** Fact selectors (see FACT_SELECTORS and parseSelector). */
  facts: readonly string[];
  kind?: string;
  region?: string;
  family?: string;
  unitIds?: readonly number[];
}

export interface CompareRow {
  documentId: number;
  unitId: number;
  unitName: string;
  year: number;
  kind: string;
  /** By selector: an amount in 元, or a share in percent (two decimals), exact text; null when absent. */
  values: Record<string, string | null>;
}

export interface FindingFilter extends Page {
  rule?: string;
  severity?: Severity;
  year?: number;
  region?: string;
  kind?: string;
  unitId?: number;
  documentId?: number;
}

export interface FindingRow extends Finding {
  documentId: number;
  unitName: string;
  year: number;
  kind: string;
}

export interface FailureRow {
  sha256: string;
  name: string;
  reason: string;
  code: string;
  failedAt: string;
}

/** The named facts most asked for, with their Chinese labels (any other fact id of the audit works too). */
export const FACT_SELECTORS: Record<string, string> = {
  'three_public.total': '“三公”经费合计',
  'three_public.abroad': '因公出国（境）费',
  'three_public.reception': '公务接待费',
  'three_public.vehicles': '公务用车购置及运行费',
  'operating_costs.total': '机关运行经费',
  'expenditure.year_total': '本年支出合计',
  'expenditure.basic': '基本支出',
  'expenditure.project': '项目支出',
  'share.basic': '基本支出占比（%）',
  'share.project': '项目支出占比（%）',
  'income.year_total': '本年收入合计',
  'economic.personnel': '人员经费',
  'economic.public': '公用经费',
};

/**
 * A selector is a named fact id (`three_public.total`), a share (`share.basic`: 基本支出 / (基本 + 项目), in %), or
 * a classification code in a table and column: `code:2010301` (支出总表, 合计), `code:2010301@general_expenditure/basic`.
 */
export type Selector =
  | { type: 'named'; fact: string }
  | { type: 'share'; part: 'basic' | 'project' }
  | { type: 'code'; code: string; table: string; column: string };

export function parseSelector(text: string): Selector | undefined {
  const share = /^share\.(basic|project)$/.exec(text);
  if (share) return { type: 'share', part: share[1] as 'basic' | 'project' };
  const code = /^code:(\d+)(?:@([a-z_]+))?(?:\/([a-z_]+|other:.+))?$/.exec(text);
  if (code)
    return { type: 'code', code: code[1], table: code[2] ?? 'expenditure', column: code[3] ?? 'total' };
  if (/^[a-z_]+(\.[^\s]+)+$/.test(text)) return { type: 'named', fact: text };
  return undefined;
}

const LIMIT = 200;
const page = (p: Page) => ({
  limit: Math.min(Math.max(p.limit ?? LIMIT, 1), 10_000),
  offset: Math.max(p.offset ?? 0, 0),
});

export async function units(db: Db, filter: UnitFilter): Promise<UnitSummary[]> {
  const { limit, offset } = page(filter);
  let query = db
    .selectFrom('units')
    .leftJoin('documents', 'documents.unit_id', 'units.id')
    .select((eb) => [
      'units.id',
      'units.name',
      'units.region',
      'units.parent_id',
      eb.fn.count<number>('documents.id').as('documents'),
      eb.fn.min('documents.year').as('first_year'),
      eb.fn.max('documents.year').as('last_year'),
    ])
    .groupBy(['units.id', 'units.name', 'units.region', 'units.parent_id']);
  if (filter.search) {
    // As printed, or as normalised (中共江苏省委办公厅 finds 中国共产党江苏省委员会办公厅).
    const printed = filter.search;
    const normalised = normalizeUnit(filter.search) || filter.search;
    query = query.where('units.id', 'in', (eb) =>
      eb
        .selectFrom('unit_names')
        .select('unit_id')
        .where((w) => w.or([contains('name', printed), contains('key', normalised)])),
    );
  }
  if (filter.region) query = query.where('units.region', '=', filter.region);
  const rows = await query.orderBy('units.name').orderBy('units.id').limit(limit).offset(offset).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    region: r.region,
    parentId: r.parent_id,
    documents: Number(r.documents),
    firstYear: r.first_year == null ? null : Number(r.first_year),
    lastYear: r.last_year == null ? null : Number(r.last_year),
  }));
}

export async function unit(db: Db, id: number): Promise<UnitDetail | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const names = await db.selectFrom('unit_names').select('name').where('unit_id', '=', id).execute();
  const printed = await db
    .selectFrom('documents')
    .select('unit_name as name')
    .distinct()
    .where('unit_id', '=', id)
    .execute();
  const parent = row.parent_id
    ? await db.selectFrom('units').select(['id', 'name']).where('id', '=', row.parent_id).executeTakeFirst()
    : undefined;
  const children = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', id)
    .orderBy('name')
    .execute();
  const documentList = await documents(db, { unitId: id, limit: 10_000 });
  const years = documentList.map((d) => d.year);
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    parentId: row.parent_id,
    documents: documentList.length,
    firstYear: years.length ? Math.min(...years) : null,
    lastYear: years.length ? Math.max(...years) : null,
    names: [...new Set([...names, ...printed].map((n) => n.name))].sort(),
    parent: parent ?? null,
    children,
    documentList,
  };
}

function documentQuery(db: Db, filter: DocumentFilter) {
  let query = db.selectFrom('documents');
  if (filter.region) query = query.where('documents.region', '=', filter.region);
  if (filter.year !== undefined) query = query.where('documents.year', '=', filter.year);
  if (filter.kind) query = query.where('documents.kind', '=', filter.kind);
  if (filter.family) query = query.where('documents.family', '=', filter.family);
  if (filter.unitId !== undefined) query = query.where('documents.unit_id', '=', filter.unitId);
  if (filter.search) query = query.where(contains('documents.unit_name', filter.search));
  return query;
}

/**
 * `column LIKE '%text%'` with the user's text taken literally: % and _ typed in a search box match themselves.
 * `ESCAPE '!'` is spelled the same way in SQLite and PostgreSQL.
 */
function contains(column: string, text: string): RawBuilder<boolean> {
  const literal = text.replace(/[!%_]/g, (c) => `!${c}`);
  return sql<boolean>`${sql.ref(column)} like ${`%${literal}%`} escape '!'`;
}

const SUMMARY_COLUMNS = [
  'documents.id',
  'documents.unit_id',
  'documents.unit_name',
  'documents.year',
  'documents.kind',
  'documents.family',
  'documents.region',
  'documents.title',
  'documents.tables',
  'documents.tables_low',
  'documents.confidence',
  'documents.stored_at',
  'documents.audited_at',
  'documents.errors',
  'documents.warnings',
  'documents.infos',
] as const;

type SummaryRow = Pick<
  Database['documents'],
  | 'unit_id'
  | 'unit_name'
  | 'year'
  | 'kind'
  | 'family'
  | 'region'
  | 'title'
  | 'tables'
  | 'tables_low'
  | 'confidence'
  | 'stored_at'
  | 'audited_at'
  | 'errors'
  | 'warnings'
  | 'infos'
> & { id: number };

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    year: r.year,
    kind: r.kind,
    family: r.family,
    region: r.region,
    title: r.title,
    tables: r.tables,
    tablesLow: r.tables_low,
    confidence: r.confidence,
    storedAt: r.stored_at,
    auditedAt: r.audited_at,
    summary: { error: r.errors, warning: r.warnings, info: r.infos },
  };
}

export async function documents(db: Db, filter: DocumentFilter): Promise<DocumentSummary[]> {
  const { limit, offset } = page(filter);
  const rows = await documentQuery(db, filter)
    .select(SUMMARY_COLUMNS)
    .orderBy('documents.year', 'desc')
    .orderBy('documents.unit_name')
    .orderBy('documents.kind')
    .orderBy('documents.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSummary);
}

export async function documentIds(db: Db, filter: DocumentFilter): Promise<number[]> {
  const rows = await documentQuery(db, filter)
    .select('documents.id')
    .orderBy('documents.year')
    .orderBy('documents.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function document(db: Db, id: number): Promise<DocumentDetail | undefined> {
  const row = await db
    .selectFrom('documents')
    .select([...SUMMARY_COLUMNS, 'documents.model'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const files = await db
    .selectFrom('document_files')
    .innerJoin('files', 'files.sha256', 'document_files.sha256')
    .select(['files.sha256', 'files.name', 'files.size', 'files.format'])
    .where('document_files.document_id', '=', id)
    .orderBy('document_files.position')
    .execute();
  const found = await findings(db, { documentId: id, limit: 10_000 });
  return {
    summary: toSummary(row),
    files: files.map((f) => ({ ...f, size: Number(f.size) })),
    model: JSON.parse(row.model) as Disclosure,
    findings: found.map(({ documentId: _d, unitName: _u, year: _y, kind: _k, ...f }) => f),
  };
}

/** A unit's history of facts: one point per stored document and fact, oldest year first. */
export async function history(
  db: Db,
  unitId: number,
  facts: readonly string[],
  filter: HistoryFilter,
): Promise<HistoryPoint[]> {
  let docs = db.selectFrom('documents').select(['id', 'year', 'kind']).where('unit_id', '=', unitId);
  if (filter.kind) docs = docs.where('kind', '=', filter.kind);
  const list = await docs.orderBy('year').orderBy('kind').orderBy('id').execute();
  if (!list.length) return [];
  const values = await selectorValues(
    db,
    list.map((d) => d.id),
    facts,
  );
  const out: HistoryPoint[] = [];
  for (const d of list)
    for (const fact of facts)
      out.push({
        documentId: d.id,
        year: d.year,
        kind: d.kind,
        fact,
        label: FACT_SELECTORS[fact] ?? values.labels.get(fact) ?? fact,
        amount: values.byDocument.get(d.id)?.get(fact) ?? null,
      });
  return out;
}

/** All documents of a year (optionally of a kind, region, family or set of units), compared on chosen facts. */
export async function compare(db: Db, request: CompareRequest): Promise<CompareRow[]> {
  const { limit, offset } = page({ limit: request.limit ?? 10_000, offset: request.offset });
  let query = documentQuery(db, {
    year: request.year,
    kind: request.kind,
    region: request.region,
    family: request.family,
  }).select(['documents.id', 'documents.unit_id', 'documents.unit_name', 'documents.year', 'documents.kind']);
  if (request.unitIds?.length) query = query.where('documents.unit_id', 'in', [...request.unitIds]);
  const docs = await query
    .orderBy('documents.unit_name')
    .orderBy('documents.id')
    .limit(limit)
    .offset(offset)
    .execute();
  if (!docs.length) return [];
  const values = await selectorValues(
    db,
    docs.map((d) => d.id),
    request.facts,
  );
  return docs.map((d) => ({
    documentId: d.id,
    unitId: d.unit_id,
    unitName: d.unit_name,
    year: d.year,
    kind: d.kind,
    values: Object.fromEntries(request.facts.map((f) => [f, values.byDocument.get(d.id)?.get(f) ?? null])),
  }));
}

/** Values of selectors for documents: named facts and codes in two queries (chunked), shares derived exactly. */
async function selectorValues(
  db: Db,
  documentIds: readonly number[],
  selectors: readonly string[],
): Promise<{ byDocument: Map<number, Map<string, string | null>>; labels: Map<string, string> }> {
  const parsed = selectors.map((s) => [s, parseSelector(s)] as const);
  const named = new Set<string>();
  const codes: { key: string; code: string; table: string; column: string }[] = [];
  for (const [key, sel] of parsed) {
    if (!sel) continue;
    if (sel.type === 'named') named.add(sel.fact);
    else if (sel.type === 'share') named.add('expenditure.basic').add('expenditure.project');
    else codes.push({ key, ...sel });
  }
  const byDocument = new Map<number, Map<string, string | null>>();
  const labels = new Map<string, string>();
  const put = (doc: number, key: string, value: string | null) => {
    let m = byDocument.get(doc);
    if (!m) byDocument.set(doc, (m = new Map()));
    if (!m.has(key)) m.set(key, value == null ? null : new Decimal(value).toFixed());
  };
  for (let i = 0; i < documentIds.length; i += 500) {
    const ids = documentIds.slice(i, i + 500);
    if (named.size) {
      const rows = await db
        .selectFrom('named_facts')
        .select(['document_id', 'fact', 'label', 'amount'])
        .where('document_id', 'in', ids)
        .where('fact', 'in', [...named])
        .execute();
      for (const r of rows) {
        put(r.document_id, r.fact, r.amount);
        labels.set(r.fact, r.label);
      }
    }
    for (const c of codes) {
      const rows = await db
        .selectFrom('facts')
        .select(['document_id', 'row_name', 'amount'])
        .where('document_id', 'in', ids)
        .where('table_kind', '=', c.table)
        .where('row_code', '=', c.code)
        .where('column_id', '=', c.column)
        .orderBy('document_id')
        .orderBy('table_index')
        .orderBy('row_index')
        .execute();
      for (const r of rows) {
        put(r.document_id, c.key, r.amount);
        if (!labels.has(c.key)) labels.set(c.key, `${c.code} ${r.row_name}`);
      }
    }
  }
  for (const [key, sel] of parsed) {
    if (sel?.type !== 'share') continue;
    for (const m of byDocument.values()) {
      const basic = m.get('expenditure.basic');
      const project = m.get('expenditure.project');
      if (basic == null || project == null) continue;
      const whole = new Decimal(basic).plus(project);
      if (whole.isZero()) continue;
      const part = sel.part === 'basic' ? basic : project;
      m.set(
        key,
        new Decimal(part).div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      );
    }
  }
  return { byDocument, labels };
}

export async function findings(db: Db, filter: FindingFilter): Promise<FindingRow[]> {
  const { limit, offset } = page(filter);
  let query = db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    .select([
      'findings.document_id',
      'findings.rule',
      'findings.severity',
      'findings.message',
      'findings.table_kind',
      'findings.row_code',
      'findings.row_name',
      'findings.column_id',
      'findings.expected',
      'findings.actual',
      'findings.page',
      'findings.line',
      'findings.section',
      'findings.excerpt',
      'documents.unit_name',
      'documents.year',
      'documents.kind',
    ]);
  if (filter.rule) query = query.where('findings.rule', '=', filter.rule);
  if (filter.severity) query = query.where('findings.severity', '=', filter.severity);
  if (filter.documentId !== undefined) query = query.where('findings.document_id', '=', filter.documentId);
  if (filter.year !== undefined) query = query.where('documents.year', '=', filter.year);
  if (filter.region) query = query.where('documents.region', '=', filter.region);
  if (filter.kind) query = query.where('documents.kind', '=', filter.kind);
  if (filter.unitId !== undefined) query = query.where('documents.unit_id', '=', filter.unitId);
  const rows = await query
    .orderBy('findings.document_id')
    .orderBy('findings.position')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => {
    const f: FindingRow = {
      documentId: r.document_id,
      unitName: r.unit_name,
      year: r.year,
      kind: r.kind,
      rule: r.rule,
      severity: r.severity as Severity,
      message: r.message,
      table: r.table_kind,
    };
    if (r.row_code != null) f.row_code = r.row_code;
    if (r.row_name != null) f.row_name = r.row_name;
    if (r.column_id != null) f.column = r.column_id;
    if (r.expected != null) f.expected = r.expected;
    if (r.actual != null) f.actual = r.actual;
    if (r.page != null) f.page = r.page;
    if (r.line != null) f.line = r.line;
    if (r.section != null) f.section = r.section;
    if (r.excerpt != null) f.excerpt = r.excerpt;
    return f;
  });
}

export async function failures(db: Db): Promise<FailureRow[]> {
  const rows = await db.selectFrom('failures').selectAll().orderBy('failed_at').orderBy('name').execute();
  return rows.map((r) => ({
    sha256: r.sha256,
    name: r.name,
    reason: r.reason,
    code: r.code,
    failedAt: r.failed_at,
  }));
}

export async function stats(
  db: Db,
): Promise<{ units: number; documents: number; facts: number; findings: number; failures: number }> {
  const count = async (table: 'units' | 'documents' | 'facts' | 'findings' | 'failures') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    units: await count('units'),
    documents: await count('documents'),
    facts: await count('facts'),
    findings: await count('findings'),
    failures: await count('failures'),
  };
}

export interface FactRow {
  documentId: number;
  unitName: string;
  year: number;
  kind: string;
  table: string;
  tableTitle: string;
  rowCode: string | null;
  rowName: string;
  rowLabel: string;
  side: string | null;
  column: string;
  /** In the table's unit, as printed (exact), and that unit. */
  value: string;
  unit: string;
  /** In 元. */
  amount: string;
  page: number | null;
}

/** Table cells of the documents a filter selects, document by document (memory bounded by one document). */
export async function* factRows(db: Db, filter: DocumentFilter): AsyncGenerator<FactRow[]> {
  const ids = await documentIds(db, filter);
  for (const id of ids) {
    const rows = await db
      .selectFrom('facts')
      .innerJoin('documents', 'documents.id', 'facts.document_id')
      .select([
        'facts.document_id',
        'documents.unit_name',
        'documents.year',
        'documents.kind',
        'facts.table_kind',
        'facts.table_title',
        'facts.row_code',
        'facts.row_name',
        'facts.row_label',
        'facts.side',
        'facts.column_id',
        'facts.value',
        'facts.unit',
        'facts.amount',
        'facts.page',
      ])
      .where('facts.document_id', '=', id)
      .orderBy('facts.table_index')
      .orderBy('facts.row_index')
      .execute();
    yield rows.map((r) => ({
      documentId: r.document_id,
      unitName: r.unit_name,
      year: r.year,
      kind: r.kind,
      table: r.table_kind,
      tableTitle: r.table_title,
      rowCode: r.row_code,
      rowName: r.row_name,
      rowLabel: r.row_label,
      side: r.side,
      column: r.column_id,
      value: new Decimal(r.value).toFixed(),
      unit: r.unit,
      amount: new Decimal(r.amount).toFixed(),
      page: r.page,
    }));
  }
}
