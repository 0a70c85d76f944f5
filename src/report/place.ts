// Where a finding is, in words: a PDF or office source has pages and lines within a page; a plain text source has
// only lines (its page is its line number, INTERFACES.md).
import type { Finding } from '../audit/index.js';

type Place = Pick<Finding, 'page' | 'line'>;

const paged = (x: Place) =>
  x.page !== undefined && x.page !== null && x.line !== undefined && x.page !== x.line;

/** "第12页第3行", "第405行", "第12页", or "" when the finding has no position. */
export function placeText(x: Place): string {
  if (paged(x)) return `第${x.page}页第${x.line}行`;
  if (x.line) return `第${x.line}行`;
  if (x.page) return `第${x.page}页`;
  return '';
}

/** A sort key in document order. */
export function placeOrder(x: Place): number {
  if (paged(x)) return x.page! * 100_000 + x.line!;
  return x.line ?? x.page ?? Infinity;
}
