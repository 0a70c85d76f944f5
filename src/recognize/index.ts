// layout → model: recognises the document's family, contents, sections, tables and forms from any reader's layout.
// One pass over the lines: each line is a contents heading, a part heading, a table number, a table title, a
// performance-form title, or prose; tables and forms consume the lines that belong to them.
import { lineText, type LayoutDocument, type LayoutLine } from '../layout/types.js';
import type {
  Disclosure,
  DocumentKind,
  ImportNote,
  PerformanceForm,
  Table,
  TocEntry,
} from '../model/schema.js';
import { ReadError } from '../read/errors.js';
import { Context } from './context.js';
import { detectFamily, familyRequiredTables, vocabularyOf } from './family.js';
import './families/index.js';
import { readForm } from './form.js';
import {
  contentsEntryOf,
  isContentsHeading,
  isFormTitle,
  isPartHeading,
  normalizeTitle,
  tableNumberOf,
  tableTitleOf,
  brokenTitleAt,
} from './lines.js';
import { contentsKey, Prose } from './prose.js';
import { readingOf } from './reading.js';
import { appendContinued, readTable } from './table.js';
import { compact, filled, lineString, splitEnumeration, yearOf } from './text.js';

export { registerFamily, type FamilyModule } from './family.js';

export interface RecognizeOptions {
  /**
   * `false` reads the document as a layout of no known family (family `unknown`): the common vocabulary and the
   * generic mechanisms only. The measure of how an unseen layout reads (scripts/corpus-report.mjs --generic).
   */
  families?: boolean;
}

/** Turns one file's layout into a disclosure. Throws ReadError when the content is not a disclosure at all. */
export function recognize(layout: LayoutDocument, options: RecognizeOptions = {}): Disclosure {
  const texts = layout.lines.map(lineText);
  const family = options.families === false ? null : detectFamily({ lines: texts, all: texts.join('\n') });
  const ctx = new Context(layout, vocabularyOf(family));
  const prose = new Prose(ctx);
  // a copy: a table title broken over two lines is put back together in place
  const lines = [...layout.lines];
  const tables: Table[] = [];
  /** Each table's lines after its title (continuation pages included) and whether its columns were guessed. */
  const read = new Map<Table, { lines: LayoutLine[]; guessed: boolean }>();
  const forms: PerformanceForm[] = [];
  const contents: TocEntry[] = [];
  const cover: LayoutLine[] = [];
  let pendingNumber: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (filled(line).length === 0) {
      i++;
      continue;
    }
    if (isContentsHeading(line) && contents.length === 0) {
      i = readContents(lines, i + 1, ctx, contents);
      prose.setContents(contents);
      prose.started = true;
      continue;
    }
    if (isPartHeading(line)) {
      prose.partHeading(line);
      i++;
      continue;
    }
    const number = tableNumberOf(line);
    if (number) {
      pendingNumber = number;
      i++;
      continue;
    }
    if (isFormTitle(line) && looksLikeForm(lines, i)) {
      const { form, next } = readForm(lines, i, ctx);
      forms.push(form);
      i = next;
      continue;
    }
    const broken = brokenTitleAt(lines, i, ctx.vocab);
    if (broken) {
      lines[i + 1] = broken;
      i++;
      continue;
    }
    const title = tableTitleOf(line, ctx.vocab);
    if (title && hasTableBody(lines, i, ctx)) {
      const previous = tables[tables.length - 1];
      const same =
        previous && normalizeTitle(previous.title) === normalizeTitle(title.title) ? previous : undefined;
      const { table, next, headerless } = readTable(lines, i, title, ctx, pendingNumber, same);
      pendingNumber = undefined;
      const body = lines.slice(i + 1, next);
      if (previous && continues(previous, table)) {
        appendContinued(previous, table.rows);
        previous.notes.push(...table.notes);
        previous.empty = previous.empty && table.empty;
        read.get(previous)?.lines.push(...body);
      } else {
        tables.push(table);
        read.set(table, { lines: body, guessed: headerless === true });
      }
      prose.started = true;
      i = next;
      continue;
    }
    if (!prose.line(line)) cover.push(line);
    i++;
  }

  const metadata = readMetadata(layout, cover, tables, prose, ctx.vocab.family, ctx);
  if (!isDisclosure(tables, forms, prose, metadata.kindFound)) {
    throw new ReadError(
      layout.file,
      '不是预算/决算公开文件：未找到预算或决算的标题、报表、章节或绩效目标表',
      'not_disclosure',
    );
  }
  for (const table of tables) {
    const r = read.get(table)!;
    table.reading = readingOf({ table, lines: r.lines, format: layout.format, guessed: r.guessed });
  }
  checkCompleteness(ctx, contents, tables, prose);
  for (const kind of familyRequiredTables(ctx.vocab.family, metadata.metadata.kind)) {
    if (!tables.some((t) => t.kind === kind)) {
      ctx.note('warning', 'missing_table', `未找到该版式应公开的表格：${kind}`);
    }
  }
  if (ctx.vocab.family === 'unknown') condenseNotes(ctx.notes);
  return {
    schemaVersion: 1,
    metadata: metadata.metadata,
    overview: prose.overview,
    contents,
    sections: prose.sections,
    glossary: prose.glossary,
    tables,
    performanceForms: forms,
    importNotes: ctx.notes,
  };
}

/** Notes of one kind kept in full for a document of no known family; the rest are counted in one note. */
const NOTES_PER_KIND = 3;

/**
 * A layout nobody tuned for gets a handful of reading notes, not hundreds: beyond the first few of a kind, the notes
 * of that kind are counted in one. Nothing the reader is unsure of becomes an error.
 */
function condenseNotes(notes: ImportNote[]): void {
  const seen = new Map<string, number>();
  const kept: ImportNote[] = [];
  for (const n of notes) {
    const count = (seen.get(n.code) ?? 0) + 1;
    seen.set(n.code, count);
    if (count <= NOTES_PER_KIND) kept.push(n.level === 'error' ? { ...n, level: 'warning' } : n);
  }
  for (const [code, count] of seen) {
    if (count <= NOTES_PER_KIND) continue;
    const level = notes.find((n) => n.code === code)!.level === 'info' ? 'info' : 'warning';
    kept.push({ level, code, message: `另有${count - NOTES_PER_KIND}条同类读取说明（${code}）未逐条列出` });
  }
  notes.splice(0, notes.length, ...kept);
}

function readContents(lines: readonly LayoutLine[], start: number, ctx: Context, out: TocEntry[]): number {
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (filled(line).length === 0) continue;
    let entry = contentsEntryOf(line);
    if (!entry) {
      // contents printed without page numbers: title lines until the body repeats the first one
      const text = lineString(line);
      const c = compact(text);
      // the body begins when a title of the contents comes again, with or without its number
      const key = contentsKey(text);
      if (out.some((e) => compact(e.title) === c || (key.length >= 2 && contentsKey(e.title) === key))) break;
      const last = out[out.length - 1];
      const numbered = splitEnumeration(text).number !== undefined && c.length <= 45;
      if (isPartHeading(line) || numbered || tableTitleOf(line, ctx.vocab)) entry = { title: text };
      else if (
        last &&
        last.page === undefined &&
        c.length <= 8 &&
        !splitEnumeration(c).number &&
        !/[。，；]/.test(c)
      ) {
        // an entry wrapped onto a second line
        last.title += c;
        continue;
      } else break;
    }
    const e = splitEnumeration(entry.title);
    const level = /^第.+部分$/.test(e.number ?? '') ? 1 : (e.level ?? 2);
    const toc: TocEntry = { title: entry.title, level: Math.min(level, 4), source: ctx.source(line) };
    if (entry.page !== undefined) toc.page = entry.page;
    out.push(toc);
  }
  return i;
}

/** A form title is followed by the form's fields (项目名称 …) within a few lines. */
function looksLikeForm(lines: readonly LayoutLine[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
    const f = filled(lines[j]);
    if (f.some((c) => /^项目名称/.test(c.compact))) return true;
  }
  return false;
}

/** A title is confirmed as a table when header or body lines (several cells) follow before any other title. */
function hasTableBody(lines: readonly LayoutLine[], i: number, ctx: Context): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
    const line = lines[j];
    if (filled(line).length === 0) continue;
    if (isPartHeading(line) || tableTitleOf(line, ctx.vocab) || isFormTitle(line)) return false;
    if (line.cells.length >= 2 || line.inTable) return true;
  }
  return false;
}

/** The same table continued on the next page with its title repeated. */
function continues(previous: Table, table: Table): boolean {
  return (
    previous.kind === table.kind &&
    normalizeTitle(previous.title) === normalizeTitle(table.title) &&
    previous.columns.map((c) => c.id).join() === table.columns.map((c) => c.id).join() &&
    previous.rows.length > 0 &&
    table.rows.length > 0
  );
}

function isDisclosure(tables: Table[], forms: PerformanceForm[], prose: Prose, kindFound: boolean): boolean {
  if (tables.length > 0 || forms.length > 0) return true;
  const known = prose.sections.filter((s) => s.kind !== 'other').length;
  return kindFound && known >= 2;
}

const KIND_WORDS: { kind: DocumentKind; pattern: RegExp }[] = [
  { kind: 'unit_final', pattern: /单位决算/ },
  { kind: 'department_final', pattern: /部门决算|决算/ },
  { kind: 'unit_budget', pattern: /单位预算/ },
  { kind: 'department_budget', pattern: /部门预算|预算/ },
];

const TITLE_LINE = /(?:19|20)\d{2}\s*年.*(预算|决算)/;

/** The unit named in a title: before the year ("XX局2023年…"), else between the year and 部门预算/单位预算. */
function unitFromTitle(title: string): string | undefined {
  const m = /^(.*?)(?:19|20)\d{2}年度?(.*)$/.exec(compact(title));
  if (!m) return undefined;
  if (m[1].length >= 2) return m[1];
  const after = m[2].replace(/(部门|单位)?(预算|决算).*$/, '');
  return after.length >= 2 ? after : undefined;
}

/** Last words of an organ's name: a wrapped line ending in one of them continues the name above it. */
const ORGAN_SUFFIX =
  /(局|委|部|办|院|所|中心|站|队|室|会|厅|处|馆|校|园|社|团|台|场|署|组|宫|库|监狱|大学|学院|医院|公司)$/;

/** A cover line that is the wrapped end of a unit's name ("宣传部", "资源局"): short, no year, no 预算/决算. */
function isNameTail(text: string): boolean {
  const c = compact(text);
  return (
    c.length >= 1 &&
    c.length <= 10 &&
    ORGAN_SUFFIX.test(c) &&
    !/\d|预算|决算|公开|[省市县]|[:：，。、]/.test(c) &&
    splitEnumeration(c).number === undefined
  );
}

/** The unit named on the cover after a label ("预算单位：…", "预算主管部门：…"), its wrapped end joined. */
function unitFromCoverLabel(coverTexts: readonly string[]): string | undefined {
  for (let i = 0; i < coverTexts.length; i++) {
    const m =
      /^(?:预算主管部门|主管部门|预算单位|预算部门|编制单位|编制部门|单位名称|部门名称)[:：](.{2,})$/.exec(
        compact(coverTexts[i]),
      );
    if (!m) continue;
    const next = coverTexts[i + 1];
    return next !== undefined && isNameTail(next) ? `${m[1]}${compact(next)}` : m[1];
  }
  return undefined;
}

/** The unit named in most table titles ("一、北京XX大学2024年部门收支总表"), when it names itself in two or more. */
function unitFromTableTitles(tables: readonly Table[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tables) {
    // only a name before the year: after it comes the table's own name
    const name = /^(.{2,}?)(?:19|20)\d{2}年/.exec(splitEnumeration(compact(t.title)).rest)?.[1];
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const [name, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return count !== undefined && count >= Math.min(2, tables.length) ? name : undefined;
}

/** The year printed most often in the document ("2023年"), when no title states it. */
function commonYear(texts: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/((?:19|20)\d{2})\s*年/g))
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function readMetadata(
  layout: LayoutDocument,
  cover: LayoutLine[],
  tables: Table[],
  prose: Prose,
  family: Disclosure['metadata']['family'],
  ctx: Context,
): { metadata: Disclosure['metadata']; kindFound: boolean } {
  // a leading "#" marks a title line in text converted from HTML or Markdown
  const coverTexts = cover.map((l) => lineString(l).replace(/^#+\s*/, ''));
  let titleIndex = -1;
  let title: string | undefined;
  for (let i = 0; i < coverTexts.length && titleIndex < 0; i++) {
    // the title may be printed over two lines ("XX办公厅 2018年度" / "部门预算公开")
    const candidates = [
      coverTexts[i],
      i + 1 < coverTexts.length ? `${coverTexts[i]}${coverTexts[i + 1]}` : '',
    ];
    const hit = candidates.find((t) => TITLE_LINE.test(t));
    if (hit) {
      titleIndex = i;
      title = hit;
    }
  }
  // the unit's name wrapped on the cover ("中共上海市普陀区委" / "宣传部" / "2024年度部门决算"): the line joined to
  // the year line is the name's end, not the title's beginning
  let wrappedTail = '';
  if (title && titleIndex > 0 && title !== coverTexts[titleIndex] && isNameTail(coverTexts[titleIndex])) {
    wrappedTail = compact(coverTexts[titleIndex]);
    title = coverTexts[titleIndex + 1];
  }
  const partTitles = prose.sections.filter((s) => s.level === 1).map((s) => s.title);
  const probe = [title ?? '', ...partTitles, ...tables.map((t) => t.title)].join('\n');
  const year =
    yearOf(title ?? '') ??
    yearOf(partTitles.join('\n')) ??
    yearOf(tables.map((t) => t.title).join('\n')) ??
    commonYear(layout.lines.slice(0, 400).map(lineString));
  if (year === null) ctx.note('warning', 'year_missing', '文件中没有找到预算/决算年度');
  const kindHit = KIND_WORDS.find((k) => k.pattern.test(compact(title ?? partTitles.join(''))));
  const kind = kindHit?.kind ?? KIND_WORDS.find((k) => k.pattern.test(probe))?.kind ?? 'unit_budget';
  // the unit: the name printed above the tables most often, else the cover line above the title, else the title
  const counts = new Map<string, number>();
  for (const t of tables) if (t.unitName) counts.set(t.unitName, (counts.get(t.unitName) ?? 0) + 1);
  let unit: string | undefined = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const above = titleIndex > 0 ? compact(coverTexts[titleIndex - 1]) + wrappedTail : '';
  const aboveIsName = above.length >= 2 && above.length <= 30 && !/\d/.test(above);
  if (!unit) unit = unitFromCoverLabel(coverTexts);
  if (!unit && aboveIsName) unit = above;
  if (!unit && title) unit = unitFromTitle(title);
  if (!unit) unit = unitFromTableTitles(tables);
  if (!unit) ctx.note('warning', 'unit_missing', '文件中没有找到单位/部门名称');
  if (title && unit && aboveIsName && above === unit && !compact(title).includes(unit))
    title = `${unit}${compact(title)}`;
  const sources: Disclosure['metadata']['sources'] = [
    { file: layout.file, format: layout.format, ...(layout.format === 'txt' ? {} : { pages: layout.pages }) },
  ];
  const metadata: Disclosure['metadata'] = {
    unit: unit ?? '',
    year: year !== null && year >= 1990 && year <= 2100 ? year : 1990,
    kind,
    family,
    sources,
  };
  if (title) metadata.title = compact(title);
  const region = /^(.+?[省市区县])/.exec(unit ?? '');
  if (region) metadata.region = region[1];
  return { metadata, kindFound: kindHit !== undefined && year !== null };
}

/** One title is the other with at most a few characters left out ("编制相关依据" / "编制的相关依据"). */
function nearlySame(a: string, b: string, extra = 3): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || long.length - short.length > (short.length < 10 ? 1 : extra)) return false;
  let k = 0;
  for (let i = 0; i < long.length && k < short.length; i++) if (long[i] === short[k]) k++;
  return k === short.length;
}

/** Contents entries that the body does not have: the document was cut short, or the contents are wrong. */
function checkCompleteness(ctx: Context, contents: TocEntry[], tables: Table[], prose: Prose): void {
  if (contents.length === 0) return;
  const tableTitles = tables.map((t) => normalizeTitle(t.title));
  // numbered entries are looked for among numbered sections (a part's title is not an item's)
  const sectionTitles = prose.sections.filter((s) => s.level > 1).map((s) => compact(s.title));
  const parts = new Set(prose.sections.filter((s) => s.level === 1).map((s) => s.number));
  // contents and body often word a title slightly differently ("编制相关依据" / "编制的相关依据")
  const like = (a: string, b: string) => a === b || (b.length >= 2 && a.endsWith(b)) || nearlySame(a, b);
  const found = contents.map((entry) => {
    const e = splitEnumeration(entry.title);
    if (e.level === 1) return parts.has(e.number);
    const rest = compact(e.rest).replace(/[。.：:]+$/, '');
    const key = contentsKey(entry.title);
    if (sectionTitles.some((t) => t === rest || like(t, key))) return true;
    const norm = normalizeTitle(e.rest);
    return tableTitles.some((t) => like(t, norm));
  });
  // a heading the body does not print but whose sub-entries it all has ("五、单位预算表" over the nine tables)
  for (let k = 0; k < contents.length; k++) {
    if (found[k]) continue;
    let end = k + 1;
    while (end < contents.length && contents[end].level > contents[k].level) end++;
    if (end > k + 1 && found.slice(k + 1, end).every(Boolean)) found[k] = true;
  }
  const missing = contents.filter((_, k) => !found[k]);
  if (missing.length === 0) return;
  const list = missing
    .slice(0, 3)
    .map((m) => m.title)
    .join('、')
    .concat(missing.length > 3 ? '等' : '');
  // a document cut short loses the tail of its contents; gaps elsewhere are a contents/body mismatch
  const firstMissing = found.indexOf(false);
  const tail = firstMissing > 0 && found.slice(firstMissing).every((f) => !f);
  if (tail) {
    ctx.note('error', 'incomplete', `文件不完整：目录所列的${missing.length}项内容在正文中未找到（${list}）`);
  } else {
    ctx.note('warning', 'contents_mismatch', `目录所列的${missing.length}项内容在正文中未找到（${list}）`);
  }
}
