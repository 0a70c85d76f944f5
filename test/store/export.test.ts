// Open data from the store: the Fiscal Data Package validates against the Data Package / Table Schema / Fiscal
// Data Package descriptors, every CSV cell against its field's declared type, and amounts stay exact.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { Decimal } from '../../src/model/money.js';
import { openStore, StoreError, type Store } from '../../src/store/index.js';
import { writeStoreDataPackage } from '../../src/store/export.js';
import { syntheticBases, syntheticDocument } from '../../src/store/synthetic.js';
import { describeStores, freshUrl } from './helpers.js';

/** Frictionless specs (datapackage.org): names, resource paths, Table Schema fields and keys; FDP's model. */
const NAME = /^[a-z0-9._-]+$/;
const Field = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'year']),
  title: z.string().optional(),
  description: z.string().optional(),
});
const ForeignKey = z.strictObject({
  fields: z.string(),
  reference: z.strictObject({ resource: z.string(), fields: z.string() }),
});
const Resource = z.strictObject({
  name: z.string().regex(NAME),
  path: z.string().regex(/^[^/\\.][^\\]*\.csv$/),
  profile: z.literal('tabular-data-resource'),
  title: z.string(),
  format: z.literal('csv'),
  mediatype: z.literal('text/csv'),
  encoding: z.literal('utf-8'),
  schema: z.strictObject({
    fields: z.array(Field).min(1),
    primaryKey: z.array(z.string()).optional(),
    foreignKeys: z.array(ForeignKey).optional(),
  }),
});
const Attribute = z.strictObject({
  source: z.string(),
  resource: z.string(),
  labelfor: z.string().optional(),
});
const Package = z.strictObject({
  profile: z.literal('fiscal-data-package'),
  name: z.string().regex(NAME),
  title: z.string(),
  created: z.iso.datetime(),
  licenses: z.array(z.strictObject({ name: z.string(), title: z.string() })).min(1),
  model: z.strictObject({
    measures: z.record(
      z.string(),
      z.strictObject({ source: z.string(), currency: z.string().length(3), resource: z.string() }),
    ),
    dimensions: z.record(
      z.string(),
      z.strictObject({
        dimensionType: z.enum([
          'datetime',
          'entity',
          'classification',
          'activity',
          'fact',
          'location',
          'other',
        ]),
        primaryKey: z.string(),
        attributes: z.record(z.string(), Attribute),
      }),
    ),
  }),
  resources: z.array(Resource).min(1),
});

/** RFC 4180 records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

const TYPE: Record<string, RegExp> = { integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/, string: /^/ };

describeStores('open-data export', (dialect) => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    store = await openStore(await freshUrl(dialect));
    const bases = syntheticBases(3);
    for (let n = 0; n < 6; n++) {
      // Audited here, under the unit name and year the synthetic series gives it.
      const { disclosure, files } = syntheticDocument(bases, n * 2000 + (n % 3));
      await store.ingest({ disclosure, files });
    }
    dir = await mkdtemp(join(tmpdir(), 'yusuan-fdp-'));
    await writeStoreDataPackage(store, {}, dir);
  }, 120_000);
  afterAll(async () => store?.close());

  it('writes a datapackage.json that validates against the Fiscal Data Package descriptor', async () => {
    const pkg = Package.parse(JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')));
    const facts = pkg.resources.find((r) => r.name === 'facts')!;
    for (const dimension of Object.values(pkg.model.dimensions))
      for (const a of Object.values(dimension.attributes))
        expect(facts.schema.fields.map((f) => f.name)).toContain(a.source);
    expect(facts.schema.fields.map((f) => f.name)).toContain(pkg.model.measures.amount.source);
  });

  it('writes CSVs whose every cell has its declared type, with keys that resolve', async () => {
    const pkg = Package.parse(JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')));
    const tables = new Map<string, string[][]>();
    for (const r of pkg.resources) {
      const [header, ...rows] = parseCsv(await readFile(join(dir, r.path), 'utf8'));
      expect(header).toEqual(r.schema.fields.map((f) => f.name));
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        r.schema.fields.forEach((f, i) => {
          if (row[i] !== '') expect(row[i], `${r.name}.${f.name}`).toMatch(TYPE[f.type]);
        });
      }
      tables.set(r.name, rows);
    }
    const documentIds = new Set(tables.get('documents')!.map((r) => r[0]));
    expect(documentIds.size).toBe(6);
    for (const name of ['facts', 'findings'])
      for (const r of tables.get(name)!) expect(documentIds.has(r[0])).toBe(true);
    expect(tables.get('facts')!.length).toBe((await store.stats()).facts);
  });

  it('keeps every amount exact: 元 = the printed value × its unit', async () => {
    const [header, ...rows] = parseCsv(await readFile(join(dir, 'facts.csv'), 'utf8'));
    const col = (name: string) => header.indexOf(name);
    for (const r of rows) {
      const factor = r[col('unit_printed')] === '万元' ? 10_000 : 1;
      expect(new Decimal(r[col('value')]).times(factor).toFixed()).toBe(r[col('amount_yuan')]);
    }
  });

  it('re-audits every stored document with the same result when the rules have not changed', async () => {
    const before = await store.findings({ limit: 10_000 });
    expect(await store.reaudit()).toBe(6);
    expect(await store.findings({ limit: 10_000 })).toEqual(before);
  });
});

it('never shows the password of a database it cannot open', async () => {
  const error = await openStore('postgres://yusuan:s3cret@127.0.0.1:1/yusuan').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as Error).message).toBe(
    '无法打开数据库 postgres://yusuan:***@127.0.0.1:1/yusuan（连接被拒绝，服务器未启动或地址有误）',
  );
});
