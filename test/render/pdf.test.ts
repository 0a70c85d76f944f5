import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, RenderBrowser } from '../../src/render/browser.js';
import { shanghai } from '../../src/render/layouts/shanghai.js';
import { planDocument } from '../../src/render/document.js';
import { planHtml } from '../../src/render/html.js';
import { shanxi } from '../../src/render/layouts/shanxi.js';
import { destinationPages, PAGE_CONTENT_HEIGHT_PX, PAGINATE, renderPdf } from '../../src/render/pdf.js';
import { parsedSample } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-pdf-'));
const pdftotext = (file: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [
    '-layout',
    ...(first ? ['-f', String(first), '-l', String(last ?? first)] : []),
    file,
    '-',
  ]).toString('utf8');
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(chromiumMissing() !== null)('PDF through headless Chromium', () => {
  const browser = new RenderBrowser();
  const file = join(dir, 'sample.pdf');
  let text: string;
  let shanghaiFile: Promise<string> | undefined;
  // Printed once, read by two tests.
  const shanghaiPdf = () =>
    (shanghaiFile ??= (async () => {
      const out = join(dir, 'shanghai.pdf');
      writeFileSync(out, await renderPdf(await parsedSample(), { browser, layout: shanghai }));
      return out;
    })());

  beforeAll(async () => {
    const sample = await parsedSample();
    writeFileSync(file, await renderPdf(sample, { browser }));
    text = pdftotext(file);
  });
  afterAll(() => browser.close());

  it('is a PDF of a plausible length whose text holds the table titles and values', () => {
    const pages = pageCount(file);
    // Cover, contents, 13 tables (the two summary tables take two pages each), text, 11 forms, glossary.
    expect(pages).toBeGreaterThanOrEqual(28);
    expect(pages).toBeLessThanOrEqual(60);
    for (const title of [
      '2023年预算收支总表',
      '2023年一般公共预算安排基本支出分经济科目表（不含上年结转）',
      '第四部分 名词解释',
    ])
      expect(squash(text)).toContain(squash(title));
    expect(text).toMatch(/2010301\s+行政运行\s+1,361\.58\s+1,357\.12\s+4\.46/);
    expect(text).toMatch(/忻州市政府信息化项目运维费\s+562\.90\s+562\.90/);
  });

  it('lists in its contents the page on which each table really starts', () => {
    const contents = pdftotext(file, 2);
    const entries = [...contents.matchAll(/^\s*(2023年\S+表\S*)\s+(\d+)\s*$/gm)].map((m) => ({
      title: m[1],
      page: Number(m[2]),
    }));
    expect(entries).toHaveLength(13);
    for (const e of entries) expect(squash(pdftotext(file, e.page))).toContain(squash(e.title));
    // Pages go up through the contents.
    const pages = entries.map((e) => e.page);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it('numbers the pages but not the cover', () => {
    expect(pdftotext(file, 1).trim()).toMatch(/^忻州市人民政府办公室\s+2023年度单位预算公开$/);
    expect(pdftotext(file, 3).trim()).toMatch(/\n\s*3$/);
  });

  it('prints the Shanghai layout with the same browser', async () => {
    const out = await shanghaiPdf();
    const t = pdftotext(out);
    expect(t).toMatch(/201\s+03\s+01\s+行政运行\s+13,615,800\.00\s+13,571,200\.00\s+44,600\.00/);
    expect(squash(t)).toContain('2023年单位“三公”经费和机关运行经费预算表');
  });

  it('paginates the sample in the page exactly as Chromium prints it, so one print suffices', async () => {
    const plan = planDocument(await parsedSample(), shanxi);
    const page = await browser.load(planHtml(plan, { reservePageNumbers: true }));
    const estimate = (await page.evaluate(`(${PAGINATE})(${PAGE_CONTENT_HEIGHT_PX})`)) as Record<
      string,
      number
    >;
    const actual = await destinationPages(await browser.pdf());
    expect(actual.size).toBe(plan.contents.length);
    for (const e of plan.contents) expect([e.title, estimate[e.id]]).toEqual([e.title, actual.get(e.id)]);
  });

  it('corrects the contents when the estimate is off (Shanghai layout: a form spanning pages)', async () => {
    const out = await shanghaiPdf();
    const contents = pdftotext(out, 2) + pdftotext(out, 3);
    const entries = [...contents.matchAll(/^\s*(\S+[表况明])\s+(\d+)\s*$/gm)].map((m) => ({
      title: m[1],
      page: Number(m[2]),
    }));
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries)
      expect([e.title, squash(pdftotext(out, e.page))]).toEqual([
        e.title,
        expect.stringContaining(squash(e.title)),
      ]);
  });
});
