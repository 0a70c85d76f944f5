// One page's ruled tables: the drawn grids found from its rules, each read cell by cell when trusted. The runs a
// trusted grid took are removed from the page; everything else (titles, captions, notes, tables drawn without
// rules) goes on to the text-projection reader.
import type { LayoutLine } from '../../layout/types.js';
import { placeRuns, type PlacedGrid } from './cells.js';
import type { PdfPage, TextRun } from './extract.js';
import { findGrids, type Grid } from './grid.js';

/** What a page hands to the next: its last grid, which a headerless grid at the top of the next page continues. */
export interface GridCarry {
  id?: string;
  xs?: number[];
}

/** Column boundaries agreeing within this (points) are the same columns. */
const SAME_COLUMNS = 2;

export interface RuledPage {
  /** Rows of the trusted grids, top to bottom. */
  rows: LayoutLine[];
  /** The runs left for the text reader. */
  rest: TextRun[];
  /** Every grid found and how it was judged (for the debug picture). */
  grids: { grid: Grid; placed: PlacedGrid }[];
}

export function readRuledPage(page: PdfPage, carry: GridCarry = {}): RuledPage {
  const incoming = { ...carry };
  carry.id = undefined;
  carry.xs = undefined;
  if (!page.edges?.length) return { rows: [], rest: page.runs, grids: [] };
  const grids = findGrids(page.edges).map((grid, k) => ({
    grid,
    placed: placeRuns(
      grid,
      page.runs,
      page.page,
      `p${page.page}g${k + 1}`,
      k === 0 && sameColumns(incoming.xs, grid.xs),
    ),
  }));
  const trusted = grids.filter((g) => !g.placed.distrust && g.placed.rows.some((r) => r.grid === 'ruled'));
  const used = new Set<TextRun>();
  const rows: LayoutLine[] = [];
  for (const [k, { grid, placed }] of trusted.entries()) {
    for (const r of placed.used) used.add(r);
    // A table continued from the previous page without its header keeps that table's id.
    if (k === 0 && placed.startsWithBody && incoming.id && sameColumns(incoming.xs, grid.xs))
      for (const row of placed.rows) if (row.grid === 'ruled') row.gridId = incoming.id;
    rows.push(...placed.rows);
  }
  const last = trusted[trusted.length - 1];
  if (last) {
    carry.id = last.placed.rows.find((r) => r.grid === 'ruled')?.gridId;
    carry.xs = last.grid.xs;
  }
  return { rows, rest: used.size ? page.runs.filter((r) => !used.has(r)) : page.runs, grids };
}

function sameColumns(a: number[] | undefined, b: number[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= SAME_COLUMNS);
}

/** A grid's columns as the projection reader's column intervals, for a table continued without rules. */
export function gridColumns(xs: readonly number[]): { x0: number; x1: number }[] {
  return xs.slice(1).map((x, k) => ({ x0: xs[k], x1: x }));
}

/** The page's text lines and grid rows in reading order (by their top), numbered within the page. */
export function mergeRows(text: LayoutLine[], grid: LayoutLine[]): LayoutLine[] {
  if (grid.length === 0) return text;
  const out: LayoutLine[] = [];
  let i = 0;
  let j = 0;
  while (i < text.length || j < grid.length) {
    const takeGrid = i >= text.length || (j < grid.length && (grid[j].y ?? 0) < (text[i].y ?? 0));
    out.push(takeGrid ? grid[j++] : text[i++]);
  }
  out.forEach((l, n) => (l.line = n + 1));
  return out;
}
