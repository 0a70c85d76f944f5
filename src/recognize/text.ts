// Text helpers of the recogniser: whitespace, enumeration prefixes, numbers in cells. Pure functions.
import { isNumeric, parseNumber, toHalfWidth } from '../model/money.js';
import type { LayoutLine } from '../layout/types.js';

const ODD_SPACE = /[\u00a0\u3000\u200b-\u200d\ufeff]/g;
const ANY_SPACE = /[\s\u00a0\u3000\u200b-\u200d\ufeff]/g;

/** Whether the text has any whitespace (a character loop: most cells have none, and this runs on every cell). */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c <= 0x20 ||
      c === 0xa0 ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200d) ||
      c === 0x2028
    )
      return true;
    if (c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85) return true;
  }
  return false;
}

/** Trims and turns no-break and ideographic spaces into plain spaces. */
export function clean(text: string): string {
  return hasSpace(text) ? text.replace(ODD_SPACE, ' ').trim() : text;
}

/** The text without any whitespace (how labels are compared). */
export function compact(text: string): string {
  return hasSpace(text) ? text.replace(ANY_SPACE, '') : text;
}

/** A filled cell: its text cleaned and compacted once, and its column index. */
export interface FilledCell {
  text: string;
  compact: string;
  index: number;
}

// Lines are classified many times (is it a title? a heading? a note?); their cells are cleaned once and kept on
// the line under a private symbol (cheaper for the garbage collector than a WeakMap).
const FILLED = Symbol('filled');
type CachedLine = LayoutLine & { [FILLED]?: FilledCell[] };

/** Non-empty cells of a line, with their column index. */
export function filled(line: LayoutLine): FilledCell[] {
  let out = (line as CachedLine)[FILLED];
  if (out) return out;
  out = [];
  for (let index = 0; index < line.cells.length; index++) {
    const raw = line.cells[index].text;
    if (raw === '') continue;
    if (!hasSpace(raw)) {
      out.push({ text: raw, compact: raw, index });
      continue;
    }
    const text = raw.replace(ODD_SPACE, ' ').trim();
    if (text !== '') out.push({ text, compact: text.replace(ANY_SPACE, ''), index });
  }
  (line as CachedLine)[FILLED] = out;
  return out;
}

/** The whole line as one string (cells joined by a space), for prose lines. */
export function lineString(line: LayoutLine): string {
  return filled(line)
    .map((c) => c.text)
    .join(' ');
}

const CN_NUM = '一二三四五六七八九十百零〇';
/** Enumeration prefixes, from the outermost to the innermost level as Chinese documents nest them. */
const ENUM_PATTERNS: { level: number; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^(第[${CN_NUM}]+部分)\\s*`) },
  { level: 2, re: new RegExp(`^([${CN_NUM}]+)\\s*[、.．]\\s*`) },
  { level: 3, re: new RegExp(`^([（(]\\s*[${CN_NUM}]+\\s*[)）])\\s*[、.．]?\\s*`) },
  { level: 4, re: /^([0-9０-９]+)\s*[、.．](?![0-9０-９])\s*/ },
  { level: 5, re: /^([（(]\s*[0-9０-９]+\s*[)）])\s*[、.．]?\s*/ },
  { level: 5, re: /^([①-⑳])\s*/ },
];

/** Splits an enumeration prefix ("一、", "（一）", "1、", "①") off a label. */
export function splitEnumeration(text: string): { number?: string; level?: number; rest: string } {
  const t = clean(text);
  for (const { level, re } of ENUM_PATTERNS) {
    const m = re.exec(t);
    if (m && m[0].length < t.length)
      return { number: compact(m[1]), level, rest: t.slice(m[0].length).trim() };
  }
  return { rest: t };
}

/** A row label without enumeration prefix, "其中：" and whitespace (INTERFACES.md `row_name`). */
export function rowName(label: string): string {
  let t = compact(label);
  t = t.replace(/^其中[:：]/, '');
  return compact(splitEnumeration(t).rest);
}

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?$/;

/**
 * A printed amount as exact decimal text (null for empty or a dash, undefined when not a number). Plain amounts
 * ("2,979.49") are canonical once their separators are dropped; anything else goes through parseNumber.
 */
export function amountOf(text: string): string | null | undefined {
  if (text === '') return null;
  if (PLAIN_NUMBER.test(text)) return text.includes(',') ? text.replace(/,/g, '') : text;
  const parsed = parseNumber(text);
  return parsed ? parsed.value : parsed;
}

/** True when a cell holds a printed number (not empty, not a dash). */
export function isNumberText(text: string): boolean {
  return isNumeric(text);
}

/** A classification code printed in one cell ("2010301", "201 03 01"); null when the text is not one. */
export function codeOf(text: string): string | null {
  const t = toHalfWidth(compact(text));
  return /^\d{1,9}$/.test(t) ? t : null;
}

/** A year printed as "2023年" or "2023年度" anywhere in the text. */
export function yearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}
