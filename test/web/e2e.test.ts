// End to end in Debian's Chromium (playwright-core, one browser for the file) against a server on a loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumMissing } from '../../src/render/browser.js';
import { bundledSamplePath, sharedRoot } from '../../src/paths.js';
import { generate } from '../../src/generate/index.js';
import { Decimal, formatDecimal } from '../../src/model/money.js';
import { keyFigures } from '../../src/web/figures.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { createLogger } from '../../src/web/log.js';
import { parsedSample } from './helpers.js';

const PDF = join(sharedRoot, 'corpus', '上海_普陀区社会福利院_2024_单位预算.pdf');
const FIXTURE = 'test/generate/fixtures/xinzhou-2023-input.json';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let server: RunningServer;
let browser: Browser;
let dir: string;
let unitId: string;
let otherUnitId: string;

async function signIn(page: Page, login: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('form.form-grid button[type=submit]'),
  ]);
}

describe.skipIf(chromiumMissing() !== null || !existsSync(PDF))('the web application in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-e2e-'));
    server = await startServer({
      port: 0,
      db: join(dir, 'y.db'),
      seed: false,
      logger: createLogger(() => {}),
      print: () => {},
    });
    const sample = await parsedSample();
    const id = await server.repository.put({
      disclosure: sample,
      files: [{ name: 'sample.txt', bytes: readFileSync(bundledSamplePath()) }],
    });
    unitId = (await server.repository.document(id))!.unitId;
    const nextYear = structuredClone(sample);
    nextYear.metadata.year = 2024;
    await server.repository.put({
      disclosure: nextYear,
      files: [{ name: 'next.txt', bytes: new TextEncoder().encode('2024') }],
    });
    const other = structuredClone(sample);
    other.metadata.unit = '忻州市财政局';
    const otherId = await server.repository.put({
      disclosure: other,
      files: [{ name: 'o.txt', bytes: new TextEncoder().encode('o') }],
    });
    otherUnitId = (await server.repository.document(otherId))!.unitId;
    await server.accounts.createUser({
      login: 'prep',
      name: '编制员',
      role: 'preparer',
      password: 'preparer-pass-1',
      units: [unitId],
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upload a PDF → its findings → click one → the cell is marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/upload`);
    await page.setInputFiles('#files', PDF);
    await page.click('#submit');
    await page.waitForSelector('#results section.file', { timeout: 60_000 });
    await expect.poll(() => page.textContent('#progress-text')).toBe('已完成 1 个文件。');
    // The first finding placed at a table cell (others sit at sentences).
    const targets = await page
      .locator('#results a.goto')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-target') ?? ''));
    let target: string | undefined;
    for (const id of targets)
      if (id && (await page.locator(`td[id="${id}"]`).count())) {
        target = id;
        break;
      }
    expect(target).toMatch(/^r0-f\d+$/);
    const link = page.locator(`#results a.goto[data-target="${target}"]`).first();
    await link.click();
    const cell = page.locator(`[id="${target}"]`);
    await expect.poll(() => cell.getAttribute('class')).toMatch(/\bfocus\b/);
    expect(await cell.evaluate((e) => e.tagName)).toBe('TD');
    expect(await cell.isVisible()).toBe(true);
    await page.close();
  });

  it('compare two years of one unit, with a CSV export', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/compare`);
    await page.selectOption('select[name=units]', [unitId]);
    await page.click('#compare-form button[type=submit]');
    const years = await page.locator('#comparison tbody tr td:nth-child(2)').allTextContents();
    expect(years).toEqual(['2023', '2024']);
    expect(await page.locator('.chart svg').count()).toBe(1);
    const csv = await page.getAttribute('a[href*="format=csv"]', 'href');
    const res = await page.request.get(server.url + csv);
    expect((await res.text()).trim().split('\n')).toHaveLength(3);
    await page.close();
  });

  it('a preparer edits a value → totals, explanation and audit update → exports a PDF', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'prep', 'preparer-pass-1');
    await page.goto(`${server.url}/prepare/${unitId}`);
    await page.setInputFiles('input[name=file]', FIXTURE);
    await Promise.all([
      page.waitForURL(`**/prepare/${unitId}/2023`),
      page.click('form.search button[type=submit]'),
    ]);
    const input = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    input.functions[0].basic.general_public = '1500';
    const expected = generate(input);
    const total = formatDecimal(new Decimal(keyFigures(expected.disclosure).expenditure_total).div(10000), 2);
    const field = page.locator('input[data-path="functions.0.basic.general_public"]');
    await field.fill('1500');
    await expect.poll(() => page.textContent('[data-figure="expenditure_total"]')).toBe(total);
    // The explanation is written again from the new tables: its sentence on the total carries the new amount.
    expect(await page.textContent('#preview')).toContain(`${total}万元`);
    const errors = expected.findings.filter((f) => f.severity === 'error').length;
    expect(await page.textContent('#audit-count')).toBe(errors ? `错误 ${errors}` : '无错误');
    await page.click('#save');
    await expect.poll(() => page.textContent('#save-status')).toMatch(/^已保存/);
    const pdf = await page.request.get(`${server.url}/prepare/${unitId}/2023/export/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.body())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // A preparer cannot open another unit's draft.
    const other = await page.goto(`${server.url}/prepare/${otherUnitId}`);
    expect(other?.status()).toBe(403);
    expect(await page.textContent('main h1')).toBe('无权编辑');
    await context.close();
  });

  it('a reader cannot edit: the editor asks to sign in', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/prepare/${unitId}/2023`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.textContent('main h1')).toBe('登录');
    await page.close();
  });

  it('an 80 MB upload gets 413 with a Chinese message', async () => {
    const body = new FormData();
    body.append('files', new File([new Uint8Array(80 * 1024 * 1024)], 'big.pdf'));
    const res = await fetch(`${server.url}/api/audit`, { method: 'POST', body });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: '上传内容过大：每次最多 64 MB' });
  });
});
