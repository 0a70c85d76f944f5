// The web application in-process (app.request, no port): pages, API, downloads, security.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { auditDisclosure } from '../../src/audit/index.js';
import { Decimal, formatDecimal } from '../../src/model/money.js';
import { bundledSamplePath } from '../../src/paths.js';
import { keyFigures } from '../../src/web/figures.js';
import { CELL_COLUMNS, cellRecords } from '../../src/export/cells.js';
import { ORIGIN, form, signIn, testSite, type TestSite } from './helpers.js';

let site: TestSite;
/** The sample with one printed amount changed: 行政运行 合计 no longer equals 基本 + 项目. */
let brokenId: string;
let scriptId: string;

beforeAll(async () => {
  site = await testSite();
  const broken = structuredClone(site.sample);
  broken.metadata.year = 2024;
  const row = broken.tables.find((t) => t.kind === 'expenditure')!.rows.find((r) => r.code === '2010301')!;
  row.cells.total = { ...row.cells.total, value: '999999.99', printed: '999,999.99' };
  brokenId = await site.repository.put({
    disclosure: broken,
    files: [{ name: 'broken.txt', bytes: new TextEncoder().encode('broken copy') }],
  });
  const hostile = structuredClone(site.sample);
  hostile.metadata.year = 2030;
  hostile.sections.find((s) => s.paragraphs.length && s.kind !== 'glossary')!.paragraphs[0].text =
    '<script>alert("x")</script><img src=x onerror=alert(1)>说明';
  scriptId = await site.repository.put({
    disclosure: hostile,
    files: [{ name: 'hostile.txt', bytes: new TextEncoder().encode('hostile copy') }],
  });
  await site.accounts.createUser({
    login: 'rev',
    name: '审核员甲',
    role: 'reviewer',
    password: 'reviewer-pass-1',
  });
  await site.accounts.createUser({
    login: 'prep',
    name: '编制员乙',
    role: 'preparer',
    password: 'preparer-pass-1',
  });
});
afterAll(() => site.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  site.app.request(ORIGIN + path, { headers });

describe('operations and security headers', () => {
  it('answers /healthz and sets CSP, nosniff and frame-ancestors on every response', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    for (const r of [res, await get('/'), await get('/api/units'), await get('/nope')]) {
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await get('/nope')).status).toBe(404);
    expect(await (await get('/api/nope')).json()).toEqual({ error: '没有这个地址' });
  });
});

describe('pages', () => {
  it('home lists the unit, searches by a Chinese substring, and counts by year', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('忻州市人民政府办公室');
    expect(html).toContain('<td><a href="/documents?year=2023">2023年</a></td><td class="n">1</td>');
    expect(await (await get('/?q=' + encodeURIComponent('政府办'))).text()).toContain('忻州市人民政府办公室');
    expect(await (await get('/?q=' + encodeURIComponent('人民法院'))).text()).toContain(
      '没有名称包含“人民法院”的单位',
    );
  });

  it('the document page marks an error at its cell, and the finding links to that cell', async () => {
    const findings = (await (await get(`/api/documents/${brokenId}/findings`)).json()) as {
      findings: { rule: string; row_code?: string; column?: string }[];
    };
    const i = findings.findings.findIndex((f) => f.rule === 'table.row-sum' && f.row_code === '2010301');
    expect(i).toBeGreaterThanOrEqual(0);
    const html = await (await get(`/documents/${brokenId}`)).text();
    const item = new RegExp(
      `<li id="l${i + 1}"[^>]*>\\s*<a class="goto" href="#(f\\d+)" data-target="(f\\d+)">`,
    ).exec(html);
    expect(item).not.toBeNull();
    const cell = new RegExp(`<td id="${item![2]}" class="(error[^"]*)"[^>]*>([^<]*)<sup>`).exec(html);
    expect(cell?.[1]).toBe('error n');
    expect(cell?.[2]).toBe('999,999.99');
    expect(html).toContain('<script type="module" src="/static/document.js"></script>');
  });

  it('renders document text as text: a narrative with <script> cannot inject markup', async () => {
    const html = await (await get(`/documents/${scriptId}`)).text();
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;说明',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
  });

  it('the unit page shows key figures over the years, exact from the documents', async () => {
    const unitId = (await site.repository.document(site.sampleId))!.unitId;
    const html = await (await get(`/units/${unitId}`)).text();
    const figures = keyFigures(site.sample);
    expect(figures.three_public).toBeDefined();
    // 万元 with two decimals and separators, as the table prints it.
    expect(html).toContain(
      `<td class="n">${formatDecimal(new Decimal(figures.three_public).div(10000), 2)}</td>`,
    );
    expect(html).toContain('<svg');
  });

  it('compare exports the chosen figures of two years in 元, exactly', async () => {
    const unitId = (await site.repository.document(site.sampleId))!.unitId;
    const res = await get(
      `/api/compare?units=${unitId}&years=2023,2024&figures=basic,three_public&format=csv`,
    );
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const f = keyFigures(site.sample);
    expect(lines).toEqual([
      '单位,年度,类型,基本支出（元）,“三公”经费（元）',
      `忻州市人民政府办公室,2023,单位预算,${f.basic},${f.three_public}`,
      `忻州市人民政府办公室,2024,单位预算,${f.basic},${f.three_public}`,
    ]);
    const page = await (await get(`/compare?units=${unitId}&figures=basic`)).text();
    expect(page).toContain('<table class="data" id="comparison">');
  });
});

describe('downloads', () => {
  it('gives back the original file, the cells CSV and the reviewers’ checklist workbook', async () => {
    const original = await get(`/documents/${site.sampleId}/download/original`);
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(
      new Uint8Array(readFileSync(bundledSamplePath())),
    );
    expect(original.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''xinzhou-govoffice-2023-unit-budget.txt",
    );
    const cells = await (await get(`/documents/${site.sampleId}/download/cells`)).text();
    expect(cells.split('\n')[0]).toBe(CELL_COLUMNS.join(','));
    expect(cells.trim().split('\n')).toHaveLength(cellRecords(site.sample).length + 1);
    const checklist = await get(`/documents/${site.sampleId}/download/checklist`);
    expect(checklist.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(
      Buffer.from(await checklist.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await get(`/documents/${site.sampleId}/download/exe`)).status).toBe(404);
  });
});

describe('API', () => {
  it('lists units and documents and filters by year and kind', async () => {
    const units = (await (await get('/api/units?q=' + encodeURIComponent('忻州'))).json()) as {
      units: { name: string; years: number[] }[];
    };
    expect(units.units.map((u) => [u.name, u.years])).toEqual([['忻州市人民政府办公室', [2023, 2024, 2030]]]);
    const docs = (await (await get('/api/documents?year=2023&kind=unit_budget')).json()) as {
      documents: { id: string }[];
    };
    expect(docs.documents.map((d) => d.id)).toEqual([site.sampleId]);
    const bad = await get('/api/documents?kind=budget');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('文件类型应为');
  });

  it('returns a document model and its findings as the auditor computes them', async () => {
    const doc = (await (await get(`/api/documents/${site.sampleId}`)).json()) as {
      disclosure: { metadata: { unit: string } };
    };
    expect(doc.disclosure.metadata.unit).toBe('忻州市人民政府办公室');
    const expected = auditDisclosure(site.sample);
    const findings = (await (await get(`/api/documents/${site.sampleId}/findings`)).json()) as {
      summary: unknown;
      findings: unknown[];
    };
    expect(findings.summary).toEqual(expected.summary);
    expect(findings.findings).toHaveLength(expected.findings.length);
    expect((await get('/api/documents/999999')).status).toBe(404);
  });

  it('describes itself in OpenAPI generated from the schemas', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/units',
      '/api/documents',
      '/api/documents/{id}',
      '/api/documents/{id}/findings',
      '/api/audit',
      '/api/compare',
    ])
      expect(doc.paths).toHaveProperty(p);
    expect(Object.keys(doc.components.schemas.Finding.properties!)).toContain('row_code');
    expect(doc.components.schemas.Document.properties).toHaveProperty('disclosure');
  });

  it('POST /api/audit audits an uploaded file without storing it', async () => {
    const body = new FormData();
    body.append('files', new File([readFileSync(bundledSamplePath())], '样本.txt'));
    const before = (await site.repository.counts()).documents;
    const res = await site.app.request(`${ORIGIN}/api/audit`, { method: 'POST', body });
    expect(res.status).toBe(200);
    const json = (await res.json()) as {
      files: { file: string; document: { unit: string; year: number }; summary: unknown; stored?: string }[];
    };
    expect(json.files[0].file).toBe('样本.txt');
    expect(json.files[0].document).toEqual({
      unit: '忻州市人民政府办公室',
      year: 2023,
      kind: 'unit_budget',
      family: 'shanxi',
    });
    expect(json.files[0].summary).toEqual(auditDisclosure(site.sample).summary);
    expect(json.files[0].stored).toBeUndefined();
    expect((await site.repository.counts()).documents).toBe(before);
  });

  it('refuses an unsupported type with 415 and storing without the right with 403, in Chinese', async () => {
    const body = new FormData();
    body.append('files', new File(['MZ'], 'setup.exe'));
    const res = await site.app.request(`${ORIGIN}/api/audit`, { method: 'POST', body });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe(
      '不支持的文件类型：setup.exe（可上传 PDF、XLSX、XLS、DOCX、TXT）',
    );
    const store = new FormData();
    store.append('files', new File(['x'], 'a.txt'));
    const denied = await site.app.request(`${ORIGIN}/api/audit?store=1`, { method: 'POST', body: store });
    expect(denied.status).toBe(403);
  });

  it('answers 413 with a Chinese message when the body exceeds the upload limit', async () => {
    const small = await testSite({ maxUploadBytes: 1024 });
    try {
      const body = new FormData();
      body.append('files', new File([new Uint8Array(4096)], 'big.pdf'));
      const res = await small.app.request(`${ORIGIN}/api/audit`, { method: 'POST', body });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: '上传内容过大：每次最多 0 MB' });
    } finally {
      await small.close();
    }
  });
});

describe('accounts, sessions and CSRF', () => {
  it('signs in with a secure HttpOnly SameSite cookie and refuses a wrong password', async () => {
    const wrong = await site.app.request(
      `${ORIGIN}/login`,
      form({ login: 'rev', password: 'nope-nope-nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('用户名或密码不正确');
    const res = await site.app.request('https://audit.example.gov.cn/login', {
      ...form({ login: 'rev', password: 'reviewer-pass-1' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://audit.example.gov.cn',
      },
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^yusuan_session=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
  });

  it('a reviewer comments on a finding and marks it resolved; the CSRF token is required', async () => {
    const session = await signIn(site, 'rev', 'reviewer-pass-1');
    const path = `${ORIGIN}/documents/${brokenId}/findings/0/review`;
    const forged = await site.app.request(path, form({ text: '请核实', status: 'open' }, session));
    expect(forged.status).toBe(403);
    const crossSite = await site.app.request(
      path,
      form({ text: '请核实', status: 'open', _csrf: session.csrf }, session, {
        origin: 'https://evil.example',
      }),
    );
    expect(crossSite.status).toBe(403);
    const ok = await site.app.request(
      path,
      form({ text: '合计与明细不符，请更正', status: 'resolved', _csrf: session.csrf }, session),
    );
    expect(ok.status).toBe(303);
    const findings = (await (await get(`/api/documents/${brokenId}/findings`)).json()) as {
      keys: string[];
      reviews: { finding: string; status: string; comments: { author: string; text: string }[] }[];
    };
    expect(findings.reviews).toHaveLength(1);
    expect(findings.reviews[0].finding).toBe(findings.keys[0]);
    expect(findings.reviews[0].status).toBe('resolved');
    expect(findings.reviews[0].comments.map((c) => [c.author, c.text])).toEqual([
      ['审核员甲', '合计与明细不符，请更正'],
    ]);
    const page = await (await get(`/documents/${brokenId}`)).text();
    expect(page).toContain('<span class="badge ok">已更正</span>');
  });

  it('a preparer may not review, and only an administrator reaches the users page', async () => {
    const session = await signIn(site, 'prep', 'preparer-pass-1');
    const res = await site.app.request(
      `${ORIGIN}/documents/${brokenId}/findings/0/review`,
      form({ text: 'x', status: 'accepted', _csrf: session.csrf }, session),
    );
    expect(res.status).toBe(403);
    expect((await get('/admin', { cookie: session.cookie })).status).toBe(403);
    expect((await get('/admin')).status).toBe(403);
  });

  it('signing out ends the session on the server', async () => {
    const session = await signIn(site, 'rev', 'reviewer-pass-1');
    const out = await site.app.request(`${ORIGIN}/logout`, form({ _csrf: session.csrf }, session));
    expect(out.status).toBe(303);
    const page = await (await get('/', { cookie: session.cookie })).text();
    expect(page).toContain('<a href="/login">登录</a>');
  });
});
