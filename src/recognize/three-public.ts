// The "三公" table printed with the items as COLUMNS is transposed into the model's ROW form (the shape the Shanxi
// sample prints and the auditor reads: one row per item, facts.ts binds them by name). One reader for every
// column form:
// - one caption level (Shanghai budget: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 | 购置费 |
//   运行费) | 机关运行经费预算数, one value row; amounts in column `total`);
// - each item over a 预算数 | 决算数 pair (Shanghai 决算: columns `budget` and `final`);
// - a header stacked over many lines, captions over captions, words wrapped mid-word (Jiangsu's "三公"经费、会议费、
//   培训费支出预算表, whose 合计 adds 会议费 and 培训费 to the "三公"经费 小计: a grand total).
// 机关运行经费, 会议费 and 培训费 printed in the table become rows with role `memo` (not part of the 三公 sum).
//
// The header is read by geometry, not by the layout's column indices: the reader's grid has one column per body
// value, so a column printed blank has none, and amounts right-aligned in wide cells fall into the neighbouring
// grid column. Fragments are stacked into leaf headers by horizontal overlap (a ruled cell gives the extent of the
// whole cell, spans included); a fragment over two or more leaves is a caption; 预算数 / 决算数 go to the item
// whose centre is nearest; each amount goes to the leaf whose centre is nearest. Sources without positions
// (spreadsheets, text) place a cell by its column index (and column span). The result is kept only when every
// amount is placed without doubt, or the 三公 identities hold; otherwise the caller reads the table the generic way.
import { Decimal } from 'decimal.js';
import type { LayoutLine } from '../layout/types.js';
import type { Cell, Column, Row, RowRole, SourceRef } from '../model/schema.js';
import { amountOf, compact } from './text.js';

/** The items of a 三公 table, in the model's row order. */
export type ThreePublicItem =
  | 'grand_total'
  | 'total'
  | 'abroad'
  | 'reception'
  | 'vehicles'
  | 'vehicle_purchase'
  | 'vehicle_operation'
  | 'meeting'
  | 'training'
  | 'operating_costs';

/** A header fragment as printed (one text run of a header line). */
export interface HeaderFragment {
  text: string;
  /** Extent in PDF points; absent when the source has no positions (then `index` gives the place). */
  x0?: number;
  x1?: number;
  /** Layout column, and the number of columns the cell spans (ruled grids, spreadsheets). */
  index?: number;
  span?: number;
  /** Top of its line (PDF points), or the header line's order; fragments are stacked top-down. */
  y: number;
}

/** An amount of the value row: its printed text, extent or column, and where it comes from. */
export interface ValueCell {
  text: string;
  x0?: number;
  x1?: number;
  index?: number;
  source?: SourceRef;
}

export interface ThreePublicTable {
  columns: Column[];
  rows: Row[];
}

type Measure = 'budget' | 'final';

/** Header words → items (normalised text: see `norm`). Order matters: narrower first. */
const ITEM_WORDS: { item: ThreePublicItem; pattern: RegExp }[] = [
  { item: 'abroad', pattern: /^因公出国(（境）)?费(用)?$/ },
  { item: 'reception', pattern: /^公务接待费$/ },
  { item: 'vehicle_purchase', pattern: /^(公务用车)?购置费$/ },
  { item: 'vehicle_operation', pattern: /^(公务用车)?运行(维护)?费$/ },
  { item: 'vehicles', pattern: /^公务用车购置及运行(维护)?费$/ },
  { item: 'meeting', pattern: /^会议费$/ },
  { item: 'training', pattern: /^培训费$/ },
  { item: 'operating_costs', pattern: /^机关运行经费(预算数?|决算数?|支出)?$/ },
];

/** A total printed as a word of its own: 小计, 合计 ("三公"经费合计). */
const SUBTOTAL_WORD = /^(三公经费)?(小计|合计)$/;
const THREE_PUBLIC_CAPTION = /^(财政拨款)?三公经费(预算数?|决算数?|支出(预算|决算)?数?)?$/;
const VEHICLES_CAPTION = /^公务用车购置及运行(维护)?费$/;
const MEASURE_WORDS: { measure: Measure; pattern: RegExp }[] = [
  { measure: 'budget', pattern: /^(年初)?预算数?$/ },
  { measure: 'final', pattern: /^决算数?$/ },
];

const ORDER: ThreePublicItem[] = [
  'grand_total',
  'total',
  'abroad',
  'reception',
  'vehicles',
  'vehicle_purchase',
  'vehicle_operation',
  'meeting',
  'training',
  'operating_costs',
];

/** Compact text without a leading year and quotes, with full-width brackets. */
function norm(text: string): string {
  return compact(text)
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

function itemOfWord(text: string): ThreePublicItem | null {
  return ITEM_WORDS.find((w) => w.pattern.test(norm(text)))?.item ?? null;
}

function measureOf(text: string): Measure | null {
  return MEASURE_WORDS.find((w) => w.pattern.test(norm(text)))?.measure ?? null;
}

/** A fragment with its extent: printed, or its column(s) when the source has none (100 units a column). */
interface Placed {
  text: string;
  x0: number;
  x1: number;
  y: number;
}

function placed<T extends { x0?: number; x1?: number; index?: number; span?: number }>(
  f: T,
): T & { x0: number; x1: number } {
  if (f.x0 !== undefined && f.x1 !== undefined) return f as T & { x0: number; x1: number };
  const i = f.index ?? 0;
  return { ...f, x0: i * 100, x1: (i + (f.span ?? 1)) * 100 - 10 };
}

export interface Leaf {
  /** Normalised text of the stacked pieces. */
  text: string;
  /** The pieces as printed, joined. */
  printed: string;
  x0: number;
  x1: number;
  /** Normalised texts of the captions printed over the leaf. */
  captions: string[];
}

const centre = (a: { x0: number; x1: number }) => (a.x0 + a.x1) / 2;
const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * Header fragments → leaf headers (top-down stacks: words wrapped inside their cell are one leaf) with the
 * captions printed over them. 预算数 / 决算数 are left out: they are read as the measures of the items.
 */
export function leavesOf(fragments: readonly HeaderFragment[]): Leaf[] {
  const frags: Placed[] = fragments
    .filter((f) => norm(f.text) !== '' && !measureOf(f.text))
    .map(placed)
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
  // a caption holds the centres of two fragments that lie side by side (not stacked)
  const isCaption = (f: Placed) => {
    const inside = frags.filter((g) => g !== f && g.x1 - g.x0 < f.x1 - f.x0 && g.y > f.y);
    const held = inside.filter((g) => centre(g) >= f.x0 - 1 && centre(g) <= f.x1 + 1);
    return held.some((a) => held.some((b) => overlap(a, b) < 0));
  };
  // "三公"经费 is never a leaf (its total is printed as 小计 or 合计 under it); 公务用车购置及运行费 is a caption when
  // 购置费 / 运行费 are printed under it
  const subItems = frags.some((f) => /购置|运行/.test(norm(f.text)) && !VEHICLES_CAPTION.test(norm(f.text)));
  const captions = frags.filter(
    (f) =>
      isCaption(f) ||
      THREE_PUBLIC_CAPTION.test(norm(f.text)) ||
      (VEHICLES_CAPTION.test(norm(f.text)) && subItems && frags.some((g) => g.y > f.y && overlap(f, g) > 0)),
  );
  const pieces = frags.filter((f) => !captions.includes(f));
  // split pieces the reader ran together ("小计公务用车购置费"): a subtotal word followed by an item word
  const split: Placed[] = [];
  for (const p of pieces) {
    const t = norm(p.text);
    const m = /^(小计|合计)(.+)$/.exec(t);
    if (m && itemOfWord(m[2])) {
      const cut = p.x0 + ((p.x1 - p.x0) * m[1].length) / t.length;
      split.push({ ...p, text: m[1], x1: cut }, { ...p, text: m[2], x0: cut });
    } else split.push(p);
  }
  const stacks: Placed[][] = [];
  for (const p of split) {
    // pieces of one header overlap, or are single characters set a little apart ("小" / "计")
    const stack = stacks.find((s) =>
      s.some((q) => {
        const narrow = Math.min(p.x1 - p.x0, q.x1 - q.x0);
        const single = norm(p.text).length <= 2 && norm(q.text).length <= 2;
        return (
          q.y < p.y &&
          (overlap(p, q) > 0.3 * narrow || (single && Math.abs(centre(p) - centre(q)) <= 1.2 * narrow))
        );
      }),
    );
    if (stack) stack.push(p);
    else stacks.push([p]);
  }
  return stacks
    .map((s) => {
      const x0 = Math.min(...s.map((p) => p.x0));
      const x1 = Math.max(...s.map((p) => p.x1));
      const c = (x0 + x1) / 2;
      return {
        text: norm(s.map((p) => p.text).join('')),
        printed: s.map((p) => p.text.trim()).join(''),
        x0,
        x1,
        captions: captions.filter((k) => c >= k.x0 && c <= k.x1).map((k) => norm(k.text)),
      };
    })
    .sort((a, b) => a.x0 - b.x0);
}

/**
 * The items the leaf headers name, from their words, the captions over them and their order. A caption's text
 * is often narrower than the columns it spans (a centred "三公"经费), so a 小计 is placed by its neighbours too:
 * before 购置费 / 运行费 it is the 公务用车 subtotal, otherwise the 三公 subtotal when the table has a 三公 caption
 * (and 合计 then also holds 会议费 and 培训费: the grand total).
 */
export function itemsOfHeaders(
  leaves: readonly { text: string; captions: readonly string[] }[],
): (ThreePublicItem | null)[] {
  const words = leaves.map((l) => itemOfWord(l.text));
  const threePublicCaption = leaves.some((l) => l.captions.some((c) => THREE_PUBLIC_CAPTION.test(norm(c))));
  const subtotal = (k: number): ThreePublicItem | null => {
    const l = leaves[k];
    if (l.captions.some((c) => VEHICLES_CAPTION.test(norm(c)))) return 'vehicles';
    const next = words[k + 1];
    if (next === 'vehicle_purchase' || next === 'vehicle_operation') return 'vehicles';
    return null;
  };
  const threePublicSubtotal = leaves.some(
    (l, k) => norm(l.text) === '小计' && threePublicCaption && subtotal(k) === null,
  );
  return leaves.map((l, k) => {
    const t = norm(l.text);
    if (!SUBTOTAL_WORD.test(t)) return words[k];
    const vehicles = subtotal(k);
    if (vehicles) return vehicles;
    if (t === '小计') return threePublicCaption ? 'total' : null;
    return threePublicSubtotal ? 'grand_total' : 'total';
  });
}

/** Sums the parts (blank = 0) and compares with the whole; a missing whole proves nothing. */
function adds(whole: string | null | undefined, parts: (string | null | undefined)[]): boolean {
  if (whole === undefined) return true;
  const sum = parts.reduce((s, p) => s.plus(p ?? 0), new Decimal(0));
  return sum.eq(whole ?? 0);
}

/** A place amounts can be printed in: one item and (决算) one of its 预算数 / 决算数 columns. */
interface Slot {
  item: ThreePublicItem;
  column: 'total' | Measure;
  x0: number;
  x1: number;
}

/** The slots of a table whose items each head a 预算数 | 决算数 pair (决算), and its two columns; null if one lacks. */
function measureSlots(
  fragments: readonly HeaderFragment[],
  leaves: readonly Leaf[],
  items: readonly ThreePublicItem[],
): { slots: Slot[]; columns: Column[] } | null {
  const measures = fragments.filter((f) => norm(f.text) !== '' && measureOf(f.text));
  const positioned = fragments.every((f) => f.x0 !== undefined && f.x1 !== undefined);
  // every item heads one 预算数 and one 决算数 column: each measure goes to the item nearest above it (without
  // positions: the last item starting at or before its column)
  const slots: Slot[] = measures.map((f) => {
    const m = placed(f);
    const k = positioned
      ? leaves.map((l, i) => ({ i, d: Math.abs(centre(l) - centre(m)) })).sort((a, b) => a.d - b.d)[0].i
      : leaves.reduce((best, l, i) => (l.x0 <= m.x0 ? i : best), -1);
    return { item: items[k], column: measureOf(f.text)!, x0: m.x0, x1: m.x1 };
  });
  // a measure left of every item belongs to none
  if (slots.some((s) => s.item === undefined)) return null;
  for (const item of items) {
    const mine = slots.filter((s) => s.item === item);
    if (mine.length !== 2 || mine[0].column === mine[1].column) return null;
  }
  const label = (measure: Measure) => measures.find((f) => measureOf(f.text) === measure)!.text;
  return {
    slots,
    columns: [
      { id: 'budget', label: label('budget') },
      { id: 'final', label: label('final') },
    ],
  };
}

/**
 * Transposes a 三公 table printed with the items as columns into item rows: header fragments + the amounts of
 * the value row (left to right). Null when a header is not a 三公 item or the amounts cannot be placed without
 * doubt. `rowSource` locates the rows and the cells printed blank.
 */
export function transposeThreePublic(
  fragments: readonly HeaderFragment[],
  values: readonly ValueCell[],
  rowSource?: SourceRef,
): ThreePublicTable | null {
  const halves = measuresOverItems(fragments, values, rowSource);
  if (halves !== undefined) return halves;
  const leaves = leavesOf(fragments);
  const found = itemsOfHeaders(leaves);
  if (found.some((i) => i === null)) return null;
  const items = found as ThreePublicItem[];
  if (new Set(items).size !== items.length) return null;
  // the four lines every 三公 table prints
  if (!['total', 'abroad', 'reception', 'vehicles'].every((i) => items.includes(i as ThreePublicItem)))
    return null;
  const grandTotal = items.includes('grand_total');

  const captionOf = (pattern: RegExp) => fragments.find((f) => pattern.test(norm(f.text)));
  const threePublicCaption = captionOf(THREE_PUBLIC_CAPTION);
  let slots: Slot[];
  let columns: Column[];
  if (fragments.some((f) => norm(f.text) !== '' && measureOf(f.text))) {
    const measured = measureSlots(fragments, leaves, items);
    if (!measured) return null;
    ({ slots, columns } = measured);
  } else {
    slots = leaves.map((l, k) => ({ item: items[k], column: 'total', x0: l.x0, x1: l.x1 }));
    // the 三公 caption names the amounts when it heads the table's total; beside a grand total it is one caption
    const label = grandTotal ? '金额' : (threePublicCaption?.text ?? leaves[items.indexOf('total')].printed);
    columns = [{ id: 'total', label }];
  }
  slots.sort((a, b) => centre(a) - centre(b));

  // each amount to the nearest slot, one amount per slot, left to right
  const assigned = new Map<Slot, { cell: ValueCell; value: string | null }>();
  let clear = true;
  let last = -1;
  for (const v of values) {
    if (compact(v.text) === '') continue;
    const value = amountOf(compact(v.text));
    if (value === undefined) return null;
    const c = centre(placed(v));
    const byDistance = slots.map((s, k) => ({ k, d: Math.abs(centre(s) - c) })).sort((a, b) => a.d - b.d);
    const best = byDistance[0];
    if (!best || assigned.has(slots[best.k]) || best.k < last) return null;
    // an amount about as near the next header as its own (its centre within 2 pt of the middle) is in doubt
    if (byDistance[1] && byDistance[1].d - best.d < 4) clear = false;
    // without positions a cell is placed by its column: only under the column's own header is it clear
    const slot = slots[best.k];
    if ((v.x0 === undefined || v.x1 === undefined) && (c < slot.x0 || c > slot.x1)) clear = false;
    assigned.set(slots[best.k], { cell: v, value });
    last = best.k;
  }
  const amount = (item: ThreePublicItem, column: Slot['column']): string | null | undefined => {
    const slot = slots.find((s) => s.item === item && s.column === column);
    if (!slot) return undefined;
    return assigned.get(slot)?.value ?? null;
  };
  const holds = columns.every(({ id }) => {
    const a = (item: ThreePublicItem) => amount(item, id as Slot['column']);
    return (
      adds(a('total'), [a('abroad'), a('reception'), a('vehicles')]) &&
      adds(a('vehicles'), [a('vehicle_purchase'), a('vehicle_operation')]) &&
      adds(a('grand_total'), [a('total'), a('meeting'), a('training')])
    );
  });
  if (!clear && !holds) return null;

  // Row names. Where 合计 is the 三公 total, rows are named by their item (合计, 公务用车购置及运行费 for its 小计,
  // 公务用车 restored on 购置费 / 运行费). Beside a grand total, the 三公 total is a 小计 and every subtotal is
  // named with the caption over it ("“三公”经费小计", "公务用车购置及运行维护费小计": the label without separators,
  // as INTERFACES.md derives row_name).
  const vehiclesCaption = captionOf(VEHICLES_CAPTION);
  const withoutYear = (t: string) => t.replace(/^(?:19|20)\d{2}年度?/, '');
  const nameOf = (item: ThreePublicItem, leaf: Leaf): { name: string; label: string } => {
    const caption =
      item === 'total'
        ? threePublicCaption
          ? compact(threePublicCaption.text)
          : '“三公”经费'
        : item === 'vehicles'
          ? vehiclesCaption
            ? compact(vehiclesCaption.text)
            : '公务用车购置及运行费'
          : undefined;
    const subtotal = caption !== undefined && SUBTOTAL_WORD.test(leaf.text);
    const vehiclePart = item === 'vehicle_purchase' || item === 'vehicle_operation';
    const printed = withoutYear(compact(subtotal && !grandTotal ? caption : leaf.printed));
    if (vehiclePart && !printed.startsWith('公务用车'))
      return { name: `公务用车${printed}`, label: leaf.printed };
    if (grandTotal) {
      const label = subtotal ? `${caption}/${leaf.printed}` : leaf.printed;
      return { name: label.replace(/[/\s]/g, ''), label };
    }
    const label =
      item === 'vehicles' && subtotal ? `${vehiclesCaption?.text ?? caption}/${leaf.printed}` : leaf.printed;
    if (item === 'total') return { name: '合计', label };
    if (item === 'operating_costs') return { name: '机关运行经费', label };
    return { name: printed, label };
  };

  const rows: Row[] = [];
  let parentName: string | undefined;
  for (const item of ORDER) {
    const k = items.indexOf(item);
    if (k < 0) continue;
    const cells: Record<string, Cell> = {};
    for (const s of slots.filter((x) => x.item === item)) {
      const v = assigned.get(s);
      const cell: Cell = { value: v?.value ?? null, printed: v?.cell.text.trim() ?? '' };
      const source = v?.cell.source ?? rowSource;
      if (source) cell.source = source;
      cells[s.column] = cell;
    }
    const { name, label } = nameOf(item, leaves[k]);
    const role: RowRole =
      item === 'total'
        ? 'total'
        : item === 'grand_total'
          ? 'grand_total'
          : item === 'meeting' || item === 'training' || item === 'operating_costs'
            ? 'memo'
            : 'item';
    const row: Row = { name, label, role, cells };
    if (item === 'vehicles') parentName = name;
    if (item === 'vehicle_purchase' || item === 'vehicle_operation') {
      row.level = 2;
      if (parentName) row.parent = parentName;
    } else if (role === 'item') row.level = 1;
    if (rowSource) row.source = rowSource;
    rows.push(row);
  }
  return { columns, rows };
}

/** "1 2 3 … n" (after an optional 栏次): the numbering of the columns. */
function isColumnNumbering(line: LayoutLine): boolean {
  const f = line.cells.map((c) => compact(c.text)).filter((t) => t !== '' && t !== '栏次');
  return f.length >= 2 && f.every((t, i) => t === String(i + 1));
}

/**
 * The national 决算 template's form: one 预算数 and one 决算数 caption over the items, each item printed under both
 * (合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, twice). Each half is transposed
 * on its own and its amounts become the items' `budget` / `final` cells. Undefined when the table is not of this
 * form, null when it is but a half cannot be read.
 */
function measuresOverItems(
  fragments: readonly HeaderFragment[],
  values: readonly ValueCell[],
  rowSource?: SourceRef,
): ThreePublicTable | null | undefined {
  const measures = fragments
    .filter((f) => norm(f.text) !== '' && measureOf(f.text))
    .map((f) => ({ f, p: placed(f) }))
    .sort((a, b) => a.p.x0 - b.p.x0);
  if (measures.length !== 2 || measureOf(measures[0].f.text) === measureOf(measures[1].f.text))
    return undefined;
  const positioned = fragments.every((f) => f.x0 !== undefined && f.x1 !== undefined);
  // a caption's extent: as printed (a ruled cell gives the whole cell), else up to the next caption's column;
  // a caption printed without its cell (no rules) is only as wide as its word: the halves then part midway
  // between the two captions, centred over item groups of the same width
  const middle = (centre(measures[0].p) + centre(measures[1].p)) / 2;
  const extents = [
    positioned ? [measures[0].p, measures[1].p] : [],
    positioned
      ? [
          { x0: -Infinity, x1: middle },
          { x0: middle, x1: Infinity },
        ]
      : [],
    [
      { x0: -Infinity, x1: measures[1].p.x0 - 1 },
      { x0: measures[1].p.x0, x1: Infinity },
    ],
  ].filter((e) => e.length === 2);
  const others = fragments.filter((f) => norm(f.text) !== '' && !measureOf(f.text));
  const inside = (
    a: { x0?: number; x1?: number; index?: number; span?: number },
    e: { x0: number; x1: number },
  ) => {
    const c = centre(placed(a));
    return c >= e.x0 - 1 && c <= e.x1 + 1;
  };
  // the measures head the items (each over two or more of them), not the other way round
  const extent = extents.find((e) =>
    [0, 1].every((k) => others.filter((f) => f.y > measures[k].f.y && inside(f, e[k])).length >= 2),
  );
  if (!extent) return undefined;
  const within = (a: { x0?: number; x1?: number; index?: number; span?: number }, k: number) =>
    inside(a, extent[k]);
  const under = [0, 1].map((k) => others.filter((f) => f.y > measures[k].f.y && within(f, k)));
  const read = [0, 1].map((k) =>
    transposeThreePublic(
      under[k],
      values.filter((v) => within(v, k)),
      rowSource,
    ),
  );
  const [a, b] = read;
  if (!a || !b || a.rows.length !== b.rows.length || a.rows.some((r, i) => r.name !== b.rows[i].name))
    return null;
  const [first, second] = measures.map((m) => measureOf(m.f.text)!);
  const rows = a.rows.map((r, i) => {
    const cells: Record<string, Cell> = {};
    if (r.cells.total) cells[first] = r.cells.total;
    if (b.rows[i].cells.total) cells[second] = b.rows[i].cells.total;
    return { ...r, cells };
  });
  const label = (m: Measure) => measures.find((x) => measureOf(x.f.text) === m)!.f.text;
  return {
    columns: [
      { id: 'budget', label: label('budget') },
      { id: 'final', label: label('final') },
    ],
    rows,
  };
}

/** A line carries amounts only (a value row), no words. */
function isValueLine(line: LayoutLine): boolean {
  const f = line.cells.filter((c) => compact(c.text) !== '');
  return (
    f.length > 0 &&
    f.every((c) => amountOf(compact(c.text)) !== undefined) &&
    f.some((c) => /\d/.test(c.text))
  );
}

/**
 * The table's lines (captions above the grid, header and body as the generic reader collected them) → the
 * transposed table, or null when they are not the column form. `source` gives a cell's position; `fallback`
 * locates the rows of a table printed without amounts.
 */
export function threePublicFromLines(
  all: readonly LayoutLine[],
  source: (line: LayoutLine, cell?: number) => SourceRef,
  fallback?: SourceRef,
): ThreePublicTable | null {
  // the 栏次 row (1 2 3 … n) numbers the columns: neither header nor values
  const lines = all.filter((l) => !isColumnNumbering(l));
  const first = lines.findIndex(isValueLine);
  const headerLines = first < 0 ? lines : lines.slice(0, first);
  const valueLines = first < 0 ? [] : lines.slice(first);
  if (!valueLines.every(isValueLine) || valueLines.length > 2) return null;
  // the value row may come out as two lines when one amount sits a little lower ("0" under a blank cell): they
  // must fill different cells of one grid
  if (valueLines.length === 2) {
    const [a, b] = valueLines;
    const filled = (l: LayoutLine) => l.cells.flatMap((c, i) => (compact(c.text) === '' ? [] : [i]));
    if (a.cells.length !== b.cells.length || filled(b).some((i) => filled(a).includes(i))) return null;
  }
  const header: HeaderFragment[] = [];
  headerLines.forEach((line, order) => {
    line.cells.forEach((cell, index) => {
      if (compact(cell.text) === '') return;
      const y = line.y ?? order;
      const pieces = cell.parts && cell.parts.length > 1 ? cell.parts : [cell];
      for (const p of pieces) header.push({ text: p.text, x0: p.x0, x1: p.x1, index, span: cell.colSpan, y });
    });
  });
  const values: ValueCell[] = [];
  const width = Math.max(0, ...valueLines.map((l) => l.cells.length));
  for (let index = 0; index < width; index++) {
    const line = valueLines.find((l) => compact(l.cells[index]?.text ?? '') !== '');
    if (!line) continue;
    const cell = line.cells[index];
    if (cell.parts && cell.parts.length > 1)
      for (const p of cell.parts)
        values.push({ text: p.text, index, x0: p.x0, x1: p.x1, source: { ...source(line, index), x: p.x0 } });
    else values.push({ text: cell.text, index, x0: cell.x0, x1: cell.x1, source: source(line, index) });
  }
  return transposeThreePublic(header, values, valueLines[0] ? source(valueLines[0]) : fallback);
}

/** A row's item in a 三公 table printed in row form: its name, without the "/小计" of a label path. */
function itemOfRow(row: Row): ThreePublicItem | null {
  const name = norm(row.name).replace(/\/?(小计|合计)$/, '');
  if (name === '三公经费' || name === '') return /小计|合计/.test(row.name) ? 'total' : null;
  return itemOfWord(name);
}

/**
 * Roles of a 三公 table printed in row form (one row per item) that lists more than the 三公 (Jiangsu's "三公"经费、
 * 会议费、培训费 table, read back from a sheet or text): its 合计 adds 会议费 and 培训费 to the "三公"经费 小计, so
 * 合计 is the grand total, the 小计 the 三公 total, and 会议费 / 培训费 / 机关运行经费 are memo rows beside it —
 * the roles the column-form transposer gives the same table. Nothing changes unless all three kinds of row are
 * there.
 */
export function threePublicRowRoles(rows: Row[]): void {
  const items = rows.map(itemOfRow);
  const subtotal = rows.find((r, k) => items[k] === 'total' && r.role !== 'total');
  const total = rows.find((r) => r.role === 'total');
  const extra = rows.filter((_, k) => ['meeting', 'training', 'operating_costs'].includes(items[k] ?? ''));
  if (!subtotal || !total || extra.length === 0) return;
  total.role = 'grand_total';
  subtotal.role = 'total';
  for (const r of extra) r.role = 'memo';
}
