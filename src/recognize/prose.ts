// The prose of a disclosure: parts (第X部分), numbered sections and their paragraphs, the 概况 (duties,
// organisation, units included) and the glossary (名词解释). Lines arrive in document order from index.ts.
import type { LayoutLine } from '../layout/types.js';
import type { GlossaryEntry, Overview, Paragraph, Section, SectionKind, TocEntry } from '../model/schema.js';
import type { Context } from './context.js';
import { clean, compact, lineString, splitEnumeration } from './text.js';

type PartMode = 'overview' | 'tables' | 'explanation' | 'glossary';

/** Sentence-final punctuation: a paragraph that ends otherwise was wrapped (a closing quote ends one only after 。). */
const SENTENCE_END = /(?:[。！？；;：:!?）)」】]|[。！？!?][”"])$/;

/** Width of a line in full-width characters: digits and Latin letters print half as wide as ideographs. */
function visualWidth(text: string): number {
  let w = 0;
  for (const ch of text) if (!/\s/.test(ch)) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** A numbered heading: an enumerated line that is short and not a sentence. */
export function headingOf(text: string): { number: string; level: number; title: string } | null {
  const e = splitEnumeration(text);
  if (!e.number || !e.level || e.level < 2) return null;
  const t = compact(e.rest);
  // a title has no comma; a numbered line with one is a sentence wrapped by the layout
  if (t.length === 0 || t.length > 40 || /[，,]/.test(t)) return null;
  // a sentence is not a heading, except a very short title closed by a full stop ("（一）职能职责。")
  if (/[；;]$/.test(t) || (/。/.test(t) && (t.length > 10 || !/^[^。，,、；;]+。$/.test(t)))) return null;
  return { number: e.number, level: e.level, title: e.rest.replace(/[:：。]\s*$/, '').trim() };
}

/** What identifies a contents entry's heading in the body: its title without number, year and 单位/部门. */
export function contentsKey(title: string): string {
  return compact(splitEnumeration(title).rest)
    .replace(/[。.：:]+$/, '')
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/^(单位|部门)/, '');
}

export class Prose {
  readonly sections: Section[] = [];
  readonly glossary: GlossaryEntry[] = [];
  readonly overview: Overview = { duties: [], organisation: [], unitsIncluded: [], other: [] };
  private mode: PartMode | null = null;
  private part: string | undefined;
  private stack: Section[] = [];
  private collectingUnits = false;
  /** True once a part heading or a numbered section has been seen (lines before it are the cover). */
  started = false;
  /** Contents entries whose headings the body prints without their number ("XX单位主要职能"). */
  private unnumbered: { key: string; number: string; level: number }[] = [];

  constructor(private readonly ctx: Context) {}

  /** The contents tell which short unnumbered lines of the body are headings. */
  setContents(entries: readonly TocEntry[]): void {
    for (const e of entries) {
      const split = splitEnumeration(e.title);
      const key = contentsKey(e.title);
      if (split.number && split.level && split.level >= 2 && key.length >= 2)
        this.unnumbered.push({ key, number: split.number, level: split.level });
    }
  }

  private unnumberedHeading(text: string): { number: string; level: number; title: string } | null {
    const c = compact(text);
    if (c.length > 40 || /[。，；：:,;]/.test(c) || splitEnumeration(c).number) return null;
    const k = this.unnumbered.findIndex((u) => c.endsWith(u.key));
    if (k < 0) return null;
    const [u] = this.unnumbered.splice(k, 1);
    return { number: u.number, level: u.level, title: text };
  }

  private kindOf(title: string): SectionKind | null {
    const t = compact(title);
    for (const s of this.ctx.vocab.sectionKinds) if (s.pattern.test(t)) return s.kind;
    return null;
  }

  /** A part heading: 第一部分 概况 / 第二部分 报表 / 第三部分 情况说明 / 第四部分 名词解释. */
  partHeading(line: LayoutLine): void {
    const title = lineString(line);
    const t = compact(title);
    this.mode = /名词解释|名称解释/.test(t)
      ? 'glossary'
      : /报表|表格|附表/.test(t)
        ? 'tables'
        : /概况|基本情况/.test(t)
          ? 'overview'
          : 'explanation';
    this.part = title;
    const e = splitEnumeration(title);
    const section: Section = {
      kind: this.kindOf(e.rest) ?? 'other',
      number: e.number,
      title: e.rest,
      level: 1,
      paragraphs: [],
      source: this.ctx.source(line),
    };
    this.sections.push(section);
    this.stack = [section];
    this.started = true;
    this.collectingUnits = false;
  }

  private inGlossary(): boolean {
    return this.mode === 'glossary' || this.stack.some((s) => s.kind === 'glossary');
  }

  /** Any other line of prose: a numbered heading or a paragraph. Returns false for cover lines. */
  line(line: LayoutLine): boolean {
    const text = lineString(line);
    let heading = headingOf(text) ?? this.unnumberedHeading(text);
    // an item numbered 1、 or (1) that runs to the margin is an enumerated sentence of its section, wrapped by the
    // layout (主要职能: "1、依法对国家工作人员贪污贿赂犯罪、国家机关工作" / "人员利用职权实施的…"), not a heading
    // — nor is any such item of 主要职能, which lists duties
    const top = this.stack[this.stack.length - 1];
    if (
      heading &&
      heading.level >= 4 &&
      top &&
      top.level < heading.level &&
      (top.kind === 'duties' || visualWidth(text) >= this.fullLine())
    )
      heading = null;
    const glossaryTop = this.stack.find((s) => s.kind === 'glossary');
    const asEntry = this.inGlossary() && heading && (!glossaryTop || heading.level > glossaryTop.level);
    if (heading && !asEntry) {
      this.openSection(heading, line);
      return true;
    }
    if (!this.started) return false;
    if (this.headingContinues(text)) return true;
    this.paragraph(text, line);
    return true;
  }

  /**
   * A heading that ran to the margin and wrapped ("十一、…会议费、培训费支" / "出预算表情况说明"): the short second
   * line ends the title, not the first paragraph.
   */
  private headingContinues(text: string): boolean {
    const section = this.stack[this.stack.length - 1];
    const c = compact(text);
    if (
      !section ||
      section.paragraphs.length > 0 ||
      !this.headingLine ||
      section !== this.headingLine.section
    )
      return false;
    const ranToMargin = this.headingLine.width >= this.fullLine();
    this.headingLine = undefined;
    if (!ranToMargin || c.length > 12 || /[。，,；;：:\d]/.test(c) || splitEnumeration(c).number)
      return false;
    section.title += c;
    section.kind = this.kindOf(section.title) ?? section.kind;
    return true;
  }
  private headingLine: { section: Section; width: number } | undefined;

  private openSection(h: { number: string; level: number; title: string }, line: LayoutLine): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= h.level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    const kind = this.kindOf(h.title) ?? (parent && parent.level > 1 ? parent.kind : 'other');
    const section: Section = {
      kind,
      number: h.number,
      title: h.title,
      level: h.level,
      paragraphs: [],
      source: this.ctx.source(line),
    };
    if (this.part) section.part = this.part;
    this.sections.push(section);
    this.stack.push(section);
    this.started = true;
    this.collectingUnits = false;
    this.headingLine = { section, width: visualWidth(lineString(line)) };
  }

  /** Lengths of the prose lines seen so far (for the width of a full line on narrow pages). */
  private lineLengths: number[] = [];
  private lastLineLength = 0;

  /**
   * How long a line must be to have run to the margin: 30 characters, or less on narrow pages (Jiangsu text
   * volumes print 26 to a line), judged from the median width of the lines seen so far.
   */
  private fullLine(): number {
    const n = this.lineLengths.length;
    if (n < 8) return 30;
    // the median settles quickly: recomputed every 8 lines, and no more after 400
    if (this.fullLineAt !== n >> 3) {
      this.fullLineAt = n >> 3;
      const sorted = [...this.lineLengths].sort((a, b) => a - b);
      this.fullLineLength = Math.min(30, Math.max(18, Math.floor(sorted[n >> 1] * 0.85)));
    }
    return this.fullLineLength;
  }
  private fullLineAt = -1;
  private fullLineLength = 30;

  private paragraph(text: string, line: LayoutLine): void {
    const section = this.stack[this.stack.length - 1];
    if (!section) return;
    const source = this.ctx.source(line);
    const last = section.paragraphs[section.paragraphs.length - 1];
    const length = visualWidth(text);
    const previousLength = this.lastLineLength;
    this.lastLineLength = length;
    if (length >= 12 && this.lineLengths.length < 400) this.lineLengths.push(length);
    const ranToMargin = last && (previousLength >= this.fullLine() || compact(last.text).length >= 30);
    // On a PDF page a line that ends in a colon at the right margin ("…（项）。主要用于：") goes on below, unless
    // what follows is an enumerated item; a short "具体情况如下：" line is not at the margin.
    const colonAtMargin =
      last !== undefined &&
      line.cells[0]?.x0 !== undefined &&
      /[：:]$/.test(last.text) &&
      previousLength >= Math.max(this.fullLine(), 20);
    const wrapped =
      last &&
      (line.continues ||
        (ranToMargin &&
          (!SENTENCE_END.test(last.text) || colonAtMargin) &&
          splitEnumeration(text).number === undefined &&
          !this.collectingUnits));
    if (wrapped) {
      // the extraction broke one paragraph in two (a line wrap or a page break)
      if (!line.continues) {
        this.ctx.note('info', 'joined_lines', `段落在“${last.text.slice(-6)}”处断行，已与下一行合并`, line);
      }
      last.text += text;
      this.glossaryContinue(text);
      return;
    }
    const paragraph: Paragraph = { text, source };
    section.paragraphs.push(paragraph);
    if (this.inGlossary()) this.glossaryLine(text, line);
    else if (
      this.mode === 'overview' ||
      this.stack.some((s) => s.kind === 'duties' || s.kind === 'organisation')
    )
      this.overviewParagraph(section, paragraph);
  }

  private overviewParagraph(section: Section, paragraph: Paragraph): void {
    const owner = this.stack.find((s) => s.kind === 'duties' || s.kind === 'organisation');
    if (owner?.kind === 'duties') this.overview.duties.push(paragraph);
    else if (owner?.kind === 'organisation') {
      this.overview.organisation.push(paragraph);
      const t = compact(paragraph.text);
      if (this.collectingUnits) {
        if (t.length <= 40 && !/[。，,；;：:]/.test(t) && !/^[（(]?说明/.test(t))
          this.overview.unitsIncluded.push(t);
        else this.collectingUnits = false;
      }
      if (/(单位|机构)包括[:：]$/.test(t)) this.collectingUnits = true;
    } else {
      const other = this.overview.other.find((o) => o.title === section.title);
      if (other) other.paragraphs.push(paragraph);
      else this.overview.other.push({ title: section.title, paragraphs: [paragraph] });
    }
  }

  private glossaryLine(text: string, line: LayoutLine): void {
    const e = splitEnumeration(text);
    if (!e.number) {
      this.glossaryContinue(text);
      return;
    }
    const m = /^(.{1,30}?)[:：]\s*(.*)$/.exec(e.rest) ?? /^(.{1,30}?)((?:是指|指|是对|是).*)$/.exec(e.rest);
    const term = clean(m ? m[1] : e.rest);
    const definition = clean(m ? m[2] : '');
    this.glossary.push({ term, definition, source: this.ctx.source(line) });
  }

  /** A paragraph that continues the previous glossary entry's definition. */
  private glossaryContinue(text: string): void {
    if (!this.inGlossary()) return;
    const last = this.glossary[this.glossary.length - 1];
    if (last) last.definition = last.definition ? `${last.definition}${text}` : text;
  }
}
