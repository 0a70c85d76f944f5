// What a single layout line is: a part heading, a table number, a table title, a form title, a note, a table's
// meta line (单位名称 / 单位：万元), a contents entry. Decided from the text and the vocabulary only.
import type { LayoutLine } from '../layout/types.js';
import type { MoneyUnit } from '../model/money.js';
import type { TableKind } from '../model/schema.js';
import type { Vocabulary } from './family.js';
import { clean, compact, filled, lineString } from './text.js';
import { FORM_TITLE, PART_HEADING, TABLE_NUMBER, TITLE_NOISE } from './vocabulary.js';

/** 第X部分 …, possibly split into cells by the layout ("第一部分 | 部门概况"); not a contents entry. */
export function isPartHeading(line: LayoutLine): boolean {
  const f = filled(line);
  return (
    f.length >= 1 &&
    f.length <= 3 &&
    PART_HEADING.test(f[0].compact) &&
    compactLine(f).length <= 40 &&
    !/[。；]/.test(compactLine(f)) &&
    !isContentsEntry(line)
  );
}

function compactLine(f: { compact: string }[]): string {
  return f.map((c) => c.compact).join('');
}

/** A printed table number alone on its line ("预算公开表1"). */
export function tableNumberOf(line: LayoutLine): string | null {
  const f = filled(line);
  if (f.length !== 1) return null;
  const t = f[0].compact;
  const m = TABLE_NUMBER.exec(t);
  return m && m[0].length === t.length ? m[1] : null;
}

/** Dotted leaders of a contents line ("……", "....."). */
const LEADERS = /[.．·…]{3,}|…{2,}/;

export interface TitleMatch {
  /** Title as printed (without a leading table number). */
  title: string;
  number?: string;
  /** Kinds whose title pattern matches, best first. */
  kinds: TableKind[];
}

/** Reduces a printed title to what identifies the table: no table number, year, unit-name prefix or noise. */
export function normalizeTitle(title: string): string {
  let t = compact(title).replace(/[“”"'‘’「」『』]/g, '');
  for (const re of TITLE_NOISE) t = t.replace(re, '');
  const year = /(?:19|20)\d{2}年度?/.exec(t);
  if (year) t = t.slice(year.index + year[0].length);
  return t;
}

/** A line that is a table title: one cell, short, ending in 表 (possibly with a qualifier), no prose. */
export function tableTitleOf(line: LayoutLine, vocab: Vocabulary): TitleMatch | null {
  const f = filled(line);
  if (f.length === 0 || f.length > 2) return null;
  let number: string | undefined;
  let text = f.map((c) => c.text).join(' ');
  if (f.length === 2) {
    // "表一 | 2023年预算收支总表", or the number printed right of the title ("收入支出决算总表 | 公开01表")
    const whole = (t: string) => {
      const n = TABLE_NUMBER.exec(t);
      return n && n[0].length === t.length ? n[1] : null;
    };
    const before = whole(f[0].compact);
    const after = before === null ? whole(f[1].compact) : null;
    if (before === null && after === null) return null;
    number = before ?? after!;
    text = before !== null ? f[1].text : f[0].text;
  } else {
    const n = TABLE_NUMBER.exec(compact(text));
    if (n && n[0].length < compact(text).length) {
      number = n[1];
      text = clean(compact(text).slice(n[0].length));
    }
  }
  const c = compact(text);
  if (c.length < 4 || c.length > 70 || LEADERS.test(c) || /[。，；;,]/.test(c)) return null;
  if (!/表([（(][^（()）]*[)）])*$/.test(c)) return null;
  const norm = normalizeTitle(c);
  const kinds: TableKind[] = [];
  for (const { kind, pattern } of vocab.tableTitles) {
    if (pattern.test(norm) && !kinds.includes(kind)) kinds.push(kind);
  }
  if (kinds.length === 0) return null;
  return { title: clean(text), number, kinds };
}

/**
 * A title broken over two lines ("公开 09 表：一般公共预算“三公”经费、会议费、培训费" / "支出预算表"): the second line
 * alone may even look like another table's title. Returns the joined line (at the first line's position).
 */
export function brokenTitleAt(lines: readonly LayoutLine[], i: number, vocab: Vocabulary): LayoutLine | null {
  const line = lines[i];
  const next = lines[i + 1];
  if (!next || next.page !== line.page) return null;
  const a = filled(line);
  const b = filled(next);
  if (a.length !== 1 || b.length !== 1 || b[0].compact.length > 8) return null;
  if (tableTitleOf(line, vocab) || !/表$/.test(b[0].compact)) return null;
  // built field by field: a spread would copy the original line's cached cells
  const first = line.cells[a[0].index];
  const joined: LayoutLine = {
    page: line.page,
    line: line.line,
    cells: [{ ...first, text: `${a[0].text}${b[0].text}` }],
  };
  if (line.y !== undefined) joined.y = line.y;
  const title = tableTitleOf(joined, vocab);
  if (!title) return null;
  // the joined title must name a narrower table than the second line alone
  const alone = tableTitleOf(next, vocab);
  if (alone && alone.kinds[0] === title.kinds[0]) return null;
  return joined;
}

export function isFormTitle(line: LayoutLine): boolean {
  const f = filled(line);
  return f.length === 1 && FORM_TITLE.test(f[0].compact) && !LEADERS.test(f[0].text);
}

/** A note printed with a table ("注：本表无数据"). */
export function isNoteText(text: string): boolean {
  return /^(注|备注|说明)\s*[:：]|^注\d*[.、]/.test(clean(text));
}

/** Meta cells of a table: the unit name and the money unit. */
export function metaOfCell(text: string): { unitName?: string; unit?: MoneyUnit } | null {
  const t = compact(text);
  const unit = /^(金额)?单位[:：](万元|元)$/.exec(t);
  if (unit) return { unit: unit[2] as MoneyUnit };
  // "单位：万" with its "元" wrapped onto the next line: a money unit, never a unit named "万"
  if (/^(金额)?单位[:：]万$/.test(t)) return { unit: '万元' };
  const name = /^(单位名称|部门名称|编制单位|编制部门|预算单位|预算部门|单位|部门)[:：](.*)$/.exec(t);
  // templates leave the name blank ("编制单位：")
  if (name?.[2] === '') return {};
  if (name) {
    const trailingUnit = /(.*?)(?:金额)?单位[:：](万元|元)$/.exec(name[2]);
    if (trailingUnit) return { unitName: trailingUnit[1], unit: trailingUnit[2] as MoneyUnit };
    return { unitName: name[2] };
  }
  return null;
}

/** A cell holding only dotted leaders: contents pages laid out as a grid print them in a cell of their own. */
const LEADERS_ONLY = /^[.．·…\s]{2,}$/;

/** A contents entry: a title followed by dotted leaders and/or a page number cell. */
export function contentsEntryOf(line: LayoutLine): { title: string; page?: number } | null {
  const all = filled(line);
  const f = all.filter((c) => !LEADERS_ONLY.test(c.text));
  const leaderCell = f.length < all.length;
  if (f.length === 0 || f.length > 2) return null;
  if (f.length === 2) {
    if (!/^\d{1,3}$/.test(f[1].text)) return null;
    return { title: clean(f[0].text.replace(/[.．·…\s]+$/, '')), page: Number(f[1].text) };
  }
  const m = /^(.*?)\s*(?:[.．·…]{2,}|…+)\s*(\d{1,3})?\s*$/.exec(f[0].text);
  if (m && m[1].length > 0) return { title: clean(m[1]), page: m[2] ? Number(m[2]) : undefined };
  // "一、部门主要职能 | ……………" without a page number
  if (leaderCell && f[0].index < all.find((c) => LEADERS_ONLY.test(c.text))!.index)
    return { title: clean(f[0].text) };
  return null;
}

export function isContentsEntry(line: LayoutLine): boolean {
  return (
    contentsEntryOf(line) !== null && /[.．·…]{2,}|\t\d{1,3}$/.test(line.cells.map((c) => c.text).join('\t'))
  );
}

/** The contents heading ("目 录"). */
export function isContentsHeading(line: LayoutLine): boolean {
  return /^目录$/.test(compact(lineString(line)));
}
