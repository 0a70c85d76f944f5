// Rendering benchmarks: the parsed sample as HTML (target < 20 ms), as PDF in a batch of 10 sharing one Chromium
// (target < 1 s per document), and as DOCX and XLSX.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { registerBench } from '../registry.js';
import { readLayoutBytes } from '../../read/index.js';
import { recognize } from '../../recognize/index.js';
import { bundledSamplePath } from '../../paths.js';
import type { Disclosure } from '../../model/schema.js';

async function sample(): Promise<Disclosure> {
  const bytes = new Uint8Array(await readFile(bundledSamplePath()));
  return recognize(await readLayoutBytes('sample.txt', bytes));
}

registerBench({
  id: 'render.html_sample',
  title: '生成样本的 HTML（含两幅 SVG 图表）',
  targetMs: 20,
  repeat: { full: 100, quick: 20 },
  setup: async () => {
    const doc = await sample();
    const { renderHtml } = await import('../../render/html.js');
    return () => renderHtml(doc);
  },
  extra: async () => {
    const doc = await sample();
    const { renderHtml } = await import('../../render/html.js');
    const time = (charts: boolean) => {
      renderHtml(doc, { charts });
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) renderHtml(doc, { charts });
      return Math.round(((performance.now() - t0) / 20) * 1000) / 1000;
    };
    return { withoutChartsMs: time(false), withChartsMs: time(true) };
  },
});

const BATCH = 10;
let closeBrowser: (() => Promise<void>) | undefined;

registerBench({
  id: 'render.pdf_batch',
  title: `生成样本的 PDF（${BATCH} 份一批，共用一个 Chromium；每份耗时）`,
  targetMs: 1000,
  opsPerCall: BATCH,
  repeat: { full: 3, quick: 1 },
  setup: async () => {
    const { chromiumMissing, RenderBrowser } = await import('../../render/browser.js');
    const missing = chromiumMissing();
    if (missing) throw new Error(missing);
    const { renderPdf } = await import('../../render/pdf.js');
    const doc = await sample();
    const browser = new RenderBrowser();
    closeBrowser = () => browser.close();
    return async () => {
      try {
        for (let i = 0; i < BATCH; i++) await renderPdf(doc, { browser });
      } catch (e) {
        await browser.close();
        throw e;
      }
    };
  },
  teardown: async () => {
    await closeBrowser?.();
    closeBrowser = undefined;
  },
});

registerBench({
  id: 'render.docx_sample',
  title: '生成样本的 DOCX（不含图表）',
  repeat: { full: 20, quick: 5 },
  setup: async () => {
    const doc = await sample();
    const { renderDocx } = await import('../../render/docx.js');
    return () => renderDocx(doc);
  },
});

registerBench({
  id: 'render.xlsx_sample',
  title: '生成样本的 XLSX（每表一个工作表）',
  repeat: { full: 20, quick: 5 },
  setup: async () => {
    const doc = await sample();
    const { renderXlsx } = await import('../../render/xlsx.js');
    return () => renderXlsx(doc);
  },
});
