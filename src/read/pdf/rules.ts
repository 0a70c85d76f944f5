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

/** The operator codes the recorder needs (pdf.js `OPS`), passed in so that this module stays free of pdf.js. */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
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

function multiply(m: ArrayLike<number>, n: ArrayLike<number>): Matrix {
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
 * Builds a page's rules from its path operators as they are executed: each operator arrives with the
 * transformation matrix in force, points go to page coordinates through the viewport (rotation, flip to a
 * top-left origin), and a painting operator turns the path built so far into rules (stroked segments, thin
 * filled rectangles) or drops it (clipping paths, curves, large fills).
 */
export class PathRecorder {
  readonly edges: Edge[] = [];
  #subpaths: number[][] = [];
  #current: number[] = [];
  #viewport: readonly number[];
  #lastCtm: ArrayLike<number> | undefined;
  #matrix: Matrix = [1, 0, 0, 1, 0, 0];
  readonly #paints: Set<number>;

  constructor(
    readonly ops: PathOps,
    viewport: readonly number[],
    readonly page: { width: number; height: number },
  ) {
    this.#viewport = viewport;
    this.#paints = new Set([
      ops.stroke,
      ops.closeStroke,
      ops.fill,
      ops.eoFill,
      ops.fillStroke,
      ops.eoFillStroke,
      ops.closeFillStroke,
      ops.closeEOFillStroke,
      ops.endPath,
    ]);
  }

  /** One operator; `args` may be reused by the caller after the call returns. */
  op(fn: number, args: ArrayLike<unknown> | null | undefined, ctm: ArrayLike<number>): void {
    const o = this.ops;
    const num = (k: number) => Number(args?.[k]);
    if (fn === o.moveTo) {
      this.#endSubpath();
      this.#current = this.#point(ctm, num(0), num(1));
    } else if (fn === o.lineTo) {
      this.#current.push(...this.#point(ctm, num(0), num(1)));
    } else if (fn === o.rectangle) {
      this.#endSubpath();
      const [x, y, w, h] = [num(0), num(1), num(2), num(3)];
      this.#subpaths.push([
        ...this.#point(ctm, x, y),
        ...this.#point(ctm, x + w, y),
        ...this.#point(ctm, x + w, y + h),
        ...this.#point(ctm, x, y + h),
        ...this.#point(ctm, x, y),
      ]);
    } else if (fn === o.curveTo || fn === o.curveTo2 || fn === o.curveTo3) {
      // A curve ends the straight run; its end point starts the next one.
      const end = fn === o.curveTo ? 4 : 2;
      this.#endSubpath();
      this.#current = this.#point(ctm, num(end), num(end + 1));
    } else if (fn === o.closePath) {
      this.#close();
    } else if (this.#isPaint(fn)) {
      if (fn === o.closeStroke || fn === o.closeFillStroke || fn === o.closeEOFillStroke) this.#close();
      this.#endSubpath();
      if (fn !== o.endPath) {
        const fillOnly = fn === o.fill || fn === o.eoFill;
        for (const sub of this.#subpaths)
          if (sub.length >= 4) (fillOnly ? filledEdges : strokedEdges)(sub, this.page, this.edges);
      }
      this.#subpaths = [];
    }
  }

  #isPaint(fn: number): boolean {
    return this.#paints.has(fn);
  }

  #close(): void {
    if (this.#current.length >= 4) {
      const [x, y] = this.#current;
      this.#current.push(x, y);
      this.#endSubpath();
      // After closing, the current point is the subpath's start.
      this.#current = [x, y];
    }
  }

  #endSubpath(): void {
    if (this.#current.length >= 4) this.#subpaths.push(this.#current);
    this.#current = [];
  }

  #point(ctm: ArrayLike<number>, x: number, y: number): [number, number] {
    if (ctm !== this.#lastCtm) {
      this.#matrix = multiply(this.#viewport, ctm);
      this.#lastCtm = ctm;
    }
    return apply(this.#matrix, x, y);
  }
}

/**
 * The rules of an operator list (pdf.js 5.4: paths arrive as `constructPath` with `[paintOp, [Float32Array],
 * minMax]`), walked with its own transformation stack. Used when the text pass could not report the paths.
 */
export function collectEdges(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: PathOps,
  viewport: readonly number[],
  page: { width: number; height: number },
): Edge[] {
  const recorder = new PathRecorder(ops, viewport, page);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.constructPath) {
      const args = argsArray[i] as [number, [ArrayLike<number> | null] | undefined];
      const data = args[1]?.[0];
      if (data) replayPath(recorder, data, ctm);
      recorder.op(args[0], null, ctm);
    } else if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = (argsArray[i] as [number[] | null])[0];
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
  }
  return recorder.edges;
}

/** A constructPath buffer (DrawOPS) fed to the recorder as the operators it was built from. */
function replayPath(recorder: PathRecorder, data: ArrayLike<number>, ctm: Matrix): void {
  const o = recorder.ops;
  let i = 0;
  while (i < data.length) {
    const op = data[i];
    if (op === MOVE || op === LINE) {
      recorder.op(op === MOVE ? o.moveTo : o.lineTo, [data[i + 1], data[i + 2]], ctm);
      i += 3;
    } else if (op === CURVE) {
      recorder.op(
        o.curveTo,
        [data[i + 1], data[i + 2], data[i + 3], data[i + 4], data[i + 5], data[i + 6]],
        ctm,
      );
      i += 7;
    } else if (op === QUAD) {
      recorder.op(o.curveTo2, [data[i + 1], data[i + 2], data[i + 3], data[i + 4]], ctm);
      i += 5;
    } else if (op === CLOSE) {
      recorder.op(o.closePath, null, ctm);
      i += 1;
    } else break;
  }
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
