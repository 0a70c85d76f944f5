// Screenshots of every page of the web application at desktop and phone widths, into docs/images/web-*.png.
// Usage (after `npm run build`): node scripts/web-screenshots.mjs [OUTDIR]
// Starts the server on a free loopback port with a throwaway database loaded with the sample and the corpus.
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../dist/web/server.js';
import { createLogger } from '../dist/web/log.js';

const out = resolve(process.argv[2] ?? 'docs/images');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'yusuan-shots-'));
process.env.YUSUAN_ADMIN_PASSWORD = 'screenshot-admin-1';
const server = await startServer({
  port: 0,
  db: join(dir, 'y.db'),
  logger: createLogger(() => {}),
  print: () => {},
});
await server.seeded;
const units = await server.repository.searchUnits('', 100);
const reviewerUnit = units.find((u) => u.years.length >= 3) ?? units[0];
await server.accounts.createUser({
  login: 'reviewer',
  name: '审核员',
  role: 'reviewer',
  password: 'reviewer-pass-1',
});
await server.accounts.createUser({
  login: 'preparer',
  name: '编制员',
  role: 'preparer',
  password: 'preparer-pass-1',
  units: [units.find((u) => u.name.includes('忻州'))?.id ?? units[0].id],
});
const sampleUnit = units.find((u) => u.name.includes('忻州'))?.id ?? units[0].id;
const fixture = JSON.parse(readFileSync('test/generate/fixtures/xinzhou-2023-input.json', 'utf8'));
await server.drafts.save(sampleUnit, 2023, fixture, '编制员');
// The document with the most errors within its own tables shows what the highlighting looks like (year-over-year
// errors depend on which documents the repository holds).
let withErrors;
let most = -1;
for (const d of await server.repository.documents({ limit: 500 })) {
  const doc = await server.repository.document(d.id);
  const own = doc.findings.filter((f) => f.severity === 'error' && /^(table|cross)\./.test(f.rule)).length;
  if (own > most) [withErrors, most] = [d, own];
}
const sample = (
  await server.repository.documents({ unit: units.find((u) => u.name.includes('忻州'))?.id })
)[0];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const sizes = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const pages = [
  ['home', '/'],
  ['unit', `/units/${reviewerUnit.id}`],
  ['document', `/documents/${withErrors.id}`],
  ['sample', `/documents/${sample.id}`],
  ['compare', `/compare?units=${reviewerUnit.id}&figures=expenditure_total,basic,project,three_public`],
  ['upload', '/upload'],
  ['login', '/login'],
];
for (const [size, viewport] of Object.entries(sizes)) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: size === 'phone' });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(server.url + path, { waitUntil: 'load' });
    if (name === 'document') {
      // Follow the first error placed at a table cell, as a reviewer would.
      const targets = await page
        .locator('li[data-severity="error"] a.goto')
        .evaluateAll((links) => links.map((a) => a.getAttribute('data-target') ?? ''));
      for (const id of targets)
        if (id && (await page.locator(`td[id="${id}"]`).count())) {
          await page.locator(`li[data-severity="error"] a.goto[data-target="${id}"]`).first().click();
          await page.waitForTimeout(800);
          break;
        }
    }
    await page.screenshot({ path: join(out, `web-${name}-${size}.png`) });
  }
  // Upload and audit, with the result of one file.
  await page.goto(`${server.url}/upload`);
  await page.setInputFiles(
    '#files',
    join('..', 'shared', 'corpus', '上海_普陀区社会福利院_2024_单位预算.pdf'),
  );
  await page.click('#submit');
  await page.waitForSelector('#results section.file', { timeout: 60_000 });
  await page.screenshot({ path: join(out, `web-upload-result-${size}.png`) });
  // Pages behind a sign-in: the administrator's page and the preparer's editor.
  for (const [login, password, name, path] of [
    ['admin', 'screenshot-admin-1', 'admin', '/admin'],
    ['preparer', 'preparer-pass-1', 'prepare', `/prepare/${sampleUnit}/2023`],
  ]) {
    await context.clearCookies();
    await page.goto(`${server.url}/login`);
    await page.fill('#login', login);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.screenshot({ path: join(out, `web-${name}-${size}.png`) });
  }
  await context.close();
}
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
console.log(`screenshots in ${out}`);
