// One table: from its title line to its last row. Header rows give the columns (by cell INDEX, so that text,
// PDF and spreadsheet layouts all work), two-sided tables are split into an income and an expenditure panel,
// and every body line becomes one row per panel with exact decimal cells.
import type { LayoutLine } from '../layout/types.js';
import type { MoneyUnit } from '../model/money.js';
import type { Cell, Column, Row, RowRole, Table, TableKind } from '../model/schema.js';
import type { Context } from './context.js';
import {
  brokenTitleAt,
  isFormTitle,
  isNoteText,
  isPartHeading,
  metaOfCell,
  tableNumberOf,
  tableTitleOf,
  type TitleMatch,
} from './lines.js';
import { amountOf, clean, codeOf, compact, filled, isNumberText, rowName, splitEnumeration } from './text.js';
import { foldSplitRows, type PanelColumns } from './split-rows.js';
import { tableIdentities } from './identities.js';
import { threePublicFromLines, threePublicRowRoles } from './three-public.js';
import { GROUP_HEADERS, LABEL_HEADERS, sideOfHeader, TABLE_NUMBER } from './vocabulary.js';

type Side = 'income' | 'expenditure';
type LabelRole = 'code' | 'codePart' | 'name' | 'governmentName' | 'numbering';

interface HeaderColumn {
  index: number;
  /** Header components from the top row down (spanning group labels repeated). */
  path: string[];
  side?: Side;
  labelRole?: LabelRole;
  /** A name column whose header also names the amount ("功能科目名称金额": the reader ran two columns together). */
  withAmount?: boolean;
}

interface Panel {
  side?: Side;
  labels: HeaderColumn[];
  values: { column: HeaderColumn; id: string; label: string }[];
  /**
   * Columns without a header of their own whose amounts belong to the panel's one value column: the reader
   * splits a column in two when some amounts are printed off its centre (Jiangsu 机关运行经费 table: the items
   * left of the 机关运行经费支出 column, their total inside it). Set only when never both are filled on a line.
   */
  strays?: number[];
  /**
   * Two label columns under one 项目名称 header (Jiangsu 收入预算总表): a group label printed once in a merged cell
   * over its group's rows (一般公共预算资金, 政府性基金 …) and the item label of each row (小计, 专项收入 …).
   */
  grouped?: { group: number; item: number };
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
  if (COMBINED_HEADER.test(c)) return true;
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

/** `loose`: header words nobody listed are allowed beside known ones (see below). */
function isHeaderRow(line: LayoutLine, ctx: Context, loose = true): boolean {
  const f = filled(line);
  if (f.length === 0) return false;
  if (isNumberingRow(line)) return true;
  if (f.some((c) => isNumberText(c.text))) return false;
  // A ruled row names its label in the first filled cell (合计 in the name column of an empty table's grid).
  const firstCell = line.grid === 'ruled' ? line.cells.find((c) => clean(c.text) !== '') : line.cells[0];
  const first = firstCell ? clean(firstCell.text) : '';
  // "合计 | 基本支出 | 项目支出 …" (三公, Jiangsu 支出预算总表) is a header when every cell is a header word and the
  // line has no amount; a lone role label is still a body row.
  if (first !== '' && roleOfLabel(first, undefined, ctx) && f.length < 2) return false;
  if (f.some((c) => splitEnumeration(c.text).number !== undefined && !/^[（(]/.test(c.text))) return false;
  const unknown = f.filter((c) => !isHeaderText(c.text, ctx));
  if (unknown.length === 0) return true;
  if (!loose) return false;
  // Header words nobody listed (a layout nobody tuned for: 上级补助收入, 结转下年资金 …): a line of several cells
  // without amounts, most of them known header words, reads as a header when its other cells look like header
  // words too (short names, no digits, no sentence punctuation, no row label such as 合计).
  const known = f.length - unknown.length;
  return (
    known >= 2 &&
    known >= unknown.length &&
    unknown.every(
      (c) =>
        c.compact.length >= 2 &&
        c.compact.length <= 16 &&
        !/[\d０-９。，；：:,;、]/.test(c.compact) &&
        roleOfLabel(c.text, undefined, ctx) === null,
    )
  );
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
    // A side word over the whole header's depth (a ruled cell spanning rows: 本年收入 | 本年支出 of a 收入支出决算表)
    // names a column, not a panel.
    // Likewise a side word with nothing under it, nor under the empty cells right of it, in a header of several
    // rows (a sheet has no row spans: 本年收入 beside 本年支出 / 小计 | 基本支出 | 项目支出 of a 决算 funds table).
    const whole = (i: number) => {
      if ((rows[r].cells[i]?.rowSpan ?? 1) > 1) return true;
      if (r + 1 >= grid.length) return false;
      let end = i + 1;
      while (end < width && grid[r][end] === '') end++;
      return grid.slice(r + 1).every((l) => l.slice(i, end).every((t) => t === ''));
    };
    const sides = new Set(grid[r].map((t, i) => (whole(i) ? null : sideOf(t))).filter((s) => s));
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
    else if (COMBINED_HEADER.test(leaf)) {
      col.labelRole = 'name';
      col.withAmount = true;
    }
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
  for (const original of columns) {
    let col = original;
    // The 支出 caption centred over its panels may stand right of the first spending name column (人大 2017):
    // a name column after the income values, with spending columns to come, opens the spending side.
    if (
      col.side === 'income' &&
      col.labelRole === 'name' &&
      current?.side === 'income' &&
      current.values.length > 0 &&
      columns.some((c) => c.index > col.index && c.side === 'expenditure')
    )
      col = { ...col, side: 'expenditure' };
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
      if (col.withAmount)
        current.values.push({
          column: col,
          id: 'amount',
          label: [...col.path.slice(0, -1), '金额'].join('/'),
        });
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
  /** No header row was recognised: the columns are the reader's guess. */
  headerless?: boolean;
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
  // a header read without any column cannot disagree with the title: the title's first kind stands
  if (ids.size === 0 && sides.size === 0) return match.kinds[0];
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

/**
 * A header word printed letter-spaced inside one grid cell ("金   额") comes out as two cells; the word is put back
 * together in the column of the two that holds the body's amounts (the other is left empty).
 */
function joinSpacedHeader(header: LayoutLine[], body: readonly LayoutLine[], ctx: Context): void {
  const amounts = (k: number) => body.filter((l) => isNumberText(l.cells[k]?.text ?? '')).length;
  for (let h = 0; h < header.length; h++)
    header[h] = withSpacedJoined(header[h], ctx, (k) => (amounts(k + 1) > amounts(k) ? k + 1 : k));
}

/** The line with letter-spaced header words joined into the cell `at` chooses (the first of the two by default). */
function withSpacedJoined(line: LayoutLine, ctx: Context, at: (k: number) => number = (k) => k): LayoutLine {
  let cells: LayoutLine['cells'] | undefined;
  for (let k = 0; k + 1 < line.cells.length; k++) {
    const a = compact(line.cells[k].text);
    const b = compact(line.cells[k + 1].text);
    if (a.length !== 1 || b.length !== 1 || isHeaderText(a, ctx) || !isHeaderText(a + b, ctx)) continue;
    cells ??= [...line.cells];
    const word = at(k);
    const blank = word === k ? k + 1 : k;
    cells[word] = { ...cells[word], text: a + b };
    cells[blank] = { ...cells[blank], text: '' };
    k++;
  }
  return cells ? copyLine(line, cells) : line;
}

/**
 * A total's label printed letter-spaced ("合   计") comes out as two one-character cells, one of them in the name
 * column and the other in an unheaded column beside it: the label is put back together in the name column.
 */
function joinSpacedLabels(body: LayoutLine[], panels: Panel[]): void {
  const valueIndex = new Set(panels.flatMap((p) => p.values.map((v) => v.column.index)));
  const names = panels.flatMap((p) => p.labels.filter((l) => l.labelRole === 'name').map((l) => l.index));
  const char = (l: LayoutLine, k: number) => compact(l.cells[k]?.text ?? '');
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    for (const n of names) {
      if (char(line, n).length !== 1) continue;
      const k = [n - 1, n + 1].find(
        (m) => m >= 0 && !valueIndex.has(m) && !names.includes(m) && char(line, m).length === 1,
      );
      if (k === undefined) continue;
      const text = k < n ? char(line, k) + char(line, n) : char(line, n) + char(line, k);
      if (!TOTAL_LABEL.test(text)) continue;
      const cells = [...line.cells];
      cells[n] = { ...cells[n], text };
      cells[k] = { ...cells[k], text: '' };
      body[i] = copyLine(line, cells);
    }
  }
}

/**
 * A name wrapped over two or three lines of one grid cell, its code and amounts on one of them (vertically
 * centred: "机关事业单位" / "2080505 基本养老保险 600.00" / "缴费支出"): a line holding only a piece of name, closer to
 * the row beside it than rows are to each other, is joined to that row's name. PDF lines only (positions known).
 */
function joinWrappedLabels(body: LayoutLine[], panels: Panel[], ctx: Context): void {
  const names = new Set(
    panels.flatMap((p) => p.labels.filter((l) => l.labelRole === 'name').map((l) => l.index)),
  );
  const anchored = (l: LayoutLine) => filled(l).some((c) => isNumberText(c.text));
  const piece = (l: LayoutLine) => {
    const f = filled(l);
    // a ruled grid's cells are whole already (its reader joins wrapped cell text)
    if (l.grid === 'ruled') return false;
    return (
      f.length === 1 &&
      names.has(f[0].index) &&
      !/[:：]$/.test(f[0].compact) &&
      splitEnumeration(f[0].compact).number === undefined &&
      roleOfLabel(f[0].text, undefined, ctx) === null
    );
  };
  // the row pitch: the median distance between consecutive lines that carry amounts
  const gaps: number[] = [];
  for (let k = 1; k < body.length; k++) {
    const a = body[k - 1];
    const b = body[k];
    if (a.y !== undefined && b.y !== undefined && a.page === b.page && anchored(a) && anchored(b))
      gaps.push(b.y - a.y);
  }
  if (gaps.length < 2) return;
  const pitch = gaps.sort((a, b) => a - b)[gaps.length >> 1];
  const near = (a: LayoutLine, b: LayoutLine | undefined) =>
    b !== undefined &&
    a.y !== undefined &&
    b.y !== undefined &&
    a.page === b.page &&
    Math.abs(a.y - b.y) < pitch * 0.8;
  const join = (row: LayoutLine, pieceLine: LayoutLine, before: boolean): LayoutLine => {
    const k = filled(pieceLine)[0].index;
    const own = compact(row.cells[k]?.text ?? '');
    if (own === '') return row;
    const text = before ? filled(pieceLine)[0].compact + own : own + filled(pieceLine)[0].compact;
    const cells = [...row.cells];
    cells[k] = { ...cells[k], text };
    return copyLine(row, cells);
  };
  for (let k = 0; k < body.length; k++) {
    const line = body[k];
    if (!anchored(line) || line.y === undefined) continue;
    const above = body[k - 1];
    if (
      above &&
      piece(above) &&
      near(line, above) &&
      !(
        body[k - 2] &&
        anchored(body[k - 2]) &&
        near(above, body[k - 2]) &&
        above.y! - body[k - 2].y! < line.y - above.y!
      )
    ) {
      body[k] = join(body[k], above, true);
      body.splice(k - 1, 1);
      k--;
    }
    const below = body[k + 1];
    if (
      below &&
      piece(below) &&
      near(body[k], below) &&
      !(body[k + 2] && anchored(body[k + 2]) && body[k + 2].y! - below.y! < below.y! - body[k].y!)
    ) {
      body[k] = join(body[k], below, false);
      body.splice(k + 1, 1);
    }
  }
}

/**
 * A label and its amount printed on two lines of one grid row (the amount vertically centred in a row made taller by
 * the merged group label beside it: 法院 2019 公共财政拨款（补助）资金): a line of amounts only, under a line with a
 * label and no amount, is folded into it when it lies closer to it than to the line below. Single-panel tables only.
 */
function foldLoneAmounts(body: LayoutLine[], panels: Panel[]): void {
  if (panels.length !== 1) return;
  const labels = panels[0].labels.map((l) => l.index);
  const values = panels[0].values.map((v) => v.column.index);
  if (labels.length === 0 || values.length === 0) return;
  const has = (l: LayoutLine, idx: number[]) => idx.some((k) => clean(l.cells[k]?.text ?? '') !== '');
  const amountsOnly = (l: LayoutLine) =>
    !has(l, labels) &&
    values.some((k) => isNumberText(l.cells[k]?.text ?? '')) &&
    filled(l).every((c) => isNumberText(c.text));
  for (let k = body.length - 1; k > 0; k--) {
    const line = body[k];
    const above = body[k - 1];
    const below = body[k + 1];
    // a ruled grid's rows are whole already: its reader joins what one cell prints over several lines
    if (line.grid === 'ruled' || above.grid === 'ruled') continue;
    if (line.y === undefined || above.y === undefined || !amountsOnly(line)) continue;
    if (!has(above, labels) || has(above, values)) continue;
    if (below?.y !== undefined && below.page === line.page && below.y - line.y < line.y - above.y) continue;
    const cells = above.cells.map((c, i) => (values.includes(i) && line.cells[i] ? { ...line.cells[i] } : c));
    for (let i = above.cells.length; i < line.cells.length; i++) cells.push({ ...line.cells[i] });
    body.splice(k - 1, 2, copyLine(above, cells));
  }
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
  /** The line that printed the unit name (its wrapped end may follow). */
  let nameLine = -1;
  let unit: MoneyUnit | undefined;
  const header: LayoutLine[] = [];
  const body: LayoutLine[] = [];
  const notes: string[] = [];
  /** Lone lines above the grid (a caption printed over the header); only the 三公 reading uses them. */
  const loose: LayoutLine[] = [];
  const itemColumns = match.kinds.includes('three_public');
  let j = start + 1;
  for (; j < lines.length; j++) {
    if (filled(lines[j]).length === 0) continue;
    // the table's number printed under its title (Jiangsu 2019 tables volume: 收入预算总表 / 公开表二)
    const printedNumber = header.length === 0 && body.length === 0 ? tableNumberOf(lines[j]) : null;
    if (printedNumber && !number && !match.number && !unit && !unitName) {
      number = printedNumber;
      continue;
    }
    if (endsTable(lines[j], ctx) || brokenTitleAt(lines, j, ctx.vocab)) break;
    const line = spacedWords(lines[j], ctx);
    const f = filled(line);
    // meta cells all carry a colon ("单位名称：…", "单位：万元"); rows of numbers are not asked
    // the unit name wrapped onto the next line, beside the money unit ("部门名称：江苏省高级人民法" / "院 | 单位：万元")
    if (
      unitName !== undefined &&
      nameLine === j - 1 &&
      f.length >= 2 &&
      f[0].compact.length <= 6 &&
      !/[:：]/.test(f[0].compact) &&
      !isNumberText(f[0].text) &&
      !isHeaderText(f[0].text, ctx) &&
      f.slice(1).every((c) => metaOfCell(c.text)?.unit)
    ) {
      unitName = `${unitName}${f[0].compact}`;
      for (const c of f.slice(1)) unit = metaOfCell(c.text)?.unit ?? unit;
      continue;
    }
    // a lone "元" is the wrapped tail of "单位：万" on the line above; the table's number may stand between the
    // meta cells ("编制单位：… | 1. | 单位：元", "单位名称：… | 公开01表 | 单位：万元")
    const numbering = (c: (typeof f)[number]) =>
      f.some((o) => /[:：]/.test(o.compact)) &&
      (/^\d{1,2}[.．、]?$/.test(c.compact) || TABLE_NUMBER.exec(c.compact)?.[0].length === c.compact.length);
    const metas =
      f.every((c) => /[:：]/.test(c.compact) || (c.compact === '元' && unit === '万元') || numbering(c)) &&
      f.some((c) => c.compact !== '元' && !numbering(c))
        ? f.map((c) => (c.compact === '元' || numbering(c) ? {} : metaOfCell(c.text)))
        : [null];
    if (metas.every((m) => m)) {
      for (const m of metas) {
        if (m?.unit) unit = m.unit;
        if (m?.unitName) {
          unitName = m.unitName;
          nameLine = j;
        }
      }
      continue;
    }
    // the 部门 name wrapped into the grid's first line ("部门：中国共产党江苏省委员会办" / "公厅"), or onto a line of
    // its own right above a ruled grid
    if (
      unitName &&
      (line.inTable || lines[j + 1]?.grid === 'ruled') &&
      header.length === 0 &&
      body.length === 0 &&
      f.length === 1 &&
      f[0].index === 0 &&
      f[0].compact.length <= 6 &&
      !isHeaderText(f[0].text, ctx) &&
      !isNumberText(f[0].text)
    ) {
      unitName = `${unitName}${f[0].compact}`;
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
      if (itemColumns && header.length === 0 && body.length === 0 && nextInTable(lines, j)) {
        loose.push(line);
        continue;
      }
      break;
    }
    // header words wrapped over the lines before the first amount, at the top of the header or below its
    // caption rows (人大 2017 收支预算总表: 收入 | 支出 / 功能分类 | 支出用途 / 项目名 | … / 称 …)
    const joined = body.length === 0 ? withSpacedJoined(line, ctx) : line;
    if (body.length === 0 && !itemColumns && !isHeaderRow(joined, ctx)) {
      const wrapped = wrappedHeaderAt(lines, j, ctx);
      if (wrapped) {
        header.push(wrapped.line);
        j = wrapped.next - 1;
        continue;
      }
    }
    if (body.length === 0 && isHeaderRow(joined, ctx)) {
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
  // Tables read by a reader of their own (三公 items printed as columns, 政府采购 lists) share the table's frame.
  const special = (kind: TableKind, columns: Column[], rows: Row[], empty: boolean): Table => {
    if (!unit)
      ctx.note(
        'info',
        'unit_assumed',
        `表“${match.title}”未注明金额单位，按${ctx.vocab.defaultUnit}读取`,
        titleLine,
      );
    const table: Table = {
      kind,
      title: match.title,
      unit: unit ?? ctx.vocab.defaultUnit,
      columns,
      rows,
      notes,
      empty,
      source: ctx.source(titleLine),
    };
    if (number ?? match.number) table.number = number ?? match.number;
    if (unitName) table.unitName = unitName;
    return table;
  };
  if (itemColumns) {
    // 三公 items printed as columns (one caption level, 预算数 | 决算数 pairs, or stacked): transposed into rows
    const transposed = threePublicFromLines(
      [...loose, ...header, ...body],
      (l, c) => ctx.source(l, c),
      ctx.source(titleLine),
    );
    if (transposed) {
      const empty = isEmpty(transposed.rows, notes, ctx, match.title, titleLine);
      return { table: special('three_public', transposed.columns, transposed.rows, empty), next: j };
    }
  }
  if (match.kinds.includes('procurement')) {
    const list = readProcurement([...header, ...body], ctx);
    if (list) {
      // the prose after the grid was taken as body rows: the document goes on from there
      const stop = list.stop ? lines.indexOf(list.stop, start) : -1;
      return { table: special('procurement', list.columns, list.rows, false), next: stop > start ? stop : j };
    }
  }
  joinSpacedHeader(header, body, ctx);
  alignHeader(header, body);
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
  secondLabelColumns(panels, columns, body);
  const tableColumns: Column[] = panels.flatMap((p) =>
    p.values.map((v) => (p.side ? { id: v.id, label: v.label, side: p.side } : { id: v.id, label: v.label })),
  );
  const rowsOf = (lines: LayoutLine[]) => {
    joinSpacedLabels(lines, panels);
    joinWrappedLabels(lines, panels, ctx);
    foldLoneAmounts(lines, panels);
    strayColumns(panels, columns, lines);
    return readRows(lines, panels, ctx, match.title, previous);
  };
  const rows =
    ctx.vocab.splitRows === 'auto'
      ? foldedIfBetter(body, panels, tableColumns, unit, ctx, rowsOf)
      : rowsOf(ctx.vocab.splitRows ? foldSplitRows(body, panelColumns(panels)) : body);
  grandTotals(rows);
  if (kind === 'three_public') threePublicRowRoles(rows);
  // a table that prints amounts is not empty, also when its columns could not be read
  const readsValues = rows.some((r) => Object.values(r.cells).some((c) => c.value !== null));
  const printsAmounts = body.some((l) =>
    filled(l).some((c) => AMOUNT_LOOK.test(c.compact) && isNumberText(c.text)),
  );
  // one row of amounts under a header that begins with 合计 and has no label column: the table's total
  const only = rows.length === 1 ? rows[0] : undefined;
  if (
    only &&
    only.name === '' &&
    !only.code &&
    only.cells.total &&
    panels.every((p) => p.labels.length === 0)
  ) {
    only.name = '合计';
    only.role = 'total';
  }
  const table: Table = {
    kind,
    title: match.title,
    unit,
    columns: tableColumns,
    rows,
    notes,
    empty: isEmpty(rows, notes, ctx, match.title, titleLine) && (readsValues || !printsAmounts),
    source: ctx.source(titleLine),
  };
  if (number ?? match.number) table.number = number ?? match.number;
  if (unitName) table.unitName = unitName;
  return { table, next: j, headerless: header.length === 0 };
}

/**
 * A bare 总计 below the 本年收入合计 / 本年支出合计 of its side is that side's grand total (总计 = 本年合计 + 结转, as
 * 收入总计 / 支出总计 elsewhere: the national 决算 总表), not a plain total.
 */
function grandTotals(rows: Row[]): void {
  for (const row of rows)
    if (
      row.role === 'total' &&
      row.name === '总计' &&
      rows.some((r) => r.role === 'year_total' && r.side === row.side)
    )
      row.role = 'grand_total';
}

/** Where each panel prints its labels and its amounts (split-rows.ts). */
function panelColumns(panels: Panel[]): PanelColumns[] {
  return panels.map((p) => ({
    names: p.labels
      .filter((l) => l.labelRole === 'name' || l.labelRole === 'governmentName')
      .map((l) => l.index),
    codes: p.labels.filter((l) => l.labelRole === 'code' || l.labelRole === 'codePart').map((l) => l.index),
    values: p.values.map((v) => v.column.index),
  }));
}

/**
 * A PDF may print one grid row over several lines (split-rows.ts, ONLYOFFICE) or not: the rows are read
 * both ways when the body has such fragments, and the folded reading is kept only when it is the better one — fewer
 * of the table's own identities broken and fewer amounts without a row label. A wrapped label beside a lone amount
 * (which folding would misjoin) breaks no identity unfolded, so it stays as it is.
 */
function foldedIfBetter(
  body: LayoutLine[],
  panels: Panel[],
  columns: Column[],
  unit: MoneyUnit,
  ctx: Context,
  rowsOf: (lines: LayoutLine[]) => Row[],
): Row[] {
  const folded = foldSplitRows(body, panelColumns(panels));
  if (folded.length === body.length) return rowsOf(body);
  const mark = ctx.notes.length;
  const strays = panels.map((p) => p.strays);
  const plain = rowsOf([...body]);
  const plainNotes = ctx.notes.splice(mark);
  const plainStrays = panels.map((p) => p.strays);
  panels.forEach((p, k) => (strays[k] ? (p.strays = strays[k]) : delete p.strays));
  const joined = rowsOf(folded);
  if (misreadings(joined, columns, unit) < misreadings(plain, columns, unit)) return joined;
  ctx.notes.splice(mark, ctx.notes.length - mark, ...plainNotes);
  panels.forEach((p, k) => (plainStrays[k] ? (p.strays = plainStrays[k]) : delete p.strays));
  return plain;
}

/** Signs of a misread row structure: identities of the table broken, and rows of codes or amounts without a name. */
function misreadings(rows: Row[], columns: Column[], unit: MoneyUnit): number {
  const table: Table = { kind: 'unknown', title: '', unit, columns, rows, notes: [], empty: false };
  const broken = tableIdentities(table).filter((c) => !c.held).length;
  const unnamed = rows.filter(
    (r) => r.name === '' && (r.code !== undefined || Object.values(r.cells).some((c) => c.value !== null)),
  ).length;
  return broken + unnamed;
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
  let rows: Row[] = [];
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
  const unsidedPanels = panels.length > 1 && !sided;
  panels.forEach((panel, k) => {
    if (!unsidedPanels || !previous) return;
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
  // Panels sharing a side (Jiangsu 收支预算总表: 功能分类 | 支出用途 under one 支出 caption) break the same total
  // down twice: rows of the later panels are memo rows, never added to the first panel's items.
  const later = new Set(panels.filter((p, k) => p.side && panels.slice(0, k).some((q) => q.side === p.side)));
  const perPanel: Row[][] = panels.map(() => []);
  const byPanel = new Map<Panel, Row[]>(panels.map((p) => [p, []]));
  // Panels under one caption (公用经费 spread over two column groups) are one list: one group of rows.
  const caption = (p: Panel) =>
    (p.values[0]?.column.path.length ?? 0) > 1 ? p.values[0].column.path[0] : undefined;
  // (a caption over every panel alike tells none apart)
  const distinct = new Set(panels.map(caption)).size > 1;
  const groupOf = panels.map((p, k) => {
    const c = caption(p);
    const first = c === undefined || !distinct ? -1 : panels.findIndex((q) => caption(q) === c);
    return first >= 0 ? first : k;
  });
  for (const line of body) {
    const lineRows: { panel: Panel; row: Row }[] = [];
    panels.forEach((panel) => {
      const row = readRow(line, panel, ctx, title);
      if (row) lineRows.push({ panel, row });
    });
    const kept = unsidedPanels || later.size > 0 ? spanningTotals(lineRows) : lineRows;
    // amounts without a row label, unless they were a total's printed across panels (spanningTotals)
    for (const { row } of kept) {
      const at = UNLABELLED.get(row);
      if (at) ctx.note('warning', 'unlabelled_row', `表“${title}”有一行数值没有行名`, at);
    }
    if (unsidedPanels) {
      // a panel's total printed across the groups beside it (公用经费合计 | … | its amount in the last group)
      for (const { panel, row } of kept) {
        const k = panels.indexOf(panel);
        PANEL_OF.set(row, groupOf[k]);
        perPanel[k].push(row);
      }
      continue;
    }
    for (const { panel, row } of kept) {
      byPanel.get(panel)!.push(row);
      rows.push(row);
    }
  }
  if (unsidedPanels) {
    for (const list of perPanel) rows.push(...list);
    groupPanels(rows);
    return rows;
  }
  const ungrouped = new Set<Row>();
  for (const panel of panels) {
    if (!panel.grouped) continue;
    const last = previous?.rows.filter((r) => r.side === panel.side).at(-1);
    for (const r of groupRows(byPanel.get(panel)!, last?.parent)) ungrouped.add(r);
  }
  if (ungrouped.size > 0) rows = rows.filter((r) => !ungrouped.has(r));
  if (later.size === 0) return rows;
  const dropped = new Set<Row>();
  for (const panelRows of byPanel.values()) for (const r of foldWrapped(panelRows)) dropped.add(r);
  for (const panel of later)
    for (const row of byPanel.get(panel)!) if (row.role === 'item') row.role = 'memo';
  return rows.filter((r) => !dropped.has(r));
}

/** Rows read without a label though they carry amounts, with their line (noted once the line is complete). */
const UNLABELLED = new WeakMap<Row, LayoutLine>();

const hasAmount = (row: Row) => Object.values(row.cells).some((c) => c.value !== null);

/**
 * A total printed once across the panels of a side (当年支出小计 in a merged cell: its label lands in one panel,
 * its amount in another): the amount joins the labelled row.
 */
function spanningTotals(lineRows: { panel: Panel; row: Row }[]): { panel: Panel; row: Row }[] {
  const out = [...lineRows];
  for (const labelled of lineRows) {
    const { row } = labelled;
    if (!/(小计|合计|总计)$/.test(row.name) || hasAmount(row) || labelled.panel.values.length !== 1) continue;
    const bare = out.find(
      (o) =>
        o !== labelled &&
        o.panel.side === labelled.panel.side &&
        o.row.name === '' &&
        !o.row.code &&
        Object.values(o.row.cells).filter((c) => c.value !== null).length === 1,
    );
    if (!bare) continue;
    const cell = Object.values(bare.row.cells).find((c) => c.value !== null)!;
    row.cells[labelled.panel.values[0].id] = cell;
    out.splice(out.indexOf(bare), 1);
  }
  return out;
}

/**
 * Labels wrapped inside one panel's cell, which the reader cannot fold line by line when the panels beside it
 * wrap differently ("三、单位预留机动" / amount alone / "经费", "十七、国土海洋气象等支" / "出" on the next page).
 * Returns the rows folded into the row above them.
 */
function foldWrapped(rows: Row[]): Row[] {
  const dropped: Row[] = [];
  let prev: Row | undefined;
  for (const row of rows) {
    if (prev && !row.code && !prev.code) {
      if (row.name === '' && hasAmount(row) && prev.name !== '' && !hasAmount(prev)) {
        prev.cells = row.cells;
        dropped.push(row);
        continue;
      }
      const c = compact(row.label);
      if (
        c !== '' &&
        c.length <= 4 &&
        !hasAmount(row) &&
        row.role === 'item' &&
        splitEnumeration(c).number === undefined &&
        splitEnumeration(compact(prev.label)).number !== undefined
      ) {
        prev.label = `${prev.label}${c}`;
        prev.name = rowName(prev.label);
        dropped.push(row);
        continue;
      }
    }
    prev = row;
  }
  return dropped;
}

/** What a row of a panel with two label columns printed there: its group label, and whether it has an item label. */
const GROUP_LABEL = new WeakMap<Row, { group: string; item: boolean }>();

/**
 * Rows of a panel with a group label column (see Panel.grouped): a group runs from its 小计 row to the row before
 * the next 小计, and its label, printed once in the merged cell over those rows (wrapped over lines in a narrow
 * cell: "一般公共预" / "算资金"), is the parent of each of them; the 小计 is level 1, the items level 2. Rows before
 * the first 小计 (收入总计) belong to no group, unless the table continues one from the previous page (`carried`).
 * Without any 小计 a row gets the group label printed on its own line. A line with only the group label and no
 * amount is no row: it is returned to be dropped.
 */
function groupRows(rows: Row[], carried: string | undefined): Row[] {
  const dropped: Row[] = [];
  const info = (r: Row) => GROUP_LABEL.get(r) ?? { group: '', item: true };
  const bare = (r: Row) => !info(r).item && !hasAmount(r);
  const segments: Row[][] = [];
  const hasSubtotals = rows.some((r) => r.role === 'subtotal' && info(r).item);
  for (const r of rows) {
    if (segments.length === 0 || !hasSubtotals || (r.role === 'subtotal' && info(r).item)) segments.push([]);
    segments[segments.length - 1].push(r);
  }
  segments.forEach((segment, n) => {
    const labels = segment.map((r) => info(r).group).filter((g) => g !== '');
    const group =
      labels.length > 0
        ? rowName(labels.filter((g, i) => labels.indexOf(g) === i).join(''))
        : n === 0
          ? carried
          : undefined;
    for (const r of segment) {
      if (bare(r)) {
        dropped.push(r);
        continue;
      }
      if (!info(r).item) {
        // the group label alone with an amount: the group's own row
        delete r.parent;
        r.level = 1;
        continue;
      }
      // a total printed among the groups (收入总计) belongs to none of them
      if (!group || (r.role !== 'item' && r.role !== 'subtotal' && r.role !== 'memo')) continue;
      r.parent = group;
      if (r.role === 'subtotal') r.level = 1;
      else if (r.role === 'item') r.level = 2;
    }
  });
  return dropped;
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

/** A total's label: 合计, 支出合计, 当年支出小计, 收入总计. */
const TOTAL_LABEL = /^[\u4e00-\u9fff]{0,6}(小计|合计|总计)$/;

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
  const grouped = panel.grouped;
  const hasCodeColumn = panel.labels.some((l) => l.labelRole === 'code' || l.labelRole === 'codePart');
  for (const l of panel.labels) {
    const t = text(l.index);
    if (t === '' || (grouped && (l.index === grouped.group || l.index === grouped.item))) continue;
    if (l.labelRole === 'code') {
      const c = codeOf(t);
      if (c && !code) code = c;
      else if (!c && !label) label = t;
    } else if (l.labelRole === 'name') {
      const own = l.withAmount ? splitAmount(t).label : t;
      if (own === '') continue;
      // a code printed left of its code column's header, in the unheaded first column (省委办公厅 2019 机关运行经费)
      const printedCode = codeOf(own);
      if (printedCode && printedCode.length >= 3 && !code && hasCodeColumn) {
        code = printedCode;
        continue;
      }
      if (!label) label = own;
      else if (label !== t) label = `${label}${t}`;
    } else if (l.labelRole === 'governmentName') governmentName = t;
  }
  // the item names the row; a line with the group label only is named after its group
  const groupLabel = grouped ? text(grouped.group) : '';
  if (grouped && !label) label = text(grouped.item) || groupLabel;
  // an amount run into the label by the reader ("十八、住房保障支出3,660.38") when its own cell is blank
  let swallowed: string | undefined;
  const run = /^(.*[\u4e00-\u9fff）)])(\d{1,3}(?:,\d{3})*\.\d{2})$/.exec(compact(label));
  if (run && panel.values.length === 1 && text(panel.values[0].column.index) === '') {
    label = run[1];
    swallowed = run[2];
  }
  // A total's label printed in a cell merged over the name and amount columns (Jiangsu 支出合计, 当年支出小计) lands
  // in the amount column; its amount is on the same line, in another panel (spanningTotals joins them).
  let labelAt: number | undefined;
  if (!label && !code && filled(line).some((c) => isNumberText(c.text))) {
    const v = panel.values.find((x) => TOTAL_LABEL.test(compact(text(x.column.index))));
    if (v) {
      label = text(v.column.index);
      labelAt = v.column.index;
    }
  }
  const cells: Record<string, Cell> = {};
  let any = false;
  for (const v of panel.values) {
    let index = v.column.index;
    if (index === labelAt) {
      cells[v.id] = { value: null, printed: '', source: ctx.source(line, index) };
      continue;
    }
    if (text(index) === '' && panel.strays) {
      const stray = panel.strays.filter((k) => isNumberText(text(k)));
      if (stray.length === 1) index = stray[0];
    }
    const printed = v.column.withAmount ? splitAmount(text(index)).amount : (swallowed ?? text(index));
    const value = amountOf(printed);
    if (value === undefined) {
      ctx.note('warning', 'non_numeric_cell', `表“${title}”的“${v.label}”列有非数字内容“${printed}”`, line);
    }
    const cell: Cell = {
      value: value ?? null,
      printed,
      source: ctx.source(line, index),
    };
    if (cell.value !== null) any = true;
    cells[v.id] = cell;
  }
  if (!label && !code) {
    if (!any) return null;
  }
  const name = rowName(label);
  const row: Row = { name, label, role: 'item', cells, source: ctx.source(line) };
  if (!label && !code && panel.labels.length > 0) UNLABELLED.set(row, line);
  if (grouped) GROUP_LABEL.set(row, { group: groupLabel, item: text(grouped.item) !== '' });
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

/** A header that names a label and its amount in one run ("功能科目名称金额"). */
const COMBINED_HEADER = /^.+(名称|科目)(金额|预算数)$/;

/** "一、一般公共服务支出12706.28" → label and amount (either may be empty). */
function splitAmount(text: string): { label: string; amount: string } {
  const m = /^(.*?)\s*(-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d+\.\d+)$/.exec(text);
  if (m && (m[1] === '' || /[\u4e00-\u9fff）)]$/.test(m[1]))) return { label: m[1].trim(), amount: m[2] };
  return { label: text, amount: '' };
}

/** Printed like an amount (decimals or thousands separators), not like a classification code or a year. */
const AMOUNT_LOOK = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$/;

/** The next filled line is part of a grid. */
function nextInTable(lines: readonly LayoutLine[], j: number): boolean {
  for (let k = j + 1; k < lines.length; k++) {
    if (filled(lines[k]).length === 0) continue;
    return lines[k].inTable === true;
  }
  return false;
}

/**
 * Header words wrapped inside narrow cells over several layout lines (Jiangsu 支出预算总表: `单位预留机动经` /
 * `合计 | 基本支出 | 项目支出 | | 结转下年资金` / `费`): the grid lines before the first amount, joined column by
 * column from the top, become one header row when that gives header words only and the lines one by one do not.
 */
function wrappedHeaderAt(
  lines: readonly LayoutLine[],
  j: number,
  ctx: Context,
): { line: LayoutLine; next: number } | null {
  const block: LayoutLine[] = [];
  let k = j;
  for (; k < lines.length; k++) {
    const l = lines[k];
    const f = filled(l);
    if (f.length === 0) continue;
    if (!l.inTable || f.some((c) => isNumberText(c.text)) || endsTable(l, ctx)) break;
    block.push(l);
  }
  const after = lines[k];
  if (!after || !filled(after).some((c) => isNumberText(c.text))) return null;
  if (block.length < 2 || block.every((l) => isHeaderRow(l, ctx))) return null;
  // the longest run of lines that joins into header words (label lines without amounts may follow it)
  for (let n = block.length; n >= 2; n--) {
    const line = joinColumns(block.slice(0, n));
    // joined fragments must make known header words (any two fragments make some word)
    if (isHeaderRow(line, ctx, false) && filled(line).length >= 2) {
      const next = lines.indexOf(block[n - 1], j) + 1;
      return { line, next };
    }
  }
  return null;
}

/** Grid lines joined column by column from the top (the first fragment's position kept). */
function joinColumns(block: LayoutLine[]): LayoutLine {
  const width = Math.max(...block.map((l) => l.cells.length));
  const cells = Array.from({ length: width }, (_, c) => {
    const parts = block.map((l) => l.cells[c]).filter((cell) => cell && clean(cell.text) !== '');
    const text = parts.map((cell) => compact(cell.text)).join('');
    const cell: LayoutLine['cells'][number] = { text };
    const x = parts[0] ?? block.find((l) => l.cells[c])?.cells[c];
    if (x?.x0 !== undefined) cell.x0 = x.x0;
    if (x?.x1 !== undefined) cell.x1 = x.x1;
    return cell;
  });
  const line: LayoutLine = { page: block[0].page, line: block[0].line, cells, inTable: true };
  if (block[0].y !== undefined) line.y = block[0].y;
  return line;
}

/**
 * A header line printed with another grid than the body (the 收入 | 支出 caption left at the foot of the previous
 * page): its cells are moved to the body's columns by position, so that the sides fall over the right columns.
 */
function alignHeader(header: LayoutLine[], body: LayoutLine[]): void {
  const ref = body.find(
    (l) => l.cells.length > 0 && l.cells.every((c) => c.x0 !== undefined && c.x1 !== undefined),
  );
  if (!ref) return;
  for (let h = 0; h < header.length; h++) header[h] = alignToGrid(header[h], ref) ?? header[h];
}

/** A line's cells moved to the columns of another grid line by position (null when it cannot be done). */
function alignToGrid(line: LayoutLine, ref: LayoutLine): LayoutLine | null {
  const f = filled(line);
  if (f.length === 0) return null;
  if (!ref.cells.every((c) => c.x0 !== undefined && c.x1 !== undefined)) return null;
  if (!f.every((c) => line.cells[c.index].x0 !== undefined && line.cells[c.index].x1 !== undefined))
    return null;
  // a line of the grid's width is realigned only when a side caption (收入 / 支出) starts exactly where a later
  // column starts (left-aligned in its spanning cell) but was given the index of a column before it by the reader
  if (
    line.cells.length === ref.cells.length &&
    !f.some(
      (c) =>
        sideOfHeader(c.compact) !== null &&
        ref.cells.some((r, j) => j > c.index && Math.abs(r.x0! - line.cells[c.index].x0!) <= 2),
    )
  )
    return null;
  const target = f.map((c) => {
    const cell = line.cells[c.index];
    const mid = (cell.x0! + cell.x1!) / 2;
    let best = 0;
    let bestD = Infinity;
    ref.cells.forEach((r, i) => {
      const d = mid < r.x0! ? r.x0! - mid : mid > r.x1! ? mid - r.x1! : 0;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  });
  if (new Set(target).size !== target.length) return null;
  const cells: LayoutLine['cells'] = ref.cells.map((r) => ({ text: '', x0: r.x0, x1: r.x1 }));
  f.forEach((c, k) => (cells[target[k]] = { ...line.cells[c.index] }));
  // built field by field: a spread would copy the line's cached cells
  const aligned: LayoutLine = { page: line.page, line: line.line, cells, inTable: true };
  if (line.y !== undefined) aligned.y = line.y;
  return aligned;
}

const PART_START = /^第[一二三四五六七八九十]+部分/;

/** How a purchase is organised, printed in its own column or run into the item's name by the reader. */
const PROCUREMENT_FORM = /(分散自行组织|自行组织|政府集中采购|部门集中采购|分散采购|集中采购)$/;

/**
 * The 政府采购 table: descriptive text columns (采购品目大类 / 专项名称 / 经济科目 / 采购物品名称 / 采购组织形式) and one
 * amount column. Each line with an amount is a row named by its leftmost text (the 品目, the 专项 before its
 * 经济科目, or the item), its level the column of that text; text wrapped over lines above and below the amount
 * (vertically centred in its cell) is put back together first. Null when amounts are in more than one column.
 */
function readProcurement(
  lines: LayoutLine[],
  ctx: Context,
): { columns: Column[]; rows: Row[]; stop?: LayoutLine } | null {
  // the grid ends where lines leave it (the prose after the last table)
  // (or at a part heading the reader split into cells: "第三部分 | 省检察院 | 2017 | 年度部门预算情况说明")
  // a row left out of the grid at the top of a page (its amount still under the amount column) stays in
  const ref = lines.find((l) => l.inTable && filled(l).some((c) => isNumberText(c.text)));
  const outside = (l: LayoutLine) => {
    if (l.inTable) return false;
    const f = filled(l);
    return !(f.length >= 2 && isNumberText(f[f.length - 1].text) && ref && alignToGrid(l, ref));
  };
  let end = lines.findIndex(
    (l) => outside(l) || isPartHeading(l) || PART_START.test(filled(l)[0]?.compact ?? ''),
  );
  if (end < 0) end = lines.length;
  // pages of a long list may come with grids of their own: every line is read in the first page's columns
  const grid = lines.slice(0, end).map((l) => (ref ? (alignToGrid(l, ref) ?? l) : l));
  const amountCols = new Map<number, number>();
  for (const l of grid)
    for (const c of filled(l))
      if (isNumberText(c.text)) amountCols.set(c.index, (amountCols.get(c.index) ?? 0) + 1);
  if (amountCols.size === 0) return null;
  const [col, count] = [...amountCols.entries()].sort((a, b) => b[1] - a[1])[0];
  if ([...amountCols.entries()].some(([k, n]) => k !== col && n > 1) || count < 1) return null;
  const hasAmount = (l: LayoutLine) => isNumberText(clean(l.cells[col]?.text ?? ''));
  const first = grid.findIndex(hasAmount);
  const head = grid.slice(0, first);
  const headText = head.map((l) => compact(l.cells[col]?.text ?? '')).join('');
  const id = columnId([headText], ctx) ?? 'amount';
  const columns: Column[] = [{ id, label: headText || '金额' }];
  const body = grid.slice(first);
  const anchors = body.filter(hasAmount);
  const fragments = body.filter((l) => !hasAmount(l));
  const claimed = new Set<LayoutLine>();
  const rows: Row[] = [];
  const textCols = (l: LayoutLine) => l.cells.map((c, i) => (i < col ? clean(c.text) : ''));
  for (let a = 0; a < anchors.length; a++) {
    const anchor = anchors[a];
    const y = anchor.y ?? 0;
    const lo = a > 0 && anchors[a - 1].page === anchor.page ? (anchors[a - 1].y ?? -Infinity) : -Infinity;
    const hi = anchors[a + 1]?.page === anchor.page ? (anchors[a + 1].y ?? Infinity) : Infinity;
    const near = fragments.filter(
      (f) => !claimed.has(f) && f.page === anchor.page && f.y !== undefined && f.y > lo && f.y < hi,
    );
    // the widest set of fragments centred on the amount's line
    let own: LayoutLine[] = [];
    for (const d of [...new Set(near.map((f) => Math.abs(f.y! - y)))].sort((p, q) => q - p)) {
      const set = near.filter((f) => Math.abs(f.y! - y) <= d);
      const ys = [...set.map((f) => f.y!), y];
      if (Math.abs((Math.min(...ys) + Math.max(...ys)) / 2 - y) <= 2) {
        own = set;
        break;
      }
    }
    // an amount printed without any text of its own takes the nearest text left over around it
    const bare = textCols(anchor).every((t) => t === '');
    if (own.length === 0 && bare && near.length > 0)
      own = [[...near].sort((p, q) => Math.abs(p.y! - y) - Math.abs(q.y! - y))[0]];
    for (const f of own) claimed.add(f);
    const stack = [...own, anchor].sort((p, q) => (p.y ?? 0) - (q.y ?? 0)).map(textCols);
    const texts = Array.from({ length: col }, (_, i) => stack.map((t) => t[i] ?? '').join(''));
    const level = texts.findIndex((t) => t !== '');
    const text = level >= 0 ? texts[level] : '';
    const label = text.replace(PROCUREMENT_FORM, '') || text;
    const printed = clean(anchor.cells[col].text);
    const cell: Cell = { value: amountOf(printed) ?? null, printed, source: ctx.source(anchor, col) };
    const name = rowName(label);
    const row: Row = { name, label, role: 'item', cells: { [id]: cell }, source: ctx.source(anchor) };
    const role = roleOfLabel(label, undefined, ctx);
    if (role) row.role = role;
    else if (level >= 0) {
      row.level = Math.min(4, level + 1);
      const parent = [...rows].reverse().find((r) => r.role === 'item' && (r.level ?? 0) < row.level!);
      if (parent && row.level > 1) row.parent = parent.name;
    }
    rows.push(row);
  }
  return end < lines.length ? { columns, rows, stop: lines[end] } : { columns, rows };
}

/**
 * A header word or total printed with its characters spread over a wide cell ("金    额", "合    计") comes out
 * as one cell per character: adjacent one-character cells that make a header word or a row role are joined.
 */
function spacedWords(line: LayoutLine, ctx: Context): LayoutLine {
  if (line.inTable || line.cells.length < 2) return line;
  const known = (t: string) =>
    ctx.vocab.columnAliases.some((a) => a.pattern.test(t) && t !== '') ||
    roleOfLabel(t, undefined, ctx) !== null;
  const cells: LayoutLine['cells'] = [];
  let changed = false;
  for (let i = 0; i < line.cells.length; i++) {
    const a = line.cells[i];
    const b = line.cells[i + 1];
    const ta = compact(a.text);
    const tb = b ? compact(b.text) : '';
    if (b && ta.length === 1 && tb.length === 1 && known(ta + tb)) {
      const cell: LayoutLine['cells'][number] = { text: ta + tb };
      if (a.x0 !== undefined) cell.x0 = a.x0;
      if (b.x1 !== undefined) cell.x1 = b.x1;
      cells.push(cell);
      i++;
      changed = true;
    } else cells.push(a);
  }
  if (!changed) return line;
  // built field by field: a spread would copy the line's cached cells
  const out: LayoutLine = { page: line.page, line: line.line, cells };
  if (line.y !== undefined) out.y = line.y;
  if (line.continues !== undefined) out.continues = line.continues;
  return out;
}

/**
 * Finds the second label column of a panel (Panel.grouped): under one 项目名称 header the rows are labelled in two
 * text columns left of the amounts, of which one has no header of its own (the reader puts 项目名称 over either).
 * The left one is the group label when it is printed on fewer lines than the right one (a merged cell over its
 * group's rows) and some item labels stand without it. Panels with codes or other label kinds are left alone.
 */
function secondLabelColumns(panels: Panel[], columns: HeaderColumn[], body: LayoutLine[]): void {
  const used = new Set(
    panels.flatMap((p) => [...p.values.map((v) => v.column.index), ...p.labels.map((l) => l.index)]),
  );
  const text = (l: LayoutLine, k: number) => clean(l.cells[k]?.text ?? '');
  const texts = (k: number) => body.map((l) => text(l, k)).filter((t) => t !== '');
  const holdsLabels = (k: number) => {
    const t = texts(k);
    return t.length > 0 && t.every((x) => !isNumberText(x) && !AMOUNT_RUN.test(compact(x)));
  };
  for (const panel of panels) {
    if (panel.values.length === 0 || panel.labels.length === 0) continue;
    if (panel.labels.some((l) => l.labelRole !== 'name' || l.withAmount)) continue;
    const firstValue = Math.min(...panel.values.map((v) => v.column.index));
    const lastLabel = Math.max(...panel.labels.map((l) => l.index));
    if (lastLabel > firstValue) continue;
    const unheaded = columns
      .filter((c) => c.path.length === 0 && !used.has(c.index) && c.index > lastLabel && c.index < firstValue)
      .filter((c) => holdsLabels(c.index))
      .map((c): HeaderColumn => ({ ...c, labelRole: 'name' }));
    const candidates = [...panel.labels.filter((l) => texts(l.index).length > 0), ...unheaded];
    if (candidates.length !== 2 || !candidates.some((c) => c.path.length === 0)) continue;
    if (candidates.filter((c) => c.path.length > 0).length > 1) continue;
    const [group, item] = candidates;
    if (!holdsLabels(group.index) || !holdsLabels(item.index)) continue;
    const groupLines = texts(group.index).length;
    const itemLines = texts(item.index).length;
    if (groupLines >= itemLines) continue;
    if (!body.some((l) => text(l, item.index) !== '' && text(l, group.index) === '')) continue;
    if (!panel.labels.includes(item)) panel.labels.push(item);
    panel.grouped = { group: group.index, item: item.index };
  }
}

/** A label with an amount run into it by the reader ("十八、住房保障支出3,660.38"). */
const AMOUNT_RUN = /\d{1,3}(?:,\d{3})*\.\d{2}$/;

/**
 * Marks the unheaded columns whose amounts belong to a panel's only value column (see Panel.strays): columns
 * between the panel's first column and the next panel's, never filled on the same line as the value column.
 */
function strayColumns(panels: Panel[], columns: HeaderColumn[], body: LayoutLine[]): void {
  const used = new Set(
    panels.flatMap((p) => [...p.values.map((v) => v.column.index), ...p.labels.map((l) => l.index)]),
  );
  const amount = (l: LayoutLine, k: number) => isNumberText(clean(l.cells[k]?.text ?? ''));
  const starts = panels.map((p) =>
    Math.min(...[...p.labels, ...p.values.map((v) => v.column)].map((c) => c.index)),
  );
  panels.forEach((panel, n) => {
    if (panel.values.length !== 1) return;
    const value = panel.values[0].column.index;
    const from = starts[n];
    const to = n + 1 < panels.length ? starts[n + 1] : Infinity;
    const strays = columns
      .filter((c) => c.path.length === 0 && !used.has(c.index) && c.index > from && c.index < to)
      .map((c) => c.index)
      .filter((k) => body.some((l) => amount(l, k)) && !body.some((l) => amount(l, k) && amount(l, value)));
    if (strays.length > 0) panel.strays = strays;
  });
}
