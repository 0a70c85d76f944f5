// The "三公" table printed with the items as COLUMNS under a header STACKED over many lines (captions over captions,
// words wrapped mid-word: Jiangsu's "三公"经费、会议费、培训费支出预算表, whose 合计 adds 会议费 and 培训费 to the
// "三公"经费 小计) is turned into the model's ROW form. three-public.ts handles the one-caption-level shape first
// (Shanghai budget and 决算 tables); this module reads what that one refuses (the Shanxi
// sample's shape, which the auditor's table.three-public rule and facts.ts bind by row name): one row per item,
// the amount in column `total`, every cell keeping its printed position.
//
// The header is read by geometry, not by the grid's column indices: the reader's grid has one column per body
// value, so a column printed blank (公务用车购置费 with no amount) has none, and amounts right-aligned in wide cells
// fall into the neighbouring grid column. Fragments are stacked into leaf headers by horizontal overlap; a
// fragment over two or more leaves is a caption ("三公"经费, 公务用车购置及运行维护费); each amount goes to the
// leaf whose centre is nearest. The result is kept only when it is unambiguous or the 三公 identities hold.
import { Decimal } from 'decimal.js';
import type { Cell, Column, Row, RowRole, SourceRef } from '../model/schema.js';

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
  x0: number;
  x1: number;
  /** Top of its line; fragments are stacked top-down. */
  y: number;
}

/** An amount of the value row. */
export interface ValueCell {
  printed: string;
  /** Exact decimal text ("222.50"), null when the cell is blank. */
  value: string | null;
  x0: number;
  x1: number;
  source?: SourceRef;
}

export interface ThreePublicRows {
  columns: Column[];
  rows: Row[];
}

/** Header words → items (compact text, quotes removed, full-width brackets). Order matters: narrower first. */
const ITEM_WORDS: { item: ThreePublicItem; pattern: RegExp }[] = [
  { item: 'abroad', pattern: /^因公出国(（境）)?费(用)?$/ },
  { item: 'reception', pattern: /^公务接待费$/ },
  { item: 'vehicle_purchase', pattern: /^(公务用车)?购置费$/ },
  { item: 'vehicle_operation', pattern: /^(公务用车)?运行(维护)?费$/ },
  { item: 'vehicles', pattern: /^公务用车购置及运行(维护)?费$/ },
  { item: 'meeting', pattern: /^会议费$/ },
  { item: 'training', pattern: /^培训费$/ },
  { item: 'operating_costs', pattern: /^机关运行经费(预算数)?$/ },
];

const SUBTOTAL_WORD = /^(小计|合计)$/;
const THREE_PUBLIC_CAPTION = /^三公经费(预算数)?$/;
const VEHICLES_CAPTION = /^公务用车购置及运行(维护)?费$/;

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

function norm(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/[“”"‘’']/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

interface Leaf {
  text: string;
  printed: string;
  x0: number;
  x1: number;
  captions: string[];
}

const centre = (a: { x0: number; x1: number }) => (a.x0 + a.x1) / 2;
const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/** Header fragments → leaf headers (top-down stacks) with the captions printed over them. */
export function leavesOf(fragments: readonly HeaderFragment[]): Leaf[] {
  const frags = fragments.filter((f) => norm(f.text) !== '').sort((a, b) => a.y - b.y || a.x0 - b.x0);
  // a caption holds the centres of two fragments that lie side by side (not stacked)
  const isCaption = (f: HeaderFragment) => {
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
  const split: HeaderFragment[] = [];
  for (const p of pieces) {
    const t = norm(p.text);
    const m = /^(小计|合计)(.+)$/.exec(t);
    if (m && itemOfWord(m[2])) {
      const cut = p.x0 + ((p.x1 - p.x0) * m[1].length) / t.length;
      split.push({ ...p, text: m[1], x1: cut }, { ...p, text: m[2], x0: cut });
    } else split.push(p);
  }
  const stacks: HeaderFragment[][] = [];
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

function itemOfWord(text: string): ThreePublicItem | null {
  return ITEM_WORDS.find((w) => w.pattern.test(norm(text)))?.item ?? null;
}

/**
 * The items the leaf headers name, from their words, the captions over them and their order. A caption's text
 * is often narrower than the columns it spans (a centred "三公"经费), so a 小计 is placed by its neighbours too:
 * before 购置费 / 运行费 it is the 公务用车 subtotal, otherwise the 三公 subtotal when the table has a 三公 caption
 * (and 合计 then also holds 会议费 and 培训费).
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

/**
 * Transposes a 三公 table printed with the items as columns into item rows. Returns null when a header is not
 * a 三公 item or the amounts cannot be placed without doubt (the table is then left without columns).
 */
export function transposeThreePublic(
  fragments: readonly HeaderFragment[],
  values: readonly ValueCell[],
  rowSource?: SourceRef,
): ThreePublicRows | null {
  const leaves = leavesOf(fragments);
  if (leaves.length < 3) return null;
  const items = itemsOfHeaders(leaves);
  if (items.some((i) => i === null)) return null;
  if (new Set(items).size !== items.length) return null;
  // each amount to the nearest leaf, one amount per leaf, left to right
  const filledValues = values.filter((v) => v.printed.trim() !== '');
  const assigned = new Map<number, ValueCell>();
  let clear = true;
  for (const v of filledValues) {
    if (v.value === null) return null;
    const byDistance = leaves
      .map((l, k) => ({ k, d: Math.abs(centre(l) - centre(v)) }))
      .sort((a, b) => a.d - b.d);
    const best = byDistance[0];
    if (assigned.has(best.k)) return null;
    if (byDistance[1] && best.d > 0.5 * byDistance[1].d) clear = false;
    assigned.set(best.k, v);
  }
  const order = [...assigned.keys()];
  if (order.some((k, i) => i > 0 && k < order[i - 1])) return null;
  const amount = (item: ThreePublicItem): string | null | undefined => {
    const k = items.indexOf(item);
    if (k < 0) return undefined;
    return assigned.get(k)?.value ?? null;
  };
  const holds =
    adds(amount('total'), [amount('abroad'), amount('reception'), amount('vehicles')]) &&
    adds(amount('vehicles'), [amount('vehicle_purchase'), amount('vehicle_operation')]) &&
    (amount('total') === undefined ||
      adds(amount('grand_total'), [amount('total'), amount('meeting'), amount('training')]));
  if (!clear && !holds) return null;

  const captionOf = (pattern: RegExp) =>
    fragments.find((f) => pattern.test(norm(f.text)))?.text.replace(/[\s\u00a0\u3000]/g, '') ??
    (pattern === VEHICLES_CAPTION ? '公务用车购置及运行费' : '“三公”经费');
  const rows: Row[] = [];
  const itemsOfRows: ThreePublicItem[] = [];
  for (const item of ORDER) {
    const k = items.indexOf(item);
    if (k < 0) continue;
    const leaf = leaves[k];
    const v = assigned.get(k);
    const cell: Cell = { value: v?.value ?? null, printed: v?.printed.trim() ?? '' };
    const source = v?.source ?? rowSource;
    if (source) cell.source = source;
    // a subtotal is labelled with the caption of what it totals ("公务用车购置及运行维护费/小计")
    const caption =
      item === 'total'
        ? captionOf(THREE_PUBLIC_CAPTION)
        : item === 'vehicles'
          ? captionOf(VEHICLES_CAPTION)
          : undefined;
    const label = SUBTOTAL_WORD.test(leaf.text) && caption ? `${caption}/${leaf.printed}` : leaf.printed;
    const role: RowRole =
      item === 'total'
        ? 'total'
        : item === 'grand_total'
          ? 'grand_total'
          : item === 'meeting' || item === 'training' || item === 'operating_costs'
            ? 'memo'
            : 'item';
    // the name is the label without the caption separator, as INTERFACES.md derives row_name from the label
    const row: Row = { name: label.replace(/[/\s]/g, ''), label, role, cells: { total: cell } };
    if (item === 'vehicle_purchase' || item === 'vehicle_operation') {
      row.level = 2;
      const parent = rows.find((_, i) => itemsOfRows[i] === 'vehicles');
      if (parent) row.parent = parent.name;
    } else if (role === 'item') row.level = 1;
    if (rowSource) row.source = rowSource;
    rows.push(row);
    itemsOfRows.push(item);
  }
  return { columns: [{ id: 'total', label: '金额' }], rows };
}
