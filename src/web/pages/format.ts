// Amounts as pages print them: 万元 with two decimals and separators, from exact 元 text.
import { Decimal, formatDecimal } from '../../model/money.js';

export function wan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  return formatDecimal(new Decimal(yuan).div(10000), 2);
}
