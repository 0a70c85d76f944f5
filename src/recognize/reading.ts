// How far a table's reading can be trusted (Table.reading): how its columns were found, how many of the amounts it
// prints landed in a column, and whether its own identities hold. The auditor turns findings on a table read with
// low confidence into one reading note for the table instead of many findings that come from misreading.
import type { LayoutLine, SourceFormat } from '../layout/types.js';
import type { Table, TableReading } from '../model/schema.js';
import { tableIdentities } from './identities.js';
import { amountOf, filled, isNumberText } from './text.js';

/** Share of printed amounts that must land in a column for a confident reading. */
const PLACED_SHARE = 0.95;
/**
 * A document defect in one cell breaks at most the identities through that cell (its row sum, its parent's and the
 * total's column sums): more failures than this, and more than this share of all checked, mean misreading.
 */
const DEFECT_FAILURES = 3;
const FAILED_SHARE = 0.25;

/**
 * Classification codes and their parts ("201", "06", "11"; whole numbers before a line's label), column numbers and
 * years are printed numbers but no amounts.
 */
function isAmountCell(text: string, beforeLabel: boolean): boolean {
  if (!isNumberText(text)) return false;
  const t = text.trim();
  if (!/^\d+$/.test(t)) return true;
  if (beforeLabel || /^0\d/.test(t)) return false;
  return !/^(?:19|20)\d{2}$/.test(t);
}

/** "栏次 1 2 3 …": the numbering row under a header. */
function isNumbering(line: LayoutLine): boolean {
  const f = filled(line).filter((c) => !/^(栏次|行次|栏|次)$/.test(c.compact));
  return f.length >= 2 && f.every((c, i) => c.compact === String(i + 1));
}

/**
 * Amounts printed in the table's lines, as exact decimal strings (a multiset). In a table whose amounts carry
 * decimals (`decimal`), whole numbers are codes.
 */
function printedAmounts(lines: readonly LayoutLine[], decimal: boolean, codes: Set<string>): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (isNumbering(line)) continue;
    let beforeLabel = true;
    for (const c of filled(line)) {
      if (!isNumberText(c.compact)) beforeLabel = false;
      if (!isAmountCell(c.compact, beforeLabel || decimal || codes.has(c.compact))) continue;
      const v = amountOf(c.compact);
      if (v) out.push(normal(v));
    }
  }
  return out;
}

/** One spelling per value ("12.50" and "12.5" are the same amount). */
function normal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') || '0' : value;
}

function methodOf(
  format: SourceFormat,
  lines: readonly LayoutLine[],
  guessed: boolean,
): TableReading['method'] {
  if (guessed) return 'guessed';
  if (format === 'txt') return 'text';
  if (format !== 'pdf') return 'sheet';
  const rows = lines.filter((l) => l.grid);
  const ruled = rows.filter((l) => l.grid === 'ruled').length;
  return rows.length > 0 && ruled * 2 > rows.length ? 'grid' : 'projection';
}

export interface ReadingInput {
  table: Table;
  /** The layout lines after the title that the table was read from (continuation pages included). */
  lines: readonly LayoutLine[];
  format: SourceFormat;
  /** No header was recognised: the columns are the reader's guess. */
  guessed: boolean;
}

/** The reading of one table, with its confidence and the reasons when it is low. */
export function readingOf({ table, lines, format, guessed }: ReadingInput): TableReading {
  const values = table.rows.flatMap((r) =>
    Object.values(r.cells)
      .map((c) => c.value)
      .filter((v): v is string => v !== null),
  );
  // amounts are matched by value, not position: rows folded from several lines keep one line's position
  const pending = new Map<string, number>();
  for (const v of values) pending.set(normal(v), (pending.get(normal(v)) ?? 0) + 1);
  let unplaced = 0;
  const decimal =
    values.some((v) => v.includes('.')) && values.every((v) => v.includes('.') || /^0+$/.test(v));
  // the codes the rows carry, whole and as printed in 类/款/项 columns ("301", "02")
  const codes = new Set(
    table.rows.flatMap((r) =>
      r.code ? [r.code, r.code.slice(0, 3), r.code.slice(3, 5), r.code.slice(5, 7)] : [],
    ),
  );
  for (const p of printedAmounts(lines, decimal, codes)) {
    const left = pending.get(p) ?? 0;
    if (left > 0) pending.set(p, left - 1);
    else unplaced++;
  }
  const placed = values.length;
  const printed = placed + unplaced;
  const checks = tableIdentities(table);
  const held = checks.filter((c) => c.held).length;
  const failed = checks.length - held;
  const reasons: string[] = [];
  if (printed > 0 && table.columns.length === 0) reasons.push('未能识别表头，表中金额未归入任何列');
  else if (printed > 0 && placed < printed * PLACED_SHARE)
    reasons.push(`表中印有${printed}个金额，只有${placed}个归入了列`);
  if (guessed && printed > 0) reasons.push('没有可识别的表头，列是推测的');
  if (failed > DEFECT_FAILURES && failed > checks.length * FAILED_SHARE)
    reasons.push(`表内${checks.length}项勾稽关系（合计 = 各项之和等）有${failed}项不成立，可能读错了列或行`);
  return {
    method: methodOf(format, lines, guessed),
    confidence: reasons.length > 0 ? 'low' : 'high',
    placed,
    printed,
    identities: { checked: checks.length, held },
    reasons,
  };
}
