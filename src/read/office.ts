// Office containers → the right reader: a ZIP holds an XLSX or a DOCX (told apart by its parts, never by the file
// name), an OLE compound file holds an XLS (or a legacy .doc, or an encrypted Office file, both refused clearly).
import { createRequire } from 'node:module';
import { ReadError } from './errors.js';
import { ZipArchive } from './zip.js';
import { DEFAULT_SPREADSHEET_LIMITS, readSpreadsheet, tooManySheets } from './spreadsheet.js';
import { readDocx } from './docx.js';
import type { LayoutDocument } from '../layout/types.js';

/** Worksheet XML of a real disclosure is well under 1 MB a sheet; 32 MB is some 600,000 cells. */
export const MAX_SHEET_BYTES = 32 * 1024 * 1024;
/** The same bound for BIFF workbooks, whose records are more compact than XML. */
export const MAX_XLS_BYTES = 32 * 1024 * 1024;

const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');

/** A ZIP container: XLSX or DOCX. */
export function readZipDocument(file: string, bytes: Uint8Array): LayoutDocument {
  const archive = ZipArchive.open(file, bytes);
  const main = mainPart(archive);
  if (main?.startsWith('word/') || archive.has('word/document.xml')) {
    return readDocx(file, archive, main?.startsWith('word/') ? main : 'word/document.xml');
  }
  if (archive.has('xl/workbook.xml') || archive.has('xl/workbook.bin')) {
    // Count the sheets from the directory so that a workbook of thousands of sheets is refused unparsed.
    const sheets = archive.entries.filter((e) =>
      /^xl\/(worksheets|chartsheets)\/[^/]+\.(xml|bin)$/.test(e.name),
    );
    if (sheets.length > DEFAULT_SPREADSHEET_LIMITS.maxSheets) throw tooManySheets(file, sheets.length);
    // SheetJS parses every cell before any limit of ours can apply (some 20 µs a cell): bound its input.
    const sheetBytes = archive.entries
      .filter((e) => sheets.includes(e) || e.name === 'xl/sharedStrings.xml')
      .reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (sheetBytes > MAX_SHEET_BYTES) {
      throw new ReadError(
        file,
        `工作表数据解压后超过 ${MAX_SHEET_BYTES >> 20} MB 上限，超出预算公开文件的正常规模，已拒绝`,
        'too_large',
      );
    }
    // SheetJS inflates without limits: prove the real sizes first.
    archive.verifyAll();
    return readSpreadsheet(file, bytes, 'xlsx');
  }
  if (archive.entries.some((e) => e.name.startsWith('ppt/'))) {
    throw new ReadError(file, '是 PowerPoint 演示文稿，不是预算/决算公开文件格式，暂不支持', 'unsupported');
  }
  if (archive.has('content.xml') && archive.has('mimetype')) {
    throw new ReadError(
      file,
      '是 OpenDocument 文件，暂不支持，请另存为 XLSX 或 DOCX 后再读取',
      'unsupported',
    );
  }
  throw new ReadError(
    file,
    '是 ZIP 压缩包，但不是 Excel（XLSX）或 Word（DOCX）文件，无法读取',
    'unsupported',
  );
}

/** The package's main part as its root relationships name it ("word/document.xml"; some producers differ). */
function mainPart(archive: ZipArchive): string | null {
  if (!archive.has('_rels/.rels')) return null;
  const rels = archive.readText('_rels/.rels');
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/Type="[^"]*\/officeDocument"/.test(m[0])) continue;
    const target = /Target="\/?([^"]+)"/.exec(m[0])?.[1];
    if (target && archive.has(target)) return target;
  }
  return null;
}

/** An OLE compound file: XLS; a legacy Word .doc or an encrypted Office file is refused with the reason. */
export function readOleDocument(file: string, bytes: Uint8Array): LayoutDocument {
  if (bytes.byteLength > MAX_XLS_BYTES) {
    throw new ReadError(
      file,
      `OLE 复合文档（XLS）超过 ${MAX_XLS_BYTES >> 20} MB 上限，超出预算公开文件的正常规模，已拒绝`,
      'too_large',
    );
  }
  let names: string[];
  try {
    const container = XLSX.CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      type: 'buffer',
    }) as { FullPaths: string[] };
    names = container.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
  } catch {
    throw new ReadError(file, '文件已损坏（OLE 复合文档结构无效），无法读取', 'corrupt');
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    throw new ReadError(file, '文件已加密（有密码保护），无法读取', 'encrypted');
  }
  if (has('Workbook') || has('Book')) return readSpreadsheet(file, bytes, 'xls');
  if (has('WordDocument')) {
    throw new ReadError(file, '是旧版 Word（.doc）文件，暂不支持，请另存为 DOCX 后再读取', 'unsupported');
  }
  if (has('PowerPoint Document')) {
    throw new ReadError(file, '是 PowerPoint 演示文稿，不是预算/决算公开文件格式，暂不支持', 'unsupported');
  }
  throw new ReadError(file, '是 OLE 复合文档，但不是 Excel（XLS）文件，无法读取', 'unsupported');
}
