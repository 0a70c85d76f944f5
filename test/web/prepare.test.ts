// Preparers' drafts through the handlers: who may edit, starting from leaf input, saving, exporting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generate } from '../../src/generate/index.js';
import { keyFigures } from '../../src/web/figures.js';
import { nextYearDraft } from '../../src/web/prepare.js';
import { Decimal } from '../../src/model/money.js';
import { ORIGIN, signIn, testSite, type Session, type TestSite } from './helpers.js';

const FIXTURE = 'test/generate/fixtures/xinzhou-2023-input.json';
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

let site: TestSite;
let unitId: string;
let otherUnitId: string;
let preparer: Session;
let outsider: Session;

beforeAll(async () => {
  site = await testSite();
  unitId = (await site.repository.document(site.sampleId))!.unitId;
  const other = structuredClone(site.sample);
  other.metadata.unit = '忻州市财政局';
  const otherId = await site.repository.put({
    disclosure: other,
    files: [{ name: 'other.txt', bytes: new TextEncoder().encode('another unit') }],
  });
  otherUnitId = (await site.repository.document(otherId))!.unitId;
  await site.accounts.createUser({
    login: 'p1',
    name: '编制员甲',
    role: 'preparer',
    password: 'preparer-pass-1',
    units: [unitId],
  });
  await site.accounts.createUser({
    login: 'p2',
    name: '编制员乙',
    role: 'preparer',
    password: 'preparer-pass-2',
    units: [otherUnitId],
  });
  preparer = await signIn(site, 'p1', 'preparer-pass-1');
  outsider = await signIn(site, 'p2', 'preparer-pass-2');
});
afterAll(() => site.close());

function upload(session: Session, path: string, name: string, bytes: Uint8Array) {
  const body = new FormData();
  body.append('_csrf', session.csrf);
  body.append('file', new File([bytes], name));
  return site.app.request(ORIGIN + path, {
    method: 'POST',
    body,
    headers: { cookie: session.cookie, origin: ORIGIN },
  });
}

const saveDraft = (session: Session | null, path: string, input: unknown) =>
  site.app.request(ORIGIN + path, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: {
      'content-type': 'application/json',
      origin: ORIGIN,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
  });

describe('prepare', () => {
  it('a reader is sent to sign in and cannot save a draft', async () => {
    const res = await site.app.request(`${ORIGIN}/prepare/${unitId}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/prepare/${unitId}`)}`);
    const save = await saveDraft(null, `/prepare/${unitId}/2023`, fixture());
    expect(save.status).toBe(403);
  });

  it('a preparer starts a draft from leaf input and sees the generated document with its audit', async () => {
    const res = await upload(preparer, `/prepare/${unitId}/start`, 'input.json', readFileSync(FIXTURE));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/prepare/${unitId}/2023`);
    const page = await (
      await site.app.request(`${ORIGIN}/prepare/${unitId}/2023`, { headers: { cookie: preparer.cookie } })
    ).text();
    const figures = keyFigures(generate(fixture() as never).disclosure);
    const wan = (yuan: string) => new Decimal(yuan).div(10000).toFixed(2);
    expect(page).toMatch(
      new RegExp(
        `data-figure="expenditure_total">${wan(figures.expenditure_total).replace(/\B(?=(\d{3})+\.)/g, ',')}<`,
      ),
    );
    expect(page).toContain('data-path="functions.0.basic.general_public" value="1357.1198"');
    expect(page).toContain('<script type="module" src="/static/prepare.js"></script>');
  });

  it('a preparer cannot see or change another unit’s draft', async () => {
    expect(
      (await site.app.request(`${ORIGIN}/prepare/${unitId}/2023`, { headers: { cookie: outsider.cookie } }))
        .status,
    ).toBe(403);
    const res = await saveDraft(outsider, `/prepare/${unitId}/2023`, fixture());
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: '您不是该单位的编制人员，不能修改它的草稿' });
  });

  it('saving an edited value changes the exported document exactly; bad input is refused in Chinese', async () => {
    const input = fixture() as { functions: { basic: { general_public: string } }[] };
    input.functions[0].basic.general_public = '1400';
    const res = await saveDraft(preparer, `/prepare/${unitId}/2023`, input);
    expect(res.status).toBe(200);
    const exported = (await (
      await site.app.request(`${ORIGIN}/prepare/${unitId}/2023/export/json`, {
        headers: { cookie: preparer.cookie },
      })
    ).json()) as never;
    expect(keyFigures(exported)).toEqual(keyFigures(generate(input as never).disclosure));
    const bad = await saveDraft(preparer, `/prepare/${unitId}/2023`, { unit: { name: '', year: 2023 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^基础数据格式不符：unit\.name：/);
  });

  it('a preparer starts next year’s draft from the unit’s published document', async () => {
    const res = await site.app.request(`${ORIGIN}/prepare/${unitId}/from/${site.sampleId}`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: preparer.csrf }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        cookie: preparer.cookie,
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/prepare/${unitId}/2024`);
    const draft = (await site.drafts.get(unitId, 2024))!;
    const input = draft.input as {
      unit: { year: number };
      prior: { total: string };
      functions: { code: string }[];
    };
    expect(input.unit.year).toBe(2024);
    expect(input.prior.total).toBe(
      new Decimal(keyFigures(site.sample).expenditure_total).div(10000).toFixed(),
    );
    expect(input.functions.map((f) => f.code)).toEqual(
      site.sample.tables
        .find((t) => t.kind === 'expenditure')!
        .rows.filter((r) => r.role === 'item' && r.code?.length === 7)
        .map((r) => r.code),
    );
    const foreign = await site.app.request(`${ORIGIN}/prepare/${otherUnitId}/from/${site.sampleId}`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: preparer.csrf }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        cookie: preparer.cookie,
      },
    });
    expect(foreign.status).toBe(403);
  });

  it('next year’s draft keeps the leaves and takes the prior-year figures from this year’s document', () => {
    const next = nextYearDraft(fixture() as never) as {
      unit: { year: number };
      prior: Record<string, string>;
    };
    const f = keyFigures(generate(fixture() as never, { audit: false }).disclosure);
    expect(next.unit.year).toBe(2024);
    expect(next.prior.total).toBe(new Decimal(f.expenditure_total).div(10000).toFixed());
    expect(next.prior.threePublic).toBe(new Decimal(f.three_public).div(10000).toFixed());
  });
});
