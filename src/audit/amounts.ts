// Comparing printed amounts: exact, a rounding difference (info), or a real mismatch (DOMAIN.md §3).
import { Amount, Decimal, type MoneyUnit } from '../model/money.js';
import type { Cell, Row, Table } from '../model/schema.js';

/** The amount of a cell in the table's unit at its printed precision; null for an empty cell or a dash. */
export function cellAmount(cell: Cell | undefined, unit: MoneyUnit): Amount | null {
  if (!cell || cell.value == null) return null;
  // Cells are immutable during an audit and every rule reads the same ones: read each once.
  const cached = CELL_CACHE.get(cell);
  if (cached && cached.unit === unit) return cached;
  const printed = /\d/.test(cell.printed) ? cell.printed.replace(/[^\d.]/g, '') : cell.value;
  const amount = new Amount(new Decimal(cell.value), unit, decimalsOf(printed));
  CELL_CACHE.set(cell, amount);
  return amount;
}

const CELL_CACHE = new WeakMap<Cell, Amount>();
const HALF_ULP = new Map<number, Decimal>();

/** Half a unit of the last printed digit at a scale (cached: computing powers of ten dominates otherwise). */
export function halfUlp(scale: number): Decimal {
  let h = HALF_ULP.get(scale);
  if (!h) {
    h = new Decimal(10).pow(-scale).div(2);
    HALF_ULP.set(scale, h);
  }
  return h;
}

/** Σ half-ulps of the amounts, in `unit`. */
export function toleranceOf(amounts: readonly Amount[], unit: MoneyUnit): Decimal {
  let t = new Decimal(0);
  for (const a of amounts) t = t.plus(halfUlp(a.unit === unit ? a.scale : a.to(unit).scale));
  return t;
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
  // Exact integer arithmetic at a common scale (BigInt): decimal.js costs microseconds per operation and an
  // audit makes thousands of comparisons; the result is the same exact decimal arithmetic.
  const items = (actual ? [actual, ...present] : present).map((a) => scaled(a, unit));
  const common = Math.max(0, ...items.map((i) => Math.max(i.scale, -i.ulp)));
  const at = (i: Scaled) => (i.scale === common ? i.int : i.int * pow10(common - i.scale));
  let expected = 0n;
  for (let k = actual ? 1 : 0; k < items.length; k++) expected += at(items[k]);
  const actualInt = actual ? at(items[0]) : 0n;
  const diff = actualInt - expected;
  // Tolerance in units of 10^-(common+1): half a unit of each printed last digit.
  let tol = 0n;
  for (const i of items) tol += 5n * pow10(common + i.ulp);
  const absDiff10 = (diff < 0n ? -diff : diff) * 10n;
  const status: Status = diff === 0n ? 'exact' : absDiff10 < tol ? 'rounding' : 'mismatch';
  const shown = actual ? Math.max(0, items[0].scale) : Math.max(0, ...items.map((i) => i.scale));
  const text = (v: bigint) => new Decimal(`${v}e-${common}`).toFixed(shown);
  // Texts are built only when a finding is reported (most comparisons are exact).
  return {
    status,
    unit,
    get expected() {
      return text(expected);
    },
    get actual() {
      return text(actualInt);
    },
    get difference() {
      return new Decimal(`${diff}e-${common}`);
    },
    get tolerance() {
      return new Decimal(`${tol}e-${common + 1}`);
    },
  };
}

interface Scaled {
  /** The value is int × 10^-scale. */
  int: bigint;
  scale: number;
  /** The last printed digit is worth 10^ulp (−2 for 1361.58 万元; 2 for the same amount in 元). */
  ulp: number;
}

const SCALED = new WeakMap<Amount, Scaled>();

function scaled(a: Amount, unit: MoneyUnit): Scaled {
  let base = SCALED.get(a);
  if (!base) {
    const text = a.value.toFixed(a.scale);
    base = { int: BigInt(text.replace('.', '')), scale: a.scale, ulp: -a.scale };
    SCALED.set(a, base);
  }
  if (a.unit === unit) return base;
  // 1 万元 = 10^4 元: the same digits, the decimal point moves by four.
  const shift = unit === '元' ? 4 : -4;
  const scale = base.scale - shift;
  return scale >= 0
    ? { int: base.int, scale, ulp: base.ulp + shift }
    : { int: base.int * pow10(-scale), scale: 0, ulp: base.ulp + shift };
}

const POW10: bigint[] = Array.from({ length: 24 }, (_, i) => 10n ** BigInt(i));

function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
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
