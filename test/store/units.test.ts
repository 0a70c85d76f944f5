// Units as entities: one unit across years and spellings (party prefix, 委员会/委, a caption cut short), distinct
// units kept apart, and a 部门 document's units becoming its 单位.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticBases, syntheticDocument, type SyntheticBase } from '../../src/store/synthetic.js';
import { describeStores, freshUrl } from './helpers.js';

let bases: SyntheticBase[];
beforeAll(() => {
  bases = syntheticBases(3);
});

function documentOf(
  n: number,
  unit: string,
  year: number,
  extra: Partial<{ kind: string; units: string[] }> = {},
) {
  const d = syntheticDocument(bases, n);
  const metadata = {
    ...d.disclosure.metadata,
    unit,
    year,
    ...(extra.kind ? { kind: extra.kind as 'department_budget' } : {}),
  };
  const overview = { ...d.disclosure.overview, unitsIncluded: extra.units ?? [] };
  return { ...d, disclosure: { ...d.disclosure, metadata, overview } };
}

describeStores('units across years and spellings', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await freshUrl(dialect));
    await store.ingest(documentOf(1, '中国共产党江苏省委员会办公厅', 2017));
    await store.ingest(documentOf(2, '中共江苏省委办公厅', 2018));
    await store.ingest(documentOf(3, '江苏省委办公厅', 2019));
    await store.ingest(documentOf(4, '江苏省人大常委会办公厅', 2018));
    await store.ingest(documentOf(5, '江苏省人大', 2019));
    await store.ingest(documentOf(6, '上海市财政局', 2024));
    await store.ingest(documentOf(7, '上海市税务局', 2024));
    await store.ingest(
      documentOf(8, '上海市普陀区民政局', 2024, {
        kind: 'department_budget',
        units: ['上海市普陀区民政局', '上海市普陀区社会福利院', '上海市普陀区救助管理站'],
      }),
    );
    await store.ingest(documentOf(9, '上海市普陀区社会福利院', 2024));
    // A template read without its XX: a place, which must not swallow the district's units stored after it.
    await store.ingest(documentOf(10, '上海市普陀区', 2026));
    await store.ingest(documentOf(11, '上海市普陀区财政局', 2025));
    await store.ingest(documentOf(12, '上海市普陀区财政局', 2026, { kind: 'department_budget' }));
  }, 120_000);
  afterAll(async () => store?.close());

  it('joins spellings of one unit and keeps different units apart', async () => {
    const units = await store.units();
    expect(units.map((u) => [u.name, u.documents, u.firstYear, u.lastYear])).toEqual([
      ['上海市普陀区', 1, 2026, 2026],
      ['上海市普陀区救助管理站', 0, null, null],
      ['上海市普陀区民政局', 1, 2024, 2024],
      ['上海市普陀区社会福利院', 1, 2024, 2024],
      ['上海市普陀区财政局', 2, 2025, 2026],
      ['上海市税务局', 1, 2024, 2024],
      ['上海市财政局', 1, 2024, 2024],
      ['江苏省人大常委会办公厅', 2, 2018, 2019],
      ['江苏省委办公厅', 3, 2017, 2019],
    ]);
    const office = (await store.units({ search: '中共江苏省委' }))[0];
    expect((await store.unit(office.id))!.names).toEqual([
      '中共江苏省委办公厅',
      '中国共产党江苏省委员会办公厅',
      '江苏省委办公厅',
    ]);
  });

  it('takes a search for its literal text: % and _ match only themselves', async () => {
    expect((await store.units({ search: '%' })).map((u) => u.name)).toEqual([]);
    expect((await store.units({ search: '_' })).map((u) => u.name)).toEqual([]);
    expect((await store.units({ search: '普陀区财政' })).map((u) => u.name)).toEqual(['上海市普陀区财政局']);
  });

  it("takes the prior year of the same kind only: a 单位 budget is not a 部门 budget's prior year", async () => {
    const [bureau] = await store.units({ search: '普陀区财政局' });
    const detail = await store.unit(bureau.id);
    const ids = Object.fromEntries(detail!.documentList.map((d) => [`${d.year}${d.kind}`, d.id]));
    const department2026 = (await store.document(ids['2026department_budget']))!.model;
    const unit2025 = (await store.document(ids['2025unit_budget']))!.model;
    expect(await store.priorOf(department2026)).toBeUndefined();
    expect(
      (await store.priorOf({ ...unit2025, metadata: { ...unit2025.metadata, year: 2026 } }))?.metadata,
    ).toEqual(unit2025.metadata);
  });

  it("makes a 部门 document's listed units its 单位", async () => {
    const [bureau] = await store.units({ search: '民政局' });
    const detail = await store.unit(bureau.id);
    expect(detail!.children.map((c) => c.name)).toEqual(['上海市普陀区救助管理站', '上海市普陀区社会福利院']);
    const [home] = await store.units({ search: '福利院' });
    expect((await store.unit(home.id))!.parent).toEqual({ id: bureau.id, name: '上海市普陀区民政局' });
  });
});
