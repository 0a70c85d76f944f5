// Optional OCR path for scanned PDFs: pdftoppm (poppler-utils) renders each page, tesseract (with chi_sim)
// returns words with boxes as TSV (page segmentation mode 11, sparse text, suits tables), and the words go through the same line/table reconstruction as a text layer.
// Nothing here is required: without both programs a scanned PDF is refused with a clear message.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LayoutDocument } from '../layout/types.js';
import { ReadError } from './errors.js';
import type { PdfPage, PdfText, TextRun } from './pdf/extract.js';

const run = promisify(execFile);

/** Rendering resolution: 300 dpi is what tesseract recommends for body text. */
const DPI = 300;
const POINTS_PER_PIXEL = 72 / DPI;

let available: Promise<boolean> | undefined;

/** True when pdftoppm and tesseract with the chi_sim language are installed. */
export function ocrAvailable(): Promise<boolean> {
  available ??= (async () => {
    try {
      await run('pdftoppm', ['-v']);
      const { stdout, stderr } = await run('tesseract', ['--list-langs']);
      return /\bchi_sim\b/.test(stdout + stderr);
    } catch {
      return false;
    }
  })();
  return available;
}

interface Word {
  run: TextRun;
}

/**
 * Tesseract splits a printed amount at its separators ("82," "096,，797" "42"): neighbouring pieces of one
 * number on one line are joined again, commas and full-width commas read as one comma.
 */
function joinNumberPieces(words: Word[]): TextRun[] {
  const out: Word[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    const em = Math.max(w.run.size, last?.run.size ?? 0);
    // in sparse-text mode every word is its own OCR line: neighbours are found by their boxes
    const sameLine = last && Math.abs(last.run.baseline - w.run.baseline) < 0.5 * em;
    const gap = sameLine ? w.run.x0 - last.run.x1 : Infinity;
    const left = last?.run.text ?? '';
    if (/\d,\d{3}$/.test(left) && /^\d{2}$/.test(w.run.text) && gap < 1.2 * em) {
      // the decimal point of "82,096,797.42" is often not seen at all: cents follow a thousands group
      last.run.text += `.${w.run.text}`;
      last.run.x1 = w.run.x1;
    } else if (/[\d,.]$/.test(left) && /^[\d,.]/.test(w.run.text) && gap < 0.8 * em) {
      last.run.text = (last.run.text + w.run.text).replace(/,{2,}/g, ',');
      last.run.x1 = w.run.x1;
    } else out.push(w);
  }
  return out.map((w) => w.run);
}

/** Parses tesseract's TSV output (level 5 rows are words) into runs in PDF points. */
export function runsFromTsv(tsv: string): TextRun[] {
  const words: Word[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f[11].trim().replace(/[，,]+/g, ',');
    const conf = Number(f[10]);
    if (!text || conf < 0) continue;
    const [left, top, width, height] = f.slice(6, 10).map(Number);
    const size = height * POINTS_PER_PIXEL;
    const run = {
      text,
      x0: left * POINTS_PER_PIXEL,
      x1: (left + width) * POINTS_PER_PIXEL,
      baseline: (top + height) * POINTS_PER_PIXEL,
      size,
    };
    words.push({ run });
  }
  return joinNumberPieces(words);
}

export async function readPdfByOcr(
  file: string,
  bytes: Uint8Array,
  pageCount: number,
  options: { timeoutMs?: number } = {},
): Promise<LayoutDocument> {
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-ocr-'));
  const timeout = options.timeoutMs ?? 60_000 * Math.max(1, Math.min(pageCount, 50));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    await run('pdftoppm', ['-r', String(DPI), '-gray', '-png', pdf, join(dir, 'p')], { timeout });
    const images = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const pages: PdfPage[] = [];
    for (const [i, img] of images.entries()) {
      const { stdout } = await run(
        'tesseract',
        [join(dir, img), 'stdout', '-l', 'chi_sim', '--psm', '11', 'tsv'],
        {
          timeout,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const runs = runsFromTsv(stdout);
      const width = Math.max(0, ...runs.map((r) => r.x1));
      const height = Math.max(0, ...runs.map((r) => r.baseline));
      pages.push({ page: i + 1, width, height, runs });
    }
    if (pages.every((p) => p.runs.length === 0))
      throw new ReadError(file, '扫描版PDF，OCR也未能识别出任何文字', 'scanned');
    const text: PdfText = { pages, pageCount };
    const { layoutFromText } = await import('./pdf/index.js');
    const layout = layoutFromText(file, text);
    layout.ocr = true;
    layout.notes.push('扫描版PDF，文字由OCR识别（tesseract chi_sim），可信度较低，数字请人工核对');
    return layout;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(
      file,
      `扫描版PDF的OCR识别失败（${(e as Error).message.split('\n')[0].slice(0, 120)}）`,
      'ocr_failed',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
