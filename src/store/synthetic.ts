// Many stored documents for benchmarks: a hundred generated documents (src/generate) varied by unit and year, and
// copies made inside the database for the largest sizes.
import { sql } from 'kysely';
import { auditDisclosure, type AuditResult } from '../audit/index.js';
import { generate } from '../generate/index.js';
import { syntheticInput } from '../generate/synthetic.js';
import type { Disclosure } from '../model/schema.js';
import type { Store } from './store.js';

const BASES = 100;
/** Units per year: a 10,000-document store holds 2,000 units over 5 years. */
export const UNITS_PER_YEAR = 2000;
export const FIRST_YEAR = 2020;

export interface SyntheticBase {
  disclosure: Disclosure;
  audit: AuditResult;
}

export function syntheticBases(count = BASES): SyntheticBase[] {
  return Array.from({ length: count }, (_, i) => {
    const disclosure = generate(syntheticInput({ seed: 1000 + i }), { audit: false }).disclosure;
    return { disclosure, audit: auditDisclosure(disclosure) };
  });
}

/** Document n of a synthetic series: unit n mod 2,000, year by n div 2,000; its "file" is its own JSON. */
export function syntheticDocument(bases: readonly SyntheticBase[], n: number) {
  const base = bases[n % bases.length];
  const unit = `合成市第${(n % UNITS_PER_YEAR) + 1}单位`;
  const year = FIRST_YEAR + Math.floor(n / UNITS_PER_YEAR);
  const disclosure: Disclosure = {
    ...base.disclosure,
    metadata: { ...base.disclosure.metadata, unit, year },
  };
  const bytes = new TextEncoder().encode(JSON.stringify({ n, unit, year, seed: n % bases.length }));
  return { disclosure, audit: base.audit, files: [{ name: `synthetic-${n}.json`, bytes }] };
}

/**
 * Multiplies the stored documents by `factor` inside the database (INSERT … SELECT through the builder): each copy
 * gets new units (so a unit's history keeps its length) and the named facts of its original. Table cells are not
 * copied: comparisons and histories of named facts do not read them.
 */
export async function replicate(store: Store, factor: number): Promise<void> {
  const db = store.db;
  const maxUnit = Number(
    (
      await db
        .selectFrom('units')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m,
  );
  const maxDoc = Number(
    (
      await db
        .selectFrom('documents')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m,
  );
  for (let k = 1; k < factor; k++) {
    const unitShift = k * maxUnit;
    const docShift = k * maxDoc;
    const suffix = `#${k}`;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('units')
        .columns(['id', 'key', 'name', 'region', 'parent_id'])
        .expression(
          trx
            .selectFrom('units')
            .select([
              sql<number>`id + ${unitShift}`.as('id'),
              sql<string>`key || ${suffix}`.as('key'),
              sql<string>`name || ${suffix}`.as('name'),
              'region',
              sql<null>`null`.as('parent_id'),
            ])
            .where('id', '<=', maxUnit),
        )
        .execute();
      await trx
        .insertInto('documents')
        .columns([
          'id',
          'key',
          'unit_id',
          'unit_name',
          'year',
          'kind',
          'family',
          'region',
          'title',
          'tables',
          'tables_low',
          'confidence',
          'parse_ms',
          'model',
          'stored_at',
          'audited_at',
          'errors',
          'warnings',
          'infos',
        ])
        .expression(
          trx
            .selectFrom('documents')
            .select([
              sql<number>`id + ${docShift}`.as('id'),
              sql<string>`key || ${suffix}`.as('key'),
              sql<number>`unit_id + ${unitShift}`.as('unit_id'),
              sql<string>`unit_name || ${suffix}`.as('unit_name'),
              'year',
              'kind',
              'family',
              'region',
              'title',
              'tables',
              'tables_low',
              'confidence',
              'parse_ms',
              sql<string>`'{}'`.as('model'),
              'stored_at',
              'audited_at',
              'errors',
              'warnings',
              'infos',
            ])
            .where('id', '<=', maxDoc),
        )
        .execute();
      await trx
        .insertInto('named_facts')
        .columns([
          'document_id',
          'fact',
          'label',
          'amount',
          'table_kind',
          'row_code',
          'row_name',
          'column_id',
          'page',
        ])
        .expression(
          trx
            .selectFrom('named_facts')
            .select([
              sql<number>`document_id + ${docShift}`.as('document_id'),
              'fact',
              'label',
              'amount',
              'table_kind',
              'row_code',
              'row_name',
              'column_id',
              'page',
            ])
            .where('document_id', '<=', maxDoc),
        )
        .execute();
    });
  }
  if (store.dialect === 'postgres') {
    // Explicit ids were inserted: move the sequences past them.
    await sql`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`.execute(db);
    await sql`select setval(pg_get_serial_sequence('documents', 'id'), (select max(id) from documents))`.execute(
      db,
    );
    await sql`analyze`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
}
