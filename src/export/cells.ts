// `--format cells`: one CSV row per numeric table cell, in document order (INTERFACES.md).
import type { Disclosure } from '../model/schema.js';
import { csvLine } from './csv.js';

export const CELL_COLUMNS = [
  'table',
  'row_code',
  'row_name',
  'column',
  'value',
  'unit',
  'table_title',
  'row_label',
  'column_label',
  'page',
] as const;

export interface CellRecord {
  table: string;
  row_code: string;
  row_name: string;
  column: string;
  value: string;
  unit: string;
  table_title: string;
  row_label: string;
  column_label: string;
  page: number | '';
}

/** Every numeric cell of every table. */
export function cellRecords(doc: Disclosure): CellRecord[] {
  const out: CellRecord[] = [];
  for (const table of doc.tables) {
    const labels = new Map<string, string>();
    for (const c of table.columns) {
      const key = c.side ? `${c.side}:${c.id}` : c.id;
      labels.set(key, c.label);
      if (!labels.has(c.id)) labels.set(c.id, c.label);
    }
    for (const row of table.rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        if (cell.value == null) continue;
        out.push({
          table: table.kind,
          row_code: row.code ?? '',
          row_name: row.name,
          column,
          value: cell.value,
          unit: table.unit,
          table_title: table.title,
          row_label: row.label,
          column_label: (row.side && labels.get(`${row.side}:${column}`)) ?? labels.get(column) ?? column,
          page: cell.source?.page ?? row.source?.page ?? '',
        });
      }
    }
  }
  return out;
}

/** The CSV text; with `file` appended as an extra last column when several files are exported together. */
export function cellsCsv(docs: readonly { file: string; disclosure: Disclosure }[]): string {
  const withFile = docs.length > 1;
  let text = csvLine(withFile ? [...CELL_COLUMNS, 'file'] : CELL_COLUMNS);
  for (const { file, disclosure } of docs) {
    for (const r of cellRecords(disclosure)) {
      const fields = CELL_COLUMNS.map((k) => r[k]);
      text += csvLine(withFile ? [...fields, file] : fields);
    }
  }
  return text;
}
