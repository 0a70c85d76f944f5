// One table: from its title line to its last row. Header rows give the columns (by cell INDEX, so that text,
// PDF and spreadsheet layouts all work), two-sided tables are split into an income and an expenditure panel,
// and every body line becomes one row per panel with exact decimal cells.
import type { LayoutLine } from '../layout/types.js';
import type { MoneyUnit } from '../model/money.js';
import type { Cell, Column, Row, RowRole, Table, TableKind } from '../model/schema.js';
import type { Context } from './context.js';
import {
  isFormTitle,
  isNoteText,
  isPartHeading,
  metaOfCell,
  tableNumberOf,
  tableTitleOf,
  type TitleMatch,
} from './lines.js';
import { amountOf, clean, codeOf, compact, filled, isNumberText, rowName, splitEnumeration } from './text.js';
import { foldSplitRows } from './split-rows.js';
import { threePublicFromLines } from './three-public.js';
import { GROUP_HEADERS, LABEL_HEADERS, sideOfHeader } from './vocabulary.js';

type Side = 'income' | 'expenditure';
type LabelRole = 'code' | 'codePart' | 'name' | 'governmentName';

interface HeaderColumn {
  index: number;
  /** Header components from the top row down (spanning group labels repeated). */
  path: string[];
  side?: Side;
  labelRole?: LabelRole;
}

interface Panel {
  side?: Side;
  labels: HeaderColumn[];
  values: { column: HeaderColumn; id: string; label: string }[];
}

/** A header cell: a known header word, a year-prefixed header ("2023年预算数"), or empty. */
function isHeaderText(text: string, ctx: Context): boolean {
  const c = compact(text);
  if (c === '') return true;
  const stripped = c.replace(/^(?:19|20)\d{2}年?度?/, '');
  if (stripped !== c) return true;
  if (LABEL_HEADERS.some((h) => h.pattern.test(c))) return true;
  if (GROUP_HEADERS.test(c)) return true;
  if (ctx.vocab.columnAliases.some((a) => a.pattern.test(c)) && c !== '') return true;
  if (ctx.vocab.headerWords.some((w) => w.test(c))) return true;
  return sideOfHeader(c) !== null && splitEnumeration(c).number === undefined;
}

/** "1 2 3 … n": the column-numbering row some tables print under the header. */
function isNumberingRow(line: LayoutLine): boolean {
  const f = filled(line).filter((c) => !/^栏次$|^行次$/.test(c.compact));
  if (f.length < 2) return false;
  return f.every((c, i) => c.compact === String(i + 1));
}

function roleOfLabel(label: string, side: Side | undefined, ctx: Context): RowRole | null {
  const name = rowName(label);
  for (const r of ctx.vocab.rowRoles) {
    if (r.side && side && r.side !== side) continue;
    if (r.pattern.test(name)) return r.role;
  }
  return null;
}

function isHeaderRow(line: LayoutLine, ctx: Context): boolean {
  const f = filled(line);
  if (f.length === 0) return false;
  if (isNumberingRow(line)) return true;
  if (f.some((c) => isNumberText(c.text))) return false;
  const first = line.cells[0] ? clean(line.cells[0].text) : '';
  // "合计 | 基本支出 | 项目支出 …" (三公, Jiangsu 支出预算总表) is a header when every cell is a header word and the
  // line has no amount; a lone role label is still a body row.
  if (first !== '' && roleOfLabel(first, undefined, ctx) && f.length < 2) return false;
  if (f.some((c) => splitEnumeration(c.text).number !== undefined && !/^[（(]/.test(c.text))) return false;
  return f.every((c) => isHeaderText(c.text, ctx));
}

/** Header rows → columns: spanning labels are carried right over the columns a lower row subdivides. */
function headerColumns(rows: LayoutLine[], width: number): HeaderColumn[] {
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => clean(r.cells[i]?.text ?? '')));
  const spanned = grid.map((r) => [...r]);
  for (let r = 0; r < grid.length - 1; r++) {
    for (let c = 0; c < width; c++) {
      if (grid[r][c] === '') continue;
      for (let d = c + 1; d < width && grid[r][d] === ''; d++) {
        if (!grid.slice(r + 1).some((lower) => lower[d] !== '')) break;
        spanned[r][d] = grid[r][c];
      }
    }
  }
  // The row that names both sides ("收入 | 支出") splits the table into panels. A label header is no side
  // ("支出功能分类科目编码" over the codes of a 收入决算表).
  const sideOf = (t: string) => {
    const c = compact(t);
    return LABEL_HEADERS.some((h) => h.pattern.test(c)) ? null : sideOfHeader(c);
  };
  let sideRow = -1;
  for (let r = 0; r < grid.length && sideRow < 0; r++) {
    const sides = new Set(grid[r].map((t) => sideOf(t)).filter((s) => s));
    if (sides.size === 2) sideRow = r;
  }
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let r = 0; r < grid.length; r++) {
      const t = spanned[r][c];
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    const col: HeaderColumn = { index: c, path };
    if (sideRow >= 0) {
      // the side is the nearest side label at or left of the column
      for (let d = c; d >= 0; d--) {
        const s = sideOf(grid[sideRow][d]);
        if (s) {
          col.side = s;
          break;
        }
      }
    }
    const leaf = compact(path[path.length - 1] ?? '');
    const role = LABEL_HEADERS.find((h) => h.pattern.test(leaf))?.role;
    if (role) col.labelRole = role;
    columns.push(col);
  }
  return columns;
}

function columnId(path: string[], ctx: Context): string | null {
  // a header word without an id names its column itself: no caption above it lends its id
  const leaf = compact(path[path.length - 1] ?? '');
  if (ctx.vocab.headerWords.some((w) => w.test(leaf))) return null;
  for (let i = path.length - 1; i >= 0; i--) {
    const c = compact(path[i]).replace(/^(?:19|20)\d{2}年?度?/, '');
    for (const a of ctx.vocab.columnAliases) if (a.pattern.test(c)) return a.id;
  }
  return null;
}

function panelsOf(columns: HeaderColumn[], ctx: Context): Panel[] {
  const panels: Panel[] = [];
  let current: Panel | null = null;
  for (const col of columns) {
    // A name column after value columns of the same side starts another panel (Jiangsu's 收支预算总表 prints
    // 功能分类 and 支出用途 side by side under one 支出 caption).
    // Likewise a code column after value columns (the 决算 economic table prints 人员经费 | 公用经费 side by side,
    // each panel with 科目编码 / 科目名称 / 决算数).
    if (!current || current.side !== col.side || (col.labelRole !== undefined && current.values.length > 0)) {
      current = { side: col.side, labels: [], values: [] };
      panels.push(current);
    }
    if (col.labelRole) {
      current.labels.push(col);
      continue;
    }
    // An unlabelled first column of a panel holds the row labels.
    if (current.labels.length === 0 && current.values.length === 0 && col.path.length <= 1) {
      const top = col.path[0] ?? '';
      if (top === '' || sideOfHeader(compact(top))) {
        current.labels.push({ ...col, labelRole: 'name' });
        continue;
      }
    }
    if (col.path.length === 0) continue;
    // a label column's header spanned over it (经济分类 / 科目编码 above 决算数) is no part of its name
    const own = col.path.filter((p) => !LABEL_HEADERS.some((h) => h.pattern.test(compact(p))));
    const label = (own.length > 0 ? own : col.path).join('/');
    let id = columnId(col.path, ctx) ?? `other:${label}`;
    if (current.values.some((v) => v.id === id)) id = `other:${label}`;
    current.values.push({ column: col, id, label });
  }
  return panels.filter((p) => p.labels.length > 0 || p.values.length > 0);
}

interface ReadResult {
  table: Table;
  /** Index of the first line after the table. */
  next: number;
}

/** True when a line ends the table that is being read. */
function endsTable(line: LayoutLine, ctx: Context): boolean {
  return (
    isPartHeading(line) ||
    tableNumberOf(line) !== null ||
    tableTitleOf(line, ctx.vocab) !== null ||
    isFormTitle(line)
  );
}

function chooseKind(match: TitleMatch, panels: Panel[], ctx: Context, titleLine: LayoutLine): TableKind {
  const ids = new Set(panels.flatMap((p) => p.values.map((v) => v.id)));
  const sides = new Set(panels.map((p) => p.side).filter((s) => s));
  for (const kind of match.kinds) {
    const shape = ctx.vocab.tableShapes[kind];
    if (!shape) return kind;
    if (shape.twoSided && sides.size < 2) continue;
    if (shape.anyColumn && !shape.anyColumn.some((id) => ids.has(id))) continue;
    return kind;
  }
  ctx.note(
    'warning',
    'header_mismatch',
    `表“${match.title}”的表头与该类表格的通常结构不符，按标题识别为 ${match.kinds[0]}`,
    titleLine,
  );
  return match.kinds[0];
}

/** Reads the table whose title is at `start`. */
export function readTable(
  lines: readonly LayoutLine[],
  start: number,
  match: TitleMatch,
  ctx: Context,
  number?: string,
  /** The table this one may continue (same title on the next page): its rows give the code context. */
  previous?: Table,
): ReadResult {
  // (the 三公 column form reads its own header: three-public.ts)
  if (!match.kinds.includes('three_public')) lines = repairEmptyHeader(lines, start, ctx);
  const titleLine = lines[start];
  let unitName: string | undefined;
  let unit: MoneyUnit | undefined;
  const header: LayoutLine[] = [];
  const body: LayoutLine[] = [];
  const notes: string[] = [];
  let j = start + 1;
  for (; j < lines.length; j++) {
    const line = lines[j];
    const f = filled(line);
    if (f.length === 0) continue;
    if (endsTable(line, ctx)) break;
    // meta cells all carry a colon ("单位名称：…", "单位：万元"); rows of numbers are not asked
    const metas = f.every((c) => /[:：]/.test(c.compact)) ? f.map((c) => metaOfCell(c.text)) : [null];
    if (metas.every((m) => m)) {
      for (const m of metas) {
        if (m?.unit) unit = m.unit;
        if (m?.unitName) unitName = m.unitName;
      }
      continue;
    }
    if (isNoteText(f[0].text)) {
      notes.push(f.map((c) => c.text).join(' '));
      continue;
    }
    if (line.cells.length < 2 && !line.inTable) {
      // a subtitle such as "（2023年度）" before the header; anything else after it is prose
      if (header.length === 0 && body.length === 0 && /^[（(]?\d{4}年度?[)）]?$/.test(f[0].compact)) continue;
      if (notes.length > 0 && /^\d+[.、．]/.test(f[0].text)) {
        notes.push(f[0].text);
        continue;
      }
      // the lone 合计 row of a table published empty; its note ("注：…故本表为空表") follows
      if (header.length > 0 && /^(合计|总计)$/.test(f[0].compact)) {
        body.push(line);
        continue;
      }
      break;
    }
    if (body.length === 0 && isHeaderRow(line, ctx)) {
      header.push(line);
      continue;
    }
    // the 类 | 款 | 项 sub-header printed on the baseline of the first row's displaced amounts
    const split = body.length === 0 && header.length > 0 ? splitSubHeader(line) : null;
    if (split) {
      header.push(split.header);
      body.push(split.body);
      continue;
    }
    // a header repeated where the table continues on a new page
    if (body.length > 0 && header.some((h) => sameText(h, line))) continue;
    body.push(line);
  }
  if (match.kinds.includes('three_public')) {
    // 三公 items printed as columns: transposed into the model's rows (three-public.ts)
    const transposed = threePublicFromLines([...header, ...body], (l, c) => ctx.source(l, c));
    if (transposed) {
      if (!unit) unit = ctx.vocab.defaultUnit;
      const rowSource = ctx.source(transposed.valueLine ?? titleLine);
      const rows = transposed.rows.map((r) => ({ ...r, source: rowSource }));
      const table: Table = {
        kind: 'three_public',
        title: match.title,
        unit,
        columns: transposed.columns,
        rows,
        notes,
        empty: isEmpty(rows, notes, ctx, match.title, titleLine),
        source: ctx.source(titleLine),
      };
      if (number ?? match.number) table.number = number ?? match.number;
      if (unitName) table.unitName = unitName;
      return { table, next: j };
    }
  }
  const width = Math.max(0, ...header.map((l) => l.cells.length), ...body.map((l) => l.cells.length));
  const labelRows = header.filter((l) => !isNumberingRow(l));
  const columns = headerColumns(labelRows, width);
  const panels = panelsOf(columns, ctx);
  if (header.length === 0) ctx.note('warning', 'no_header', `表“${match.title}”没有可识别的表头`, titleLine);
  const kind = chooseKind(match, panels, ctx, titleLine);
  if (!unit) {
    unit = ctx.vocab.defaultUnit;
    ctx.note('info', 'unit_assumed', `表“${match.title}”未注明金额单位，按${unit}读取`, titleLine);
  }
  const folded = !ctx.vocab.splitRows
    ? body
    : foldSplitRows(
        body,
        panels.map((p) => ({
          names: p.labels
            .filter((l) => l.labelRole === 'name' || l.labelRole === 'governmentName')
            .map((l) => l.index),
          codes: p.labels
            .filter((l) => l.labelRole === 'code' || l.labelRole === 'codePart')
            .map((l) => l.index),
          values: p.values.map((v) => v.column.index),
        })),
      );
  const rows = readRows(folded, panels, ctx, match.title, previous);
  const tableColumns: Column[] = panels.flatMap((p) =>
    p.values.map((v) => (p.side ? { id: v.id, label: v.label, side: p.side } : { id: v.id, label: v.label })),
  );
  const table: Table = {
    kind,
    title: match.title,
    unit,
    columns: tableColumns,
    rows,
    notes,
    empty: isEmpty(rows, notes, ctx, match.title, titleLine),
    source: ctx.source(titleLine),
  };
  if (number ?? match.number) table.number = number ?? match.number;
  if (unitName) table.unitName = unitName;
  return { table, next: j };
}

/**
 * A table is empty when it prints no amount, or only zeros under a note saying it has no data. A table that
 * prints amounts is never empty, whatever its note says (万里街道 2024 prints its 三公 amounts under "故本表为空表");
 * the contradiction is reported.
 */
function isEmpty(rows: Row[], notes: string[], ctx: Context, title: string, titleLine: LayoutLine): boolean {
  const values = rows.flatMap((r) => Object.values(r.cells).map((c) => c.value)).filter((v) => v !== null);
  const saysEmpty = notes.some((n) => /无数据|本表为空|空表/.test(n));
  const nonZero = values.some((v) => !/^-?0+(\.0+)?$/.test(v));
  if (saysEmpty && nonZero)
    ctx.note('warning', 'empty_note_with_amounts', `表“${title}”注明本表无数据，但列有金额`, titleLine);
  return values.length === 0 || (saysEmpty && !nonZero);
}

/**
 * The header of an empty PDF grid (an empty 政府性基金 决算表), which the reader cannot separate into columns without
 * a body: header words wrapped over two lines of one cell ("年初结转和" / "结余") are joined when the joined text is a
 * header word; header words the reader put into one column ("基本支出" | "项目支出", one cell of two printed pieces)
 * get a column each when no header line below has anything in that column; header lines a few points apart that
 * fill different columns (words vertically centred in cells of different heights) become one header row. Returns
 * the lines with the repaired ones in place (same indices), or the lines unchanged. Grids with amounts are left to
 * the reader's body columns.
 */
function repairEmptyHeader(lines: readonly LayoutLine[], start: number, ctx: Context): readonly LayoutLine[] {
  let first = start + 1;
  while (first < Math.min(lines.length, start + 4) && !lines[first].inTable) first++;
  let end = first;
  while (end < lines.length && lines[end].inTable && lines[end].y !== undefined) end++;
  const head = lines.slice(first, end).map((l) => copyLine(l, [...l.cells]));
  if (head.length < 2 || head.some((l) => filled(l).some((c) => isNumberText(c.text)))) return lines;
  const text = (l: LayoutLine, k: number) => compact(l.cells[k]?.text ?? '');
  const word = (t: string) => compact(t) !== '' && isHeaderText(t, ctx);
  // a joined word must be one the vocabulary names (not merely one ending in 收入 or 支出)
  const known = (t: string) => {
    const c = compact(t).replace(/^(?:19|20)\d{2}年?度?/, '');
    return (
      ctx.vocab.columnAliases.some((a) => a.pattern.test(c)) ||
      ctx.vocab.headerWords.some((w) => w.test(c)) ||
      LABEL_HEADERS.some((h) => h.pattern.test(c))
    );
  };
  let changed = false;
  for (let i = 0; i < head.length; i++) {
    head[i].cells.forEach((cell, k) => {
      if (text(head[i], k) === '' || word(cell.text)) return;
      const next = head.slice(i + 1).find((l) => text(l, k) !== '');
      if (!next || next.y! - head[i].y! > 18 || !known(cell.text + next.cells[k].text)) return;
      head[i].cells[k] = { ...cell, text: cell.text + next.cells[k].text };
      next.cells[k] = { ...next.cells[k], text: '' };
      changed = true;
    });
  }
  for (let i = 0; i < head.length; i++) {
    for (let k = head[i].cells.length - 1; k >= 0; k--) {
      const parts = head[i].cells[k].parts;
      if (!parts || parts.length < 2 || !parts.every((p) => word(p.text))) continue;
      if (head.slice(i + 1).some((l) => text(l, k) !== '')) continue;
      for (const l of head) {
        const pieces = parts.map((p) => ({ text: l === head[i] ? p.text : '', x0: p.x0, x1: p.x1 }));
        l.cells.splice(k, 1, ...pieces);
      }
      changed = true;
    }
  }
  // lines of one header row: a few points apart, no column filled in both
  const rows: LayoutLine[] = [];
  for (const l of head) {
    const last = rows[rows.length - 1];
    const disjoint = last && l.cells.every((_, k) => text(l, k) === '' || text(last, k) === '');
    if (last && disjoint && l.y! - last.y! < 10 && filled(l).length > 0) {
      l.cells.forEach((c, k) => {
        if (text(l, k) !== '') last.cells[k] = c;
      });
      l.cells = l.cells.map((c) => ({ ...c, text: '' }));
      changed = true;
    }
    if (filled(l).length > 0) rows.push(l);
  }
  if (!changed) return lines;
  const out = [...lines];
  head.forEach((l, j) => (out[first + j] = copyLine(l, l.cells)));
  return out;
}

/** A copy of a line with other cells (without what text.ts cached on the original). */
function copyLine(l: LayoutLine, cells: LayoutLine['cells']): LayoutLine {
  const { page, line, y, sheet, row, continues, inTable } = l;
  const out: LayoutLine = { cells, page, line };
  if (y !== undefined) out.y = y;
  if (sheet !== undefined) out.sheet = sheet;
  if (row !== undefined) out.row = row;
  if (continues !== undefined) out.continues = continues;
  if (inTable !== undefined) out.inTable = inTable;
  return out;
}

/** "类 | 款 | 项" with amounts on the same line: the words are header, the amounts a body line. */
function splitSubHeader(line: LayoutLine): { header: LayoutLine; body: LayoutLine } | null {
  const f = filled(line);
  const words = f.filter((c) => !isNumberText(c.text));
  if (words.length < 2 || words.length === f.length || !words.every((c) => /^[类款项]$/.test(c.compact)))
    return null;
  const keep = (pick: (k: number) => boolean) => ({
    ...line,
    cells: line.cells.map((c, k) => (pick(k) ? c : { ...c, text: '' })),
  });
  const wordAt = new Set(words.map((c) => c.index));
  return { header: keep((k) => wordAt.has(k)), body: keep((k) => !wordAt.has(k)) };
}

function sameText(a: LayoutLine, b: LayoutLine): boolean {
  const fa = filled(a);
  const fb = filled(b);
  return (
    fa.length > 0 &&
    fa.length === fb.length &&
    fa.every((c, i) => c.compact === fb[i].compact && c.index === fb[i].index)
  );
}

function readRows(body: LayoutLine[], panels: Panel[], ctx: Context, title: string, previous?: Table): Row[] {
  const rows: Row[] = [];
  for (const panel of panels) {
    // a continued table picks up where the previous page stopped (the enclosing 类/款, the current group)
    const last = previous?.rows.filter((r) => r.side === panel.side).at(-1);
    const code = last?.code ?? '';
    const lastCodeParts = code ? [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter((p) => p) : [];
    const group = last ? (last.level === 1 ? last.name : last.parent) : undefined;
    panelState.set(panel, { lastCodeParts, group, breakdownOf: undefined });
  }
  // Panels side by side without sides (the 决算 economic table's 人员经费 | 公用经费) are read one after the other:
  // each panel is a list of its own, and its groups (301 … then 302 …) must not interleave with the other's.
  const sided = panels.some((p) => p.side);
  const byPanel = panels.length > 1 && !sided;
  panels.forEach((panel, k) => {
    if (!byPanel || !previous) return;
    const last = previous.rows.filter((r) => PANEL_OF.get(r) === k).at(-1);
    if (!last) return;
    const code = last.code ?? '';
    const lastCodeParts = code ? [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter((p) => p) : [];
    panelState.set(panel, {
      lastCodeParts,
      group: last.level === 1 ? last.name : last.parent,
      breakdownOf: undefined,
    });
  });
  const perPanel: Row[][] = panels.map(() => []);
  for (const line of body) {
    panels.forEach((panel, k) => {
      const row = readRow(line, panel, ctx, title);
      if (!row) return;
      if (byPanel) {
        PANEL_OF.set(row, k);
        perPanel[k].push(row);
      } else rows.push(row);
    });
  }
  if (byPanel) {
    for (const list of perPanel) rows.push(...list);
    groupPanels(rows);
  }
  return rows;
}

/** The panel a row was read from, for tables printing several panels side by side. */
const PANEL_OF = new WeakMap<Row, number>();

/** Rows of a table continued on the next page: appended, panel after panel when the table has panels. */
export function appendContinued(previous: Table, rows: Row[]): void {
  previous.rows.push(...rows);
  if (!previous.rows.some((r) => PANEL_OF.has(r))) return;
  const order = new Map(previous.rows.map((r, i) => [r, i]));
  previous.rows.sort(
    (a, b) => (PANEL_OF.get(a) ?? 0) - (PANEL_OF.get(b) ?? 0) || order.get(a)! - order.get(b)!,
  );
  groupPanels(previous.rows);
}

/**
 * A panel that closes with its own total ("人员经费合计" | "公用经费合计") is a group: that row is the subtotal of
 * the panel's classes (301, 303 | 302, 310), which get it as their parent.
 */
function groupPanels(rows: Row[]): void {
  const panels = new Set(rows.map((r) => PANEL_OF.get(r)));
  for (const k of panels) {
    const mine = rows.filter((r) => PANEL_OF.get(r) === k);
    const total = mine.find((r) => !r.code && /^(人员|公用)(经费|支出)(合计)?$/.test(r.name));
    if (!total) continue;
    total.role = 'subtotal';
    total.level = 0;
    delete total.parent;
    for (const r of mine) if (r !== total && r.code && r.level === 1) r.parent = total.name;
  }
}

interface PanelState {
  lastCodeParts: string[];
  /** The current group row (uncoded subtotal, or the item that circled sub-items belong to). */
  group: string | undefined;
  /** After 上年结转 / 年终结转, enumerated items break that row down. */
  breakdownOf: string | undefined;
}
const panelState = new WeakMap<Panel, PanelState>();

function readRow(line: LayoutLine, panel: Panel, ctx: Context, title: string): Row | null {
  const state = panelState.get(panel)!;
  const text = (i: number) => clean(line.cells[i]?.text ?? '');
  let code = '';
  let label = '';
  let governmentName: string | undefined;
  const codeParts = panel.labels.filter((l) => l.labelRole === 'codePart');
  if (codeParts.length > 0) {
    const parts = codeParts.map((l) => compact(text(l.index)));
    if (parts.some((p) => p !== '') && parts.every((p) => p === '' || /^\d+$/.test(p))) {
      // a 款 or 项 row may leave the enclosing 类/款 cells empty
      const last = parts.reduce((acc, p, i) => (p !== '' ? i : acc), -1);
      const full = parts.slice(0, last + 1).map((p, i) => (p !== '' ? p : (state.lastCodeParts[i] ?? '')));
      state.lastCodeParts = full;
      code = full.join('');
    } else if (parts.some((p) => p !== '')) label = parts.filter((p) => p !== '').join('');
  }
  for (const l of panel.labels) {
    const t = text(l.index);
    if (t === '') continue;
    if (l.labelRole === 'code') {
      const c = codeOf(t);
      if (c && !code) code = c;
      else if (!c && !label) label = t;
    } else if (l.labelRole === 'name') {
      if (!label) label = t;
      else if (label !== t) label = `${label}${t}`;
    } else if (l.labelRole === 'governmentName') governmentName = t;
  }
  const cells: Record<string, Cell> = {};
  let any = false;
  for (const v of panel.values) {
    const printed = text(v.column.index);
    const value = amountOf(printed);
    if (value === undefined) {
      ctx.note('warning', 'non_numeric_cell', `表“${title}”的“${v.label}”列有非数字内容“${printed}”`, line);
    }
    const cell: Cell = {
      value: value ?? null,
      printed,
      source: ctx.source(line, v.column.index),
    };
    if (cell.value !== null) any = true;
    cells[v.id] = cell;
  }
  if (!label && !code) {
    if (any) ctx.note('warning', 'unlabelled_row', `表“${title}”有一行数值没有行名`, line);
    else return null;
  }
  const name = rowName(label);
  const row: Row = { name, label, role: 'item', cells, source: ctx.source(line) };
  if (code) row.code = code;
  if (governmentName) row.governmentName = compact(governmentName);
  if (panel.side) row.side = panel.side;
  const role = roleOfLabel(label, panel.side, ctx);
  const enumeration = splitEnumeration(compact(label));
  if (/^其中[:：]/.test(compact(label))) {
    row.role = 'memo';
    if (state.group) row.parent = state.group;
  } else if (role) {
    row.role = role;
    state.group = undefined;
    state.breakdownOf = role === 'carryover' || role === 'year_end_carryover' ? name : undefined;
  } else if (code) {
    row.level = code.length <= 3 ? 1 : code.length <= 5 ? 2 : code.length <= 7 ? 3 : 4;
    if (code.length > 3) row.parent = code.slice(0, code.length - 2);
  } else if (panel.labels.some((l) => l.labelRole === 'governmentName')) {
    // economic rows printed as pairs: a row without its 政府 name is the group subtotal of the items below it
    if (governmentName) {
      row.level = 2;
      if (state.group) row.parent = state.group;
    } else {
      row.role = 'subtotal';
      row.level = 1;
      state.group = name;
    }
  } else if (state.breakdownOf && enumeration.number) {
    row.level = 2;
    row.parent = state.breakdownOf;
  } else if (enumeration.level === 5 && state.group) {
    row.level = 2;
    row.parent = state.group;
  } else {
    row.level = 1;
    state.group = name;
  }
  return row;
}
