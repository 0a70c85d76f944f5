// Exact money. Amounts are decimals (decimal.js), never binary floats. A printed amount remembers how many
// decimals it was printed with, because that precision is what bounds a rounding difference (DOMAIN.md §3).
import { Decimal } from 'decimal.js';

export { Decimal };

/** 元 or 万元; the two units in which disclosures print money. */
export type MoneyUnit = '元' | '万元';
export const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元'];

const UNIT_FACTOR: Record<MoneyUnit, Decimal> = { 元: new Decimal(1), 万元: new Decimal(10_000) };

/** A decimal printed as text: `value` is canonical (`-1234.5`), `scale` the number of printed decimals. */
export interface ParsedNumber {
  value: string;
  scale: number;
}

const FULL_WIDTH = /[０-９．，－]/g;
const EMPTY_MARKS = new Set(['', '-', '—', '－', '——', '/', '／', '…', '*', '——————']);

/** Converts full-width digits and punctuation to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses a printed amount: "2,979.49", "14,348,853.34", "（12.5）" or "-12.5" (negative), full-width digits.
 * Returns null for an empty cell or a dash, and undefined when the text is not a number at all.
 */
export function parseNumber(raw: string): ParsedNumber | null | undefined {
  const printed = printedDigits(raw);
  if (!printed) return printed;
  const { digits, negative } = printed;
  const dot = digits.indexOf('.');
  const scale = dot < 0 ? 0 : digits.length - dot - 1;
  const value = new Decimal(digits);
  return { value: (negative && !value.isZero() ? value.neg() : value).toFixed(scale), scale };
}

/**
 * The digits of a printed number without separators ("2979.49", ".5") and its sign; null for an empty cell or a
 * dash, undefined when the text is not a number. No decimal is built: telling numbers from words runs on every cell.
 */
function printedDigits(raw: string): { digits: string; negative: boolean } | null | undefined {
  let text = toHalfWidth(raw).replace(/[\s\u00a0\u3000]/g, '');
  if (EMPTY_MARKS.has(text)) return null;
  let negative = false;
  const paren = /^[(（](.*)[)）]$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1];
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(text)) return undefined;
  return { digits: text.replace(/,/g, ''), negative };
}

/** Plain ASCII amounts ("2,979.49", "600"): numbers as they are. */
const PLAIN_AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Without a digit, half- or full-width, no text is a number. */
const ANY_DIGIT = /[0-9０-９]/;

/** True when a cell's text is a printed number (not empty, not a dash). */
export function isNumeric(raw: string): boolean {
  if (PLAIN_AMOUNT.test(raw)) return true;
  return ANY_DIGIT.test(raw) && printedDigits(raw) != null;
}

/** An exact amount of money in a unit, with the precision it was printed at. */
export class Amount {
  constructor(
    readonly value: Decimal,
    readonly unit: MoneyUnit,
    /** Printed decimals; governs rounding tolerance. */
    readonly scale: number,
  ) {}

  static of(value: Decimal.Value, unit: MoneyUnit, scale?: number): Amount {
    const d = new Decimal(value);
    return new Amount(d, unit, scale ?? Math.max(0, d.decimalPlaces()));
  }

  static zero(unit: MoneyUnit, scale = 2): Amount {
    return new Amount(new Decimal(0), unit, scale);
  }

  /** Parses printed text in a unit; null for an empty cell, undefined when not a number. */
  static parse(text: string, unit: MoneyUnit): Amount | null | undefined {
    const parsed = parseNumber(text);
    if (!parsed) return parsed;
    return new Amount(new Decimal(parsed.value), unit, parsed.scale);
  }

  /** The same amount in another unit; the printed precision is carried over (0.01 万元 = 100 元). */
  to(unit: MoneyUnit): Amount {
    if (unit === this.unit) return this;
    const value = this.value.mul(UNIT_FACTOR[this.unit]).div(UNIT_FACTOR[unit]);
    const shift = unit === '万元' ? 4 : -4;
    return new Amount(value, unit, Math.max(0, this.scale + shift));
  }

  plus(other: Amount): Amount {
    const o = other.to(this.unit);
    return new Amount(this.value.plus(o.value), this.unit, Math.max(this.scale, o.scale));
  }

  minus(other: Amount): Amount {
    const o = other.to(this.unit);
    return new Amount(this.value.minus(o.value), this.unit, Math.max(this.scale, o.scale));
  }

  /** Half a unit of the last printed digit, in this amount's unit. */
  roundingTolerance(): Decimal {
    return new Decimal(10).pow(-this.scale).div(2);
  }

  /** Rounds to `scale` decimals half-up, as printed tables do. */
  round(scale: number): Amount {
    return new Amount(this.value.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP), this.unit, scale);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  equals(other: Amount): boolean {
    return this.value.eq(other.to(this.unit).value);
  }

  /** Canonical text: plain decimal at the printed scale, no separators ("1361.58"). */
  toString(): string {
    return this.value.toFixed(this.scale);
  }

  /** Text as disclosures print it: thousands separators ("1,361.58"). */
  format(scale = this.scale): string {
    return formatDecimal(this.value, scale);
  }
}

/** Formats a decimal with thousands separators at a fixed scale, rounding half-up. */
export function formatDecimal(value: Decimal.Value, scale: number): string {
  const fixed = new Decimal(value).toFixed(scale, Decimal.ROUND_HALF_UP);
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** Sum of amounts in the unit of the first (or the given unit). */
export function sum(amounts: readonly Amount[], unit?: MoneyUnit): Amount {
  const u = unit ?? amounts[0]?.unit ?? '万元';
  return amounts.reduce((acc, a) => acc.plus(a), Amount.zero(u, 0));
}

/**
 * How far a printed total may differ from the sum of its printed parts through rounding alone:
 * half a unit of the last printed digit for each number involved (DOMAIN.md §3), in `unit`.
 */
export function roundingTolerance(amounts: readonly Amount[], unit: MoneyUnit): Decimal {
  return amounts.reduce((acc, a) => acc.plus(a.to(unit).roundingTolerance()), new Decimal(0));
}

/** Compares an expected and a printed amount. 'exact', 'rounding' (within tolerance) or 'mismatch'. */
export type Agreement = 'exact' | 'rounding' | 'mismatch';

export function agreement(expected: Amount, actual: Amount, tolerance: Decimal): Agreement {
  const diff = expected.to(actual.unit).value.minus(actual.value).abs();
  if (diff.isZero()) return 'exact';
  return diff.lte(tolerance) ? 'rounding' : 'mismatch';
}

/** Compares a total with its parts, with the tolerance their printed precision allows. */
export function checkSum(
  total: Amount,
  parts: readonly Amount[],
): { agreement: Agreement; expected: Amount; difference: Decimal } {
  const expected = sum(parts, total.unit);
  const tol = roundingTolerance([total, ...parts], total.unit);
  const difference = total.value.minus(expected.value);
  return { agreement: agreement(expected, total, tol), expected, difference };
}

/** Decimal text as the model keeps amounts ("-1234.50"): sign, integer digits, decimals without trailing zeros. */
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Digits a double holds exactly whatever they are (10^15 < 2^53). */
const SAFE_DIGITS = 15;

/**
 * Whether a total agrees with the sum of its parts within rounding, for amounts of one unit given as decimal text:
 * the same answer as `checkSum(...).agreement !== 'mismatch'` with each amount at the precision of its significant
 * decimals (`Amount.of`), computed on integers. With s the most decimals of any amount, every value × 10^s is an
 * integer and so is twice the tolerance × 10^s (Σ 10^(s − sᵢ)); sums stay in safe integers and go to bigint past
 * 2^53. Text of any other shape is compared through checkSum.
 */
export function sumAgrees(total: string, parts: readonly string[]): boolean {
  const texts = [total, ...parts];
  const read: { negative: boolean; int: string; decimals: string }[] = [];
  let scale = 0;
  for (const t of texts) {
    const m = DECIMAL_TEXT.exec(t);
    if (!m) {
      const amounts = parts.map((p) => Amount.of(p, '元'));
      return checkSum(Amount.of(total, '元'), amounts).agreement !== 'mismatch';
    }
    const decimals = (m[3] ?? '').replace(/0+$/, '');
    read.push({ negative: m[1] === '-', int: m[2], decimals });
    scale = Math.max(scale, decimals.length);
  }
  const scaled = read.map((r) => r.int + r.decimals.padEnd(scale, '0'));
  if (scaled.every((digits) => digits.length <= SAFE_DIGITS)) {
    let difference = 0;
    let tolerance = 0;
    for (let i = 0; i < read.length; i++) {
      const n = Number(scaled[i]);
      difference += (i === 0) === read[i].negative ? -n : n;
      tolerance += 10 ** (scale - read[i].decimals.length);
      if (!Number.isSafeInteger(difference) || !Number.isSafeInteger(tolerance)) break;
      if (i === read.length - 1) return 2 * Math.abs(difference) <= tolerance;
    }
  }
  let difference = 0n;
  let tolerance = 0n;
  for (let i = 0; i < read.length; i++) {
    const n = BigInt(scaled[i]);
    difference += (i === 0) === read[i].negative ? -n : n;
    tolerance += 10n ** BigInt(scale - read[i].decimals.length);
  }
  return 2n * (difference < 0n ? -difference : difference) <= tolerance;
}

/** A share in percent of part/whole, exact. */
export function percentOf(part: Amount, whole: Amount): Decimal | null {
  const w = whole.to(part.unit).value;
  if (w.isZero()) return null;
  return part.value.div(w).mul(100);
}

/**
 * Whether a printed percentage (with `scale` decimals) can be the ratio of two printed amounts, given that each
 * amount may be off by its rounding tolerance. Returns the admissible interval too.
 */
export function percentAgrees(
  printed: Decimal,
  scale: number,
  part: Amount,
  whole: Amount,
): { agrees: boolean; exact: Decimal | null; low: Decimal; high: Decimal } {
  const p = part.value;
  const w = whole.to(part.unit).value;
  const tp = part.roundingTolerance();
  const tw = whole.to(part.unit).roundingTolerance();
  const half = new Decimal(10).pow(-scale).div(2);
  if (w.isZero()) return { agrees: printed.isZero(), exact: null, low: new Decimal(0), high: new Decimal(0) };
  const exact = p.div(w).mul(100);
  const lowBase = Decimal.max(p.minus(tp), 0);
  const highDen = Decimal.max(w.minus(tw), new Decimal('1e-12'));
  const low = lowBase.div(w.plus(tw)).mul(100).minus(half);
  const high = p.plus(tp).div(highDen).mul(100).plus(half);
  return { agrees: printed.gte(low) && printed.lte(high), exact, low, high };
}
