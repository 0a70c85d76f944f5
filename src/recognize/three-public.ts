// "三公" tables printed with the items as COLUMNS (Shanghai: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费
// (小计 | 购置费 | 运行费) | 机关运行经费预算数, one value row; Shanghai 决算: the same items, each over a 预算数 | 决算数
// pair) are transposed into the model's row form, the shape the Shanxi sample prints and the auditor reads: one row
// per item (合计 with role total, 因公出国（境）费, 公务接待费, 公务用车购置及运行费, and 公务用车购置费 / 公务用车运行
// (维护)费 under it), amounts in column `total` (决算: `budget` and `final`). A 机关运行经费 column printed in the same
// table becomes a row with role `memo` (not part of the 三公 sum).
//
// Which value belongs to which header is decided by horizontal position (headers are centred in their cells,
// amounts right-aligned or centred, and the reader's column projection merges columns that are empty in the value
// row), or by column index when the source has no positions (spreadsheets). Anything that cannot be placed
// unambiguously makes the whole transposition fail: the caller then reads the table the generic way.
import type { LayoutLine } from '../layout/types.js';
import type { Cell, Column, Row, SourceRef } from '../model/schema.js';
import { amountOf, compact } from './text.js';

/** A header word as printed: its text, its layout column and (PDF) its extent and vertical position. */
export interface HeaderPiece {
  text: string;
  index: number;
  x0?: number;
  x1?: number;
  /** Top of its line (PDF points); for sources without positions, the header line's order. */
  y: number;
  /** Font size (PDF); lines of other sources count as 1. */
  size: number;
}

/** An amount of the value row: its printed text, layout column, extent (PDF) and where it comes from. */
export interface ValuePiece {
  text: string;
  index: number;
  x0?: number;
  x1?: number;
  source?: SourceRef;
}

export interface ThreePublicTable {
  columns: Column[];
  rows: Row[];
}

type ItemKind =
  'total' | 'abroad' | 'reception' | 'vehicles' | 'subtotal' | 'purchase' | 'operation' | 'operating_costs';
type Kind = ItemKind | 'caption' | 'budget' | 'final';

/** Header words of the column form, compact, without a leading year, quotes and with half-width brackets. */
const KINDS: { kind: Kind; pattern: RegExp }[] = [
  { kind: 'caption', pattern: /^(财政拨款)?三公经费(预算数?|决算数?|支出(预算|决算)?数?)?$/ },
  { kind: 'total', pattern: /^(三公经费)?合计$/ },
  { kind: 'abroad', pattern: /^因公出国\(境\)费(用)?$/ },
  { kind: 'reception', pattern: /^公务接待费$/ },
  { kind: 'vehicles', pattern: /^公务用车购置及运行(维护)?费$/ },
  { kind: 'subtotal', pattern: /^小计$/ },
  { kind: 'purchase', pattern: /^(公务用车)?购置费$/ },
  { kind: 'operation', pattern: /^(公务用车)?运行(维护)?费$/ },
  { kind: 'operating_costs', pattern: /^机关运行经费(预算数?|决算数?|支出)?$/ },
  { kind: 'budget', pattern: /^(年初)?预算数?$/ },
  { kind: 'final', pattern: /^决算数?$/ },
];

function normal(text: string): string {
  return compact(text)
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

function kindOf(text: string): Kind | null {
  const t = normal(text);
  return KINDS.find((k) => k.pattern.test(t))?.kind ?? null;
}

interface Word {
  text: string;
  kind: Kind | null;
  index: number;
  x0?: number;
  x1?: number;
  y: number;
  size: number;
}

const centre = (w: { x0?: number; x1?: number }) => ((w.x0 ?? 0) + (w.x1 ?? 0)) / 2;
const positioned = (w: { x0?: number; x1?: number }) => w.x0 !== undefined && w.x1 !== undefined;

/** Two pieces of one header cell: stacked right above each other, one centred within the other's extent. */
function stacked(a: Word, b: Word): boolean {
  if (positioned(a) && positioned(b)) {
    const em = Math.max(a.size, b.size);
    if (Math.abs(a.y - b.y) > 1.6 * em || a.y === b.y) return false;
    const inside = (p: Word, q: Word) => centre(p) >= q.x0! - 2 && centre(p) <= q.x1! + 2;
    return inside(a, b) || inside(b, a);
  }
  return a.index === b.index && Math.abs(a.y - b.y) === 1;
}

/**
 * Header words wrapped inside their cell ("机关运行经费预算" / "数", "2023年机关运行经" / "费预算数") are joined to
 * the piece they continue when the joined text is a header word; a piece that stays unexplained fails the table.
 */
function joinWrapped(words: Word[]): Word[] | null {
  const out = [...words];
  for (let changed = true; changed;) {
    changed = false;
    for (const u of out) {
      if (u.kind) continue;
      for (const a of out) {
        if (a === u || !stacked(a, u)) continue;
        const [upper, lower] = a.y < u.y ? [a, u] : [u, a];
        const kind = kindOf(upper.text + lower.text);
        if (!kind) continue;
        const joined: Word = {
          ...upper,
          text: upper.text + lower.text,
          kind,
          x0: positioned(a) ? Math.min(a.x0!, u.x0!) : undefined,
          x1: positioned(a) ? Math.max(a.x1!, u.x1!) : undefined,
        };
        out.splice(out.indexOf(a), 1, joined);
        out.splice(out.indexOf(u), 1);
        changed = true;
        break;
      }
      if (changed) break;
    }
  }
  return out.every((w) => w.kind) ? out : null;
}

/** A place values can be printed in: one item, and (决算) one of its 预算数 / 决算数 columns. */
interface Slot {
  item: Word;
  column: 'total' | 'budget' | 'final';
  at: Word;
}

/** The name a row gets: the printed header, with 公务用车 restored on the sub-items ("购置费" → 公务用车购置费). */
function rowNameOf(item: Word): string {
  const t = compact(item.text).replace(/^(?:19|20)\d{2}年度?/, '');
  if ((item.kind === 'purchase' || item.kind === 'operation') && !t.startsWith('公务用车'))
    return `公务用车${t}`;
  if (item.kind === 'operating_costs') return '机关运行经费';
  if (item.kind === 'total') return '合计';
  return t;
}

/**
 * Header pieces + the value row(s) → the table in row form, or null when the header is not the column form of a
 * 三公 table or a value cannot be placed under exactly one header.
 */
export function transposeThreePublic(header: HeaderPiece[], values: ValuePiece[][]): ThreePublicTable | null {
  if (values.length > 1) return null;
  const words = joinWrapped(
    header.filter((h) => compact(h.text) !== '').map((h) => ({ ...h, kind: kindOf(h.text) })),
  );
  if (!words) return null;
  const of = (kind: Kind) => words.filter((w) => w.kind === kind);
  if (of('budget').length === 1 && of('final').length === 1 && of('total').length === 2)
    return measuresOverItems(words, values);
  for (const k of [
    'total',
    'abroad',
    'reception',
    'vehicles',
    'subtotal',
    'purchase',
    'operation',
    'operating_costs',
  ])
    if (of(k as Kind).length > 1) return null;
  const one = (kind: Kind) => of(kind)[0] as Word | undefined;
  const total = one('total');
  const abroad = one('abroad');
  const reception = one('reception');
  const vehicles = one('vehicles');
  if (!total || !abroad || !reception || !vehicles) return null;
  const subtotal = one('subtotal');
  const purchase = one('purchase');
  const operation = one('operation');
  // 小计 / 购置费 / 运行费 subdivide 公务用车购置及运行费; the 公务用车 row takes the 小计 column
  const vehicleColumn = subtotal ?? (purchase || operation ? undefined : vehicles);
  if (!vehicleColumn) return null;
  const items: Word[] = [total, abroad, reception, vehicleColumn];
  if (purchase) items.push(purchase);
  if (operation) items.push(operation);
  const operating = one('operating_costs');
  if (operating) items.push(operating);
  const usePositions = [...items, ...values.flat()].every(positioned);

  const measures = [...of('budget'), ...of('final')];
  let slots: Slot[];
  let columns: Column[];
  if (measures.length > 0) {
    // every item heads one 预算数 and one 决算数 column: each measure goes to the item nearest above it
    const owner = (m: Word): Word | undefined =>
      usePositions
        ? [...items].sort((a, b) => Math.abs(centre(a) - centre(m)) - Math.abs(centre(b) - centre(m)))[0]
        : [...items].filter((i) => i.index <= m.index).sort((a, b) => b.index - a.index)[0];
    slots = measures.map((m) => ({ item: owner(m)!, column: m.kind as 'budget' | 'final', at: m }));
    for (const item of items) {
      const mine = slots.filter((s) => s.item === item);
      if (mine.length !== 2 || mine[0].column === mine[1].column) return null;
    }
    columns = [
      { id: 'budget', label: of('budget')[0].text },
      { id: 'final', label: of('final')[0].text },
    ];
  } else {
    slots = items.map((item) => ({ item, column: 'total', at: item }));
    columns = [{ id: 'total', label: one('caption')?.text ?? total.text }];
  }

  // value → slot
  const placed = new Map<Slot, ValuePiece>();
  const row = values[0] ?? [];
  const ordered = usePositions ? [...slots].sort((a, b) => centre(a.at) - centre(b.at)) : slots;
  for (const v of row) {
    if (compact(v.text) === '') continue;
    if (amountOf(compact(v.text)) === undefined) return null;
    let slot: Slot | undefined;
    if (usePositions) {
      const c = centre(v);
      const k = ordered.findIndex(
        (s, i) => i === ordered.length - 1 || c < (centre(s.at) + centre(ordered[i + 1].at)) / 2,
      );
      const bounds = [k > 0 ? (centre(ordered[k - 1].at) + centre(ordered[k].at)) / 2 : -Infinity];
      if (k < ordered.length - 1) bounds.push((centre(ordered[k].at) + centre(ordered[k + 1].at)) / 2);
      // too close to the middle between two headers to tell
      if (bounds.some((b) => Math.abs(c - b) < 2)) return null;
      slot = ordered[k];
    } else slot = slots.find((s) => s.at.index === v.index);
    if (!slot || placed.has(slot)) return null;
    placed.set(slot, v);
  }

  const rows: Row[] = [];
  const vehiclesName = rowNameOf(vehicles);
  for (const item of items) {
    const cells: Record<string, Cell> = {};
    for (const s of slots.filter((x) => x.item === item)) {
      const v = placed.get(s);
      const printed = v ? v.text.trim() : '';
      const value = amountOf(compact(printed));
      const cell: Cell = { value: value ?? null, printed };
      if (v?.source) cell.source = v.source;
      cells[s.column] = cell;
    }
    const name = item === vehicleColumn ? vehiclesName : rowNameOf(item);
    const label = item === vehicleColumn && item !== vehicles ? `${vehicles.text}/${item.text}` : item.text;
    const r: Row = { name, label, role: 'item', cells };
    if (item === total) r.role = 'total';
    else if (item === operating) r.role = 'memo';
    else if (item === purchase || item === operation) {
      r.level = 2;
      r.parent = vehiclesName;
    } else r.level = 1;
    rows.push(r);
  }
  return { columns, rows };
}

/**
 * The national 决算 template's form: 预算数 and 决算数 captions over the items, each item printed under both (合计 |
 * 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, twice). Each half is transposed on its
 * own, its amounts becoming the items' `budget` and `final` cells.
 */
function measuresOverItems(words: Word[], values: ValuePiece[][]): ThreePublicTable | null {
  if (values.length > 1) return null;
  const measures = words.filter((w) => w.kind === 'budget' || w.kind === 'final');
  const usePositions = [...words, ...values.flat()].every(positioned);
  // a piece belongs to the measure over it: within its extent, else the nearest caption at or left of it
  const measureOf = (p: { index: number; x0?: number; x1?: number }) =>
    usePositions
      ? [...measures].sort((a, b) => Math.abs(centre(a) - centre(p)) - Math.abs(centre(b) - centre(p)))[0]
      : [...measures].filter((m) => m.index <= p.index).sort((a, b) => b.index - a.index)[0];
  const items = words.filter((w) => !measures.includes(w) && w.kind !== 'caption');
  const halves = measures.map((m) => {
    const mine = items.filter((w) => measureOf(w) === m);
    if (usePositions && mine.length > 0) {
      // the items' extent decides, not the caption's centre
      const x0 = Math.min(...mine.map((w) => w.x0!));
      const x1 = Math.max(...mine.map((w) => w.x1!));
      return { m, mine, x0, x1 };
    }
    return { m, mine, x0: undefined, x1: undefined };
  });
  const halfOf = (v: ValuePiece) =>
    usePositions
      ? halves.find((h) => h.x0 !== undefined && centre(v) >= h.x0 - 2 && centre(v) <= h.x1! + 2)
      : halves.find((h) => h.m === measureOf(v));
  const row = values[0] ?? [];
  if (row.some((v) => compact(v.text) !== '' && !halfOf(v))) return null;
  const read = halves.map((h) => transposeThreePublic(h.mine, [row.filter((v) => halfOf(v) === h)]));
  if (read.some((t) => t === null)) return null;
  const [first, second] = read as ThreePublicTable[];
  const columnOf = (h: (typeof halves)[number]) => (h.m.kind === 'budget' ? 'budget' : 'final');
  if (first.rows.length !== second.rows.length) return null;
  const rows = first.rows.map((r, k) => {
    const other = second.rows[k];
    if (other.name !== r.name) return null;
    return {
      ...r,
      cells: { [columnOf(halves[0])]: r.cells.total, [columnOf(halves[1])]: other.cells.total },
    };
  });
  if (rows.some((r) => r === null)) return null;
  const label = (kind: Kind) => measures.find((m) => m.kind === kind)!.text;
  return {
    columns: [
      { id: 'budget', label: label('budget') },
      { id: 'final', label: label('final') },
    ],
    rows: rows as Row[],
  };
}

/** The font size of a header word, from its width: CJK characters are one em wide, Latin ones about half. */
function emOf(p: { text: string; x0?: number; x1?: number }): number {
  const t = compact(p.text);
  const weight = [...t].reduce((a, ch) => a + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0);
  return p.x0 !== undefined && p.x1 !== undefined && weight > 0 ? (p.x1 - p.x0) / weight : 12;
}

/** "1 2 3 … n" (after an optional 栏次): the numbering of the columns. */
function isColumnNumbering(line: LayoutLine): boolean {
  const f = line.cells.map((c) => compact(c.text)).filter((t) => t !== '' && t !== '栏次');
  return f.length >= 2 && f.every((t, i) => t === String(i + 1));
}

/** A line carries amounts only (the value row), no words. */
function isValueLine(line: LayoutLine): boolean {
  const f = line.cells.filter((c) => compact(c.text) !== '');
  return (
    f.length > 0 &&
    f.every((c) => amountOf(compact(c.text)) !== undefined) &&
    f.some((c) => /\d/.test(c.text))
  );
}

/**
 * The table's lines (header and body as the generic reader collected them) → the transposed table, or null when
 * they are not the column form. `source` gives a cell's position.
 */
export function threePublicFromLines(
  all: readonly LayoutLine[],
  source: (line: LayoutLine, cell?: number) => SourceRef,
): (ThreePublicTable & { valueLine?: LayoutLine }) | null {
  // the 栏次 row (1 2 3 … n) numbers the columns: neither header nor values
  const lines = all.filter((l) => !isColumnNumbering(l));
  const first = lines.findIndex(isValueLine);
  const headerLines = first < 0 ? lines : lines.slice(0, first);
  const valueLines = first < 0 ? [] : lines.slice(first);
  if (!valueLines.every(isValueLine)) return null;
  const header: HeaderPiece[] = [];
  headerLines.forEach((line, order) => {
    line.cells.forEach((cell, index) => {
      if (compact(cell.text) === '') return;
      const y = line.y ?? order;
      const pieces = cell.parts && cell.parts.length > 1 ? cell.parts : [cell];
      for (const p of pieces)
        header.push({ text: p.text, index, x0: p.x0, x1: p.x1, y, size: line.y === undefined ? 1 : emOf(p) });
    });
  });
  const values: ValuePiece[][] = valueLines.map((line) =>
    line.cells.flatMap((cell, index) => {
      if (compact(cell.text) === '') return [];
      if (cell.parts && cell.parts.length > 1)
        return cell.parts.map((p) => ({
          text: p.text,
          index,
          x0: p.x0,
          x1: p.x1,
          source: { ...source(line, index), x: p.x0 },
        }));
      return [{ text: cell.text, index, x0: cell.x0, x1: cell.x1, source: source(line, index) }];
    }),
  );
  // In a ruled grid every piece sits in its cell's column: when positions cannot tell (amounts right-aligned in
  // wide cells fall near the middle between two centred headers), the columns can.
  const ruled = lines.every((l) => l.grid === 'ruled');
  const t =
    transposeThreePublic(header, values) ??
    (ruled
      ? transposeThreePublic(
          header.map((h) => ({
            ...h,
            x0: undefined,
            x1: undefined,
            y: headerLines.findIndex((l) => l.y === h.y),
            size: 1,
          })),
          values.map((r) => r.map((v) => ({ ...v, x0: undefined, x1: undefined }))),
        )
      : null);
  if (!t) return null;
  return valueLines[0] ? { ...t, valueLine: valueLines[0] } : t;
}
