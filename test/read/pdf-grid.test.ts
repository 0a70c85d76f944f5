// The grid reader on synthetic ruled tables (rules and text runs built from a random table model, checked cell by
// cell), on rules drawn through pdf.js operator lists (stroked lines or thin filled rectangles, under transforms
// and page rotation), and the helpers of its pipeline.
import fc from 'fast-check';
import { OPS as pdfjsOps } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { cutAtRules, placeRuns } from '../../src/read/pdf/cells.js';
import type { TextRun } from '../../src/read/pdf/extract.js';
import { findGrids, joinEdges, snapEdges } from '../../src/read/pdf/grid.js';
import { collectEdges, PathRecorder, type Edge, type PathOps } from '../../src/read/pdf/rules.js';
import {
  boundaries,
  drawRules,
  drawText,
  expectedRows,
  filledCells,
  shape,
  SIZE,
  synthTable,
  type Placement,
} from './grid-synth.js';

const placement: fc.Arbitrary<Placement> = fc.record({
  x: fc.integer({ min: 20, max: 120 }),
  y: fc.integer({ min: 40, max: 200 }),
  openSides: fc.boolean(),
  openTopBottom: fc.boolean(),
});

const close = (a: number[], b: number[]) =>
  a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) < 0.01);

describe('ruled grid from rules and runs (synthetic tables)', () => {
  it('finds the drawn boundaries and reads every cell, spans and wrapped labels included', () => {
    fc.assert(
      fc.property(synthTable, placement, (table, p) => {
        fc.pre(filledCells(table) >= 4);
        // A first row merged across the whole width, with neither side nor top rules, is not drawn at all.
        fc.pre(!(p.openSides && p.openTopBottom && table.cells[0].colSpan === table.widths.length));
        const grids = findGrids(drawRules(table, p));
        expect(grids).toHaveLength(1);
        const { xs, ys } = boundaries(table, p);
        expect(close(grids[0].xs, xs)).toBe(true);
        expect(close(grids[0].ys, ys)).toBe(true);
        const placed = placeRuns(grids[0], drawText(table, p), 1, 'g');
        expect(placed.distrust).toBeUndefined();
        expect(placed.rows.filter((r) => r.grid === 'ruled').map((r) => shape(r.cells))).toEqual(
          expectedRows(table),
        );
        const ruled = placed.rows.filter((r) => r.grid === 'ruled');
        expect(ruled.every((r) => r.inTable && r.gridId === 'g')).toBe(true);
        expect(placed.rows.filter((r) => r.grid !== 'ruled').every((r) => !r.inTable && !r.gridId)).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('separates two grids on one page and reads each', () => {
    fc.assert(
      fc.property(synthTable, synthTable, (a, b) => {
        fc.pre(filledCells(a) >= 4 && filledCells(b) >= 4);
        const pa = { x: 40, y: 60 };
        const pb = { x: 60, y: 60 + a.heights.reduce((s, h) => s + h, 0) + 30 };
        const grids = findGrids([...drawRules(a, pa), ...drawRules(b, pb)]);
        expect(grids).toHaveLength(2);
        const runs = [...drawText(a, pa), ...drawText(b, pb)];
        expect(
          placeRuns(grids[0], runs, 1, 'a')
            .rows.filter((r) => r.grid === 'ruled')
            .map((r) => shape(r.cells)),
        ).toEqual(expectedRows(a));
        expect(
          placeRuns(grids[1], runs, 1, 'b')
            .rows.filter((r) => r.grid === 'ruled')
            .map((r) => shape(r.cells)),
        ).toEqual(expectedRows(b));
      }),
      { numRuns: 100 },
    );
  });

  it('joins a subject name wrapped over three lines into one cell, and keeps 类/款/项 codes in their columns', () => {
    const table = {
      widths: [30, 30, 30, 60, 70],
      heights: [20, 44],
      cells: [
        { row: 0, col: 0, rowSpan: 1, colSpan: 3, lines: ['科目编码'], align: 'left' as const },
        { row: 0, col: 3, rowSpan: 1, colSpan: 1, lines: ['科目名称'], align: 'left' as const },
        { row: 0, col: 4, rowSpan: 1, colSpan: 1, lines: ['金额'], align: 'left' as const },
        { row: 1, col: 0, rowSpan: 1, colSpan: 1, lines: ['208'], align: 'left' as const },
        { row: 1, col: 1, rowSpan: 1, colSpan: 1, lines: ['05'], align: 'left' as const },
        { row: 1, col: 2, rowSpan: 1, colSpan: 1, lines: ['05'], align: 'left' as const },
        {
          row: 1,
          col: 3,
          rowSpan: 1,
          colSpan: 1,
          lines: ['机关事业单', '位基本养老', '保险缴费支出'],
          align: 'left' as const,
        },
        { row: 1, col: 4, rowSpan: 1, colSpan: 1, lines: ['607.10'], align: 'right' as const },
      ],
    };
    const p = { x: 50, y: 100 };
    const [grid] = findGrids(drawRules(table, p));
    const rows = placeRuns(grid, drawText(table, p), 1, 'g').rows;
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['科目编码', '', '', '科目名称', '金额'],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '607.10'],
    ]);
    expect(rows[0].cells[0].colSpan).toBe(3);
  });

  it('splits a grid row holding several printed rows (body rows not ruled apart), never joining numbers', () => {
    const edges: Edge[] = [
      ...[100, 120, 180].map((at): Edge => ({ orient: 'h', at, from: 50, to: 250 })),
      ...[50, 150, 250].map((at): Edge => ({ orient: 'v', at, from: 100, to: 180 })),
    ];
    const run = (text: string, x0: number, baseline: number): TextRun => ({
      text,
      x0,
      x1: x0 + text.length * SIZE * (/^[\d.,]+$/.test(text) ? 0.5 : 1),
      baseline,
      size: SIZE,
    });
    const runs = [
      run('项目', 55, 113),
      run('金额', 155, 113),
      run('行政运行', 55, 133),
      run('1,200.00', 200, 133),
      run('其他人大事务', 55, 147),
      run('支出', 55, 159),
      run('35.50', 220, 147),
    ];
    const [grid] = findGrids(edges);
    const rows = placeRuns(grid, runs, 1, 'g').rows;
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '金额'],
      ['行政运行', '1,200.00'],
      ['其他人大事务支出', '35.50'],
    ]);
  });

  it('does not trust a frame around text with two amounts in one cell (columns not ruled)', () => {
    const edges: Edge[] = [
      ...[100, 120, 140].map((at): Edge => ({ orient: 'h', at, from: 50, to: 350 })),
      ...[50, 150, 350].map((at): Edge => ({ orient: 'v', at, from: 100, to: 140 })),
    ];
    const runs: TextRun[] = [
      { text: '项目', x0: 55, x1: 73, baseline: 113, size: SIZE },
      { text: '金额', x0: 160, x1: 178, baseline: 113, size: SIZE },
      { text: '行政运行', x0: 55, x1: 91, baseline: 133, size: SIZE },
      { text: '1,200.00', x0: 160, x1: 196, baseline: 133, size: SIZE },
      { text: '800.00', x0: 300, x1: 327, baseline: 133, size: SIZE },
    ];
    const [grid] = findGrids(edges);
    expect(placeRuns(grid, runs, 1, 'g').distrust).toBe('一格内有多个金额');
  });
});

describe('what is not a table cell', () => {
  const run = (text: string, x0: number, baseline: number): TextRun => ({
    text,
    x0,
    x1: x0 + [...text].length * SIZE * (/^[\d.,]+$/.test(text) ? 0.5 : 1),
    baseline,
    size: SIZE,
  });
  // A frame (50–350) with a title row across it, margin strips 50–60 and 340–350, and a 2 × 2 table inside.
  const framed: Edge[] = [
    { orient: 'h', at: 100, from: 50, to: 350 },
    { orient: 'h', at: 130, from: 50, to: 350 },
    { orient: 'h', at: 150, from: 60, to: 340 },
    { orient: 'h', at: 170, from: 60, to: 340 },
    { orient: 'h', at: 190, from: 50, to: 350 },
    ...[50, 350].map((at): Edge => ({ orient: 'v', at, from: 100, to: 190 })),
    ...[60, 200, 340].map((at): Edge => ({ orient: 'v', at, from: 130, to: 190 })),
  ];

  it('keeps a title printed inside the frame as prose and drops the empty margin strips', () => {
    const runs = [
      run('政府采购支出预算表', 120, 112),
      run('部门：', 70, 125),
      run('某单位', 200, 125),
      run('项目', 65, 143),
      run('金额', 205, 143),
      run('合计', 65, 163),
      run('1,200.00', 300, 163),
      run('办公设备', 65, 183),
      run('8.00', 320, 183),
    ];
    const [grid] = findGrids(framed);
    const placed = placeRuns(grid, runs, 1, 'g');
    expect(placed.distrust).toBeUndefined();
    expect(placed.rows.map((r) => [r.grid ?? '', r.cells.map((c) => c.text)])).toEqual([
      ['', ['政府采购支出预算表']],
      ['', ['部门：某单位']],
      ['ruled', ['项目', '金额']],
      ['ruled', ['合计', '1,200.00']],
      ['ruled', ['办公设备', '8.00']],
    ]);
  });

  it('leaves to projection a grid row holding a sub-header over the 合计 row without a rule between them', () => {
    const edges: Edge[] = [
      ...[100, 120, 160, 180].map((at): Edge => ({ orient: 'h', at, from: 50, to: 350 })),
      ...[50, 100, 200, 350].map((at): Edge => ({ orient: 'v', at, from: 100, to: 180 })),
    ];
    const runs = [
      run('编码', 55, 113),
      run('名称', 105, 113),
      run('金额', 205, 113),
      run('类', 55, 133),
      run('合计', 105, 153),
      run('1,200.00', 300, 153),
      run('201', 55, 173),
      run('一般公共服务支出', 105, 173),
      run('1,200.00', 300, 173),
    ];
    const [grid] = findGrids(edges);
    expect(placeRuns(grid, runs, 1, 'g').distrust).toBe('一行格子内有上下两行文字');
  });
});

describe('grid pipeline steps', () => {
  it('snaps nearly equal rules onto their mean and joins collinear pieces', () => {
    const snapped = snapEdges(
      [
        { orient: 'h', at: 100, from: 0, to: 50 },
        { orient: 'h', at: 101, from: 51, to: 90 },
        { orient: 'h', at: 110, from: 0, to: 90 },
        { orient: 'v', at: 10, from: 0, to: 20 },
      ],
      3,
    );
    expect(joinEdges(snapped, 3)).toEqual([
      { orient: 'h', at: 100.5, from: 0, to: 90 },
      { orient: 'h', at: 110, from: 0, to: 90 },
      { orient: 'v', at: 10, from: 0, to: 20 },
    ]);
  });

  it('cuts a run printed across a vertical rule at the rule', () => {
    // "201" and "一般公共服务支出" printed as one item, the code column ending at x = 60.
    const run: TextRun = {
      text: '201    一般公共服务',
      x0: 40,
      x1: 40 + (1.5 + 2 + 6) * 10,
      baseline: 100,
      size: 10,
    };
    expect(cutAtRules(run, [30, 60, 200]).map((p) => [p.text, p.x0, p.x1])).toEqual([
      ['201', 40, 55],
      ['一般公共服务', 75, 135],
    ]);
  });
});

// pdf.js's operator codes, as its operator lists carry them.
const OPS = pdfjsOps as PathOps;
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

type M = [number, number, number, number, number, number];
function invert([a, b, c, d, e, f]: M): M {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}
const apply = (m: M, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const times = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Viewport transforms of a 595 × 842 page as pdf.js builds them at scale 1, upright and rotated by 90°. */
const VIEWPORTS: { transform: M; width: number; height: number }[] = [
  { transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 },
  { transform: [0, 1, 1, 0, 0, 0], width: 842, height: 595 },
];

/**
 * An operator list drawing page-space rules through a transform: each rule a stroked line or a thin filled
 * rectangle, plus what is no rule (a large background fill, a curve, a clipping path).
 */
function operatorList(edges: Edge[], viewport: M, ctm: M, filled: boolean) {
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  const toUser = invert(times(viewport, ctm));
  const pt = (x: number, y: number) => apply(toUser, x, y);
  fnArray.push(OPS.save, OPS.transform);
  argsArray.push(null, ctm);
  const path = (op: number, data: number[]) => {
    fnArray.push(OPS.constructPath);
    argsArray.push([op, [new Float32Array(data)], null]);
  };
  // A shaded header background and a clipping rectangle: no rules.
  const [bx0, by0] = pt(100, 100);
  const [bx1, by1] = pt(300, 160);
  path(OPS.fill, [MOVE, bx0, by0, LINE, bx1, by0, LINE, bx1, by1, LINE, bx0, by1, CLOSE]);
  path(OPS.endPath, [MOVE, bx0, by0, LINE, bx1, by0, LINE, bx1, by1, LINE, bx0, by1, CLOSE]);
  for (const e of edges) {
    const [ax, ay] = e.orient === 'h' ? [e.from, e.at] : [e.at, e.from];
    const [bx, by] = e.orient === 'h' ? [e.to, e.at] : [e.at, e.to];
    if (!filled) {
      const [x0, y0] = pt(ax, ay);
      const [x1, y1] = pt(bx, by);
      path(OPS.stroke, [MOVE, x0, y0, LINE, x1, y1]);
    } else {
      const t = 0.4;
      const c = [
        e.orient === 'h' ? [ax, ay - t] : [ax - t, ay],
        e.orient === 'h' ? [bx, by - t] : [bx - t, by],
        e.orient === 'h' ? [bx, by + t] : [bx + t, by],
        e.orient === 'h' ? [ax, ay + t] : [ax + t, ay],
      ].map(([x, y]) => pt(x, y));
      path(OPS.fill, [MOVE, ...c[0], LINE, ...c[1], LINE, ...c[2], LINE, ...c[3], CLOSE]);
    }
  }
  // A stamp's circle drawn with curves.
  const [cx, cy] = pt(400, 400);
  path(OPS.stroke, [MOVE, cx, cy, CURVE, cx + 10, cy, cx + 20, cy + 10, cx + 20, cy + 20]);
  fnArray.push(OPS.restore);
  argsArray.push(null);
  return { fnArray, argsArray };
}

/**
 * The same drawing as content-stream operators with the CTM in force, as pdf.js's text pass reads them: rules as
 * `m l S` or as `re f`, inside a `cm`.
 */
function recordRaw(
  edges: Edge[],
  viewport: { transform: M; width: number; height: number },
  ctm: M,
  filled: boolean,
) {
  const rec = new PathRecorder(OPS, viewport.transform, viewport);
  const toUser = invert(times(viewport.transform, ctm));
  const pt = (x: number, y: number) => apply(toUser, x, y);
  const [bx0, by0] = pt(100, 100);
  const [bx1, by1] = pt(300, 160);
  rec.op(OPS.rectangle, [bx0, by0, bx1 - bx0, by1 - by0], ctm);
  rec.op(OPS.fill, [], ctm);
  for (const e of edges) {
    const [ax, ay] = e.orient === 'h' ? [e.from, e.at] : [e.at, e.from];
    const [bx, by] = e.orient === 'h' ? [e.to, e.at] : [e.at, e.to];
    if (!filled) {
      rec.op(OPS.moveTo, pt(ax, ay), ctm);
      rec.op(OPS.lineTo, pt(bx, by), ctm);
      rec.op(OPS.stroke, [], ctm);
    } else {
      const t = 0.4;
      const [x0, y0] = pt(
        Math.min(ax, bx) - (e.orient === 'v' ? t : 0),
        Math.min(ay, by) - (e.orient === 'h' ? t : 0),
      );
      const [x1, y1] = pt(
        Math.max(ax, bx) + (e.orient === 'v' ? t : 0),
        Math.max(ay, by) + (e.orient === 'h' ? t : 0),
      );
      rec.op(OPS.rectangle, [x0, y0, x1 - x0, y1 - y0], ctm);
      rec.op(OPS.fill, [], ctm);
    }
  }
  rec.op(OPS.moveTo, pt(400, 400), ctm);
  rec.op(OPS.curveTo, [...pt(410, 400), ...pt(420, 410), ...pt(420, 420)], ctm);
  rec.op(OPS.stroke, [], ctm);
  return rec.edges;
}

describe('rules from pdf.js operators', () => {
  it('gives the same grid for stroked lines and thin filled rectangles, from operator lists or raw operators, under any translate/scale and rotation', () => {
    fc.assert(
      fc.property(
        synthTable,
        fc.record({
          filled: fc.boolean(),
          raw: fc.boolean(),
          rotated: fc.boolean(),
          scale: fc.constantFrom(0.5, 1, 2, 0.24),
          tx: fc.integer({ min: -50, max: 50 }),
          ty: fc.integer({ min: -50, max: 50 }),
        }),
        (table, v) => {
          fc.pre(filledCells(table) >= 4);
          const viewport = VIEWPORTS[v.rotated ? 1 : 0];
          const p = { x: 30, y: 40 };
          const { xs, ys } = boundaries(table, p);
          fc.pre(xs[xs.length - 1] < viewport.width - 10 && ys[ys.length - 1] < viewport.height - 10);
          const ctm: M = [v.scale, 0, 0, v.scale, v.tx, v.ty];
          const rules = drawRules(table, p);
          const ops = operatorList(rules, viewport.transform, ctm, v.filled);
          const edges = v.raw
            ? recordRaw(rules, viewport, ctm, v.filled)
            : collectEdges(ops.fnArray, ops.argsArray, OPS, viewport.transform, viewport);
          const grids = findGrids(edges);
          expect(grids).toHaveLength(1);
          expect(grids[0].xs.map((x) => Math.round(x * 10) / 10)).toEqual(xs);
          expect(grids[0].ys.map((y) => Math.round(y * 10) / 10)).toEqual(ys);
          const rows = placeRuns(grids[0], drawText(table, p), 1, 'g').rows.filter((r) => r.grid === 'ruled');
          expect(rows.map((r) => shape(r.cells))).toEqual(expectedRows(table));
        },
      ),
      { numRuns: 150 },
    );
  });
});
