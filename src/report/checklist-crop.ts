// 问题截图: the page region each problem points at, rendered by pdf.js inside the shared Chromium (no poppler, which
// is GPL). The page loads pdf.js, its worker, CMaps and fonts from a local origin answered by the page's own route
// from node_modules, so nothing reaches the network. One picture per item: its problems' crops stacked, numbered.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from 'playwright-core';
import type { RenderBrowser } from '../render/browser.js';
import type { Disclosure } from '../model/schema.js';
import type { Checklist } from './checklist.js';
import type { ChecklistPictures } from './checklist-xlsx.js';

const ORIGIN = 'http://yusuan.invalid';

/** Points above and below the line a problem points at; scale of the rendering (pixels per point). */
export const CROP = { above: 40, below: 50, scale: 2, maxCrops: 4 } as const;

interface CropRequest {
  page: number;
  /** Top of the line in points from the page top; absent when only the page is known. */
  y?: number;
  label: string;
}

const PAGE_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script type="module">
import * as pdfjs from '${ORIGIN}/pdfjs/build/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '${ORIGIN}/pdfjs/build/pdf.worker.mjs';
const docs = new Map();
async function open(name) {
  if (!docs.has(name))
    docs.set(name, pdfjs.getDocument({
      url: '${ORIGIN}/doc/' + name,
      cMapUrl: '${ORIGIN}/pdfjs/cmaps/', cMapPacked: true,
      standardFontDataUrl: '${ORIGIN}/pdfjs/standard_fonts/',
      wasmUrl: '${ORIGIN}/pdfjs/wasm/',
    }).promise);
  return docs.get(name);
}
const rendered = new Map();
async function pageCanvas(name, n, scale) {
  const key = name + '#' + n;
  if (!rendered.has(key)) rendered.set(key, (async () => {
    const page = await (await open(name)).getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width); canvas.height = Math.ceil(viewport.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    return canvas;
  })());
  return rendered.get(key);
}
function inkColumns(canvas, top, height) {
  const data = canvas.getContext('2d').getImageData(0, top, canvas.width, height).data;
  let left = canvas.width, right = 0;
  for (let y = 0; y < height; y += 2)
    for (let x = 0; x < canvas.width; x++) {
      const i = (y * canvas.width + x) * 4;
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) { if (x < left) left = x; if (x > right) right = x; }
    }
  return right > left ? [left, right] : [0, canvas.width];
}
window.cropItems = async (name, items, crop) => {
  const out = [];
  for (const requests of items) {
    const parts = [];
    for (const r of requests) {
      const canvas = await pageCanvas(name, r.page, crop.scale);
      const s = crop.scale;
      const top = r.y === undefined ? 0 : Math.max(0, Math.floor((r.y - crop.above) * s));
      const bottom = r.y === undefined ? Math.floor(canvas.height * 0.45)
        : Math.min(canvas.height, Math.ceil((r.y + crop.below) * s));
      const height = Math.max(1, bottom - top);
      const [left, right] = inkColumns(canvas, top, height);
      parts.push({ canvas, top, height, left, right, y: r.y, label: r.label });
    }
    // The margins are cut: only the columns with ink in any band (and a label's room) are kept.
    const left = Math.max(0, Math.min(...parts.map((p) => p.left)) - 30 * crop.scale);
    const right = Math.min(Math.max(...parts.map((p) => p.canvas.width)), Math.max(...parts.map((p) => p.right)) + 8 * crop.scale);
    const width = Math.max(1, right - left);
    const gap = 6;
    const out2 = document.createElement('canvas');
    out2.width = width; out2.height = parts.reduce((h, p) => h + p.height + gap, -gap);
    const ctx = out2.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, out2.width, out2.height);
    let at = 0;
    for (const p of parts) {
      ctx.drawImage(p.canvas, left, p.top, width, p.height, 0, at, width, p.height);
      if (p.y !== undefined) {
        ctx.strokeStyle = '#e00000'; ctx.lineWidth = 3;
        ctx.strokeRect(4, at + (p.y * crop.scale - p.top) - 4, width - 8, 15 * crop.scale);
      }
      ctx.font = 'bold ' + (12 * crop.scale) + 'px sans-serif';
      ctx.fillStyle = '#e00000'; ctx.fillText(p.label, 6, at + 14 * crop.scale);
      if (at) { ctx.fillStyle = '#888'; ctx.fillRect(0, at - gap / 2 - 1, width, 2); }
      at += p.height + gap;
    }
    out.push({ data: out2.toDataURL('image/png').slice('data:image/png;base64,'.length), width: out2.width, height: out2.height });
  }
  return out;
};
window.cropReady = true;
</script></body></html>`;

function pdfjsRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

const TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  bcmap: 'application/octet-stream',
  pfb: 'application/octet-stream',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};

/** The PDF a document's pages come from; none for a document joined from two PDFs (a page number names no file). */
export function pdfSourceOf(doc: Disclosure): string | undefined {
  const pdfs = doc.metadata.sources.filter((s) => s.format === 'pdf');
  return pdfs.length === 1 ? pdfs[0].file : undefined;
}

/**
 * Pictures of every item with problems that point at a page of the document's PDF. Returns an empty map for a
 * document that is not a PDF.
 */
export async function checklistPictures(
  browser: RenderBrowser,
  checklist: Checklist,
  doc: Disclosure,
): Promise<ChecklistPictures> {
  const pictures: ChecklistPictures = new Map();
  const pdf = pdfSourceOf(doc);
  if (!pdf) return pictures;
  const wanted = checklist.items
    .map((item) => ({
      id: item.id,
      requests: item.problems
        .map((p, i): CropRequest | null =>
          p.page && (!p.finding.page || p.finding.page === p.page)
            ? { page: p.page, ...(p.y !== undefined ? { y: p.y } : {}), label: `${i + 1}.` }
            : null,
        )
        .filter((r): r is CropRequest => r !== null)
        .slice(0, CROP.maxCrops),
    }))
    .filter((w) => w.requests.length);
  if (!wanted.length) return pictures;

  const root = pdfjsRoot();
  const bytes = await readFile(pdf);
  const page = await browser.page();
  const serve = async (route: Route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    try {
      if (path === '/crop.html') return await route.fulfill({ contentType: 'text/html', body: PAGE_HTML });
      if (path.startsWith('/doc/'))
        return await route.fulfill({ contentType: TYPES.pdf, body: Buffer.from(bytes) });
      if (path.startsWith('/pdfjs/') && !path.includes('..')) {
        const ext = path.split('.').pop() ?? '';
        const body = await readFile(join(root, path.slice('/pdfjs/'.length)));
        return await route.fulfill({ contentType: TYPES[ext] ?? 'application/octet-stream', body });
      }
    } catch {
      // A missing CMap or font: pdf.js draws without it.
    }
    return route.abort();
  };
  await page.route(`${ORIGIN}/**`, serve);
  try {
    await page.goto(`${ORIGIN}/crop.html`);
    await page.waitForFunction(() => (globalThis as unknown as { cropReady?: boolean }).cropReady === true);
    const results = await page.evaluate(
      ([items, crop]) =>
        (
          globalThis as unknown as {
            cropItems: (
              n: string,
              i: CropRequest[][],
              c: typeof CROP,
            ) => Promise<{ data: string; width: number; height: number }[]>;
          }
        ).cropItems('doc.pdf', items, crop),
      [wanted.map((w) => w.requests), CROP] as const,
    );
    results.forEach((r, i) =>
      pictures.set(wanted[i].id, {
        png: new Uint8Array(Buffer.from(r.data, 'base64')),
        width: r.width,
        height: r.height,
      }),
    );
  } finally {
    await page.unroute(`${ORIGIN}/**`, serve);
  }
  return pictures;
}
