// model + layout → the document as an ordered list of blocks (cover, contents, parts, headings, paragraphs,
// tables, charts, forms). Every output format walks the same plan, so their order and titles agree.
import type { Disclosure, Section, SectionKind } from '../model/schema.js';
import { compositionChart, generalStructureChart, type Chart } from './charts.js';
import { formGrid, tableGrid, unknownTableGrid, type TableGrid } from './grid.js';
import { fill, type Layout, type LayoutPart } from './layouts/types.js';

export type Block =
  | { type: 'cover'; title: string; subtitle: string }
  | { type: 'contents'; entries: ContentsEntry[] }
  | { type: 'part'; id: string; text: string }
  | { type: 'heading'; id: string; text: string; level: number }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; id: string; grid: TableGrid }
  | { type: 'chart'; chart: Chart }
  | { type: 'form'; id: string; grid: TableGrid; subtitle: string };

export interface ContentsEntry {
  /** Anchor of the block the entry points to. */
  id: string;
  title: string;
  level: number;
}

export interface DocumentPlan {
  layout: Layout;
  title: string;
  blocks: Block[];
  contents: ContentsEntry[];
}

export interface PlanOptions {
  /** Draw charts (echarts SSR); off for formats that cannot show them. */
  charts?: boolean;
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** 1 → 一, 12 → 十二, 30 → 三十. */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CHINESE_DIGITS[tens - 1]) + '十' + (ones ? CHINESE_DIGITS[ones - 1] : '');
}

/** A section heading as printed: "一、…" for items, "（一）…" for sub-items, "1、…" below. */
export function sectionHeading(section: Section): string {
  const title = section.title.trim();
  const number = section.number?.trim();
  if (!number || title.startsWith(number)) return title;
  if (/^[（(]/.test(number)) return `${number}${title}`;
  if (section.level === 3) return `（${number}）${title}`;
  return `${number}、${title}`;
}

const OVERVIEW_KINDS: readonly SectionKind[] = ['duties', 'organisation', 'glossary'];

function sectionsOf(
  doc: Disclosure,
  kinds: 'rest' | readonly SectionKind[],
  claimed: Set<Section>,
): Section[] {
  const picked = doc.sections.filter((s) => {
    if (claimed.has(s) || s.level <= 1 || OVERVIEW_KINDS.includes(s.kind)) return false;
    if (kinds === 'rest') return true;
    return kinds.includes(s.kind);
  });
  if (kinds !== 'rest') {
    // Keep sub-sections with the item they belong to.
    const all = doc.sections;
    for (const s of [...picked]) {
      let i = all.indexOf(s) + 1;
      while (i < all.length && all[i].level > s.level) {
        if (!picked.includes(all[i])) picked.push(all[i]);
        i++;
      }
    }
    picked.sort((a, b) => all.indexOf(a) - all.indexOf(b));
  }
  for (const s of picked) claimed.add(s);
  return picked;
}

/** The included units need a list of their own unless the 机构设置 text already names every one of them. */
function unitsNotListed(doc: Disclosure): boolean {
  const units = doc.overview.unitsIncluded;
  if (units.length === 0) return false;
  const text = doc.overview.organisation.map((p) => p.text).join('\n');
  return !units.every((u) => text.includes(u));
}

const isCaptionOf = (text: string, chart: Chart) =>
  text.replace(/[\s\u3000]+/g, '').replace(/^图\d*[：:.、]?/, '') === chart.title;

/** Lays out the whole document. */
export function planDocument(doc: Disclosure, layout: Layout, options: PlanOptions = {}): DocumentPlan {
  const meta = doc.metadata;
  const kind = layout.kindWords[meta.kind];
  const values = { year: meta.year, unit: meta.unit, kind };
  const blocks: Block[] = [];
  const contents: ContentsEntry[] = [];
  let anchor = 0;
  const nextId = (prefix: string) => `${prefix}-${++anchor}`;
  const claimed = new Set<Section>();
  const charts = options.charts === false ? [] : [generalStructureChart(doc), compositionChart(doc)];
  const chartFor = (sectionKind: SectionKind): Chart | undefined =>
    charts.find(
      (c) =>
        c &&
        c.id ===
          (sectionKind === 'general_structure'
            ? 'general_structure'
            : sectionKind === 'expenditure'
              ? 'composition'
              : ''),
    ) ?? undefined;
  const placedCharts = new Set<Chart>();
  let formsPlaced = false;

  const cover = {
    type: 'cover' as const,
    title: fill(layout.cover.title, values),
    subtitle: fill(layout.cover.subtitle, values),
  };
  blocks.push(cover, { type: 'contents', entries: contents });

  const part = (p: LayoutPart) => {
    const id = nextId('part');
    const text = fill(p.heading, values);
    blocks.push({ type: 'part', id, text });
    contents.push({ id, title: text, level: 1 });
  };
  const heading = (text: string, level: number, listed = true) => {
    const id = nextId('h');
    blocks.push({ type: 'heading', id, text, level });
    if (listed && level <= 3) contents.push({ id, title: text, level });
  };
  const paragraphs = (ps: readonly { text: string }[]) => {
    for (const p of ps) if (p.text.trim()) blocks.push({ type: 'paragraph', text: p.text.trim() });
  };
  const forms = () => {
    formsPlaced = true;
    for (const form of doc.performanceForms) {
      const id = nextId('form');
      blocks.push({
        type: 'form',
        id,
        grid: formGrid(form, layout, meta.region),
        subtitle: `（${meta.year}年度）`,
      });
    }
  };

  for (const p of layout.parts) {
    switch (p.type) {
      case 'overview':
        part(p);
        heading(p.duties, 2);
        paragraphs(doc.overview.duties);
        heading(p.organisation, 2);
        paragraphs(doc.overview.organisation);
        if (unitsNotListed(doc)) {
          blocks.push({ type: 'paragraph', text: `纳入${meta.unit}预算的单位包括：` });
          paragraphs(doc.overview.unitsIncluded.map((text) => ({ text })));
        }
        for (const o of doc.overview.other) {
          heading(o.title, 2);
          paragraphs(o.paragraphs);
        }
        break;
      case 'duties':
        part(p);
        paragraphs(doc.overview.duties);
        break;
      case 'organisation':
        part(p);
        paragraphs(doc.overview.organisation);
        break;
      case 'glossary':
        part(p);
        doc.glossary.forEach((g, i) => {
          const n = chineseNumber(i + 1);
          const prefix = layout.glossaryNumbering === 'plain' ? `${n}、` : `（${n}）`;
          blocks.push({ type: 'paragraph', text: `${prefix}${g.term}：${g.definition}` });
        });
        break;
      case 'sections': {
        part(p);
        const picked = sectionsOf(doc, p.group.kinds, claimed);
        for (const [i, s] of picked.entries()) {
          heading(sectionHeading(s), s.level);
          const chart = chartFor(s.kind);
          const drawn = chart && !placedCharts.has(chart) ? chart : undefined;
          // A source's caption of its own chart ("一般公共预算当年拨款结构图") is the title the drawn chart prints.
          paragraphs(drawn ? s.paragraphs.filter((p) => !isCaptionOf(p.text, drawn)) : s.paragraphs);
          if (drawn) {
            placedCharts.add(drawn);
            blocks.push({ type: 'chart', chart: drawn });
          }
          // The forms follow the last sub-item of 绩效管理情况 (2、绩效目标情况（附表说明）).
          if (s.kind === 'performance' && picked[i + 1]?.kind !== 'performance' && !formsPlaced) forms();
        }
        if (p.group.kinds === 'rest' && !formsPlaced && doc.performanceForms.length) forms();
        break;
      }
      case 'tables': {
        part(p);
        const known = new Set(layout.tables.map((t) => t.kind));
        layout.tables.forEach((template, i) => {
          const grid = tableGrid(doc, layout, template, i + 1);
          const id = nextId('table');
          blocks.push({ type: 'table', id, grid });
          contents.push({ id, title: grid.title, level: 2 });
        });
        for (const t of doc.tables.filter((t) => t.kind === 'unknown' || !known.has(t.kind))) {
          // Tables the layout does not print (a 三公 table folded into another one) keep their place only when
          // nothing else carries their numbers.
          if (layout.tables.some((tpl) => tpl.appendTotalOf?.kind === t.kind)) continue;
          const id = nextId('table');
          const grid = unknownTableGrid(t);
          blocks.push({ type: 'table', id, grid });
          contents.push({ id, title: grid.title, level: 2 });
        }
        break;
      }
    }
  }
  if (!formsPlaced && doc.performanceForms.length) forms();
  return { layout, title: `${meta.unit}${meta.year}年度${kind}公开`, blocks, contents };
}
