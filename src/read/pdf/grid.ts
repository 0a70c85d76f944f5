// Drawn rules → table grids, as pdfplumber's table finder, Camelot's lattice and Tabula's spreadsheet mode do it,
// in small geometric steps with named tolerances: snap nearly equal parallel rules onto one line, join collinear
// pieces, find where horizontal and vertical rules cross, keep each connected set of rules as one grid, and cut
// it into cells, a cell spanning several grid columns (rows) where an inner rule is missing.
import type { Edge } from './rules.js';

export interface GridTolerances {
  /** Parallel rules closer than this (points) are one rule (double strokes, a rectangle's two long sides). */
  snapTolerance: number;
  /** Collinear pieces with a gap smaller than this (points) are one rule. */
  joinTolerance: number;
  /** A rule ending this close (points) to another still meets it. */
  intersectionTolerance: number;
}

export const DEFAULT_TOLERANCES: GridTolerances = {
  snapTolerance: 3,
  joinTolerance: 3,
  intersectionTolerance: 3,
};

export interface GridCell {
  /** Index of the first grid row and column the cell covers. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface Grid {
  /** Column boundaries, left to right (columns = xs.length − 1). */
  xs: number[];
  /** Row boundaries, top to bottom (rows = ys.length − 1). */
  ys: number[];
  /** Cells in reading order; together they tile the grid. */
  cells: GridCell[];
}

/** Rules closer than `tol` to each other in their cross coordinate move onto their mean. */
export function snapEdges(edges: readonly Edge[], tol: number): Edge[] {
  const out: Edge[] = [];
  for (const orient of ['h', 'v'] as const) {
    const sorted = edges.filter((e) => e.orient === orient).sort((a, b) => a.at - b.at);
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (j < sorted.length && sorted[j].at - sorted[j - 1].at <= tol) j++;
      const group = sorted.slice(i, j);
      const at = group.reduce((s, e) => s + e.at, 0) / group.length;
      for (const e of group) out.push({ ...e, at });
      i = j;
    }
  }
  return out;
}

/** Collinear rules that overlap or nearly touch become one. */
export function joinEdges(edges: readonly Edge[], tol: number): Edge[] {
  const sorted = [...edges].sort(
    (a, b) => (a.orient < b.orient ? -1 : a.orient > b.orient ? 1 : 0) || a.at - b.at || a.from - b.from,
  );
  const out: Edge[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.orient === e.orient && last.at === e.at && e.from <= last.to + tol)
      last.to = Math.max(last.to, e.to);
    else out.push({ ...e });
  }
  return out;
}

/** Whether a horizontal and a vertical rule meet (within `tol` of each other's ends). */
export function meets(h: Edge, v: Edge, tol: number): boolean {
  return v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;
}

/** Sets of rules connected through their crossings: each is one drawn grid. */
export function connectedGroups(edges: readonly Edge[], tol: number): Edge[][] {
  const parent = edges.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = edges.map((e, i) => i).filter((i) => edges[i].orient === 'h');
  const vs = edges.map((e, i) => i).filter((i) => edges[i].orient === 'v');
  for (const h of hs) for (const v of vs) if (meets(edges[h], edges[v], tol)) parent[find(h)] = find(v);
  const groups = new Map<number, Edge[]>();
  edges.forEach((e, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), e]);
  });
  return [...groups.values()];
}

/** Whether some rule of the set covers the stretch [a, b] of the line at `at`. */
function covered(rules: readonly Edge[], at: number, a: number, b: number, tol: number): boolean {
  return rules.some((e) => Math.abs(e.at - at) <= tol && e.from <= a + tol && e.to >= b - tol);
}

/** Distinct values (already snapped, so equal or further apart than `tol`), sorted. */
function distinct(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > tol) out.push(v);
  return out;
}

/**
 * One connected set of rules → a grid. A table drawn without its outer vertical (horizontal) rules still has its
 * horizontal (vertical) rules run to the edge: their common ends become the missing outer rules.
 */
export function gridFromRules(
  rules: readonly Edge[],
  tol: GridTolerances = DEFAULT_TOLERANCES,
): Grid | undefined {
  const h = rules.filter((e) => e.orient === 'h');
  const v = rules.filter((e) => e.orient === 'v');
  if (h.length === 0 || v.length === 0) return undefined;
  const t = tol.intersectionTolerance;
  const hRules = [...h];
  const vRules = [...v];
  const xs = distinct(
    v.map((e) => e.at),
    t,
  );
  const ys = distinct(
    h.map((e) => e.at),
    t,
  );
  const left = Math.min(...h.map((e) => e.from));
  const right = Math.max(...h.map((e) => e.to));
  const top = Math.min(...v.map((e) => e.from));
  const bottom = Math.max(...v.map((e) => e.to));
  if (left < xs[0] - t) xs.unshift(left);
  if (right > xs[xs.length - 1] + t) xs.push(right);
  if (top < ys[0] - t) ys.unshift(top);
  if (bottom > ys[ys.length - 1] + t) ys.push(bottom);
  // The outer frame is closed: a missing outer rule is implied by the rules that run up to it.
  const x0 = xs[0];
  const x1 = xs[xs.length - 1];
  const y0 = ys[0];
  const y1 = ys[ys.length - 1];
  vRules.push({ orient: 'v', at: x0, from: y0, to: y1 }, { orient: 'v', at: x1, from: y0, to: y1 });
  hRules.push({ orient: 'h', at: y0, from: x0, to: x1 }, { orient: 'h', at: y1, from: x0, to: x1 });
  if (xs.length < 2 || ys.length < 2) return undefined;
  return { xs, ys, cells: cutCells(xs, ys, hRules, vRules, t) };
}

/**
 * Cuts the lattice into cells: from each free corner, a cell grows right while no vertical rule separates it from
 * the next column (over all its rows), then down while no horizontal rule separates it from the next row.
 */
function cutCells(xs: number[], ys: number[], h: Edge[], v: Edge[], tol: number): GridCell[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const taken = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const cells: GridCell[] = [];
  const wallRight = (r: number, c: number) => covered(v, xs[c + 1], ys[r], ys[r + 1], tol);
  const wallBelow = (r: number, c: number) => covered(h, ys[r + 1], xs[c], xs[c + 1], tol);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (taken[r][c]) continue;
      let c1 = c;
      while (c1 + 1 < cols && !taken[r][c1 + 1] && !wallRight(r, c1)) c1++;
      let r1 = r;
      const open = (rr: number) => {
        for (let k = c; k <= c1; k++) if (wallBelow(rr, k) || taken[rr + 1][k]) return false;
        return true;
      };
      while (r1 + 1 < rows && open(r1)) r1++;
      for (let rr = r; rr <= r1; rr++) for (let k = c; k <= c1; k++) taken[rr][k] = true;
      cells.push({
        row: r,
        col: c,
        rowSpan: r1 - r + 1,
        colSpan: c1 - c + 1,
        x0: xs[c],
        x1: xs[c1 + 1],
        y0: ys[r],
        y1: ys[r1 + 1],
      });
    }
  return cells;
}

/** How far apart (points) the pieces of one grid drawn without side rules may lie. */
const MAX_OPEN_GAP = 60;

interface Extent {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Drawn with vertical rules on its left and right edges. */
  closedSides: boolean;
}

function extent(group: Edge[], tol: number): Extent | undefined {
  const h = group.filter((e) => e.orient === 'h');
  const v = group.filter((e) => e.orient === 'v');
  if (!h.length) return undefined;
  const left = Math.min(...h.map((e) => e.from));
  const right = Math.max(...h.map((e) => e.to));
  return {
    left,
    right,
    top: Math.min(...h.map((e) => e.at)),
    bottom: Math.max(...h.map((e) => e.at)),
    closedSides: v.some((e) => Math.abs(e.at - left) <= tol) && v.some((e) => Math.abs(e.at - right) <= tol),
  };
}

/**
 * A table drawn without side rules falls apart at each row that is one cell across the whole width: no vertical
 * rule crosses it, and a top rule over such a first row meets none at all. Pieces of the same width without side
 * rules (grids and lone horizontal rules), one right below the other, are one grid again.
 */
export function joinOpenSided(groups: Edge[][], tol: number): Edge[][] {
  const items = groups
    .map((g) => ({ g, e: extent(g, tol) }))
    .sort((a, b) => (a.e?.top ?? 0) - (b.e?.top ?? 0));
  const out: { g: Edge[]; e?: Extent }[] = [];
  for (const cur of items) {
    const prev = out.find(
      (o) =>
        o.e &&
        cur.e &&
        !o.e.closedSides &&
        !cur.e.closedSides &&
        Math.abs(o.e.left - cur.e.left) <= tol &&
        Math.abs(o.e.right - cur.e.right) <= tol &&
        cur.e.top > o.e.bottom &&
        cur.e.top - o.e.bottom <= MAX_OPEN_GAP,
    );
    if (prev?.e && cur.e) {
      prev.g.push(...cur.g);
      prev.e = { ...prev.e, bottom: cur.e.bottom };
    } else out.push(cur);
  }
  return out.map((o) => o.g);
}

/** The whole pipeline: rules of a page → its grids, top to bottom. */
export function findGrids(edges: readonly Edge[], tol: GridTolerances = DEFAULT_TOLERANCES): Grid[] {
  const rules = joinEdges(snapEdges(edges, tol.snapTolerance), tol.joinTolerance);
  const grids: Grid[] = [];
  const groups = joinOpenSided(connectedGroups(rules, tol.intersectionTolerance), tol.snapTolerance);
  for (const group of groups) {
    const grid = gridFromRules(group, tol);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0] || a.xs[0] - b.xs[0]);
}
