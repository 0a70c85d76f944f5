// Reading the model's tables the way the rules need them: roles, sides, class rows, names, positions.
import { RETIRED_NAMES } from '../catalog/index.js';
import type { Disclosure, Row, Table, Column, SourceRef } from '../model/schema.js';
import type { FindingInput } from './types.js';

export type Role = Row['role'];
export type Side = 'income' | 'expenditure';

const ROLE_BY_NAME: [RegExp, Role][] = [
  [/^(本年|当年)(收入|支出)(合计|小计)$/, 'year_total'],
  [/^(收入|支出)(总计|合计)$/, 'grand_total'],
  [/^(上年(财政拨款)?结转(结余)?(安排)?|上年结转资金|用事业基金弥补收支差额)$/, 'carryover'],
  [/^年终结转(结余)?$/, 'year_end_carryover'],
  [/^(合计|总计|部门合计|单位合计)$/, 'total'],
  [/^小计$/, 'subtotal'],
];

/** Enumeration prefixes: 一、 （一） (一) 1. 1、 ① 第一. */
const ENUM_PREFIX = /^(?:[（(]?[一二三四五六七八九十]+[）)、.．]|[（(]\d+[）)]|\d+[、.．](?!\d)|[①-⑳])\s*/;

/** A name as compared: no enumeration prefix, no whitespace, half-width brackets, no quotes. */
export function normName(name: string): string {
  let n = NORM.get(name);
  if (n === undefined) {
    n = normalise(name);
    if (NORM.size > 50_000) NORM.clear();
    NORM.set(name, n);
  }
  return n;
}

/** Names repeat across rules and rows; normalising is regex work worth doing once per distinct name. */
const NORM = new Map<string, string>();

function normalise(name: string): string {
  return name
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(ENUM_PREFIX, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”"‘’'「」]/g, '');
}

/** Looser form for names printed with or without punctuation ("护林防火、生态…" / "护林防火生态…"). */
export function looseName(name: string): string {
  return normName(name).replace(/[、，,。.·:：;；\-—()（）《》<>]/g, '');
}

/** A class name as the catalogue of the year has it: 其它 → 其他, a retired name → its successor. */
export function itemName(name: string): string {
  const n = normName(name).replace(/其它/g, '其他');
  return looseName(RETIRED_NAMES.find((r) => r.name === n)?.successor ?? n);
}

export function roleOf(row: Row): Role {
  if (row.role && row.role !== 'item') return row.role;
  const name = normName(row.name || row.label);
  for (const [re, role] of ROLE_BY_NAME) if (re.test(name)) return role;
  return 'item';
}

/** Columns of a side of a two-sided table (all columns when the table has no sides). */
export function sideColumns(table: Table, side: Side): Column[] {
  return table.columns.filter((c) => c.side === undefined || c.side === side);
}

/** Rows of one side of a two-sided table; tables without sides give every row. */
export function sideRows(table: Table, side: Side): Row[] {
  const sided = table.rows.some((r) => r.side);
  if (!sided) return table.rows;
  return table.rows.filter((r) => r.side === side);
}

export function hasColumn(table: Table, id: string): boolean {
  return table.columns.some((c) => c.id === id);
}

/** Function-classification rows (digits only), by code. */
export function codedRows(table: Table): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const row of table.rows) if (row.code && !map.has(row.code)) map.set(row.code, row);
  return map;
}

/**
 * A code that fits the table's hierarchy: a 类 (3 digits), or a 款/项 whose parent code is printed in the same
 * table. "3012" (a 款 printed "2" for "02") or "71102" (a 类 printed "7") is a misprint or a misreading.
 */
export function fitsHierarchy(code: string, coded: ReadonlyMap<string, Row>): boolean {
  if (code.length === 3) return true;
  if (code.length !== 5 && code.length !== 7) return false;
  // Lists that print only 项 codes (project tables) have no class rows to fit.
  return coded.has(code.slice(0, 3)) || ![...coded.keys()].some((c) => c.length === 3);
}

export function findRow(rows: readonly Row[], role: Role): Row | undefined {
  return rows.find((r) => roleOf(r) === role);
}

/** The 合计 row of a table (role total, or the first row named 合计). */
export function totalRow(table: Table): Row | undefined {
  return table.rows.find((r) => roleOf(r) === 'total');
}

/** A row found by a name pattern (on the normalised name). */
export function rowNamed(rows: readonly Row[], pattern: RegExp): Row | undefined {
  return rows.find((r) => pattern.test(normName(r.name || r.label)));
}

/** The position of a cell (or row, or table) for a finding. */
export function at(table: Table, row?: Row, column?: string): Partial<FindingInput> & { table: string } {
  const cell = row && column ? row.cells[column] : undefined;
  const src: SourceRef | undefined = cell?.source ?? row?.source ?? table.source;
  const out: Partial<FindingInput> & { table: string } = { table: table.kind };
  if (row?.code) out.row_code = row.code;
  if (row) out.row_name = row.name || row.label;
  if (column) out.column = column;
  if (src) {
    out.page = src.page;
    if (src.line) out.line = src.line;
  }
  if (cell) out.excerpt = cell.printed;
  return out;
}

/** A readable name for a table in messages: the printed title without the year. */
export function tableLabel(table: Table): string {
  return table.title.replace(/^\s*\d{4}\s*年(度)?/, '').trim() || table.kind;
}

export function columnLabel(table: Table, id: string): string {
  return table.columns.find((c) => c.id === id)?.label || id;
}

/** True when the importer could not read the whole document (truncated, or its contents list more than was read). */
export function isPartial(doc: Disclosure): boolean {
  return doc.importNotes.some(
    (n) => n.level === 'error' || /incomplete|truncat|contents_mismatch/.test(n.code),
  );
}
