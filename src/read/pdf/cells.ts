// Text runs placed in the cells of a drawn grid → one layout line per grid row, cells indexed by grid column. A
// run belongs to the cell that holds its centre; a run printed across a vertical rule (one text item holding two
// cells) is cut at the rule first. A cell's wrapped lines are joined into one text. A grid whose body rows are not
// separated by rules (only columns drawn) has grid rows holding several printed rows: those are split by line.
import type { LayoutCell, LayoutLine } from '../../layout/types.js';
import type { TextRun } from './extract.js';
import type { Grid, GridCell } from './grid.js';
import { charWeight, isNumericText } from './lines.js';

/** How far (in ems) a rule must lie inside a run before the run is cut there rather than just touching it. */
const CUT_MARGIN = 0.3;
/** Runs whose baselines differ by less than this share a line (ems, at least 1.5 points). */
const LINE_TOLERANCE = 0.35;
/** A grid is not trusted when more of its runs than this had to be cut at a rule. */
const MAX_CUT_SHARE = 0.2;
/** A grid needs this many cells holding text to be read as a table. */
const MIN_FILLED_CELLS = 4;

export interface PlacedGrid {
  /** The rows, top to bottom; `line` is left 0 for the page to number. */
  rows: LayoutLine[];
  /** The runs the grid took (the rest of the page is read as before). */
  used: Set<TextRun>;
  /** Why the grid is not trusted (undefined when it is). */
  distrust?: string;
  /** Whether the first row already carries amounts (a grid continued from the previous page has no header). */
  startsWithBody: boolean;
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/** An amount: a number with a thousands separator or decimals (not a code, not a dash). */
function isAmount(s: string): boolean {
  return isNumericText(s) && /[.,，]/.test(s);
}

/** The run's vertical middle: glyph boxes sit from about 0.88 em above the baseline to 0.12 em below. */
function middle(r: { baseline: number; size: number }): number {
  return r.baseline - 0.38 * r.size;
}

/** Cuts a run at the vertical rules that lie well inside it, estimating glyph positions from character widths. */
export function cutAtRules(run: TextRun, xs: readonly number[]): Piece[] {
  const inner = xs.filter((x) => x > run.x0 + CUT_MARGIN * run.size && x < run.x1 - CUT_MARGIN * run.size);
  if (inner.length === 0) return [run];
  const chars = [...run.text];
  const weights = chars.map(charWeight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const per = (run.x1 - run.x0) / total;
  // Each glyph's extent; a glyph goes to the side of the rule its middle lies on.
  const groups: { ch: string; x0: number; x1: number }[][] = [[]];
  let pos = 0;
  let cut = 0;
  for (let k = 0; k < chars.length; k++) {
    const x0 = run.x0 + pos * per;
    const x1 = x0 + weights[k] * per;
    pos += weights[k];
    if (cut < inner.length && (x0 + x1) / 2 > inner[cut]) {
      while (cut < inner.length && (x0 + x1) / 2 > inner[cut]) cut++;
      groups.push([]);
    }
    groups[groups.length - 1].push({ ch: chars[k], x0, x1 });
  }
  const out: Piece[] = [];
  for (const g of groups) {
    const ink = g.filter((c) => c.ch.trim() !== '');
    if (ink.length === 0) continue;
    const text = g
      .map((c) => c.ch)
      .join('')
      .trim();
    out.push({ ...run, text, x0: ink[0].x0, x1: ink[ink.length - 1].x1 });
  }
  return out;
}

/** Index of the interval of `bounds` holding `v` (−1 outside). */
function slot(bounds: readonly number[], v: number): number {
  if (v < bounds[0] || v > bounds[bounds.length - 1]) return -1;
  for (let k = 1; k < bounds.length; k++) if (v <= bounds[k]) return k - 1;
  return -1;
}

/** Pieces grouped into printed lines, top to bottom, each line left to right. */
function printedLines(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    const tol = Math.max(1.5, LINE_TOLERANCE * p.size);
    if (last && Math.abs(p.baseline - last[0].baseline) <= tol) last.push(p);
    else lines.push([p]);
  }
  for (const l of lines) l.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Joins pieces of one printed line: a space only between Latin letters or digits set apart. */
function lineText(line: Piece[]): string {
  let text = '';
  let prev: Piece | undefined;
  for (const p of line) {
    const gap = prev ? p.x0 - prev.x1 : 0;
    text +=
      prev && gap > 0.25 * p.size && /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(p.text)
        ? ` ${p.text}`
        : p.text;
    prev = p;
  }
  return text;
}

/** Joins a cell's printed lines: wrapped words continue without a break; Latin words keep a space. */
function joinLines(texts: string[]): string {
  let out = '';
  for (const t of texts)
    out = out && /[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(t) ? `${out} ${t}` : out + t;
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

interface Slot {
  cell: GridCell;
  pieces: Piece[];
  /** The pieces as printed lines, once all are placed. */
  lines?: Piece[][];
}

function linesOf(s: Slot): Piece[][] {
  return (s.lines ??= printedLines(s.pieces));
}

/** Places the page's runs in the grid and reads its rows. */
export function placeRuns(
  grid: Grid,
  runs: readonly TextRun[],
  page: number,
  gridId: string,
  /** The grid continues a table from the previous page: a single row is enough. */
  continued = false,
): PlacedGrid {
  const { xs, ys } = grid;
  const cols = xs.length - 1;
  const at: (Slot | undefined)[] = [];
  const slots: Slot[] = grid.cells.map((cell) => ({ cell, pieces: [] }));
  for (const s of slots)
    for (let r = s.cell.row; r < s.cell.row + s.cell.rowSpan; r++)
      for (let c = s.cell.col; c < s.cell.col + s.cell.colSpan; c++) at[r * cols + c] = s;
  // The vertical rules of each grid row: the sides of the cells that cover it (none inside a merged cell).
  const walls = ys.slice(1).map(() => new Set<number>());
  for (const { cell } of slots)
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) walls[r].add(cell.x0).add(cell.x1);
  const wallsOf = walls.map((w) => [...w].sort((a, b) => a - b));
  const used = new Set<TextRun>();
  let cutRuns = 0;
  for (const run of runs) {
    const r = slot(ys, middle(run));
    if (r < 0 || run.x1 < xs[0] || run.x0 > xs[xs.length - 1]) continue;
    const pieces = cutAtRules(run, wallsOf[r]);
    if (pieces.length > 1) cutRuns++;
    let placed = false;
    for (const p of pieces) {
      const c = slot(xs, (p.x0 + p.x1) / 2);
      const s = c < 0 ? undefined : at[r * cols + c];
      if (!s) continue;
      s.pieces.push(p);
      placed = true;
    }
    if (placed) used.add(run);
  }
  const filled = slots.filter((s) => s.pieces.length > 0);
  const byRow = ys.slice(1).map(() => [] as Slot[]);
  for (const s of slots) byRow[s.cell.row].push(s);
  const width = xs.length - 1;
  let distrust: string | undefined;
  if (width < 2 || (ys.length < 3 && !continued)) distrust = '网格不足两行两列';
  else if (filled.length < (continued ? 2 : MIN_FILLED_CELLS)) distrust = '有文字的单元格太少';
  else if (cutRuns > MAX_CUT_SHARE * used.size) distrust = '文字多跨越竖线';
  else if (filled.some((s) => linesOf(s).some((l) => hasTwoAmounts(l)))) distrust = '一格内有多个金额';
  else if (ys.slice(1).some((_, r) => unruledRows(byRow[r].filter((s) => s.cell.rowSpan === 1))))
    distrust = '一行格子内有上下两行文字';
  const rows: LayoutLine[] = [];
  // A title or a note printed inside the frame, in a row that is one cell across the whole grid, is no table row.
  const framed = (r: number) => {
    const starting = byRow[r];
    return starting.length === 1 && starting[0].cell.colSpan === width ? starting[0] : undefined;
  };
  let first = 0;
  let last = ys.length - 2;
  while (first <= last && framed(first)) first++;
  while (last >= first && framed(last)) last--;
  const above = slots.filter((s) => s.cell.row < first).flatMap((s) => proseLines(s.pieces, page));
  const below = slots.filter((s) => s.cell.row > last).flatMap((s) => proseLines(s.pieces, page));
  for (let r = first; r <= last; r++) {
    const starting = byRow[r];
    const split = starting.some(
      (s) => s.cell.rowSpan === 1 && linesOf(s).filter((l) => isNumericText(lineText(l))).length >= 2,
    );
    rows.push(
      ...(split ? splitRow(starting, width, page) : [wholeRow(starting, width, page)]).filter(hasText),
    );
  }
  // An empty strip between the frame and the table proper (a margin column drawn as one tall cell) is no column.
  const margin = (c: number) => {
    const covering = slots.filter(
      (s) =>
        s.cell.row + s.cell.rowSpan > first &&
        s.cell.row <= last &&
        s.cell.col <= c &&
        c < s.cell.col + s.cell.colSpan,
    );
    return (
      covering.length > 0 &&
      covering.every((s) => s.cell.colSpan === 1 && s.pieces.length === 0) &&
      covering.length < (last - first + 1) / 2
    );
  };
  const from = width > 2 && margin(0) ? 1 : 0;
  const to = width - from > 2 && margin(width - 1) ? width - 1 : width;
  for (const row of rows) {
    if (from > 0 || to < width) row.cells = row.cells.slice(from, to);
    row.inTable = true;
    row.grid = 'ruled';
    row.gridId = gridId;
  }
  const startsWithBody = rows.length > 0 && rows[0].cells.some((c) => isAmount(c.text));
  rows.unshift(...above);
  rows.push(...below);
  return { rows, used, distrust, startsWithBody };
}

/** Printed lines as prose: one line each, pieces further apart than an em in cells of their own. */
function proseLines(pieces: Piece[], page: number): LayoutLine[] {
  return printedLines(pieces).map((line) => {
    const groups: Piece[][] = [];
    for (const p of line) {
      const g = groups[groups.length - 1];
      // "部门：" and its value belong together however far apart they are printed.
      if (g && (p.x0 - g[g.length - 1].x1 <= p.size || /[:：]$/.test(g[g.length - 1].text))) g.push(p);
      else groups.push([p]);
    }
    return {
      cells: groups.map((g) => ({ text: lineText(g), x0: round(g[0].x0), x1: round(g[g.length - 1].x1) })),
      page,
      line: 0,
      y: round(Math.min(...line.map((p) => p.baseline - p.size))),
    };
  });
}

/**
 * Cells of one grid row holding single lines at different heights: two printed rows share the grid row without a
 * rule between them (a 类 | 款 | 项 sub-header over the 合计 row), which the grid cannot tell apart.
 */
function unruledRows(starting: Slot[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  let size = 0;
  for (const s of starting) {
    const lines = linesOf(s);
    if (lines.length !== 1) continue;
    lo = Math.min(lo, lines[0][0].baseline);
    hi = Math.max(hi, lines[0][0].baseline);
    size = Math.max(size, lines[0][0].size);
  }
  return hi - lo > 0.6 * size;
}

/** Two amounts side by side on a line of figures only (figures inside a sentence are the sentence's). */
function hasTwoAmounts(line: Piece[]): boolean {
  return line.every((p) => isNumericText(p.text)) && line.filter((p) => isAmount(p.text)).length >= 2;
}

function hasText(line: LayoutLine): boolean {
  return line.cells.some((c) => c.text !== '');
}

function emptyCells(width: number): LayoutCell[] {
  const cells: LayoutCell[] = [];
  for (let k = 0; k < width; k++) cells.push({ text: '' });
  return cells;
}

/** One grid row → one line: each cell's printed lines joined. */
function wholeRow(starting: Slot[], width: number, page: number): LayoutLine {
  const cells = emptyCells(width);
  let top = Infinity;
  for (const s of starting) {
    const lines = linesOf(s);
    const cell: LayoutCell = { text: joinLines(lines.map(lineText)) };
    if (s.pieces.length) {
      cell.x0 = round(Math.min(...s.pieces.map((p) => p.x0)));
      cell.x1 = round(Math.max(...s.pieces.map((p) => p.x1)));
      top = Math.min(top, ...s.pieces.map((p) => p.baseline - p.size));
    } else {
      cell.x0 = round(s.cell.x0);
      cell.x1 = round(s.cell.x1);
    }
    if (s.cell.colSpan > 1) {
      // A caption over several columns spans them whatever the width of its words.
      cell.colSpan = s.cell.colSpan;
      cell.x0 = round(s.cell.x0);
      cell.x1 = round(s.cell.x1);
    }
    if (s.cell.rowSpan > 1) cell.rowSpan = s.cell.rowSpan;
    cells[s.cell.col] = cell;
  }
  if (!Number.isFinite(top)) top = starting[0]?.cell.y0 ?? 0;
  return { cells, page, line: 0, y: round(top) };
}

/**
 * A grid row holding several printed rows (the body's rows are not ruled apart): one line per printed line, and a
 * label wrapped onto a line of its own (no amount beside it) joins the label above it in the same cell.
 */
function splitRow(starting: Slot[], width: number, page: number): LayoutLine[] {
  const tagged = starting.flatMap((s) => s.pieces.map((p) => ({ ...p, slot: s })));
  const lines = printedLines(tagged) as (Piece & { slot: Slot })[][];
  const out: LayoutLine[] = [];
  let prevLine: (Piece & { slot: Slot })[] | undefined;
  for (const line of lines) {
    const bySlot = new Map<Slot, (Piece & { slot: Slot })[]>();
    for (const p of line) bySlot.set(p.slot, [...(bySlot.get(p.slot) ?? []), p]);
    const last = out[out.length - 1];
    const lone = bySlot.size === 1 && !line.some((p) => isNumericText(p.text));
    if (lone && last && prevLine) {
      const [slotOf, pieces] = [...bySlot.entries()][0];
      const target = last.cells[slotOf.cell.col];
      const gap = line[0].baseline - prevLine[0].baseline;
      if (target.text && !isNumericText(target.text) && gap < 1.6 * line[0].size) {
        target.text = joinLines([target.text, lineText(pieces)]);
        target.x1 = round(Math.max(target.x1 ?? 0, ...pieces.map((p) => p.x1)));
        prevLine = line;
        continue;
      }
    }
    const cells = emptyCells(width);
    for (const [s, pieces] of bySlot) {
      const cell: LayoutCell = {
        text: lineText(pieces),
        x0: round(Math.min(...pieces.map((p) => p.x0))),
        x1: round(Math.max(...pieces.map((p) => p.x1))),
      };
      if (s.cell.colSpan > 1) cell.colSpan = s.cell.colSpan;
      cells[s.cell.col] = cell;
    }
    out.push({ cells, page, line: 0, y: round(Math.min(...line.map((p) => p.baseline - p.size))) });
    prevLine = line;
  }
  return out;
}
