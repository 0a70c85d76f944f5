// Rendering benchmarks: the parsed sample as HTML (target < 20 ms), as PDF in a batch of 10 sharing one Chromium
// (target < 1 s per document), and as DOCX and XLSX.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) renderHtml(doc, { charts });
      const cpu = process.cpuUsage(cpu0);
      const round = (ms: number) => Math.round(ms * 1000) / 1000;
      return { wall: round((performance.now() - t0) / 20), cpu: round((cpu.user + cpu.system) / 1000 / 20) };
    };
    const without = time(false);
    const withCharts = time(true);
    return {
      withoutChartsMs: without.wall,
      withoutChartsCpuMs: without.cpu,
      withChartsMs: withCharts.wall,
      withChartsCpuMs: withCharts.cpu,
    };
  },
});

const BATCH = 10;
let closeBrowser: (() => Promise<void>) | undefined;
let pdfBatch: (() => Promise<void>) | undefined;

/** CPU time (ms) of this process and all its descendants (Chromium's processes), from /proc; null elsewhere. */
function treeCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime in clock ticks (100 per second on Linux).
      procs.set(Number(d), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  for (const [pid, p] of procs) {
    for (let q = pid, i = 0; q > 1 && i < 32; q = procs.get(q)?.ppid ?? 0, i++)
      if (q === process.pid) {
        total += p.cpu;
        break;
      }
  }
  return total;
}

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
    return (pdfBatch = async () => {
      try {
        for (let i = 0; i < BATCH; i++) await renderPdf(doc, { browser });
      } catch (e) {
        await browser.close();
        throw e;
      }
    });
  },
  // Wall time on a shared machine mostly measures the other load; CPU time of node and Chromium is steadier.
  extra: async (): Promise<Record<string, number>> => {
    const before = treeCpuMs();
    if (before === null || !pdfBatch) return {};
    await pdfBatch();
    return { cpuMsPerDocument: Math.round((treeCpuMs()! - before) / BATCH) };
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
