// The PDF reader: text layer → layout (lines, table rows with cells by column, prose with paragraph joins).
// Registered in ../index.ts (imported there directly: importing the registry from here would be a cycle).
// A PDF without a text layer is a scan: read through OCR when tesseract is installed, otherwise refused clearly.
import type { LayoutDocument, LayoutLine } from '../../layout/types.js';
import { ReadError } from '../errors.js';
import { extractPdfText, type ExtractOptions, type PdfText } from './extract.js';
import { buildLines } from './lines.js';
import { gridColumns, mergeRows, readRuledPage, type GridCarry } from './ruled.js';
import { layoutPage, type PageCarry } from './tables.js';

export interface PdfReadOptions extends ExtractOptions {
  /** Try OCR for scanned PDFs when tesseract is available (default true). */
  ocr?: boolean;
}

/** Scanned PDFs longer than this are not sent to OCR. */
const MAX_OCR_PAGES = 60;

/** Fewer extractable characters per page than this means the pages are images. */
const MIN_CHARS_PER_PAGE = 5;

/** Positioned text → layout document (pure; exported for tests and other tools). */
export function layoutFromText(file: string, text: PdfText): LayoutDocument {
  const lines: LayoutLine[] = [];
  const carry: PageCarry = {};
  const gridCarry: GridCarry = {};
  for (const page of text.pages) {
    const geo = { page: page.page, width: page.width, height: page.height };
    const ruled = readRuledPage(page, gridCarry);
    const merged = mergeRows(layoutPage(buildLines(ruled.rest), geo, carry), ruled.rows);
    // A ruled table running to the foot of the page gives its columns to rows continued without rules.
    const last = merged[merged.length - 1];
    if (last?.grid === 'ruled' && gridCarry.xs) {
      carry.columns = gridColumns(gridCarry.xs);
      carry.header = undefined;
    }
    lines.push(...merged);
  }
  const notes = [`PDF ${text.pageCount}页${text.producer ? `，生成工具：${text.producer}` : ''}`];
  const emptyPages = text.pages.filter((p) => p.runs.length === 0).map((p) => p.page);
  if (emptyPages.length > 0) notes.push(`无文字的页：${emptyPages.join('、')}`);
  return { file, format: 'pdf', pages: text.pageCount, lines, notes };
}

function isScanned(text: PdfText): boolean {
  const chars = text.pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.length, 0), 0);
  return chars < MIN_CHARS_PER_PAGE * Math.max(1, text.pageCount);
}

export async function readPdf(
  file: string,
  bytes: Uint8Array,
  options: PdfReadOptions = {},
): Promise<LayoutDocument> {
  const text = await extractPdfText(file, bytes, options);
  if (text.pageCount === 0) throw new ReadError(file, 'PDF没有任何页面', 'empty');
  if (!isScanned(text)) return layoutFromText(file, text);
  if (options.ocr !== false) {
    const { ocrAvailable, readPdfByOcr } = await import('../ocr.js');
    if (await ocrAvailable()) {
      // OCR costs ~20 s a page: a long scan is refused rather than occupying the batch for an hour.
      if (text.pageCount > MAX_OCR_PAGES)
        throw new ReadError(
          file,
          `扫描版PDF，页数过多（${text.pageCount}页），超过OCR上限${MAX_OCR_PAGES}页`,
          'scanned',
        );
      return readPdfByOcr(file, bytes, text.pageCount, options);
    }
  }
  throw new ReadError(
    file,
    '扫描版PDF，没有可提取的文字层（安装 tesseract-ocr 和 tesseract-ocr-chi-sim 后可用OCR识别）',
    'scanned',
  );
}
