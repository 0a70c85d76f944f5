// One cell of a parsed disclosure looked up the way a reader names it: table kind, row code (or name when
// the row has no code), canonical column id, and the side for two-sided summary tables.
import type { Disclosure, TableKind } from '../../src/model/schema.js';

export type Side = 'income' | 'expenditure';

/** The rows of every table of `kind` that carry the code or name `row` (on `side`, when given). */
export function findRows(d: Disclosure, kind: TableKind, row: string, side?: Side) {
  return d.tables
    .filter((t) => t.kind === kind)
    .flatMap((t) => t.rows)
    .filter((r) => (r.code === row || (!r.code && r.name === row)) && (!side || r.side === side));
}

/** The value of one cell; throws when no such row exists, null for an empty cell or a missing column. */
export function cell(
  d: Disclosure,
  kind: TableKind,
  row: string,
  column: string,
  side?: Side,
): string | null {
  const rows = findRows(d, kind, row, side);
  if (rows.length === 0) throw new Error(`${kind}: no row ${row}${side ? ` (${side})` : ''}`);
  return rows[0].cells[column]?.value ?? null;
}
