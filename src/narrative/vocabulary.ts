// How the explanation (情况说明) phrases amounts, shares and changes. One vocabulary serves both the checker
// (reading claims out of sentences) and the generator (writing the same sentences from data).
import { Amount, Decimal, formatDecimal, type MoneyUnit } from '../model/money.js';

/** Words that state a direction of change. */
export const INCREASE_WORDS = ['增加', '增长', '上升', '提高', '增多'] as const;
export const DECREASE_WORDS = ['减少', '下降', '降低', '减小', '缩减'] as const;
export const FLAT_WORDS = ['持平', '无变化', '没有变化', '不变'] as const;

export type Direction = 'increase' | 'decrease' | 'flat';

/** Reads a direction word; null when the text has none. */
export function directionOf(word: string): Direction | null {
  if ((INCREASE_WORDS as readonly string[]).some((w) => word.includes(w))) return 'increase';
  if ((DECREASE_WORDS as readonly string[]).some((w) => word.includes(w))) return 'decrease';
  if ((FLAT_WORDS as readonly string[]).some((w) => word.includes(w))) return 'flat';
  return null;
}

/** An amount as the explanation prints it: "2,979.49万元". */
export function phraseAmount(amount: Amount, unit: MoneyUnit = '万元', scale = 2): string {
  return `${formatDecimal(amount.to(unit).value, scale)}${unit}`;
}

/** A percentage as printed: "67.53%". */
export function phrasePercent(value: Decimal, scale = 2): string {
  return `${value.toFixed(scale, Decimal.ROUND_HALF_UP)}%`;
}

/** A share of a whole: "占67.53%" (0.00% when the whole is zero). */
export function phraseShare(part: Amount, whole: Amount, scale = 2): string {
  const w = whole.to(part.unit).value;
  const pct = w.isZero() ? new Decimal(0) : part.value.div(w).mul(100);
  return `占${phrasePercent(pct, scale)}`;
}

/**
 * A year-on-year change as preparers phrase it: "比上年减少726.75万元，下降19.61%", "比上年增加…，增长…%",
 * "与上年持平". `prior` is the previous year's amount.
 */
export function phraseChange(
  current: Amount,
  prior: Amount,
  options: { unit?: MoneyUnit; scale?: number; comparedTo?: string } = {},
): string {
  const unit = options.unit ?? '万元';
  const scale = options.scale ?? 2;
  const base = options.comparedTo ?? '上年';
  const diff = current.to(unit).value.minus(prior.to(unit).value);
  const rounded = diff.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  if (rounded.isZero()) return `与${base}持平`;
  const word = diff.isPositive() ? '增加' : '减少';
  const rateWord = diff.isPositive() ? '增长' : '下降';
  const priorValue = prior.to(unit).value;
  const amountText = `${formatDecimal(diff.abs(), scale)}${unit}`;
  if (priorValue.isZero()) return `比${base}${word}${amountText}`;
  const rate = diff.abs().div(priorValue.abs()).mul(100);
  return `比${base}${word}${amountText}，${rateWord}${phrasePercent(rate)}`;
}

/** Pattern of a printed amount with its unit in prose: "2,979.49万元", "10 万元", "17,192万元". */
export const AMOUNT_PATTERN = /(-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(亿元|万元|元)/g;

/** Pattern of a printed percentage: "67.53%", "19.61 %". */
export const PERCENT_PATTERN = /(\d+(?:\.\d+)?)\s*[%％]/g;

/** Reads a prose amount ("2,979.49万元") into an Amount in 元 or 万元 (亿元 becomes 万元). */
export function readAmount(number: string, unit: string): Amount {
  const text = number.replace(/[,，]/g, '');
  const dot = text.indexOf('.');
  const scale = dot < 0 ? 0 : text.length - dot - 1;
  if (unit === '亿元') return new Amount(new Decimal(text).mul(10_000), '万元', Math.max(0, scale - 4));
  return new Amount(new Decimal(text), unit as MoneyUnit, scale);
}
