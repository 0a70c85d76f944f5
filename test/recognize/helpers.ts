// Shared by the recogniser tests: the sample parsed once, lookups of rows and cells by code or name, and small
// synthetic layouts in the shapes the readers produce.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { sharedRoot } from '../../src/paths.js';
import type { Disclosure, Row, Table } from '../../src/model/schema.js';
import type { LayoutCell, LayoutDocument, LayoutLine } from '../../src/layout/types.js';

export const samplePath = join(sharedRoot, 'samples', 'xinzhou-govoffice-2023-unit-budget.txt');

export async function parseSample(): Promise<Disclosure> {
  const bytes = new Uint8Array(await readFile(samplePath));
  return recognize(await readLayoutBytes(samplePath, bytes));
}

export function table(doc: Disclosure, kind: string): Table {
  const t = doc.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`no table ${kind}`);
  return t;
}

/** The row with this code, or this name (and side). */
export function row(t: Table, key: string, side?: 'income' | 'expenditure'): Row {
  const r = t.rows.find((x) => (x.code === key || (!x.code && x.name === key)) && (!side || x.side === side));
  if (!r) throw new Error(`no row ${key} in ${t.kind}`);
  return r;
}

/** Values of a row's cells in the given column order (null for empty cells). */
export function values(
  t: Table,
  key: string,
  columns: string[],
  side?: 'income' | 'expenditure',
): (string | null)[] {
  const r = row(t, key, side);
  return columns.map((c) => r.cells[c]?.value ?? null);
}

/** A spreadsheet-like layout: one line per sheet row, cells at their column (the office readers' shape). */
export function sheetLayout(rows: string[][], file = 'grid.xlsx'): LayoutDocument {
  const lines: LayoutLine[] = rows.map((cells, i) => ({
    cells: cells.map((text) => ({ text })),
    page: 1,
    line: i + 1,
    sheet: 'Sheet1',
    row: i + 1,
    inTable: cells.length > 1,
  }));
  return { file, format: 'xlsx', pages: 1, lines, notes: [] };
}

/** A PDF-like page: lines with positioned cells (empty cells keep their column's extent, as the PDF reader does). */
export function pdfLayout(lines: { y: number; cells: LayoutCell[] }[]): LayoutDocument {
  const out: LayoutLine[] = lines.map((l, i) => ({
    cells: l.cells,
    page: 5,
    line: i + 1,
    y: l.y,
    inTable: l.cells.length > 1,
  }));
  return { file: 'x.pdf', format: 'pdf', pages: 5, lines: out, notes: [] };
}

/** A positioned PDF cell, with the pieces the reader merged into it when given. */
export const pdfCell = (text: string, x0: number, x1: number, parts?: LayoutCell['parts']): LayoutCell =>
  parts ? { text, x0, x1, parts } : { text, x0, x1 };
