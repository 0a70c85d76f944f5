// XLSX and XLS → layout, through SheetJS (reads both the ZIP/XML and the OLE/BIFF formats). One sheet is one
// "page". Rows with one cell of prose (titles, narrative sheets) become paragraph lines; the other rows are grid
// rows whose cells sit at their sheet column index (A = 0), with empties kept, so cell references stay derivable.
import { createRequire } from 'node:module';
import { Decimal } from 'decimal.js';
import { ReadError } from './errors.js';
import type { LayoutDocument, LayoutLine } from '../layout/types.js';

type SheetJS = typeof import('xlsx');
type WorkSheet = import('xlsx').WorkSheet;
type CellObject = import('xlsx').CellObject;

// The CommonJS build: its module object carries SSF (number formats) and the code pages that BIFF files with
// legacy (GBK) strings need; the ESM build needs them wired by hand.
const XLSX = createRequire(import.meta.url)('xlsx') as SheetJS;

export interface SpreadsheetLimits {
  maxSheets: number;
  maxRowsPerSheet: number;
  maxCells: number;
  /** Excel's own limit on the characters in one cell. */
  maxCellChars: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxSheets: 500,
  maxRowsPerSheet: 200_000,
  maxCells: 2_000_000,
  maxCellChars: 32_767,
};

/** Reads a workbook's bytes (XLSX or XLS) into layout. The caller has already guarded a ZIP container. */
export function readSpreadsheet(
  file: string,
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): LayoutDocument {
  let workbook: import('xlsx').WorkBook;
  const warnings: string[] = [];
  try {
    workbook = quietly(warnings, () =>
      XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        type: 'buffer',
        cellNF: true,
        cellFormula: false,
        cellHTML: false,
        cellDates: false,
        cellStyles: false,
        sheetStubs: false,
        bookVBA: false,
        dense: true,
        // One row beyond the cap tells a sheet that reaches it from one that stops just short.
        sheetRows: limits.maxRowsPerSheet + 1,
      }),
    );
  } catch (e) {
    throw libraryError(file, format, e);
  }
  const names = workbook.SheetNames ?? [];
  if (names.length === 0) throw corrupt(file, format, '没有工作表');
  if (names.length > limits.maxSheets) throw tooManySheets(file, names.length, limits.maxSheets);
  const hidden = new Set(
    (workbook.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name as string),
  );
  const lines: LayoutLine[] = [];
  const notes: string[] = [];
  if (warnings.length > 0) notes.push(`读取时跳过 ${warnings.length} 处无法识别的内容（文件可能部分损坏）`);
  let page = 0;
  let cellCount = 0;
  for (const name of names) {
    if (hidden.has(name)) {
      notes.push(`跳过隐藏工作表「${name}」`);
      continue;
    }
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    page++;
    const grid = readGrid(file, name, sheet, limits);
    cellCount += grid.cellCount;
    if (cellCount > limits.maxCells) {
      throw new ReadError(
        file,
        `单元格总数超过 ${limits.maxCells} 个上限，疑似异常文件，已拒绝`,
        'too_many_cells',
      );
    }
    sheetLines(grid, name, page, lines);
  }
  if (page === 0) throw new ReadError(file, '工作簿中没有可见的工作表', 'empty');
  if (lines.length === 0) throw new ReadError(file, '工作簿中没有任何内容', 'empty');
  return { file, format, pages: page, lines, notes };
}

interface Grid {
  /** Row index (0-based) → column index → text; only non-empty cells. */
  rows: Map<number, Map<number, string>>;
  /** Top-left of a horizontal merge → how many columns it spans. */
  spans: Map<string, number>;
  cellCount: number;
  /** Widest used column + 1. */
  width: number;
}

function readGrid(file: string, sheetName: string, sheet: WorkSheet, limits: SpreadsheetLimits): Grid {
  const rows = new Map<number, Map<number, string>>();
  let cellCount = 0;
  let width = 0;
  const add = (r: number, c: number, cell: CellObject | undefined) => {
    if (!cell) return;
    const text = cellText(cell);
    if (text === '') return;
    if (r >= limits.maxRowsPerSheet) {
      throw new ReadError(
        file,
        `工作表「${sheetName.trim()}」行数超过 ${limits.maxRowsPerSheet} 行上限，疑似异常文件，已拒绝`,
        'too_many_rows',
      );
    }
    if (text.length > limits.maxCellChars) {
      const address = XLSX.utils.encode_cell({ r, c });
      throw new ReadError(
        file,
        `工作表「${sheetName.trim()}」单元格 ${address} 内容超过 ${limits.maxCellChars} 个字符（Excel 上限），疑似异常文件，已拒绝`,
        'cell_too_large',
      );
    }
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, text);
    cellCount++;
    if (c + 1 > width) width = c + 1;
  };
  // Dense sheets (rows of cells) are what we ask SheetJS for: about twice as fast to build as keyed ones.
  // forEach skips the holes, so a declared range of A1:IV3380 costs only the cells that exist.
  if (Array.isArray(sheet)) {
    (sheet as unknown as (CellObject[] | undefined)[]).forEach((cells, r) =>
      cells?.forEach((cell, c) => add(r, c, cell)),
    );
  } else {
    for (const address of Object.keys(sheet)) {
      if (address.charCodeAt(0) === 33 /* "!" */) continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      add(r, c, sheet[address] as CellObject);
    }
  }
  const spans = new Map<string, number>();
  for (const m of sheet['!merges'] ?? []) {
    if (m.e.c > m.s.c) spans.set(`${m.s.r}:${m.s.c}`, m.e.c - m.s.c + 1);
  }
  return { rows, spans, cellCount, width };
}

// "编制单位：XX  单位：元" above a table: metadata of the table, not one of its rows.
const TABLE_META = /^(编制单位|编制部门|填报单位|预算单位|部门名称|单位名称|单位|金额单位|计量单位)\s*[:：]/;

function sheetLines(grid: Grid, sheet: string, page: number, out: LayoutLine[]): void {
  const order = [...grid.rows.keys()].sort((a, b) => a - b);
  const multi = order.filter((r) => grid.rows.get(r)!.size > 1);
  // The table's width: titles merged across (nearly) all of it are prose; "合计" merged over the code columns is not.
  let tableWidth = 0;
  for (const r of multi) tableWidth = Math.max(tableWidth, Math.max(...grid.rows.get(r)!.keys()) + 1);
  // Rows with one filled cell between grid rows are rows of the grid whose values are empty (label-only rows
  // of a summary table); before the first and after the last grid row they are prose.
  const firstMulti = order.findIndex((r) => grid.rows.get(r)!.size > 1);
  let lastMulti = -1;
  for (let i = 0; i < order.length; i++) if (grid.rows.get(order[i])!.size > 1) lastMulti = i;
  let line = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    const row = grid.rows.get(r)!;
    const columns = [...row.keys()].sort((a, b) => a - b);
    if (columns.length === 1) {
      const c = columns[0];
      const text = row.get(c)!;
      const span = grid.spans.get(`${r}:${c}`) ?? 1;
      // One filled cell is prose (a title, a heading, a paragraph, "(2023年度)", a note), as a one-cell line
      // of extracted text is, unless it lies inside the grid and reads like a row label.
      const prose =
        firstMulti < 0 ||
        i < firstMulti ||
        i > lastMulti ||
        span >= Math.max(3, tableWidth * 0.8) ||
        text.length > 40 ||
        /^注\s*[:：\d]/.test(text) ||
        /表\s*([（(][^（()）]*[)）])?$/.test(text) ||
        /^[（(]?\d{4}年度?[)）]?$/.test(text.replace(/\s/g, ''));
      if (prose) {
        // A narrative cell holds whole paragraphs separated by line breaks: one layout line each.
        for (const part of text.split(/\r?\n/)) {
          const t = part.trim();
          if (t !== '') out.push({ cells: [{ text: t }], page, line: ++line, sheet, row: r + 1 });
        }
        continue;
      }
    }
    const last = columns[columns.length - 1];
    const cells = Array.from({ length: last + 1 }, (_, c) => ({ text: gridText(row.get(c) ?? '') }));
    const meta = columns.every((c) => TABLE_META.test(row.get(c)!.trim()));
    out.push({ cells, page, line: ++line, sheet, row: r + 1, inTable: !meta });
  }
}

/** A grid cell's line breaks are wrapping inside a narrow column ("事业单位\n经营收入"), not separate lines. */
function gridText(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, '').trim();
}

/** The text a reader of the printed sheet sees in a cell. */
export function cellText(cell: CellObject): string {
  if (cell.t === 'n' && typeof cell.v === 'number') return numberText(cell.v, cell.z, cell.w);
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return cell.w ?? '';
  if (cell.t === 's') return String(cell.v).replace(/\u00a0/g, ' ');
  return cell.w ?? String(cell.v);
}

/**
 * A number as printed: through its number format, except that the General format is printed from the stored
 * value at Excel's 15 significant digits without exponent (SheetJS's General would print 171915169.55 as
 * 171915169.6, and 1e14 with an exponent).
 */
export function numberText(value: number, format: string | number | undefined, formatted?: string): string {
  if (!Number.isFinite(value)) return formatted ?? '';
  const fmt = typeof format === 'number' ? (XLSX.SSF.get_table()[format] as string | undefined) : format;
  if (fmt === undefined || /^general$/i.test(fmt.trim()) || fmt.trim() === '@') return generalText(value);
  const clean = cleanFormat(fmt);
  let text: string;
  try {
    text = String(XLSX.SSF.format(clean, value));
  } catch {
    return formatted?.trim() || generalText(value);
  }
  // A format that overflows into an exponent or #### would hide the value: fall back to the exact one.
  if ((/E[+-]\d/.test(text) && !/E[+-]/i.test(clean)) || /^#+$/.test(text.trim())) return generalText(value);
  return text.trim();
}

/** Locale and currency tags: "[$-804]" carries no text; "[$¥-804]" prints its symbol. */
function cleanFormat(format: string): string {
  return format
    .replace(/\[\$-[0-9A-Fa-f]+\]/g, '')
    .replace(/\[\$([^\]-]*)-[0-9A-Fa-f]+\]/g, (_, symbol: string) => (symbol ? `"${symbol}"` : ''))
    .replace(/\[DBNum\d\]/gi, '');
}

function generalText(value: number): string {
  return new Decimal(value.toPrecision(15)).toFixed();
}

export function tooManySheets(
  file: string,
  count: number,
  max = DEFAULT_SPREADSHEET_LIMITS.maxSheets,
): ReadError {
  return new ReadError(
    file,
    `工作表数量（${count}）超过 ${max} 个上限，疑似异常文件，已拒绝`,
    'too_many_sheets',
  );
}

/** SheetJS reports damaged records on the console; they become one note instead of noise on stderr. */
function quietly<T>(sink: string[], read: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const collect = (...args: unknown[]) => {
    sink.push(args.map(String).join(' '));
  };
  console.error = console.warn = console.log = collect;
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

function corrupt(file: string, format: 'xlsx' | 'xls', detail?: string): ReadError {
  const what = format === 'xlsx' ? 'XLSX 结构无效' : 'XLS 结构无效';
  return new ReadError(file, `文件已损坏（${detail ? `${what}：${detail}` : what}），无法读取`, 'corrupt');
}

/** SheetJS's English exceptions → one Chinese reason. */
function libraryError(file: string, format: 'xlsx' | 'xls', e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) {
    return new ReadError(file, '文件已加密（有密码保护），无法读取', 'encrypted');
  }
  if (e instanceof RangeError && /allocation|array length|string length/i.test(message)) {
    return new ReadError(file, '文件内容超出可处理的规模，疑似异常文件，已拒绝', 'too_large');
  }
  return corrupt(file, format);
}
