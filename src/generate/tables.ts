// Small builders for derived tables: exact sums in 万元, cells printed at two decimals the way the family prints
// them (zero as an empty cell), rows with the roles and column ids the recogniser gives the same printed table.
import { Decimal, formatDecimal } from '../model/money.js';
import type { Cell, Column, Row, RowRole, Table, TableKind } from '../model/schema.js';

export const ZERO = new Decimal(0);

export function dec(value: string | undefined | null): Decimal {
  return value ? new Decimal(value) : ZERO;
}

export function total(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** A cell at the printed scale; zero is printed as an empty cell, as the Shanxi tables do. */
export function cell(value: Decimal, scale = 2): Cell {
  const rounded = value.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  if (rounded.isZero()) return { value: null, printed: '' };
  return { value: rounded.toFixed(scale), printed: formatDecimal(rounded, scale) };
}

export function cells(values: Record<string, Decimal>, scale = 2): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(values)) out[k] = cell(v, scale);
  return out;
}

export interface RowSpec {
  name: string;
  label?: string;
  code?: string;
  governmentName?: string;
  level?: number;
  parent?: string;
  role?: RowRole;
  side?: 'income' | 'expenditure';
  values: Record<string, Decimal>;
}

export function row(spec: RowSpec): Row {
  const r: Row = {
    name: spec.name.replace(/\s+/g, ''),
    label: spec.label ?? spec.name,
    role: spec.role ?? 'item',
    cells: cells(spec.values),
  };
  if (spec.code !== undefined) r.code = spec.code;
  if (spec.governmentName !== undefined) r.governmentName = spec.governmentName;
  if (spec.level !== undefined) r.level = spec.level;
  if (spec.parent !== undefined) r.parent = spec.parent;
  if (spec.side !== undefined) r.side = spec.side;
  return r;
}

export function column(id: string, label: string, side?: 'income' | 'expenditure'): Column {
  return side ? { id, label, side } : { id, label };
}

export const EMPTY_NOTE = '注：本表无数据';

/** A table; marked empty (with the family's note) when no cell holds a value. */
export function table(
  kind: TableKind,
  title: string,
  columns: Column[],
  rows: Row[],
  extra: { number?: string; unitName?: string } = {},
): Table {
  const empty = rows.every((r) => Object.values(r.cells).every((c) => c.value === null));
  return {
    kind,
    title,
    ...(extra.number ? { number: extra.number } : {}),
    unit: '万元',
    ...(extra.unitName ? { unitName: extra.unitName } : {}),
    columns,
    rows,
    notes: empty ? [EMPTY_NOTE] : [],
    empty,
  };
}

/** Chinese numerals for enumerations (一、… 三十、). */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  if (n < 20) return '十' + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)] + '十' + (n % 10 ? digits[n % 10] : '');
  return String(n);
}
