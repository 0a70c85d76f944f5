// The data of a disclosure without presentation (labels as printed, source positions, number formats), for round
// trips: render → parse must give back the same comparable data. Zero and an empty cell are the same amount.
import { Decimal } from '../model/money.js';
import type { Disclosure, PerformanceForm } from '../model/schema.js';

const compactText = (s: string) =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/,(?!\d{3})/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

function values(cells: Record<string, { value: string | null }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of Object.entries(cells))
    if (c.value !== null && !new Decimal(c.value).isZero()) out[k] = new Decimal(c.value).toFixed();
  return out;
}

const TEXT_FIELDS = ['overview', 'basis', 'necessity', 'measures', 'plan'] as const;

function form(f: PerformanceForm) {
  // The title is presentation: the issuer's words before 项目支出绩效目标申报表 follow the layout.
  const { source: _source, title: _title, indicators, ...rest } = f;
  const strip = (list: PerformanceForm['indicators']['year']) => list.map(({ source: _s, ...i }) => i);
  // Long cell texts wrap in print: a space at a line end is not part of the data.
  const texts = Object.fromEntries(
    TEXT_FIELDS.filter((k) => rest[k] !== undefined).map((k) => [k, compactText(rest[k]!)]),
  );
  const goals = Object.fromEntries(Object.entries(rest.goals).map(([k, v]) => [k, v && compactText(v)]));
  return {
    ...rest,
    ...texts,
    goals,
    indicators: { period: strip(indicators.period), year: strip(indicators.year) },
  };
}

function sideBySide<T extends { side?: string }>(rows: T[]): T[] {
  if (!rows.some((r) => r.side)) return rows;
  // Footer lines pair rows of different roles; the order within a side is compared as a set.
  const key = (r: T) => `${r.side ?? ''}\u0000${JSON.stringify(r)}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface ComparableData {
  metadata: { unit: string; year: number; kind: string; family: string };
  tables: {
    kind: string;
    unit: string;
    empty: boolean;
    rows: {
      code?: string;
      name: string;
      role: string;
      side?: string;
      government?: string;
      values: Record<string, string>;
    }[];
  }[];
  sections: { kind: string; title: string; level: number; paragraphs: string[] }[];
  glossary: { term: string; definition: string }[];
  forms: ReturnType<typeof form>[];
}

/** What must survive a render → parse round trip. */
export function comparableData(doc: Disclosure): ComparableData {
  return {
    metadata: {
      unit: doc.metadata.unit,
      year: doc.metadata.year,
      kind: doc.metadata.kind,
      family: doc.metadata.family,
    },
    tables: doc.tables.map((t) => ({
      kind: t.kind,
      unit: t.unit,
      empty: t.empty,
      // An empty table carries no data: its printed row labels are presentation only.
      // Two-sided tables print an income and an expenditure row on one line: each side is its own list.
      rows: sideBySide(
        (t.empty ? [] : t.rows).map((r) => ({
          ...(r.code ? { code: r.code } : {}),
          name: r.name,
          role: r.role,
          ...(r.side ? { side: r.side } : {}),
          ...(r.parent && !r.code ? { parent: r.parent } : {}),
          ...(r.governmentName ? { government: r.governmentName } : {}),
          values: values(r.cells),
        })),
      ),
    })),
    sections: doc.sections
      .filter((s) => s.level >= 2)
      .map((s) => ({
        kind: s.kind,
        title: compactText(s.title),
        level: s.level,
        paragraphs: s.paragraphs.map((p) => compactText(p.text)),
      })),
    glossary: doc.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    forms: doc.performanceForms.map(form),
  };
}
