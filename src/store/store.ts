// The Store: opening (migrations run), storing a parsed document atomically, re-auditing, and the queries.
import { Migrator, type Kysely, type Transaction } from 'kysely';
import { auditDisclosure, type AuditResult, type Finding } from '../audit/index.js';
import { runRules } from '../audit/engine.js';
import { priorChange } from '../audit/rules/prior.js';
import type { Disclosure } from '../model/schema.js';
import { normalizeUnit, sameUnit } from '../model/unit-name.js';
import { blobStore, sha256, type BlobStore } from './blobs.js';
import { connect, locate, StoreError, type Dialect, type Location } from './connect.js';
import { migrationProvider } from './migrations.js';
import { confidenceOf, factRows, findingRows, namedFactRows } from './rows.js';
import type { Database } from './schema.js';
import * as q from './queries.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SourceFile {
  /** File name as given (folders are not kept). */
  name: string;
  bytes: Uint8Array;
}

export interface IngestInput {
  disclosure: Disclosure;
  /** The original files the document was read from (two for a text and a tables volume). */
  files: readonly SourceFile[];
  /** Time spent reading and recognising, for the record. */
  parseMs?: number;
  /**
   * The audit already run without the prior year (parsing threads do that); the year-over-year rule is added here
   * from the store. When absent the whole audit runs here.
   */
  audit?: AuditResult;
}

export interface IngestResult {
  status: 'stored' | 'exists';
  documentId: number;
  unitId: number;
  summary: Record<'error' | 'warning' | 'info', number>;
}

export interface FailureInput {
  name: string;
  bytes?: Uint8Array;
  sha256?: string;
  reason: string;
  code: string;
}

const now = () => new Date().toISOString();
const CHUNK = 400;

/** Opens (creating when needed) the repository at a URL or path; migrations are run before it is returned. */
export async function openStore(url?: string): Promise<Store> {
  const location = locate(url);
  let db: Kysely<Database>;
  try {
    db = await connect(location);
    const migrator = new Migrator({ db, provider: migrationProvider(location.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError(`无法打开数据库 ${location.display}（${reasonOf(e)}）`);
  }
  return new Store(db, location);
}

function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  if (code === 'ECONNREFUSED') return '连接被拒绝，服务器未启动或地址有误';
  if (code === '28P01') return '用户名或密码错误';
  if (code === '3D000') return '数据库不存在';
  return message.split('\n')[0].slice(0, 200);
}

export class Store {
  readonly dialect: Dialect;
  /** Where the store is, for messages (passwords masked). */
  readonly display: string;
  private readonly blobs: BlobStore;

  constructor(
    readonly db: Kysely<Database>,
    readonly location: Location,
  ) {
    this.dialect = location.dialect;
    this.display = location.display;
    this.blobs = blobStore(location);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ---- files ----------------------------------------------------------------------------------------------

  /** Keeps an original file (content-addressed; storing it twice is a no-op) and returns its SHA-256. */
  async putFile(file: SourceFile, db: Db = this.db): Promise<string> {
    const sha = sha256(file.bytes);
    await this.blobs.put(db, sha, file.bytes);
    await db
      .insertInto('files')
      .values({
        sha256: sha,
        name: file.name,
        size: file.bytes.length,
        format: formatOf(file.name),
        stored_at: now(),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return sha;
  }

  /** The original bytes of a stored file. */
  async getFile(sha: string): Promise<Uint8Array | undefined> {
    return this.blobs.get(this.db, sha);
  }

  /** Of these hashes, those already stored as (part of) a document, and those recorded as failed. */
  async known(hashes: readonly string[]): Promise<{ stored: Set<string>; failed: Map<string, string> }> {
    const stored = new Set<string>();
    const failed = new Map<string, string>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const part = hashes.slice(i, i + CHUNK);
      if (!part.length) continue;
      for (const r of await this.db
        .selectFrom('document_files')
        .select('sha256')
        .where('sha256', 'in', part)
        .execute())
        stored.add(r.sha256);
      for (const r of await this.db
        .selectFrom('failures')
        .select(['sha256', 'reason'])
        .where('sha256', 'in', part)
        .execute())
        failed.set(r.sha256, r.reason);
    }
    return { stored, failed };
  }

  // ---- documents --------------------------------------------------------------------------------------------

  /**
   * Stores one parsed document in one transaction: its files, unit, model, facts and findings. A document whose
   * set of source files is already stored is left as it is ('exists'). After storing, the same unit's next-year
   * document (if stored) is re-audited, so that its year-over-year check now sees this one.
   */
  async ingest(input: IngestInput): Promise<IngestResult> {
    const hashes = input.files.map((f) => sha256(f.bytes));
    const key = documentKey(hashes);
    const existing = await this.db
      .selectFrom('documents')
      .select(['id', 'unit_id'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (existing)
      return {
        status: 'exists',
        documentId: existing.id,
        unitId: existing.unit_id,
        summary: await this.summaryOf(existing.id),
      };

    const doc = input.disclosure;
    const prior = await this.priorOf(doc);
    const audit = input.audit
      ? withFindings(input.audit, Store.priorFindings(doc, prior))
      : auditDisclosure(doc, { prior });
    const result = await this.db.transaction().execute(async (trx) => {
      for (const f of input.files) await this.putFile(f, trx);
      const unitId = await this.resolveUnit(trx, doc.metadata.unit, doc.metadata.region ?? null, key);
      const { confidence, tables, low } = confidenceOf(doc);
      const stamp = now();
      const inserted = await trx
        .insertInto('documents')
        .values({
          key,
          unit_id: unitId,
          unit_name: doc.metadata.unit,
          year: doc.metadata.year,
          kind: doc.metadata.kind,
          family: doc.metadata.family,
          region: doc.metadata.region ?? null,
          title: doc.metadata.title ?? null,
          tables,
          tables_low: low,
          confidence,
          parse_ms: Math.round(input.parseMs ?? 0),
          model: JSON.stringify(doc),
          stored_at: stamp,
          audited_at: stamp,
          errors: audit.summary.error,
          warnings: audit.summary.warning,
          infos: audit.summary.info,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst();
      // Another process stored the same files meanwhile: nothing more to do.
      if (!inserted) return null;
      const id = inserted.id;
      await trx
        .insertInto('document_files')
        .values(hashes.map((sha, position) => ({ document_id: id, sha256: sha, position })))
        .execute();
      await insertChunked(trx, 'facts', factRows(id, doc));
      await insertChunked(trx, 'named_facts', namedFactRows(id, doc));
      await insertChunked(trx, 'findings', findingRows(id, audit.findings));
      await trx.deleteFrom('failures').where('sha256', 'in', hashes).execute();
      if (doc.metadata.kind.startsWith('department')) await this.linkUnits(trx, unitId, doc);
      return { id, unitId };
    });
    if (!result) {
      const row = await this.db
        .selectFrom('documents')
        .select(['id', 'unit_id'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      return {
        status: 'exists',
        documentId: row.id,
        unitId: row.unit_id,
        summary: await this.summaryOf(row.id),
      };
    }
    await this.reauditFollowing(result.unitId, doc);
    return { status: 'stored', documentId: result.id, unitId: result.unitId, summary: audit.summary };
  }

  /** Records a file that could not be stored as a document, with the reason (its bytes are kept too). */
  async recordFailure(failure: FailureInput): Promise<void> {
    const sha = failure.sha256 ?? sha256(failure.bytes!);
    if (failure.bytes) await this.putFile({ name: failure.name, bytes: failure.bytes });
    const values = {
      sha256: sha,
      name: failure.name,
      reason: failure.reason,
      code: failure.code,
      failed_at: now(),
    };
    await this.db
      .insertInto('failures')
      .values(values)
      .onConflict((oc) =>
        oc.column('sha256').doUpdateSet({
          reason: values.reason,
          code: values.code,
          failed_at: values.failed_at,
          name: values.name,
        }),
      )
      .execute();
  }

  /** The stored model of a document. */
  async disclosure(documentId: number): Promise<Disclosure | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .select('model')
      .where('id', '=', documentId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.model) as Disclosure) : undefined;
  }

  /**
   * The same unit's document of the previous year and of the same kind, for the year-over-year check. A 部门
   * document consolidates its 单位, so its figures are not the 单位 document's prior year (nor the reverse).
   */
  async priorOf(doc: Disclosure, unitId?: number): Promise<Disclosure | undefined> {
    const id = unitId ?? (await this.findUnit(this.db, doc.metadata.unit));
    if (id === undefined) return undefined;
    const rows = await this.db
      .selectFrom('documents')
      .select(['id', 'kind'])
      .where('unit_id', '=', id)
      .where('year', '=', doc.metadata.year - 1)
      .orderBy('id', 'desc')
      .execute();
    const pick = rows.find((r) => r.kind === doc.metadata.kind);
    return pick ? this.disclosure(pick.id) : undefined;
  }

  /**
   * Audits stored documents again with the current rules (after the rules change), each in its own transaction.
   * Returns how many documents were re-audited.
   */
  async reaudit(filter: q.DocumentFilter = {}, onDocument?: (id: number) => void): Promise<number> {
    const ids = await q.documentIds(this.db, filter);
    for (const id of ids) {
      await this.reauditOne(id);
      onDocument?.(id);
    }
    return ids.length;
  }

  async reauditOne(documentId: number): Promise<AuditResult | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .select(['model', 'unit_id'])
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!row) return undefined;
    const doc = JSON.parse(row.model) as Disclosure;
    const audit = auditDisclosure(doc, { prior: await this.priorOf(doc, row.unit_id) });
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('findings').where('document_id', '=', documentId).execute();
      await insertChunked(trx, 'findings', findingRows(documentId, audit.findings));
      await trx
        .updateTable('documents')
        .set({
          audited_at: now(),
          errors: audit.summary.error,
          warnings: audit.summary.warning,
          infos: audit.summary.info,
        })
        .where('id', '=', documentId)
        .execute();
    });
    return audit;
  }

  /** Only the year-over-year rule, for a document audited without its prior year (workers audit in parallel). */
  static priorFindings(doc: Disclosure, prior: Disclosure | undefined): Finding[] {
    return prior ? runRules([priorChange], doc, { prior }).findings : [];
  }

  private async reauditFollowing(unitId: number, doc: Disclosure): Promise<void> {
    const next = await this.db
      .selectFrom('documents')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('year', '=', doc.metadata.year + 1)
      .execute();
    for (const r of next) await this.reauditOne(r.id);
  }

  private async summaryOf(documentId: number): Promise<IngestResult['summary']> {
    const r = await this.db
      .selectFrom('documents')
      .select(['errors', 'warnings', 'infos'])
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    return { error: r.errors, warning: r.warnings, info: r.infos };
  }

  // ---- units ------------------------------------------------------------------------------------------------

  /** The unit a printed name denotes: by a known spelling, else by a unique unit whose name it abbreviates. */
  private async findUnit(db: Db, name: string): Promise<number | undefined> {
    const key = normalizeUnit(name);
    if (!key) return undefined;
    const known = await db
      .selectFrom('unit_names')
      .select('unit_id')
      .where('key', '=', key)
      .executeTakeFirst();
    if (known) return known.unit_id;
    if (key.length < 4) return undefined;
    // sameUnit: one name is the other's beginning. Shorter known names are the key's own prefixes (exact lookups);
    // longer ones sort right after the key (a range on the unique index).
    const prefixes = Array.from({ length: key.length - 4 }, (_, i) => key.slice(0, 4 + i));
    const shorter = prefixes.length
      ? await db.selectFrom('units').select(['id', 'key']).where('key', 'in', prefixes).execute()
      : [];
    const longer = await db
      .selectFrom('units')
      .select(['id', 'key'])
      .where('key', '>', key)
      .where('key', '<', key + '\uffff')
      .limit(3)
      .execute();
    const same = [...shorter, ...longer].filter((c) => sameUnit(c.key, key));
    return same.length === 1 ? same[0].id : undefined;
  }

  private async resolveUnit(
    db: Db,
    name: string,
    region: string | null,
    documentKey: string,
  ): Promise<number> {
    const found = await this.findUnit(db, name);
    const key = normalizeUnit(name) || `?${documentKey.slice(0, 16)}`;
    const display = name || '（未识别单位）';
    if (found !== undefined) {
      await db
        .insertInto('unit_names')
        .values({ key, unit_id: found, name: display })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      await db
        .updateTable('units')
        .set({ name: display })
        .where('id', '=', found)
        .where('key', '=', key)
        .execute();
      return found;
    }
    await db
      .insertInto('units')
      .values({ key, name: display, region, parent_id: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const unit = await db.selectFrom('units').select('id').where('key', '=', key).executeTakeFirstOrThrow();
    await db
      .insertInto('unit_names')
      .values({ key, unit_id: unit.id, name: display })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return unit.id;
  }

  /** A 部门 document lists the units it consolidates: they become its 单位 (parent set once). */
  private async linkUnits(db: Db, departmentId: number, doc: Disclosure): Promise<void> {
    for (const name of doc.overview.unitsIncluded) {
      if (!normalizeUnit(name) || sameUnit(name, doc.metadata.unit)) continue;
      const id = await this.resolveUnit(db, name, doc.metadata.region ?? null, '');
      if (id === departmentId) continue;
      await db
        .updateTable('units')
        .set({ parent_id: departmentId })
        .where('id', '=', id)
        .where('parent_id', 'is', null)
        .execute();
    }
  }

  // ---- queries (see queries.ts) -----------------------------------------------------------------------------

  units(filter: q.UnitFilter = {}) {
    return q.units(this.db, filter);
  }
  unit(id: number) {
    return q.unit(this.db, id);
  }
  history(unitId: number, facts: readonly string[], filter: q.HistoryFilter = {}) {
    return q.history(this.db, unitId, facts, filter);
  }
  documents(filter: q.DocumentFilter = {}) {
    return q.documents(this.db, filter);
  }
  document(id: number) {
    return q.document(this.db, id);
  }
  compare(request: q.CompareRequest) {
    return q.compare(this.db, request);
  }
  findings(filter: q.FindingFilter = {}) {
    return q.findings(this.db, filter);
  }
  factRows(filter: q.DocumentFilter = {}) {
    return q.factRows(this.db, filter);
  }
  failures() {
    return q.failures(this.db);
  }
  stats() {
    return q.stats(this.db);
  }
}

/** One document per set of source files, whatever order they were given in. */
export function documentKey(hashes: readonly string[]): string {
  if (hashes.length === 1) return hashes[0];
  return sha256(new TextEncoder().encode([...hashes].sort().join('+')));
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** An audit with more findings, in the engine's order (by severity) and with its summary recounted. */
function withFindings(audit: AuditResult, extra: readonly Finding[]): AuditResult {
  if (!extra.length) return audit;
  const findings = [...audit.findings, ...extra].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return { findings, summary };
}

function formatOf(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ?? 'unknown';
}

async function insertChunked<T extends 'facts' | 'named_facts' | 'findings'>(
  db: Db,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The three row types are not one insertable type for the builder; each row matches its own table.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}
