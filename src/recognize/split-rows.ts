// Grid rows printed over several visual lines (PDFs made by ONLYOFFICE, the Shanghai 决算): within one cell row the
// amounts are vertically centred while codes and names sit at the top or wrap, so one row of the grid comes out of
// the reader as two or three lines — "1,503.52 | 603.14" above "201 | 一般公共服务支出 | 2,106.66", or
// "301 | | 2,082.85 | 302 | | 171.07" above "工资福利支出 | 商品和服务支出". Such fragments are folded back into one
// line: a line is a fragment when a panel of it carries codes or amounts but no name; it joins the neighbouring line
// it is printed against (closer than rows are to each other, no column filled in both). A short label alone on its
// line just below a label of the same column ("二、政府性基金预算财政拨" / "款") continues that label.
// Lines from sources without positions (text, spreadsheets) are never folded.
import type { LayoutCell, LayoutLine } from '../layout/types.js';
import { compact, isNumberText, splitEnumeration } from './text.js';

/** Where a panel prints its labels and its amounts (column indices). */
export interface PanelColumns {
  names: number[];
  codes: number[];
  values: number[];
}

/** Lines of one grid row lie closer than this (PDF points) to each other. */
const ROW_GAP = 12;
/** A wrapped label's second line lies at most this far below the top of its first. */
const TAIL_GAP = 18;

const has = (line: LayoutLine, k: number) => compact(line.cells[k]?.text ?? '') !== '';

function isFragment(line: LayoutLine, panels: PanelColumns[]): boolean {
  return panels.some((p) => {
    if (p.names.length === 0) return false;
    const name = p.names.some((k) => has(line, k) && !isNumberText(line.cells[k].text));
    const other = p.codes.some((k) => has(line, k)) || p.values.some((k) => has(line, k));
    return other && !name;
  });
}

/** No column is filled in both lines. */
function disjoint(a: LayoutLine, b: LayoutLine): boolean {
  const n = Math.max(a.cells.length, b.cells.length);
  for (let k = 0; k < n; k++) if (has(a, k) && has(b, k)) return false;
  return true;
}

/** The one filled cell of a line that is only a short piece of a label (no number, no enumeration, no amount). */
function labelTail(line: LayoutLine, panels: PanelColumns[]): number {
  const filled = line.cells.map((c, k) => (compact(c.text) !== '' ? k : -1)).filter((k) => k >= 0);
  if (filled.length !== 1) return -1;
  const k = filled[0];
  const t = compact(line.cells[k].text);
  if (!panels.some((p) => p.names.includes(k))) return -1;
  if (
    t.length > 6 ||
    isNumberText(t) ||
    splitEnumeration(t).number !== undefined ||
    /^其中|合计|总计|小计/.test(t)
  )
    return -1;
  return k;
}

/** A label's tail starts where the label does (left-aligned in its cell). */
function continuesLabel(head: LayoutCell | undefined, tail: LayoutCell): boolean {
  if (!head || compact(head.text) === '' || isNumberText(head.text)) return false;
  if (head.x0 === undefined || tail.x0 === undefined) return false;
  return tail.x0 >= head.x0 - 2 && tail.x0 <= head.x0 + 2;
}

function merge(a: LayoutLine, b: LayoutLine): LayoutLine {
  const n = Math.max(a.cells.length, b.cells.length);
  const cells: LayoutCell[] = [];
  for (let k = 0; k < n; k++) {
    const x = a.cells[k];
    const y = b.cells[k];
    if (x && compact(x.text) !== '') cells.push(has(b, k) ? { ...x, text: x.text + y!.text } : x);
    else cells.push(y ?? x);
  }
  return { ...a, cells };
}

/** Folds the visual lines of split grid rows into one line per row (see the module comment). */
export function foldSplitRows(body: readonly LayoutLine[], panels: PanelColumns[]): LayoutLine[] {
  if (body.some((l) => l.y === undefined) || !body.some((l) => isFragment(l, panels))) return [...body];
  const out: { line: LayoutLine; top: number; bottom: number; fragment: boolean }[] = [];
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    const y = line.y!;
    const last = out[out.length - 1];
    const gap = last ? y - last.bottom : Infinity;
    const fragment = isFragment(line, panels);
    const tail = labelTail(line, panels);
    if (tail >= 0) {
      // the label it continues may be on the other panel's line before it ("二、政府性基金预算财政拨" / "二、外交支出" / "款")
      const owner = out
        .slice(-2)
        .reverse()
        .find((o) => y - o.top <= TAIL_GAP && continuesLabel(o.line.cells[tail], line.cells[tail]));
      if (owner) {
        owner.line = merge(owner.line, line);
        owner.bottom = Math.max(owner.bottom, y);
        continue;
      }
    }
    if (last && gap <= ROW_GAP && (fragment || last.fragment) && disjoint(last.line, line)) {
      // a fragment printed nearer to the next line belongs to that one
      const next = body[i + 1];
      const nearer = fragment && !last.fragment && next && next.y! - y < gap && disjoint(line, next);
      if (!nearer) {
        last.line = merge(last.line, line);
        last.bottom = y;
        last.fragment = isFragment(last.line, panels);
        continue;
      }
    }
    out.push({ line, top: y, bottom: y, fragment });
  }
  return out.map((o) => o.line);
}
