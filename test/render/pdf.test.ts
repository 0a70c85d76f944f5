import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    // Cover, contents, 13 tables (the economic table on two pages), text, 10 forms, glossary.
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

  it('fits 收支总表 and 财政拨款收支总表 on one page each, and the contents on theirs', async () => {
    const pages = await destinationPages(new Uint8Array(readFileSync(file)));
    const plan = planDocument(await parsedSample(), shanxi);
    const pageOf = (title: string) => pages.get(plan.contents.find((e) => e.title === title)!.id)!;
    for (const [title, next] of [
      ['2023年预算收支总表', '2023年预算收入总表'],
      ['2023年财政拨款收支总表', '2023年一般公共预算支出预算表（不含上年结转）'],
    ]) {
      const page = squash(pdftotext(file, pageOf(title)));
      expect(page).toContain(squash(title));
      // The last line of the table is on its first page; the next table starts on the next page.
      expect(page).toContain('支出总计');
      expect(pageOf(next)).toBe(pageOf(title) + 1);
    }
    expect(pageOf('第一部分 概况')).toBe(3);
  });

  it('embeds its fonts as subset TrueType CID fonts (Song and Hei), not Type 3, and is tagged', () => {
    const pdf = readFileSync(file).toString('latin1');
    expect(pdf).not.toMatch(/\/Subtype\s*\/Type3/);
    const fonts = new Set([...pdf.matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(['NotoSansCJKSCTT-Bold', 'NotoSerifCJKSCTT-Regular']);
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/\/StructTreeRoot/);
    expect(pdf).toMatch(/\/Outlines/);
  });

  it('prints each performance form on one page, its signature row included', () => {
    const formPages = Array.from({ length: pageCount(file) }, (_, i) =>
      squash(pdftotext(file, i + 1)),
    ).filter((t) => t.includes('项目支出绩效目标申报表（2023年度）'));
    expect(formPages).toHaveLength(10);
    for (const t of formPages) expect(t).toMatch(/填报日期：20\d\d-\d\d-\d\d/);
  });

  it('breaks no word inside a header cell and keeps amounts clear of their cell border', async () => {
    const page = await browser.load(planHtml(planDocument(await parsedSample(), shanxi)));
    const { broken, tight } = (await page.evaluate(`(() => {
      document.body.style.width = '174mm';
      const words = new Intl.Segmenter('zh', { granularity: 'word' });
      const broken = [];
      for (const cell of document.querySelectorAll('th, td.strong')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          for (const { segment, index } of words.segment(node.data)) {
            if ([...segment.trim()].length < 2) continue;
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + segment.length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(cell.textContent + '：' + segment);
          }
        }
      }
      const tight = [];
      for (const cell of document.querySelectorAll('td.num')) {
        if (!cell.firstChild) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const gap = cell.getBoundingClientRect().right - range.getBoundingClientRect().right;
        if (gap < 6) tight.push(cell.closest("section").dataset.kind + " " + cell.textContent + " " + gap);
      }
      return { broken, tight };
    })()`)) as { broken: string[]; tight: string[] };
    expect(broken).toEqual([]);
    expect(tight).toEqual([]);
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
