// Page images of the generated documents (docs/images/render-*.png): the parsed sample rendered to PDF in the
// Shanxi layout and the sample's leaf data generated in the Shanghai family, and one page of each page type drawn by pdf.js inside the same headless Chromium
// (no poppler needed). Run after `npm run build`: node scripts/page-images.mjs [OUT_DIR]
/* global atob, document */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { generate } from '../dist/generate/index.js';
import { parseFile } from '../dist/parse.js';
import { bundledSamplePath } from '../dist/paths.js';
import { RenderBrowser } from '../dist/render/browser.js';
import { renderPdf } from '../dist/render/pdf.js';
import { shanghai } from '../dist/render/layouts/shanghai.js';
import { shanxi } from '../dist/render/layouts/shanxi.js';

const out = resolve(process.argv[2] ?? 'docs/images');
const require = createRequire(import.meta.url);
const pdfjsDir = join(require.resolve('pdfjs-dist/package.json'), '..', 'build');
const SCALE = 1.1; // 96 dpi × 1.1 ≈ 106 dpi: legible numbers, small files

/** Page type → the text that identifies its page (first page from `after` on that holds it). */
const SHANXI_PAGES = [
  ['cover', null, 1],
  ['contents', null, 2],
  ['overview', '第一部分', 3],
  ['summary', '预算收支总表', 3],
  ['revenue', '预算收入总表', 3],
  ['expenditure', '预算支出总表', 3],
  ['fiscal-summary', '财政拨款收支总表', 3],
  ['economic', '基本支出分经济科目表', 3],
  ['state-capital', '国有资本经营预算收支预算表', 3],
  ['three-public', '“三公”经费支出预算表', 3],
  ['projects', '项目支出预算表（本年预算）', 3],
  ['explanation', '情况说明', 5],
  ['chart', '五、一般公共预算支出情况说明', 5],
  ['form', '绩效目标申报表', 5],
  ['glossary', '名词解释', 5],
];
const SHANGHAI_PAGES = [
  ['explanation', '财政拨款支出主要内容如下', 3],
  ['expenditure', '支出预算总表', 3],
];

async function pageTexts(pdf) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const texts = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(
      content.items
        .map((t) => t.str)
        .join('')
        .normalize('NFKC')
        .replace(/\s+/g, ''),
    );
  }
  await doc.destroy();
  return texts;
}

async function drawPages(browser, pdf, pages) {
  const page = await browser.page();
  await page.setContent(
    '<!DOCTYPE html><html><body style="margin:0;background:#fff"><canvas></canvas></body></html>',
  );
  await page.addScriptTag({
    type: 'module',
    content: readFileSync(join(pdfjsDir, 'pdf.worker.min.mjs'), 'utf8'),
  });
  await page.addScriptTag({ type: 'module', content: readFileSync(join(pdfjsDir, 'pdf.min.mjs'), 'utf8') });
  await page.waitForFunction(() => globalThis.pdfjsLib && globalThis.pdfjsWorker);
  const images = [];
  for (const n of pages) {
    await page.evaluate(
      async ({ data, n, scale }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const doc = await globalThis.pdfjsLib.getDocument({ data: bytes, isEvalSupported: false }).promise;
        const p = await doc.getPage(n);
        const viewport = p.getViewport({ scale });
        const canvas = document.querySelector('canvas');
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        await p.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
        await doc.destroy();
      },
      { data: Buffer.from(pdf).toString('base64'), n, scale: SCALE },
    );
    images.push(await page.locator('canvas').screenshot({ type: 'png' }));
  }
  return images;
}

async function imagesOf(browser, doc, layout, name, wanted) {
  const pdf = await renderPdf(doc, { layout, browser });
  const texts = await pageTexts(pdf);
  const chosen = wanted.map(([type, text, after]) => {
    if (!text) return [type, after];
    const key = text.normalize('NFKC');
    const i = texts.findIndex((t, k) => k + 1 >= after && t.includes(key));
    if (i < 0) throw new Error(`${name}: no page holds ${text}`);
    return [type, i + 1];
  });
  const images = await drawPages(
    browser,
    pdf,
    chosen.map(([, n]) => n),
  );
  chosen.forEach(([type, n], i) => {
    const file = join(out, `render-${name}-${type}.png`);
    writeFileSync(file, images[i]);
    console.log(`${file}\t第${n}页`);
  });
  return texts.length;
}

mkdirSync(out, { recursive: true });
const outcome = await parseFile(bundledSamplePath());
if (!('disclosure' in outcome)) throw new Error(outcome.error.message);
const browser = new RenderBrowser();
try {
  const pages = await imagesOf(browser, outcome.disclosure, shanxi, 'shanxi', SHANXI_PAGES);
  console.log(`山西版式共 ${pages} 页`);
  // The Shanghai layout of the sample's leaf data, generated in the Shanghai family (its tables and wording).
  const input = JSON.parse(readFileSync('test/generate/fixtures/xinzhou-2023-input.json', 'utf8'));
  const { disclosure } = generate(
    { ...input, unit: { ...input.unit, family: 'shanghai' } },
    { audit: false },
  );
  await imagesOf(browser, disclosure, shanghai, 'shanghai', SHANGHAI_PAGES);
} finally {
  await browser.close();
}
