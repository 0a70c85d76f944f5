// bytes → layout: picks the reader from the content (never from the file name) and bounds what it may cost.
import { readFile, stat } from 'node:fs/promises';
import { isMainThread } from 'node:worker_threads';
import { ReadError } from './errors.js';
import { containPdfjsRejections } from './contain.js';
import { readPdf } from './pdf/index.js';
import type { LayoutDocument } from '../layout/types.js';

export { ReadError };

/** Files larger than this are refused before reading (real disclosures are a few MB). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export type Sniffed = 'pdf' | 'zip' | 'ole' | 'text';

/** Recognises a container format from its first bytes. */
export function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return 'text';
}

/** Reader for one container format; registered by the reader modules. */
export type Reader = (file: string, bytes: Uint8Array) => Promise<LayoutDocument> | LayoutDocument;

// Office readers load SheetJS and saxes only when an Office file arrives; the text reader loads its encoding
// detection and legacy code pages (chardet, iconv-lite) only when a text file does.
const readTextFile: Reader = async (file, bytes) => (await import('./text.js')).readText(file, bytes);
const readOfficeZip: Reader = async (file, bytes) =>
  (await import('./office.js')).readZipDocument(file, bytes);
const readOfficeOle: Reader = async (file, bytes) =>
  (await import('./office.js')).readOleDocument(file, bytes);

const readers: Partial<Record<Sniffed, Reader>> = {
  text: readTextFile,
  pdf: (file, bytes) => readPdf(file, bytes),
  zip: readOfficeZip,
  ole: readOfficeOle,
};

export function registerReader(kind: Sniffed, reader: Reader): void {
  readers[kind] = reader;
}

/** Containers whose libraries may spin synchronously on hostile input: read in a worker when built (isolate.ts). */
const ISOLATED: ReadonlySet<Sniffed> = new Set(['pdf', 'zip', 'ole']);

/** Reads one file's bytes into layout. Throws ReadError with a Chinese reason. */
export async function readLayoutBytes(file: string, bytes: Uint8Array): Promise<LayoutDocument> {
  if (bytes.byteLength === 0) throw new ReadError(file, '文件为空', 'empty');
  if (ISOLATED.has(sniff(bytes)) && isMainThread) {
    const { isolationAvailable, readIsolated } = await import('./isolate.js');
    if (isolationAvailable()) return readIsolated(file, bytes);
  }
  return readLayoutBytesInProcess(file, bytes);
}

/** Reads one file's bytes into layout on this thread. */
export async function readLayoutBytesInProcess(file: string, bytes: Uint8Array): Promise<LayoutDocument> {
  if (bytes.byteLength === 0) throw new ReadError(file, '文件为空', 'empty');
  const kind = sniff(bytes);
  // pdfjs leaves rejected prefetches behind on damaged files: they must not crash the process (contain.ts).
  if (kind === 'pdf') containPdfjsRejections();
  const reader = readers[kind];
  if (!reader) throw new ReadError(file, `暂不支持该文件格式（${kind}）`, 'unsupported');
  return reader(file, bytes);
}

/** Reads a file from disk into layout. */
export async function readLayout(file: string): Promise<LayoutDocument> {
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new ReadError(file, '是目录，不是文件', 'directory');
    size = s.size;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(file, '文件不存在或无法打开', 'missing');
  }
  if (size > MAX_FILE_BYTES)
    throw new ReadError(file, `文件过大（${Math.round(size / 1048576)} MB），超过上限`, 'too_large');
  const bytes = new Uint8Array(await readFile(file));
  return readLayoutBytes(file, bytes);
}
