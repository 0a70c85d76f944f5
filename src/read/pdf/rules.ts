// A page's drawn rules: the horizontal and vertical edges of its vector paths (pdf.js operator list), in the same
// coordinates as the text runs (points, origin at the top-left of the rotated page). Tables are drawn as stroked
// lines, stroked rectangles or thin filled rectangles; curves, shading and large fills (cell backgrounds, page
// frames) are no rules.

/** A straight rule: horizontal (`at` is y, from/to are x) or vertical (`at` is x, from/to are y). */
export interface Edge {
  orient: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

/** The operator codes the walk needs (pdf.js `OPS`), passed in so that this module stays free of pdf.js. */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  endPath: number;
  fill: number;
  eoFill: number;
}

type Matrix = [number, number, number, number, number, number];

/** A filled rectangle thinner than this (points) is a rule; a thicker one is a background. */
export const MAX_RULE_THICKNESS = 2.5;
/** Segments shorter than this (points) are ticks, glyph parts or dots, not rules. */
export const MIN_EDGE_LENGTH = 2;
/** A segment is axis-aligned when its other coordinate varies by less than this (points). */
const AXIS_SLACK = 0.5;

// pdf.js DrawOPS: the opcodes inside a constructPath's path buffer.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

function multiply(m: Matrix, n: readonly number[]): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Walks an operator list (pdf.js 5.4: paths arrive as `constructPath` with `[paintOp, [Float32Array], minMax]`)
 * keeping the transformation stack, and returns the page's rules. `viewport` maps user space to page coordinates
 * (pdf.js `viewport.transform`: rotation and the flip to a top-left origin).
 */
export function collectEdges(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: PathOps,
  viewport: readonly number[],
  page: { width: number; height: number },
): Edge[] {
  const edges: Edge[] = [];
  const stack: Matrix[] = [];
  let ctm = viewport.slice(0, 6) as Matrix;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.constructPath) {
      const args = argsArray[i] as [number, [ArrayLike<number> | null] | undefined];
      const data = args[1]?.[0];
      if (data && args[0] !== ops.endPath) pathEdges(data, ctm, isFill(args[0], ops), page, edges);
    } else if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = (argsArray[i] as [number[] | null])[0];
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
  }
  return edges;
}

/** Fill only: the path is a shape, not a line; every other painting op strokes it (fill+stroke draws its outline). */
function isFill(op: number, ops: PathOps): boolean {
  return op === ops.fill || op === ops.eoFill;
}

function pathEdges(
  data: ArrayLike<number>,
  m: Matrix,
  fillOnly: boolean,
  page: { width: number; height: number },
  out: Edge[],
): void {
  let sub: number[] = [];
  const flush = () => {
    if (sub.length >= 4) (fillOnly ? filledEdges : strokedEdges)(sub, page, out);
    sub = [];
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i];
    if (op === MOVE) {
      flush();
      sub.push(...apply(m, data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === LINE) {
      sub.push(...apply(m, data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === CURVE) {
      // A curve ends the straight run; its end point starts the next one.
      flush();
      sub.push(...apply(m, data[i + 5], data[i + 6]));
      i += 7;
    } else if (op === QUAD) {
      flush();
      sub.push(...apply(m, data[i + 3], data[i + 4]));
      i += 5;
    } else if (op === CLOSE) {
      if (sub.length >= 4) sub.push(sub[0], sub[1]);
      i += 1;
    } else break;
  }
  flush();
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A stroked polyline: each axis-aligned segment is a rule. */
function strokedEdges(pts: number[], page: { width: number; height: number }, out: Edge[]): void {
  for (let k = 2; k + 1 < pts.length; k += 2) {
    const x0 = pts[k - 2];
    const y0 = pts[k - 1];
    const x1 = pts[k];
    const y1 = pts[k + 1];
    if (Math.abs(y1 - y0) < AXIS_SLACK) push(out, 'h', (y0 + y1) / 2, x0, x1, page);
    else if (Math.abs(x1 - x0) < AXIS_SLACK) push(out, 'v', (x0 + x1) / 2, y0, y1, page);
  }
}

/** A filled shape is a rule when it is an axis-aligned rectangle thin in one direction. */
function filledEdges(pts: number[], page: { width: number; height: number }, out: Edge[]): void {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < pts.length; k += 2) {
    x0 = Math.min(x0, pts[k]);
    x1 = Math.max(x1, pts[k]);
    y0 = Math.min(y0, pts[k + 1]);
    y1 = Math.max(y1, pts[k + 1]);
  }
  // Every segment must run along an axis, or the shape is a polygon (an arrow, a glyph drawn as a path).
  for (let k = 2; k + 1 < pts.length; k += 2)
    if (Math.abs(pts[k] - pts[k - 2]) >= AXIS_SLACK && Math.abs(pts[k + 1] - pts[k - 1]) >= AXIS_SLACK)
      return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w > h) push(out, 'h', (y0 + y1) / 2, x0, x1, page);
  else if (w <= MAX_RULE_THICKNESS && h > w) push(out, 'v', (x0 + x1) / 2, y0, y1, page);
}

function push(
  out: Edge[],
  orient: 'h' | 'v',
  at: number,
  a: number,
  b: number,
  page: { width: number; height: number },
): void {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  if (to - from < MIN_EDGE_LENGTH) return;
  // Off the page (clipped away) or a frame around the whole page: no table rule.
  const extent = orient === 'h' ? page.width : page.height;
  const across = orient === 'h' ? page.height : page.width;
  if (at < -1 || at > across + 1 || to < 0 || from > extent) return;
  if (to - from > 0.98 * extent) return;
  out.push({ orient, at, from: Math.max(0, from), to: Math.min(extent, to) });
}
