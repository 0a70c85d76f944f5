// The repository on real corpus documents, on both engines: documents stored once with their files, units across
// years and kinds, a unit's 三公 history and a year's comparison in exact 元, findings fed by the prior year.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import { cellRecords } from '../../src/export/cells.js';
import { openStore, sha256, type Store } from '../../src/store/index.js';
import { describeStores, freshUrl, parseCorpus } from './helpers.js';

const FILES = [
  '江苏_省政协办公厅_2017_部门预算_报表.pdf',
  '江苏_省政协办公厅_2017_部门预算_文字.pdf',
  '江苏_省政协办公厅_2018_部门预算_报表.pdf',
  '江苏_省政协办公厅_2018_部门预算_文字.pdf',
  '江苏_省政协办公厅_2019_部门预算_报表.pdf',
  '江苏_省政协办公厅_2019_部门预算_文字.pdf',
  '江苏_省高级人民法院_2017_部门预算.pdf',
  '江苏_省高级人民法院_2018_部门预算.pdf',
  '江苏_省高级人民法院_2019_部门预算.pdf',
  '上海_普陀区人民政府办公室_2025_单位预算.pdf',
  '上海_普陀区人民政府办公室_2025_部门预算.pdf',
];
const THREE_PUBLIC = [
  'three_public.total',
  'three_public.abroad',
  'three_public.reception',
  'three_public.vehicles',
];

let parsed: Awaited<ReturnType<typeof parseCorpus>>;
beforeAll(async () => {
  parsed = await parseCorpus(FILES);
}, 300_000);

/** history() as { year: [amounts in the order of the facts asked] }. */
async function historyOf(store: Store, search: string, facts: string[], kind?: string) {
  const [unit] = await store.units({ search });
  const points = await store.history(unit.id, facts, { kind });
  const out: Record<string, (string | null)[]> = {};
  for (const p of points) (out[`${p.year} ${p.kind}`] ??= []).push(p.amount);
  return out;
}

describeStores('repository on corpus documents', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await freshUrl(dialect));
    // The prior year stored after the following one: the following one is re-audited when it arrives.
    const order = [...parsed].sort((a, b) => b.disclosure.metadata.year - a.disclosure.metadata.year);
    for (const p of order) expect((await store.ingest(p)).status).toBe('stored');
  }, 300_000);
  afterAll(async () => store?.close());

  it('stores 11 files as 8 documents (three text + tables pairs joined) of 3 units', async () => {
    expect(await store.stats()).toMatchObject({ units: 3, documents: 8, failures: 0 });
    const units = await store.units();
    expect(units.map((u) => [u.name, u.documents, u.firstYear, u.lastYear])).toEqual([
      ['上海市普陀区人民政府办公室', 2, 2025, 2025],
      ['江苏省政协办公厅', 3, 2017, 2019],
      ['江苏省高级人民法院', 3, 2017, 2019],
    ]);
    const [cppcc] = await store.units({ search: '政协' });
    const detail = await store.unit(cppcc.id);
    const joined = await store.document(detail!.documentList.find((d) => d.year === 2018)!.id);
    expect(joined!.files.map((f) => f.name)).toEqual([
      '江苏_省政协办公厅_2018_部门预算_文字.pdf',
      '江苏_省政协办公厅_2018_部门预算_报表.pdf',
    ]);
    const original = parsed.find((p) => p.files[0].name === joined!.files[0].name)!.files[0].bytes;
    expect(await store.getFile(joined!.files[0].sha256)).toEqual(original);
    expect(joined!.files[0].sha256).toBe(sha256(original));
  });

  it('stores a document again only once, and every cell of it', async () => {
    for (const p of parsed) expect((await store.ingest(p)).status).toBe('exists');
    expect((await store.stats()).documents).toBe(8);
    const cells = parsed.reduce((n, p) => n + cellRecords(p.disclosure).length, 0);
    expect((await store.stats()).facts).toBe(cells);
  });

  it("gives 江苏省政协办公厅's 三公 history 2017–2019 in exact 元", async () => {
    expect(await historyOf(store, '省政协', THREE_PUBLIC)).toEqual({
      '2017 department_budget': ['6761000', '760000', '4435000', '1566000'],
      '2018 department_budget': ['6751000', '1060000', '4125000', '1566000'],
      '2019 department_budget': ['6601000', '1060000', '3975000', '1566000'],
    });
  });

  it("gives 江苏省高级人民法院's 三公 for 2017 and 2018 and its 基本支出 share for 2017–2019", async () => {
    const history = await historyOf(store, '高级人民法院', [...THREE_PUBLIC, 'share.basic']);
    expect(history['2017 department_budget']).toEqual(['6701200', '1800000', '1857200', '3044000', '59.73']);
    expect(history['2018 department_budget']).toEqual(['6207500', '1700000', '1839500', '2668000', '62.08']);
    expect(history['2019 department_budget'][4]).toBe('68.27');
  });

  it('keeps 普陀区人民政府办公室 as one unit with its 部门 and 单位 documents of 2025', async () => {
    expect(
      await historyOf(store, '普陀区人民政府办公室', ['three_public.total', 'three_public.reception']),
    ).toEqual({
      '2025 department_budget': ['8675000', '285000'],
      '2025 unit_budget': ['8675000', '285000'],
    });
    expect(await historyOf(store, '普陀', ['three_public.total'], 'unit_budget')).toEqual({
      '2025 unit_budget': ['8675000'],
    });
  });

  it('compares the units of a year on chosen facts', async () => {
    const rows = await store.compare({
      year: 2018,
      facts: ['three_public.total', 'share.basic', 'share.project'],
    });
    expect(rows.map((r) => [r.unitName, r.values])).toEqual([
      [
        '江苏省政协办公厅',
        { 'three_public.total': '6751000', 'share.basic': '63.14', 'share.project': '36.86' },
      ],
      [
        '江苏省高级人民法院',
        { 'three_public.total': '6207500', 'share.basic': '62.08', 'share.project': '37.92' },
      ],
    ]);
  });

  it('finds documents by region, year and kind, and units by a Chinese substring', async () => {
    expect((await store.documents({ region: '上海市' })).map((d) => d.kind)).toEqual([
      'department_budget',
      'unit_budget',
    ]);
    expect((await store.documents({ year: 2017 })).map((d) => d.unitName)).toEqual([
      '江苏省政协办公厅',
      '江苏省高级人民法院',
    ]);
    expect(await store.documents({ kind: 'unit_final' })).toEqual([]);
    expect((await store.units({ search: '法院' })).map((u) => u.name)).toEqual(['江苏省高级人民法院']);
  });

  it('audits a document with its prior year from the store, whatever order they arrived in', async () => {
    const [court] = await store.units({ search: '高级人民法院' });
    const docs = (await store.unit(court.id))!.documentList;
    for (const year of [2018, 2019]) {
      const current = parsed.find((p) => p.files[0].name === `江苏_省高级人民法院_${year}_部门预算.pdf`)!;
      const prior = parsed.find((p) => p.files[0].name === `江苏_省高级人民法院_${year - 1}_部门预算.pdf`)!;
      const expected = auditDisclosure(current.disclosure, { prior: prior.disclosure });
      const stored = await store.document(docs.find((d) => d.year === year)!.id);
      expect(stored!.findings.filter((f) => f.rule === 'prior.change')).toEqual(
        expected.findings.filter((f) => f.rule === 'prior.change'),
      );
      expect(stored!.summary.summary).toEqual(expected.summary);
    }
  });

  it('lists findings by rule and severity across documents, as the audit reported them', async () => {
    const docs = await store.documents();
    const errors = await store.findings({ severity: 'error' });
    expect(errors.length).toBe(docs.reduce((n, d) => n + d.summary.error, 0));
    const rules = [...new Set(errors.map((f) => f.rule))];
    for (const rule of rules) {
      const found = await store.findings({ rule, severity: 'error' });
      expect(found.length).toBe(errors.filter((f) => f.rule === rule).length);
    }
    // A single-volume document without a stored prior year: its findings are exactly the audit's.
    const shanghai = parsed.find((p) => p.files[0].name === '上海_普陀区人民政府办公室_2025_单位预算.pdf')!;
    const id = docs.find((d) => d.kind === 'unit_budget')!.id;
    expect((await store.document(id))!.findings).toEqual(auditDisclosure(shanghai.disclosure).findings);
  });
});
