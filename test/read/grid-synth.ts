// Synthetic ruled tables for the grid reader's tests: a table model (column widths, row heights, merged cells,
// cell texts wrapped over printed lines) drawn as the reader's input (rules and positioned text runs), with the
// rows the reader must give back.
import fc from 'fast-check';
import type { TextRun } from '../../src/read/pdf/extract.js';
import type { Edge } from '../../src/read/pdf/rules.js';

export const SIZE = 9;
const LEADING = 12;
const PAD = 3;

export interface SynthCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The printed lines (a label wrapped in its cell), empty for an empty cell. */
  lines: string[];
  align: 'left' | 'right';
}

export interface SynthTable {
  widths: number[];
  heights: number[];
  cells: SynthCell[];
}

const LABEL_CHARS =
  '机关事业单位基本养老保险缴费支出一般公共服务住房改革医疗卫生社会保障和就业其他人大事务行政运行';

/** Lines a cell of this height holds (first baseline 0.9 em below the padding, then one leading per line). */
function capacity(height: number): number {
  return Math.max(0, Math.floor((height - PAD - 0.9 * SIZE - 0.2 * SIZE) / LEADING) + 1);
}

const weight = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0);

/**
 * A random table: 2–6 columns, 2–7 rows, merged cells (never in the last row across columns, never in the last
 * column across rows, so that every boundary is drawn somewhere), labels wrapped over up to 3 lines, amounts and
 * 类/款/项 codes.
 */
export const synthTable: fc.Arbitrary<SynthTable> = fc
  .record({
    widths: fc.array(fc.integer({ min: 40, max: 110 }), { minLength: 2, maxLength: 6 }),
    heights: fc.array(fc.integer({ min: 18, max: 44 }), { minLength: 2, maxLength: 7 }),
    seeds: fc.array(fc.nat(1_000_000), { minLength: 42, maxLength: 42 }),
  })
  .map(({ widths, heights, seeds }) => {
    let s = 0;
    const next = (n: number) => seeds[s++ % seeds.length] % n;
    const rows = heights.length;
    const cols = widths.length;
    const taken = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
    const cells: SynthCell[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (taken[r][c]) continue;
        let colSpan = 1;
        let rowSpan = 1;
        if (r < rows - 1 && next(4) === 0) {
          const max = Math.min(3, cols - c);
          colSpan = 1 + next(max);
          while (colSpan > 1 && taken[r].slice(c, c + colSpan).some(Boolean)) colSpan--;
        }
        // A merged block never reaches the last row, nor the last column.
        if (c + colSpan < cols && r < rows - 2 && next(5) === 0)
          rowSpan = 1 + next(Math.min(3, rows - 1 - r));
        for (let rr = r; rr < r + rowSpan; rr++) for (let k = c; k < c + colSpan; k++) taken[rr][k] = true;
        const width = widths.slice(c, c + colSpan).reduce((a, b) => a + b, 0);
        const height = heights.slice(r, r + rowSpan).reduce((a, b) => a + b, 0);
        const perLine = Math.floor((width - 2 * PAD) / SIZE);
        const kind = next(4);
        let lines: string[] = [];
        let align: 'left' | 'right' = 'left';
        if (kind === 1 || kind === 0) {
          const n = 1 + next(Math.min(3, capacity(height)));
          for (let k = 0; k < n; k++) {
            const len = 1 + next(perLine);
            const start = next(LABEL_CHARS.length - len);
            lines.push(LABEL_CHARS.slice(start, start + len));
          }
        } else if (kind === 2) {
          lines = [
            `${1 + next(99)},${String(next(1000)).padStart(3, '0')}.${String(next(100)).padStart(2, '0')}`,
          ];
          align = 'right';
        } else lines = [next(2) ? '201' : String(1 + next(9)).padStart(2, '0')];
        if (capacity(height) === 0 || weight(lines[0]) * SIZE > width - 2 * PAD) lines = [];
        cells.push({ row: r, col: c, rowSpan, colSpan, lines, align });
      }
    return { widths, heights, cells };
  });

/** Where the table's rules and text lie on the page. */
export interface Placement {
  x: number;
  y: number;
  /** Leave out the outer vertical (horizontal) rules. */
  openSides?: boolean;
  openTopBottom?: boolean;
}

export function boundaries(t: SynthTable, p: Placement): { xs: number[]; ys: number[] } {
  const xs = [p.x];
  for (const w of t.widths) xs.push(xs[xs.length - 1] + w);
  const ys = [p.y];
  for (const h of t.heights) ys.push(ys[ys.length - 1] + h);
  return { xs, ys };
}

/** The table's rules, one per cell side as many producers draw them (shared sides twice). */
export function drawRules(t: SynthTable, p: Placement): Edge[] {
  const { xs, ys } = boundaries(t, p);
  const left = xs[0];
  const right = xs[xs.length - 1];
  const top = ys[0];
  const bottom = ys[ys.length - 1];
  const out: Edge[] = [];
  for (const c of t.cells) {
    const x0 = xs[c.col];
    const x1 = xs[c.col + c.colSpan];
    const y0 = ys[c.row];
    const y1 = ys[c.row + c.rowSpan];
    const sides: Edge[] = [
      { orient: 'h', at: y0, from: x0, to: x1 },
      { orient: 'h', at: y1, from: x0, to: x1 },
      { orient: 'v', at: x0, from: y0, to: y1 },
      { orient: 'v', at: x1, from: y0, to: y1 },
    ];
    for (const e of sides) {
      if (p.openSides && e.orient === 'v' && (e.at === left || e.at === right)) continue;
      if (p.openTopBottom && e.orient === 'h' && (e.at === top || e.at === bottom)) continue;
      out.push(e);
    }
  }
  return out;
}

/** The table's text: one run per printed line, labels left-aligned, amounts right-aligned. */
export function drawText(t: SynthTable, p: Placement): TextRun[] {
  const { xs, ys } = boundaries(t, p);
  const runs: TextRun[] = [];
  for (const c of t.cells)
    c.lines.forEach((text, k) => {
      const w = weight(text) * SIZE;
      const x0 = c.align === 'left' ? xs[c.col] + PAD : xs[c.col + c.colSpan] - PAD - w;
      runs.push({ text, x0, x1: x0 + w, baseline: ys[c.row] + PAD + 0.9 * SIZE + k * LEADING, size: SIZE });
    });
  return runs;
}

/**
 * The table rows the reader must give: per grid row with text, each cell's lines joined, spans marked. A first
 * row that is one cell across the whole width is a title in the frame, not a table row.
 */
export function expectedRows(t: SynthTable): { text: string; colSpan?: number; rowSpan?: number }[][] {
  const out: { text: string; colSpan?: number; rowSpan?: number }[][] = [];
  let first = 0;
  while (
    t.cells.filter((c) => c.row === first).length === 1 &&
    t.cells.find((c) => c.row === first)!.colSpan === t.widths.length
  )
    first++;
  for (let r = first; r < t.heights.length; r++) {
    const row: { text: string; colSpan?: number; rowSpan?: number }[] = t.widths.map(() => ({ text: '' }));
    for (const c of t.cells.filter((c) => c.row === r)) {
      row[c.col] = { text: c.lines.join('') };
      if (c.colSpan > 1) row[c.col].colSpan = c.colSpan;
      if (c.rowSpan > 1) row[c.col].rowSpan = c.rowSpan;
    }
    if (row.some((c) => c.text !== '')) out.push(row);
  }
  return out;
}

/** A row of the reader's output reduced to what `expectedRows` describes. */
export function shape(cells: { text: string; colSpan?: number; rowSpan?: number }[]) {
  return cells.map((c) => ({
    text: c.text,
    ...(c.colSpan ? { colSpan: c.colSpan } : {}),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
  }));
}

export function filledCells(t: SynthTable): number {
  return t.cells.filter((c) => c.lines.length > 0).length;
}
