// Comparing printed amounts: exact, a rounding difference (info), or a real mismatch (DOMAIN.md §3).
import { Amount, Decimal, parseNumber, roundingTolerance, type MoneyUnit } from '../model/money.js';
import type { Cell, Row, Table } from '../model/schema.js';

/** The amount of a cell in the table's unit at its printed precision; null for an empty cell or a dash. */
export function cellAmount(cell: Cell | undefined, unit: MoneyUnit): Amount | null {
  if (!cell || cell.value == null) return null;
  const parsed = parseNumber(cell.printed);
  const scale = parsed ? parsed.scale : decimalsOf(cell.value);
  return new Amount(new Decimal(cell.value), unit, scale);
}

export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function rowAmount(table: Table, row: Row | undefined, column: string): Amount | null {
  if (!row) return null;
  return cellAmount(row.cells[column], table.unit);
}

export type Status = 'exact' | 'rounding' | 'mismatch';

export interface Comparison {
  status: Status;
  /** What the parts (or the other side) imply, at the precision of the compared value. */
  expected: string;
  /** The printed value compared. */
  actual: string;
  difference: Decimal;
  tolerance: Decimal;
  unit: MoneyUnit;
}

/**
 * Compares a printed value with the sum of printed parts. Empty cells are exact zeros (they carry no rounding).
 * Rounding can explain a difference strictly below half a unit of the last printed digit of every number
 * involved: a total equal to one part must then match it exactly, as both round the same underlying value.
 * Returns null when every number involved is empty.
 */
export function compareAmounts(
  actual: Amount | null,
  parts: readonly (Amount | null)[],
  unit: MoneyUnit,
): Comparison | null {
  const present = parts.filter((p): p is Amount => p != null);
  if (!actual && present.length === 0) return null;
  const involved = actual ? [actual, ...present] : present;
  const tolerance = roundingTolerance(involved, unit);
  const expectedValue = present.reduce((acc, p) => acc.plus(p.to(unit).value), new Decimal(0));
  const actualValue = actual ? actual.to(unit).value : new Decimal(0);
  const difference = actualValue.minus(expectedValue);
  const status: Status = difference.isZero()
    ? 'exact'
    : difference.abs().lt(tolerance)
      ? 'rounding'
      : 'mismatch';
  const scale = actual ? actual.to(unit).scale : Math.max(0, ...present.map((p) => p.to(unit).scale));
  return {
    status,
    expected: expectedValue.toFixed(scale),
    actual: actualValue.toFixed(scale),
    difference,
    tolerance,
    unit,
  };
}

/** Shorthand: a printed value against one other printed value of the same fact. */
export function compareSame(
  actual: Amount | null,
  expected: Amount | null,
  unit: MoneyUnit,
): Comparison | null {
  return compareAmounts(actual, [expected], unit);
}

/** Amount text for messages: "296.75万元". */
export function withUnit(value: string, unit: MoneyUnit): string {
  return `${value}${unit}`;
}
