// Documents published as two files (文字 and 报表 volumes) of the same unit and year are joined into one: the text
// volume brings the cover, contents, sections and glossary, the tables volume the tables. Two outcomes belong
// together when one is mostly prose and the other mostly tables, their unit names agree and their years agree
// (a tables volume often prints no year in its titles: then the year must be unambiguous among the candidates).
import type { ParseOutcome } from '../parse.js';
import type { Disclosure, ImportNote } from '../model/schema.js';
import { normalizeUnit } from '../model/unit-name.js';

export { normalizeUnit };

type Parsed = Extract<ParseOutcome, { disclosure: Disclosure }>;

/** A volume with at least this many tables and hardly any prose is a tables volume. */
const MIN_TABLES = 4;

/** The document's year: from its metadata, else the year printed most often in its titles. */
export function yearOfDisclosure(d: Disclosure): number | undefined {
  if (d.metadata.year > 1990) return d.metadata.year;
  const titles = [
    d.metadata.title ?? '',
    ...d.tables.map((t) => t.title),
    ...d.sections.map((s) => s.title),
    ...d.contents.map((c) => c.title),
  ].join('\n');
  const counts = new Map<number, number>();
  for (const m of titles.matchAll(/((?:19|20)\d{2})\s*年/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best?.[0];
}

/** Characters of prose in the sections (a tables volume has a cover and a contents page at most). */
function proseChars(d: Disclosure): number {
  return d.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.text.length, 0), 0);
}

function isTablesVolume(d: Disclosure): boolean {
  return d.tables.length >= MIN_TABLES && proseChars(d) < 1000;
}

function isTextVolume(d: Disclosure): boolean {
  return d.tables.length < MIN_TABLES && proseChars(d) >= 500;
}

/** The text volume names the unit of the tables volume somewhere (metadata, title, sections, overview). */
function unitsAgree(text: Disclosure, tables: Disclosure): boolean {
  const t = normalizeUnit(tables.metadata.unit);
  const u = normalizeUnit(text.metadata.unit);
  if (t === '' && u === '') return false;
  if (t !== '' && u !== '') return t === u || t.includes(u) || u.includes(t);
  const probe = normalizeUnit(
    [
      text.metadata.title ?? '',
      ...text.sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)]),
    ]
      .concat(
        text.overview.duties.map((p) => p.text),
        text.overview.organisation.map((p) => p.text),
      )
      .join(''),
  );
  return t !== '' && probe.includes(t);
}

function yearsAgree(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** A volume that may have a partner (a text volume without tables, or a tables volume without prose). */
export function isVolume(d: Disclosure): boolean {
  return isTextVolume(d) || isTablesVolume(d);
}

/** Joins outcomes that are parts of one document; others pass through unchanged. */
export function joinParts(outcomes: ParseOutcome[]): ParseOutcome[] {
  const parsed = outcomes.filter((o): o is Parsed => 'disclosure' in o);
  const texts = parsed.filter((o) => isTextVolume(o.disclosure));
  const tables = parsed.filter((o) => isTablesVolume(o.disclosure));
  const pairs = new Map<Parsed, Parsed>();
  const used = new Set<Parsed>();
  for (const text of texts) {
    const year = yearOfDisclosure(text.disclosure);
    const candidates = tables.filter(
      (t) =>
        !used.has(t) &&
        t !== text &&
        unitsAgree(text.disclosure, t.disclosure) &&
        yearsAgree(year, yearOfDisclosure(t.disclosure)),
    );
    // Prefer a candidate whose year is printed and equal; an undated volume only when it is the only one.
    const dated = candidates.filter((t) => year !== undefined && yearOfDisclosure(t.disclosure) === year);
    const choice = dated.length === 1 ? dated[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!choice) continue;
    pairs.set(text, choice);
    used.add(choice);
  }
  const out: ParseOutcome[] = [];
  for (const o of outcomes) {
    if (used.has(o as Parsed)) continue;
    const partner = pairs.get(o as Parsed);
    out.push(partner ? joinTwo(o as Parsed, partner) : o);
  }
  return out;
}

function joinTwo(text: Parsed, tablesPart: Parsed): ParseOutcome {
  const a = text.disclosure;
  const b = tablesPart.disclosure;
  const tableKinds = new Set(b.tables.map((t) => t.kind));
  // Contents lines of the text volume can look like table titles; the tables volume's tables win.
  const tables = [...a.tables.filter((t) => !tableKinds.has(t.kind) && !t.empty), ...b.tables];
  const present = new Set(tables.map((t) => t.kind));
  const keep = (n: ImportNote) =>
    n.code !== 'missing_table' || ![...present].some((k) => n.message.endsWith(k));
  const year = yearOfDisclosure(a) ?? yearOfDisclosure(b);
  const notes: ImportNote[] = [
    ...a.importNotes.filter(keep),
    ...b.importNotes.filter(keep),
    {
      level: 'info',
      code: 'joined_volumes',
      message: `文字部分（${text.file}）与报表部分（${tablesPart.file}）属于同一单位同一年度，已合并为一份文件`,
    },
  ];
  const disclosure: Disclosure = {
    ...a,
    metadata: {
      ...a.metadata,
      unit: a.metadata.unit || b.metadata.unit,
      year: year ?? a.metadata.year,
      family: ['generic', 'unknown'].includes(a.metadata.family) ? b.metadata.family : a.metadata.family,
      sources: [...a.metadata.sources, ...b.metadata.sources],
    },
    tables,
    performanceForms: [...a.performanceForms, ...b.performanceForms],
    importNotes: notes,
  };
  return { file: text.file, files: [...text.files, ...tablesPart.files], disclosure };
}
