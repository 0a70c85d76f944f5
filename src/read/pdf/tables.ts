// Visual lines of one page → layout lines: table regions become rows of cells indexed by column, the rest stays
// prose (one cell per line, `continues` for wrapped paragraph lines).
//
// Columns come from the body rows first (lines that carry amounts): the horizontal projection of their segments
// gives one interval per column, so right-aligned amounts, codes printed in separate 类/款/项 columns and indented
// labels each find their column. Header segments then name those columns; a header over no body column (a
// column that is empty in every row) adds a column, and a header over several columns ("本年支出", "基本支出")
// is a spanning caption and adds none.
import type { LayoutCell, LayoutLine } from '../../layout/types.js';
import { isNumericText, splitCells, type Segment, type VisualLine } from './lines.js';

/** "编制单位：…  单位：元", "部门：…" — the caption between a table's title and its grid. */
const CAPTION =
  /(?:^|\s)(?:编制单位|编制部门|单位名称|部门名称|预算单位|预算部门|部门|单位)[:：]|单位[:：]\s*(?:万元|元|千元)\s*$/;
/** A line that is only a page number ("- 3 -", "3", "第3页"). */
const PAGE_NUMBER = /^(?:[-—－\s]*\d{1,4}[-—－\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)$/;
/** The label of a table's total row. */
const TOTAL_LABEL = /^(?:合计|总计)$/;
/** A label that starts with an enumeration (一、 （一） 1.). */
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
/** Notes printed under a table end it. */
const NOTE = /^(?:注|备注|说明)\s*[:：0-9１-９]/;

interface Interval {
  x0: number;
  x1: number;
}

interface Block {
  lines: VisualLine[];
}

export interface PageGeometry {
  page: number;
  width: number;
  height: number;
}

/** Turns one page's visual lines into layout lines (line numbers continue from `firstLine`). */
/**
 * What a page hands to the next: the columns of a grid that runs to the bottom of the page, so that a table
 * continued without a repeated header keeps its column indices.
 */
export interface PageCarry {
  columns?: Interval[];
  /** The header words of that grid: a page repeating them continues the same table. */
  header?: string;
}

export function layoutPage(lines: VisualLine[], geo: PageGeometry, carry: PageCarry = {}): LayoutLine[] {
  const kept = lines.filter((l, i) => !isPageNumber(l, i, lines, geo));
  const incoming = carry.columns;
  const incomingHeader = carry.header;
  carry.columns = undefined;
  carry.header = undefined;
  const out: LayoutLine[] = [];
  const blocks = findBlocks(kept);
  const inBlock = new Map<VisualLine, Block>();
  for (const b of blocks) for (const l of b.lines) inBlock.set(l, b);
  const textRight = proseRightEdge(kept, inBlock);
  let prevProse: VisualLine | undefined;
  let prevProseOut: LayoutLine | undefined;
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i];
    const block = inBlock.get(line);
    if (block) {
      if (block.lines[0] === line) {
        // A grid at the top of the page that starts with amounts continues the previous page's table.
        // A repeated header keeps them too, so that the page's rows fall into the columns the header named first.
        const header = headerText(block);
        const repeated =
          i === 0 &&
          incoming &&
          incomingHeader &&
          (header === incomingHeader || header.startsWith(`${incomingHeader}|`));
        const continued = i === 0 && incoming && startsWithBody(block) ? incoming : undefined;
        const { rows, columns } = tableRows(block, geo.page, continued, repeated ? incoming : undefined);
        out.push(...rows);
        if (block.lines[block.lines.length - 1] === kept[kept.length - 1]) {
          carry.columns = columns;
          carry.header = header;
        }
      }
      prevProse = undefined;
      continue;
    }
    // "部门： | 江苏省人民检察院": a caption's label and its value belong in one cell.
    if (isCaption(line)) line.segments = joinLabels(line.segments);
    const cells: LayoutCell[] = line.segments.map((s) => ({
      text: s.text,
      x0: round(s.x0),
      x1: round(s.x1),
    }));
    const lineOut: LayoutLine = { cells, page: geo.page, line: 0, y: round(line.top) };
    if (cells.length === 1 && prevProse && prevProseOut && continuesParagraph(prevProse, line, textRight)) {
      // A table title wrapped onto a second line ("…“三公”经费、会议费、培训费" / "支出预算表") is one title.
      if (isWrappedTitle(prevProseOut.cells[0].text, cells[0].text)) {
        prevProseOut.cells[0] = {
          ...prevProseOut.cells[0],
          text: prevProseOut.cells[0].text + cells[0].text,
        };
        continue;
      }
      lineOut.continues = true;
    }
    out.push(lineOut);
    prevProse = line.segments.length === 1 ? line : undefined;
    prevProseOut = lineOut;
  }
  out.forEach((l, i) => (l.line = i + 1));
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function isPageNumber(line: VisualLine, i: number, lines: VisualLine[], geo: PageGeometry): boolean {
  if (
    !PAGE_NUMBER.test(
      line.segments
        .map((s) => s.text)
        .join(' ')
        .trim(),
    )
  )
    return false;
  // Only at the very top or bottom of the page, where headers and footers live.
  const nearEdge = line.baseline > geo.height * 0.9 || line.top < geo.height * 0.06;
  return nearEdge && (i === lines.length - 1 || i === 0);
}

const text = (l: VisualLine): string => l.segments.map((s) => s.text).join('');

function joinLabels(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    const last = out[out.length - 1];
    if (last && /[:：]$/.test(last.text))
      out[out.length - 1] = { ...last, text: last.text + seg.text, x1: seg.x1 };
    else out.push(seg);
  }
  return out;
}

function isCaption(l: VisualLine): boolean {
  return CAPTION.test(l.segments.map((s) => s.text).join('  ')) && !l.segments.some((s) => hasAmount(s.text));
}

/** A number that is an amount (has a thousands separator or decimals), not a code or an enumeration. */
function hasAmount(s: string): boolean {
  return isNumericText(s) && /[.,，]/.test(s);
}

/** A tabular line: two or more segments separated by column gaps, or a lone amount. */
function isTabular(l: VisualLine): boolean {
  if (isCaption(l)) return false;
  if (l.segments.length >= 2) return true;
  return l.segments.length === 1 && isNumericText(l.segments[0].text);
}

function isProseLike(l: VisualLine, pageWidth: number): boolean {
  const t = text(l);
  if (NOTE.test(t)) return true;
  if (l.segments.length > 1) return false;
  const width = l.segments[l.segments.length - 1].x1 - l.segments[0].x0;
  return t.length >= 30 && width > pageWidth * 0.45;
}

/**
 * A block starts at a tabular line and runs over the following lines while tabular lines keep coming; lone
 * labels between them (a row with only a name, a wrapped label, a header word) belong to the block, prose,
 * captions and notes end it.
 */
function findBlocks(lines: VisualLine[]): Block[] {
  const blocks: Block[] = [];
  const pageWidth = Math.max(...lines.flatMap((l) => l.segments.map((s) => s.x1)), 1);
  let i = 0;
  while (i < lines.length) {
    if (!isTabular(lines[i])) {
      i++;
      continue;
    }
    const block: VisualLine[] = [lines[i]];
    let j = i + 1;
    let pending: VisualLine[] = [];
    while (j < lines.length) {
      const l = lines[j];
      const prev = pending.length ? pending[pending.length - 1] : block[block.length - 1];
      // Blank rows leave gaps inside a grid; a wider gap is allowed before a line that is itself tabular.
      const gap = l.top - prev.baseline;
      const allowed = isTabular(l) ? (l.segments.some((s) => hasAmount(s.text)) ? 20 : 10) : 4;
      if (gap > allowed * Math.max(l.size, prev.size)) break;
      if (isCaption(l) || isProseLike(l, pageWidth)) break;
      if (isTabular(l)) {
        block.push(...pending, l);
        pending = [];
      } else {
        pending.push(l);
      }
      j++;
    }
    // A short closing row ("合计" of an empty table) still belongs to the grid; a title does not. Nor do rows
    // holding only a label at the end of a page ("二十四、预备费"), left-aligned with a label column of the grid.
    const lefts = block.flatMap((l) => l.segments.map((s) => s.x0));
    for (const l of pending) {
      const t = text(l);
      const aligned =
        l.segments.length === 1 && !NOTE.test(t) && lefts.some((x) => Math.abs(x - l.segments[0].x0) < 1);
      if (
        (t.length <= 8 || aligned) &&
        !/表$/.test(t) &&
        l.top - block[block.length - 1].baseline < 3 * l.size
      )
        block.push(l);
      else break;
    }
    // Header words stacked above the first tabular line ("“三公”经费预算数" / "机关运行经费预算" / "数").
    let start = i;
    while (start > 0) {
      const l = lines[start - 1];
      const t = text(l);
      const below = lines[start];
      if (isTabular(l) || isCaption(l) || isProseLike(l, pageWidth) || /表$/.test(t) || t.length > 20) break;
      if (below.top - l.baseline > 2.5 * Math.max(l.size, below.size)) break;
      if (blocks.length && blocks[blocks.length - 1].lines.includes(l)) break;
      start--;
    }
    block.unshift(...lines.slice(start, i));
    // A single tabular line without company is a sentence with a gap in it (a signature, a date), not a table.
    // A grid carries amounts, or (an empty table) has several header rows; two words on a line do not make one.
    const amounts = block.some((l) => l.segments.some((s) => hasAmount(s.text)));
    const wide = block.filter((l) => l.segments.length >= 3).length;
    if (amounts ? block.length >= 2 || block[0].segments.length >= 3 : wide >= 2)
      blocks.push({ lines: block });
    i = Math.max(i + 1, lines.indexOf(block[block.length - 1]) + 1);
  }
  return blocks;
}

/** A sentence rather than a cell value: long, and punctuated as prose. */
function isSentence(t: string): boolean {
  return t.length >= 12 && /[。；;]$|[，,].*[。；;]/.test(t);
}

function overlap(a: Interval, b: Interval): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** Merges intervals that overlap (or touch within `slack`) into their union, sorted by x. */
function project(intervals: Interval[], slack = 0.5): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.x0 - b.x0);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.x0 <= last.x1 + slack) last.x1 = Math.max(last.x1, iv.x1);
    else out.push({ ...iv });
  }
  return out;
}

/** Column intervals of a block: body projection, then header-only columns. */
export function blockColumns(lines: VisualLine[]): Interval[] {
  const firstBody = lines.findIndex((l) => l.segments.some((s) => hasAmount(s.text)));
  const body = firstBody < 0 ? [] : lines.slice(firstBody);
  const header = firstBody < 0 ? lines : lines.slice(0, firstBody);
  // "合计" centred in a cell merged over the code and name columns would open a column of its own.
  // A sentence in a cell merged over several columns (a form's 项目设立必要性, 立项依据) would join them into one;
  // so would any long text on a line without amounts.
  const bodyCols = project(
    body.flatMap((l) => {
      const amounts = l.segments.some((s) => hasAmount(s.text));
      return l.segments.filter(
        (seg) =>
          !TOTAL_LABEL.test(seg.text.replace(/\s+/g, '')) &&
          !isSentence(seg.text) &&
          (amounts || seg.text.length < 20),
      );
    }),
  );
  // Side captions ("本年收入 | 本年支出") span whole panels: they name no column of their own.
  const headerSegs = header.filter((l) => !isSideHeader(l)).flatMap((l) => l.segments);
  const covered = (s: Interval) => bodyCols.filter((c) => overlap(c, s) > 0.5).length;
  // A header over exactly one body column names it; header words stacked with it ("机关运行经费预算" / "数") too.
  const anchored = headerSegs.filter((s) => covered(s) === 1);
  const extra: Interval[] = [];
  // A header centred in a wide cell may miss the amounts right-aligned (or the codes left-aligned) under it: it
  // then names the nearest body column that has no header of its own, when no other header stands between them.
  // A column is named by a header over it alone; a caption spanning several columns ("项目") names none of them.
  const named = new Set<Interval>();
  for (const s of headerSegs) {
    if (covered(s) > 0 || anchored.some((a) => s.x0 >= a.x0 - 1 && s.x1 <= a.x1 + 1)) continue;
    const orphans = bodyCols.filter((c) => !named.has(c) && !anchored.some((h) => overlap(c, h) > 0.5));
    const orphan = nearestOrphan(s, orphans, headerSegs, bodyCols);
    if (orphan) {
      orphan.x0 = Math.min(orphan.x0, s.x0);
      orphan.x1 = Math.max(orphan.x1, s.x1);
      named.add(orphan);
      continue;
    }
    extra.push(s);
  }
  // Header-only segments may themselves span header-only columns; keep the narrowest level by projecting only
  // segments that do not cover two others.
  const headerCols = project(
    extra.filter(
      (s) => extra.filter((o) => o !== s && overlap(o, s) > 0.5 && o.x1 - o.x0 < s.x1 - s.x0).length < 2,
    ),
  );
  const all = [...bodyCols, ...headerCols.filter((h) => !bodyCols.some((c) => overlap(c, h) > 0.5))];
  return all.sort((a, b) => a.x0 - b.x0);
}

function nearestOrphan(
  s: Interval,
  orphans: Interval[],
  headers: Interval[],
  cols: Interval[],
): Interval | undefined {
  const gap = (c: Interval) => Math.max(c.x0 - s.x1, s.x0 - c.x1);
  const between = (c: Interval) => {
    const lo = Math.min(c.x1, s.x1);
    const hi = Math.max(c.x0, s.x0);
    return headers.some((h) => h !== s && (h.x0 + h.x1) / 2 > lo && (h.x0 + h.x1) / 2 < hi);
  };
  const clear = (c: Interval) => {
    const merged = { x0: Math.min(c.x0, s.x0), x1: Math.max(c.x1, s.x1) };
    return !cols.some((o) => o !== c && overlap(o, merged) > 0.5);
  };
  const fits = orphans.filter((c) => gap(c) < 120 && !between(c) && clear(c)).sort((a, b) => gap(a) - gap(b));
  return fits[0];
}

function columnOf(seg: Segment, cols: Interval[]): number {
  let best = -1;
  let bestOverlap = 0.5;
  for (let k = 0; k < cols.length; k++) {
    const o = overlap(cols[k], seg);
    if (o > bestOverlap) {
      best = k;
      bestOverlap = o;
      // Spanning headers go to the leftmost column they cover, so a caption heads its first sub-column.
      if (cols.some((c, m) => m > k && overlap(c, seg) > 0.5)) break;
    }
  }
  if (best >= 0) return best;
  // No overlap at all: the nearest column by centre.
  const mid = (seg.x0 + seg.x1) / 2;
  let nearest = 0;
  for (let k = 1; k < cols.length; k++)
    if (
      Math.abs((cols[k].x0 + cols[k].x1) / 2 - mid) <
      Math.abs((cols[nearest].x0 + cols[nearest].x1) / 2 - mid)
    )
      nearest = k;
  return nearest;
}

interface Row {
  line: VisualLine;
  cells: (Cell | undefined)[];
}

/** A cell of a grid row: the segments that fell into one column, joined, with the pieces kept. */
interface Cell extends Segment {
  pieces?: { text: string; x0: number; x1: number }[];
}

/** The words of a grid's header lines (those above its first amount), in reading order. */
function headerText(block: Block): string {
  const first = block.lines.findIndex((l) => l.segments.some((s) => hasAmount(s.text)));
  return block.lines
    .slice(0, Math.max(0, first))
    .map((l) => text(l))
    .join('|');
}

function startsWithBody(block: Block): boolean {
  const first = block.lines[0];
  return first.segments.some((s) => hasAmount(s.text)) || /^\d{3,}$/.test(first.segments[0]?.text ?? '');
}

function tableRows(
  block: Block,
  page: number,
  given?: Interval[],
  forced?: Interval[],
): { rows: LayoutLine[]; columns: Interval[] } {
  for (const line of block.lines) line.segments = line.segments.flatMap(splitCells);
  const own = blockColumns(block.lines);
  // Carried columns are used only when this page's grid has no more columns than the page it continues.
  const cols = forced ?? (given && own.length <= given.length ? given : own);
  const left = Math.min(...cols.map((c) => c.x0));
  const right = Math.max(...cols.map((c) => c.x1));
  const rows: Row[] = block.lines.map((line) => {
    const cells: (Cell | undefined)[] = cols.map(() => undefined);
    const sides = isSideHeader(line);
    for (const [n, seg] of line.segments.entries()) {
      const k = sides ? sideColumn(line.segments, n, cols, left, right) : columnOf(seg, cols);
      const prev = cells[k];
      const piece = { text: seg.text, x0: seg.x0, x1: seg.x1 };
      cells[k] = prev
        ? {
            text: joinText(prev.text, seg.text),
            x0: prev.x0,
            x1: seg.x1,
            size: Math.max(prev.size, seg.size),
            pieces: [...(prev.pieces ?? [{ text: prev.text, x0: prev.x0, x1: prev.x1 }]), piece],
          }
        : { ...seg };
    }
    return { line, cells };
  });
  mergeWrappedHeaders(rows);
  mergeWrappedLabels(rows, cols);
  const layoutRows = rows.map((r) => ({
    cells: r.cells.map((c, k): LayoutCell =>
      c
        ? {
            text: c.text,
            x0: round(c.x0),
            x1: round(c.x1),
            ...(c.pieces
              ? { parts: c.pieces.map((p) => ({ text: p.text, x0: round(p.x0), x1: round(p.x1) })) }
              : {}),
          }
        : { text: '', x0: round(cols[k].x0), x1: round(cols[k].x1) },
    ),
    page,
    line: 0,
    y: round(r.line.top),
    inTable: true as const,
    grid: 'projection' as const,
  }));
  return { rows: layoutRows, columns: cols };
}

/** "本年收入 | 本年支出", "财政拨款收入 | 财政拨款支出": the row that names the two sides of a summary table. */
const SIDE_WORD = /^(?:本年|本期|财政拨款)?(?:收入|支出)(?:预算|决算)?$/;

function isSideHeader(line: VisualLine): boolean {
  return line.segments.length === 2 && line.segments.every((s) => SIDE_WORD.test(s.text.replace(/\s+/g, '')));
}

/**
 * A side caption is centred over all the columns of its side, which may hold no text right under it: its span is
 * the widest interval centred on it that stays clear of its neighbour and of the table's edges. It heads the first
 * column inside that span.
 */
function sideColumn(segs: Segment[], n: number, cols: Interval[], left: number, right: number): number {
  const s = segs[n];
  const centre = (s.x0 + s.x1) / 2;
  const lo = n > 0 ? segs[n - 1].x1 : left;
  const hi = n < segs.length - 1 ? segs[n + 1].x0 : right;
  const half = Math.min(centre - lo, hi - centre);
  const k = cols.findIndex((c) => (c.x0 + c.x1) / 2 >= centre - half - 1);
  return k >= 0 ? k : columnOf(s, cols);
}

function joinText(a: string, b: string): string {
  return /[\x21-\x7e]$/.test(a) && /^[\x21-\x7e]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * A header too long for its narrow column wraps inside its cell ("2023年合" / "计", "一般公共" / "预算"): the next
 * fragment lies one line height lower in the same column, with nothing between. Headers of the same row that did
 * not wrap are centred between those lines, less than an em away; separate header rows lie further apart by the
 * cell padding. Fragments are joined first, then lines of one row become one row.
 */
function mergeWrappedHeaders(rows: Row[]): void {
  const firstBody = rows.findIndex((r) => r.cells.some((c) => c && hasAmount(c.text)));
  if (firstBody <= 1) return;
  const head = rows.slice(0, firstBody);
  const sides = head.map((r) => isSideHeader(r.line));
  let wrapped = false;
  for (let k = 0; k < head[0].cells.length; k++) {
    let above = -1;
    // The top of the last fragment joined into the cell above: a third line continues from there.
    let lastTop = 0;
    for (let i = 0; i < head.length; i++) {
      const c = head[i].cells[k];
      if (!c || sides[i]) continue;
      const top = above >= 0 ? head[above].cells[k] : undefined;
      const gap = head[i].line.top - lastTop;
      const em = Math.max(c.size, top?.size ?? 0);
      // An enumerated item ("十五、商业服务业等支出") starts a row of its own: label rows at the top of a continued
      // page are no wrapped header.
      if (
        top &&
        gap > 1.25 * em &&
        gap < 1.45 * em &&
        !hasAmount(c.text) &&
        !ENUMERATED.test(c.text.trim())
      ) {
        wrapped = true;
        top.text = joinText(top.text, c.text);
        // pieces describe one printed line; a cell joined over lines is one header
        top.pieces = undefined;
        top.x0 = Math.min(top.x0, c.x0);
        top.x1 = Math.max(top.x1, c.x1);
        head[i].cells[k] = undefined;
      } else above = i;
      lastTop = head[i].line.top;
    }
  }
  // Without a wrapped header the lines are left as they are: stacked words of tighter tables are other rows.
  if (!wrapped) return;
  const kept: Row[] = [];
  let previousTop = Number.NEGATIVE_INFINITY;
  for (const [i, r] of head.entries()) {
    if (!r.cells.some(Boolean)) continue;
    const row = kept[kept.length - 1];
    const em = Math.max(r.line.size, row?.line.size ?? 0);
    const near = r.line.top - previousTop < 0.75 * em;
    previousTop = r.line.top;
    if (!row || sides[i] || isSideHeader(row.line) || !near) {
      kept.push(r);
      continue;
    }
    r.cells.forEach((c, k) => {
      const prev = row.cells[k];
      if (c)
        row.cells[k] = prev ? { ...prev, text: joinText(prev.text, c.text), pieces: undefined } : { ...c };
    });
  }
  rows.splice(0, firstBody, ...kept);
}

/**
 * A label too long for its cell wraps onto lines that hold nothing else ("其他政府办公厅（室）及相关机构事" /
 * "务支出"), printed either below the row or around it when the row's amounts are vertically centred. Such a
 * lone line sits much closer to its row than rows sit to each other: it is folded into that row's cell.
 */
function mergeWrappedLabels(rows: Row[], _cols: Interval[]): void {
  const isBody = (r: Row) => r.cells.some((c) => c && hasAmount(c.text));
  const firstBody = rows.findIndex(isBody);
  if (firstBody < 0) return;
  // Ordinary row spacing: the median distance between consecutive lines of the body.
  const tops = rows.slice(firstBody).map((r) => r.line.top);
  const diffs = tops
    .slice(1)
    .map((t, i) => t - tops[i])
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const em = rows[0].line.size;
  const pitch = diffs.length ? diffs[Math.floor(diffs.length / 2)] : 2 * em;
  const labelColumns = new Set<number>();
  for (const r of rows.slice(firstBody))
    r.cells.forEach((c, k) => c && !isNumericText(c.text) && labelColumns.add(k));
  const loneColumn = (r: Row): number => {
    const filled = r.cells.map((c, k) => (c ? k : -1)).filter((k) => k >= 0);
    if (filled.length !== 1 || !labelColumns.has(filled[0])) return -1;
    return isNumericText(r.cells[filled[0]]!.text) ? -1 : filled[0];
  };
  const near = (a: Row, b: Row) => Math.abs(a.line.top - b.line.top) < 0.7 * pitch;
  const removed = new Set<Row>();
  for (let i = Math.max(0, firstBody - 1); i < rows.length; i++) {
    const lone = rows[i];
    const k = loneColumn(lone);
    if (k < 0) continue;
    const below = rows[i + 1];
    const above = rows[i - 1];
    // Above a row whose cell is empty: the first part of a label centred around the amounts.
    if (below && isBody(below) && !below.cells[k] && near(lone, below)) {
      below.cells[k] = { ...lone.cells[k]! };
      removed.add(lone);
      continue;
    }
    if (i <= firstBody || !above || removed.has(above) || !near(above, lone)) continue;
    const target = above.cells[k];
    if (target && !isNumericText(target.text)) {
      target.text = joinText(target.text, lone.cells[k]!.text);
      target.pieces = undefined;
      target.x1 = Math.max(target.x1, lone.cells[k]!.x1);
      removed.add(lone);
    }
  }
  for (let i = rows.length - 1; i >= 0; i--) if (removed.has(rows[i])) rows.splice(i, 1);
}

function isWrappedTitle(first: string, second: string): boolean {
  const joined = first + second;
  return second.length <= 12 && joined.length <= 60 && /表$/.test(second) && !/[。，；;,]/.test(joined);
}

/** The right margin of the page's prose: most paragraph lines end there. */
function proseRightEdge(lines: VisualLine[], inBlock: Map<VisualLine, Block>): number {
  const ends = lines
    .filter((l) => !inBlock.has(l) && l.segments.length === 1 && text(l).length >= 15)
    .map((l) => l.segments[0].x1)
    .sort((a, b) => b - a);
  return ends.length ? ends[Math.floor(ends.length / 4)] : Number.POSITIVE_INFINITY;
}

/** A paragraph line continues the previous one when that one ran to the right margin and this one is not indented. */
function continuesParagraph(prev: VisualLine, cur: VisualLine, right: number): boolean {
  const p = prev.segments[0];
  const c = cur.segments[0];
  const em = Math.max(prev.size, cur.size);
  if (cur.top - prev.baseline > 1.5 * em) return false;
  if (p.x1 < right - 2 * em) return false;
  if (
    /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|第[一二三四五六七八九十]+部分)/.test(
      c.text,
    )
  )
    return false;
  return c.x0 <= p.x0 + 0.5 * em;
}
