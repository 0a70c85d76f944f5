// Shared by the recogniser tests: the sample parsed once, and lookups of rows and cells by code or name.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { sharedRoot } from '../../src/paths.js';
import type { Disclosure, Row, Table } from '../../src/model/schema.js';

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
