// PDF bytes → positioned text runs per page, through pdfjs-dist (Apache-2.0). Only the text layer is read: no
// rendering, no fonts loaded, no worker, no network. Time and page count are bounded so that a hostile file ends
// in a ReadError instead of hanging the batch.
import { ReadError } from '../errors.js';
import { normalizeGlyphs } from './glyphs.js';

/** One positioned piece of text, in points, origin at the top-left of the (rotated) page. */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, measured from the page top. */
  baseline: number;
  /** Font size (height of the glyph box). */
  size: number;
}

export interface PdfPage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
}

export interface PdfText {
  pages: PdfPage[];
  /** Pages in the file (may exceed `pages.length` when the limit cut reading short). */
  pageCount: number;
  producer?: string;
}

export interface ExtractOptions {
  /** Refuse files with more pages than this (real disclosures have a few dozen). */
  maxPages?: number;
  /** Give up on a file after this many milliseconds. */
  timeoutMs?: number;
}

export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_TIMEOUT_MS = 60_000;

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfjsModule> | undefined;

/**
 * Loads pdfjs once per process (the import costs ~100 ms). The worker module is loaded here too and handed to
 * pdfjs as its in-process "fake worker", so no second import happens on the first document. The legacy build's
 * core-js polyfills replace Array.prototype.push process-wide with a slower one (forced for an edge case of
 * array-likes longer than 2^32); the native push is put back, which made text extraction ~15% cheaper.
 */
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= (async () => {
    const nativePush = Array.prototype.push;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    Array.prototype.push = nativePush;
    return pdfjs;
  })();
  return pdfjsPromise;
}

/** A zero-width or whitespace-only item carries no text; pdfjs also reports nonsense widths for some of them. */
function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** Reads the text layer of every page. Throws ReadError for encrypted, corrupt, oversized or slow files. */
export async function extractPdfText(
  file: string,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<PdfText> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pdfjs = await loadPdfjs();
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadError(file, `PDF解析超时（超过${Math.round(timeoutMs / 1000)}秒）`, 'timeout')),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([readAll(file, task, maxPages, pdfjs), timeout]);
  } catch (e) {
    throw asReadError(file, e);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

async function readAll(
  file: string,
  task: ReturnType<PdfjsModule['getDocument']>,
  maxPages: number,
  pdfjs: PdfjsModule,
): Promise<PdfText> {
  const doc = await task.promise;
  if (doc.numPages > maxPages)
    throw new ReadError(file, `PDF页数过多（${doc.numPages}页，上限${maxPages}页）`, 'too_many_pages');
  let producer: string | undefined;
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Producer?: unknown; Creator?: unknown } | undefined;
    const p = info?.Producer ?? info?.Creator;
    if (typeof p === 'string') producer = p;
  } catch {
    // Metadata is optional; a broken Info dictionary must not stop reading the text.
  }
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || isBlank(item.str)) continue;
      // Device coordinates: the viewport transform applies the page's rotation and flips y to the top.
      const m = pdfjs.Util.transform(viewport.transform, item.transform);
      const size = Math.hypot(m[2], m[3]) || item.height || 10;
      // Vertical text (rotated runs) is rare in disclosures; keep it but measure along its own axis.
      const horizontal = Math.abs(m[1]) < 1e-3 && Math.abs(m[2]) < 1e-3;
      // At scale 1 pdfjs reports the advance width in points, whatever the page rotation.
      const width = horizontal ? item.width : size;
      runs.push({
        text: normalizeGlyphs(item.str),
        x0: m[4],
        x1: m[4] + Math.abs(width),
        baseline: m[5],
        size,
      });
    }
    pages.push({ page: n, width: viewport.width, height: viewport.height, runs });
    page.cleanup();
  }
  return { pages, pageCount: doc.numPages, producer };
}

/** pdfjs errors (InvalidPDFException, PasswordException, …) become one Chinese sentence. */
function asReadError(file: string, e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  const name = (e as { name?: string })?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return new ReadError(file, 'PDF已加密，需要密码才能读取', 'encrypted');
  if (name === 'InvalidPDFException' || /Invalid PDF|XRef|startxref|trailer/i.test(message))
    return new ReadError(file, 'PDF文件已损坏或不完整（无法解析文件结构）', 'corrupt');
  return new ReadError(file, `PDF读取失败（${message.split('\n')[0].slice(0, 160)}）`, 'corrupt');
}
