// Hostile input: every broken, disguised or oversized file ends in one ReadError naming the file and the reason in
// Chinese, before it can cost unbounded time or memory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayoutBytes, ReadError, sniff } from '../../src/read/index.js';
import { readSpreadsheet } from '../../src/read/spreadsheet.js';
import { ZipArchive } from '../../src/read/zip.js';
import { bundledSamplePath, packageRoot, sharedRoot } from '../../src/paths.js';
import { isPdfjsRejection } from '../../src/read/contain.js';
import { declareSize } from './broken-files.js';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');
const corpus = (name: string) => join(sharedRoot, 'corpus', name);

/** The ReadError a read ends in (fails the test when the read succeeds or throws anything else). */
async function failure(file: string, bytes: Uint8Array): Promise<ReadError> {
  const outcome = await readLayoutBytes(file, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(ReadError);
  return outcome as ReadError;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const documentXml = (body: string, doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${doctype}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

function docx(xml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml), ...extra });
}

/** Sets the "encrypted" flag of every entry in the central directory. */
function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
  }
  return out;
}

function workbook(sheets: Record<string, unknown[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

describe('ZIP bombs disguised as Office files', () => {
  it('refuses an archive whose declared size exceeds the cap before inflating anything', async () => {
    const bomb = declareSize(docx(documentXml(paragraph('预算'))), 'word/document.xml', 300 * 1024 * 1024);
    const e = await failure('x.docx', bomb);
    expect(e.message).toBe('x.docx：压缩包解压后超过 200 MB 上限，疑似压缩炸弹，已拒绝');
    expect(e.code).toBe('zip_bomb');
  });

  it('stops inflating an entry that lies about its size', async () => {
    // 4 MB of zeros deflate to about 4 KB; the entry claims 1,000 bytes.
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const honest = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': zeros },
      { level: 9 },
    );
    expect(honest.byteLength).toBeLessThan(50_000);
    const e = await failure('x.xlsx', declareSize(honest, 'xl/workbook.xml', 1000));
    expect(e.message).toBe(
      'x.xlsx：压缩包内 xl/workbook.xml 解压后大小超过声明值（文件已损坏或疑似压缩炸弹），已拒绝',
    );
  });

  it('caps the total inflated bytes of an archive', () => {
    const zip = zipSync({ a: new Uint8Array(600_000), b: new Uint8Array(600_000) });
    const archive = ZipArchive.open('x.xlsx', zip, { maxEntries: 10, maxTotalBytes: 2 * 1024 * 1024 });
    expect(() => archive.verifyAll()).not.toThrow();
    expect(() => ZipArchive.open('x.xlsx', zip, { maxEntries: 10, maxTotalBytes: 1024 * 1024 })).toThrow(
      'x.xlsx：压缩包解压后超过 1 MB 上限，疑似压缩炸弹，已拒绝',
    );
  });

  it('refuses archives with too many entries', async () => {
    const files: Record<string, Uint8Array> = {
      'word/document.xml': strToU8(documentXml(paragraph('预算'))),
    };
    for (let i = 0; i < 10_000; i++) files[`customXml/item${i}.xml`] = new Uint8Array(0);
    const e = await failure('x.docx', zipSync(files, { level: 0 }));
    expect(e.message).toBe('x.docx：压缩包内文件数（10001）超过 10000 个上限，疑似恶意文件，已拒绝');
  });

  it('refuses encrypted archives', async () => {
    const e = await failure('x.docx', markEncrypted(docx(documentXml(paragraph('预算')))));
    expect(e.message).toBe('x.docx：文件已加密（有密码保护），无法读取');
  });
});

describe('truncated and corrupted Office files', () => {
  let xlsx: Uint8Array;
  let xls: Uint8Array;
  beforeAll(async () => {
    xlsx = new Uint8Array(await readFile(corpus('上海_区级单位预算公开模板_预算模板.xlsx')));
    xls = new Uint8Array(await readFile(corpus('上海_区级单位预算公开样张_2026_预算模板.xls')));
  });

  it('reports a truncated XLSX as a broken ZIP', async () => {
    const e = await failure('x.xlsx', xlsx.subarray(0, xlsx.length >> 1));
    expect(e.message).toBe('x.xlsx：文件已损坏（ZIP 结构无效），无法读取');
    expect(e.code).toBe('corrupt');
  });

  it('reports damaged compressed data inside an intact directory', async () => {
    const archive = ZipArchive.open('x.xlsx', xlsx);
    const sheet = archive.entries.find((entry) => entry.name === 'xl/worksheets/sheet8.xml')!;
    const damaged = xlsx.slice();
    const start = sheet.localHeaderOffset + 30 + sheet.name.length;
    for (let i = 0; i < 64; i++) damaged[start + 16 + i] ^= 0xa5;
    const e = await failure('x.xlsx', damaged);
    expect(e.message).toMatch(/^x\.xlsx：文件已损坏（(ZIP|XLSX) 结构无效/);
  });

  it('reports a truncated XLS as a damaged file', async () => {
    const e = await failure('x.xls', xls.subarray(0, Math.floor(xls.length * 0.3)));
    expect(e.message).toMatch(/^x\.xls：文件已损坏（(OLE 复合文档|XLS )结构无效/);
  });

  it('reports malformed Word XML', async () => {
    const e = await failure('x.docx', docx(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>预算`));
    expect(e.message).toBe('x.docx：文件已损坏（DOCX 中的 XML 无效），无法读取');
  });

  it('does not expand XML entities (billion laughs)', async () => {
    const lol =
      '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    const e = await failure('x.docx', docx(documentXml(paragraph('&d;&d;&d;&d;'), lol)));
    expect(e.message).toBe('x.docx：文件已损坏（DOCX 中的 XML 无效），无法读取');
  });

  it('refuses a legacy Word .doc and an encrypted Office file held in OLE containers', async () => {
    const ole = (streams: Record<string, Uint8Array>) => {
      const cfb = XLSX.CFB.utils.cfb_new();
      for (const [name, data] of Object.entries(streams))
        XLSX.CFB.utils.cfb_add(cfb, name, Buffer.from(data));
      return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    };
    const doc = await failure(
      'x.doc',
      ole({ WordDocument: new Uint8Array(600), '1Table': new Uint8Array(600) }),
    );
    expect(doc.message).toBe('x.doc：是旧版 Word（.doc）文件，暂不支持，请另存为 DOCX 后再读取');
    const encrypted = await failure(
      'x.xlsx',
      ole({ EncryptionInfo: new Uint8Array(600), EncryptedPackage: new Uint8Array(600) }),
    );
    expect(encrypted.message).toBe('x.xlsx：文件已加密（有密码保护），无法读取');
  });
});

describe('enormous content', () => {
  it('refuses a cell longer than Excel allows', async () => {
    // SheetJS refuses to write such a cell; exceljs writes what it is given, as a hostile producer would.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('表一');
    sheet.getCell('A1').value = '预算';
    sheet.getCell('A2').value = 'x'.repeat(40_000);
    const e = await failure('x.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(e.message).toBe(
      'x.xlsx：工作表「表一」单元格 A2 内容超过 32767 个字符（Excel 上限），疑似异常文件，已拒绝',
    );
  });

  it('refuses a workbook with more sheets than any disclosure has, from its directory and from its parts', async () => {
    const files: Record<string, Uint8Array> = { 'xl/workbook.xml': strToU8('<workbook/>') };
    for (let i = 1; i <= 501; i++) files[`xl/worksheets/sheet${i}.xml`] = strToU8('<worksheet/>');
    const e = await failure('x.xlsx', zipSync(files));
    expect(e.message).toBe('x.xlsx：工作表数量（501）超过 500 个上限，疑似异常文件，已拒绝');
    const sheets: Record<string, unknown[][]> = {};
    for (let i = 1; i <= 12; i++) sheets[`S${i}`] = [[i]];
    const limits = { maxSheets: 10, maxRowsPerSheet: 100, maxCells: 1000, maxCellChars: 100 };
    expect(() => readSpreadsheet('x.xlsx', workbook(sheets), 'xlsx', limits)).toThrow(
      'x.xlsx：工作表数量（12）超过 10 个上限，疑似异常文件，已拒绝',
    );
  });

  it('refuses worksheet data and XLS files beyond what SheetJS parses in bounded time', async () => {
    const big = declareSize(workbook({ 表一: [['预算']] }), 'xl/worksheets/sheet1.xml', 40 * 1024 * 1024);
    expect((await failure('x.xlsx', big)).message).toBe(
      'x.xlsx：工作表数据解压后超过 32 MB 上限，超出预算公开文件的正常规模，已拒绝',
    );
    const xls = new Uint8Array(33 * 1024 * 1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure('x.xls', xls)).message).toBe(
      'x.xls：OLE 复合文档（XLS）超过 32 MB 上限，超出预算公开文件的正常规模，已拒绝',
    );
  });

  it('refuses sheets beyond the row and cell limits', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [i, '行政运行', 1361.58]);
    const bytes = workbook({ 表一: rows });
    const limits = { maxSheets: 10, maxRowsPerSheet: 100, maxCells: 1000, maxCellChars: 100 };
    expect(() => readSpreadsheet('x.xlsx', bytes, 'xlsx', limits)).toThrow(
      'x.xlsx：工作表「表一」行数超过 100 行上限，疑似异常文件，已拒绝',
    );
    expect(() =>
      readSpreadsheet('x.xlsx', bytes, 'xlsx', { ...limits, maxRowsPerSheet: 1000, maxCells: 300 }),
    ).toThrow('x.xlsx：单元格总数超过 300 个上限，疑似异常文件，已拒绝');
  });

  it('refuses an enormous Word paragraph and deeply nested tables', async () => {
    const long = await failure('x.docx', docx(documentXml(paragraph('预'.repeat(100_001)))));
    expect(long.message).toBe('x.docx：段落或单元格内容超过 100000 个字符，疑似异常文件，已拒绝');
    let nested = paragraph('最里层');
    for (let i = 0; i < 40; i++) nested = `<w:tbl><w:tr><w:tc>${nested}</w:tc></w:tr></w:tbl>`;
    const deep = await failure('x.docx', docx(documentXml(nested)));
    expect(deep.message).toBe('x.docx：表格嵌套层数过多，疑似异常文件，已拒绝');
  });

  it('refuses Office files that are not spreadsheets or Word documents', async () => {
    const pptx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'ppt/presentation.xml': strToU8('<p/>'),
    });
    expect((await failure('x.pptx', pptx)).message).toBe(
      'x.pptx：是 PowerPoint 演示文稿，不是预算/决算公开文件格式，暂不支持',
    );
    const other = zipSync({ 'readme.txt': strToU8('预算') });
    expect((await failure('x.zip', other)).message).toBe(
      'x.zip：是 ZIP 压缩包，但不是 Excel（XLSX）或 Word（DOCX）文件，无法读取',
    );
  });
});

describe('content decides the format, not the extension', () => {
  it('reads an XLSX named .txt and a DOCX named .pdf', async () => {
    const xlsx = new Uint8Array(await readFile(corpus('上海_区级单位预算公开模板_预算模板.xlsx')));
    const asText = await readLayoutBytes('x.txt', xlsx);
    expect(asText.format).toBe('xlsx');
    expect(asText.pages).toBe(16);
    const asPdf = await readLayoutBytes('x.pdf', docx(documentXml(paragraph('2023年单位预算'))));
    expect(asPdf.format).toBe('docx');
    expect(asPdf.lines[0].cells[0].text).toBe('2023年单位预算');
  });

  it('sends a PDF named .xlsx to the PDF reader', async () => {
    const pdf = new Uint8Array(await readFile(corpus('上海_普陀区人民政府办公室_2025_单位预算.pdf')));
    expect(sniff(pdf)).toBe('pdf');
    const outcome = await readLayoutBytes('x.xlsx', pdf).catch((e: unknown) => e as ReadError);
    if (outcome instanceof ReadError) expect(outcome.message).not.toMatch(/ZIP|XLSX|OLE/);
    else expect(outcome.format).toBe('pdf');
  });

  it('refuses text beyond 16 MB or 200,000 lines before recognising it', async () => {
    const big = await failure('big.txt', new Uint8Array(16 * 1024 * 1024 + 1).fill(0x41));
    expect(big.code).toBe('too_large');
    expect(big.message).toBe('big.txt：文本文件过大（16.0 MB），超出预算公开文件的正常规模，已拒绝');
    const long = await failure('long.txt', new TextEncoder().encode('合计\n'.repeat(200_001)));
    expect(long.code).toBe('too_large');
    expect(long.message).toBe('long.txt：文本文件过大（200001行），超出预算公开文件的正常规模，已拒绝');
    const fine = await readLayoutBytes('ok.txt', new TextEncoder().encode('合计\n'.repeat(1000)));
    expect(fine.lines).toHaveLength(1000);
  });

  it('reports random bytes as a file that is not a disclosure format', async () => {
    let seed = 7;
    const random = Uint8Array.from(
      { length: 4096 },
      () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 255,
    );
    const e = await failure('x.xlsx', random);
    expect(e.message.startsWith('x.xlsx：')).toBe(true);
    expect(e.code).toBe('binary');
  });
});

describe('rejections pdfjs leaves behind', () => {
  it('recognises errors raised inside pdfjs-dist and nothing else', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect(isPdfjsRejection(new pdfjs.InvalidPDFException('Invalid PDF structure.'))).toBe(true);
    expect(isPdfjsRejection(new Error('Invalid PDF structure.'))).toBe(false);
    expect(isPdfjsRejection('pdfjs-dist')).toBe(false);
  });

  // A corpus PDF with a byte changed every 997 bytes: pdfjs rejects a page-dictionary prefetch nobody awaits.
  // Unhandled, that rejection crashed `yusuan parse` with a stack trace and lost the other files of the call.
  // Run as a child process (the compiled command line, built by `npm test`'s setup), since the test runner
  // itself reports every unhandled rejection.
  const cli = join(packageRoot, 'dist', 'read', 'contain.js');
  it.runIf(existsSync(cli))('a damaged PDF ends in one message and the next file is still read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yusuan-hostile-'));
    const damaged = new Uint8Array(await readFile(corpus('上海_普陀区人民政府办公室_2025_单位预算.pdf')));
    for (let i = 2000; i < damaged.length; i += 997) damaged[i] ^= 0x5a;
    const bad = join(dir, 'bad.pdf');
    await writeFile(bad, damaged);
    const run = spawnSync(
      process.execPath,
      [join(packageRoot, 'bin', 'yusuan.js'), 'parse', '--format', 'cells', bad, bundledSamplePath()],
      { encoding: 'utf8', timeout: 120_000 },
    );
    await rm(dir, { recursive: true, force: true });
    expect(run.status).toBe(2);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^错误：.*bad\.pdf：PDF/);
    expect(run.stdout).toContain('expenditure,2010301,行政运行,total,1361.58,万元');
  });

  // Twelve bytes changed in a corpus PDF (found by fuzzing) send pdfjs's CFF font parser into minutes of
  // synchronous work that no timer on the same thread can interrupt; the compiled command line reads PDFs and
  // Office files in a worker thread and terminates it at the time limit (here lowered to 3 s).
  const worker = join(packageRoot, 'dist', 'read', 'read-worker.js');
  it.runIf(existsSync(worker))('a PDF that keeps pdfjs busy is abandoned at the time limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yusuan-hostile-'));
    const busy = new Uint8Array(await readFile(corpus('上海_普陀区财政局_2024_决算.pdf')));
    const changes = [
      [26933, 0x9f],
      [378777, 0x95],
      [1105692, 0x5a],
      [1200130, 0x26],
      [1961906, 0x8a],
      [2396635, 0xf6],
      [2702358, 0x7e],
      [3085169, 0xe6],
      [3111560, 0xe6],
      [3200411, 0x31],
      [3241299, 0x19],
      [3569714, 0x4a],
    ];
    for (const [at, value] of changes) busy[at] = value;
    const file = join(dir, 'busy.pdf');
    await writeFile(file, busy);
    const run = spawnSync(
      process.execPath,
      [join(packageRoot, 'bin', 'yusuan.js'), 'parse', '--format', 'cells', file, bundledSamplePath()],
      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, YUSUAN_READ_TIMEOUT_MS: '3000' } },
    );
    await rm(dir, { recursive: true, force: true });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `错误：${file}：读取超时（超过 3 秒），疑似异常文件，已放弃`,
    ]);
    expect(run.stdout).toContain('expenditure,2010301,行政运行,total,1361.58,万元');
  });
});
