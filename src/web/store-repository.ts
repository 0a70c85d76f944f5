// The Repository of the web application over the store (src/store). A document is shown with the findings of its
// latest audit as the store keeps them (with their section and line, so the page can place each at its sentence).
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import type {
  Counts,
  DocumentFilter,
  DocumentInfo,
  NewDocument,
  Repository,
  StoredDocument,
  UnitInfo,
} from './repository.js';
import type { DocumentSummary as StoreDocumentSummary } from '../store/index.js';

function toInfo(d: StoreDocumentSummary, files: string[] = []): DocumentInfo {
  return {
    id: String(d.id),
    unitId: String(d.unitId),
    unit: d.unitName,
    year: d.year,
    kind: d.kind as DocumentInfo['kind'],
    family: d.family,
    region: d.region,
    files,
    status: 'published',
    summary: d.summary,
  };
}

const numericId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : undefined);

export class StoreRepository implements Repository {
  constructor(readonly store: Store) {}

  async counts(): Promise<Counts> {
    const db = this.store.db;
    const [byYear, byRegion, totals] = await Promise.all([
      db
        .selectFrom('documents')
        .select(['year', sql<number>`count(*)`.as('n')])
        .groupBy('year')
        .orderBy('year', 'desc')
        .execute(),
      db
        .selectFrom('documents')
        .select([sql<string>`coalesce(region, '未注明')`.as('region'), sql<number>`count(*)`.as('n')])
        .groupBy(sql`coalesce(region, '未注明')`)
        .orderBy(sql`count(*)`, 'desc')
        .execute(),
      this.store.stats(),
    ]);
    return {
      documents: totals.documents,
      units: totals.units,
      byYear: byYear.map((r) => ({ year: Number(r.year), count: Number(r.n) })),
      byRegion: byRegion.map((r) => ({ region: r.region, count: Number(r.n) })),
    };
  }

  /** Years of documents of each unit, one query for a whole list. */
  private async yearsOf(unitIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!unitIds.length) return out;
    const rows = await this.store.db
      .selectFrom('documents')
      .select(['unit_id', 'year'])
      .distinct()
      .where('unit_id', 'in', unitIds)
      .orderBy('year')
      .execute();
    for (const r of rows) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), Number(r.year)]);
    return out;
  }

  async searchUnits(query: string, limit = 100): Promise<UnitInfo[]> {
    const units = (await this.store.units({ search: query || undefined, limit })).filter(
      (u) => u.documents > 0,
    );
    const years = await this.yearsOf(units.map((u) => u.id));
    return units.map((u) => ({
      id: String(u.id),
      name: u.name,
      region: u.region,
      documents: u.documents,
      years: years.get(u.id) ?? [],
    }));
  }

  async unit(id: string): Promise<UnitInfo | undefined> {
    const n = numericId(id);
    const u = n === undefined ? undefined : await this.store.unit(n);
    if (!u) return undefined;
    const years = await this.yearsOf([u.id]);
    return {
      id: String(u.id),
      name: u.name,
      region: u.region,
      documents: u.documents,
      years: years.get(u.id) ?? [],
    };
  }

  async documents(filter: DocumentFilter): Promise<DocumentInfo[]> {
    const unitId = filter.unit === undefined ? undefined : numericId(filter.unit);
    if (filter.unit !== undefined && unitId === undefined) return [];
    const docs = await this.store.documents({
      unitId,
      year: filter.year,
      kind: filter.kind,
      region: filter.region,
      limit: filter.limit ?? 100,
    });
    return docs.map((d) => toInfo(d));
  }

  async document(id: string): Promise<StoredDocument | undefined> {
    const n = numericId(id);
    const detail = n === undefined ? undefined : await this.store.document(n);
    if (!detail) return undefined;
    return {
      ...toInfo(
        detail.summary,
        detail.files.map((f) => f.name),
      ),
      disclosure: detail.model,
      findings: detail.findings,
    };
  }

  async original(id: string) {
    const n = numericId(id);
    const detail = n === undefined ? undefined : await this.store.document(n);
    const file = detail?.files[0];
    if (!file) return undefined;
    const bytes = await this.store.getFile(file.sha256);
    return bytes ? { name: file.name, bytes } : undefined;
  }

  async put(doc: NewDocument): Promise<string> {
    const stored = await this.store.ingest({
      disclosure: doc.disclosure,
      files: doc.files,
      parseMs: doc.parseMs,
    });
    return String(stored.documentId);
  }

  async recordFailure(file: {
    name: string;
    bytes: Uint8Array;
    reason: string;
    code: string;
  }): Promise<void> {
    await this.store.recordFailure(file);
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
