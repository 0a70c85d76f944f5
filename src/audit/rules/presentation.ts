// How the document is written, as a reviewer reads it: template wording left in place, blanks where a figure
// belongs, punctuation, paragraphs printed twice, years that are not the document's.
import type { Disclosure, Paragraph } from '../../model/schema.js';
import { sectionLabel } from '../bind.js';
import { at } from '../tables.js';
import type { FindingInput, Rule, RuleContext } from '../types.js';
import { PLACEHOLDER, pieceAt, prose, type TextPiece } from './text.js';

/** Headings and table titles, as pieces of text a finding can point at. */
function titles(doc: Disclosure): { text: string; where: Partial<FindingInput> }[] {
  const out: { text: string; where: Partial<FindingInput> }[] = [];
  for (const s of doc.sections) {
    const where: Partial<FindingInput> = { table: null, section: sectionLabel(s), excerpt: s.title };
    if (s.source) where.page = s.source.page;
    out.push({ text: s.title, where });
  }
  for (const t of doc.tables) out.push({ text: t.title, where: { ...at(t), excerpt: t.title } });
  return out;
}

/** Reports every match of `re` in prose and titles. */
function scan(
  ctx: RuleContext,
  re: RegExp,
  message: (m: RegExpExecArray) => string,
  options: { titles?: boolean; prose?: boolean } = {},
): void {
  if (options.prose !== false)
    for (const p of prose(ctx.doc))
      for (const m of p.text.matchAll(new RegExp(re.source, 'g')))
        ctx.report({ ...pieceAt(p, m as RegExpExecArray), message: message(m as RegExpExecArray) });
  if (options.titles === false) return;
  for (const t of titles(ctx.doc))
    for (const m of t.text.matchAll(new RegExp(re.source, 'g')))
      ctx.report({ ...t.where, message: `标题中${message(m as RegExpExecArray)}` });
}

/** The template's alternatives left for the preparer to choose: "增加（减少）", "下降（增长）". */
const ALTERNATIVES = /((?:增加|增长|减少|下降)[（(](?:增加|增长|减少|下降)[）)]|增加\/减少|增长\/下降)/;
/** A unit with no figure before it: "支出 万元", "增加万元". */
const BLANK_AMOUNT = /(为|支出|收入|安排|增加|减少|合计|共计|总计|拨款)[ \u3000_＿]*(万元|亿元)/;
/** A rate printed without its %: "增长12.5，". */
const BARE_RATE = /(增长|下降|上升|占|比重为|比例为|完成年初预算的)(\d+\.\d{1,2})(?=[，,。；;）)]|$)/;

export const template: Rule = {
  meta: {
    id: 'text.template',
    category: 'text',
    severity: 'warning',
    title: '模板用语未改写、数字留空、百分数缺%',
    basis: '审核要点：模板中的“增加（减少）”“增长（下降）”应按实际改写；金额不得留空；百分数应带%',
  },
  check(ctx) {
    scan(ctx, ALTERNATIVES, (m) => `模板用语“${m[1]}”未按实际改写为其中一个`);
    scan(ctx, BLANK_AMOUNT, (m) => `“${m[0]}”：金额留空`);
    scan(ctx, BARE_RATE, (m) => `“${m[0]}”：百分数缺少%`, { titles: false });
    // Placeholders in the prose are text.placeholder's; in headings and table titles they are reported here.
    scan(ctx, PLACEHOLDER, (m) => `残留占位符“${m[1]}”`, { prose: false });
  },
};

const DOUBLED = /([。，、；：])\1/;
/** Opening and closing marks; full- and half-width brackets close each other (mixing them is common, not wrong). */
const PAIRS: [RegExp, RegExp, string][] = [
  [/“/g, /”/g, '引号'],
  [/[（(]/g, /[）)]/g, '括号'],
  [/《/g, /》/g, '书名号'],
];

/** Prose grouped as the document prints it: each list of 概况 and each section (the importer may split a paragraph). */
function groups(doc: Disclosure): { label: string; paragraphs: Paragraph[] }[] {
  return [
    { label: '单位职责', paragraphs: doc.overview.duties },
    { label: '机构设置', paragraphs: doc.overview.organisation },
    ...doc.sections
      .filter((x) => x.kind !== 'glossary')
      .map((x) => ({
        label: sectionLabel(x),
        paragraphs: x.paragraphs.map((p) => ({ ...p, source: p.source ?? x.source })),
      })),
  ];
}

/** One report per printed place: the model may hold a paragraph twice (概况 and its section). */
function oncePerPlace(ctx: RuleContext): (f: Partial<FindingInput> & { message: string }) => void {
  const seen = new Set<string>();
  return (f) => {
    const key = `${f.page}:${f.line}:${f.excerpt}:${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.report(f);
  };
}

export const punctuation: Rule = {
  meta: {
    id: 'text.punctuation',
    category: 'text',
    severity: 'warning',
    title: '标点：重复、引号括号不配对、段末缺句号',
    basis: '《标点符号用法》（GB/T 15834）；审核要点：“。。”、引号或括号不成对、段落末尾没有句号',
  },
  check(ctx) {
    const report = oncePerPlace(ctx);
    for (const p of prose(ctx.doc))
      for (const m of p.text.matchAll(new RegExp(DOUBLED.source, 'g')))
        report({ ...pieceAt(p, m as RegExpExecArray), message: `标点“${m[0]}”重复` });
    // The importer may take a wrapped line for a heading: only marks unmatched over all prose and headings count.
    const everything = [
      ...prose(ctx.doc).map((p) => p.text),
      ...titles(ctx.doc).map((t) => t.text),
      ...ctx.doc.overview.other.map((o) => o.title),
    ].join('');
    const unmatched = PAIRS.filter(
      ([open, close]) => (everything.match(open)?.length ?? 0) !== (everything.match(close)?.length ?? 0),
    );
    for (const g of groups(ctx.doc)) {
      const text = g.paragraphs.map((p) => p.text).join('');
      for (const [open, close, name] of unmatched) {
        const o = text.match(open)?.length ?? 0;
        const c = text.match(close)?.length ?? 0;
        // A closing mark without its opening is what a line lost in reading leaves: only an unclosed mark counts.
        if (o <= c) continue;
        const p =
          g.paragraphs.find(
            (x) => (x.text.match(open)?.length ?? 0) !== (x.text.match(close)?.length ?? 0),
          ) ?? g.paragraphs[0];
        report({
          ...whole({ text: p.text, section: g.label, source: p.source }),
          message: `${name}不成对：本节左${name}${o}个、右${name}${c}个`,
        });
      }
      // The last paragraph of a section: nothing follows that could be its continuation.
      const last = g.paragraphs[g.paragraphs.length - 1];
      if (!last) continue;
      const end = last.text.replace(/\s+/g, '');
      if (end.length >= 40 && /。/.test(end) && /[\u4e00-\u9fa5\d%]$/.test(end))
        report({
          ...whole({ text: last.text, section: g.label, source: last.source }),
          excerpt: end.slice(-40),
          message: '段落末尾没有句号（可能漏印或被截断）',
        });
    }
  },
};

function whole(p: TextPiece): Partial<FindingInput> {
  const out: Partial<FindingInput> = { table: null, section: p.section, excerpt: p.text.replace(/\s+/g, '') };
  if (p.source) {
    out.page = p.source.page;
    if (p.source.line) out.line = p.source.line;
  }
  return out;
}

export const repeated: Rule = {
  meta: {
    id: 'text.repeated',
    category: 'text',
    severity: 'warning',
    title: '段落重复印刷',
    basis: '审核要点：同一段落印了两次（排版或复制错误）',
  },
  check(ctx) {
    const report = oncePerPlace(ctx);
    // Within one section (or one list of 概况): the same list may rightly be printed under two headings.
    for (const g of groups(ctx.doc)) {
      const seen = new Map<string, Paragraph>();
      for (const p of g.paragraphs) {
        const key = p.text.replace(/[\s\u3000]+/g, '');
        if (key.length < 30) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, p);
          continue;
        }
        report({
          ...whole({ text: p.text, section: g.label, source: p.source }),
          message: `本段与${first.source?.page !== undefined ? `第${first.source.page}页` : '本节前文'}的段落完全相同，重复印刷`,
        });
      }
    }
  },
};

const YEAR_IN_TITLE = /(20\d\d)\s*年/g;
const AS_OF = /截[至止](20\d\d)年(12月31日|底|末)/;

export const years: Rule = {
  meta: {
    id: 'text.year',
    category: 'text',
    severity: 'warning',
    title: '年度与文件年度一致',
    basis:
      '审核要点：标题和表名的年度应为文件年度；决算的“截至X年12月31日”应为决算年度；增减比较的对象应为上一年度',
  },
  check(ctx) {
    const doc = ctx.doc;
    const year = doc.metadata.year;
    const final = doc.metadata.kind.endsWith('final');
    for (const t of titles(doc))
      for (const m of t.text.matchAll(YEAR_IN_TITLE)) {
        const y = Number(m[1]);
        if (y === year) continue;
        ctx.report({
          ...t.where,
          message: `${year}年${final ? '决算' : '预算'}的标题写为“${m[1]}年”`,
          expected: String(year),
          actual: m[1],
        });
      }
    if (final)
      for (const p of prose(doc)) {
        const m = AS_OF.exec(p.text.replace(/\s+/g, ''));
        if (m && Number(m[1]) !== year)
          ctx.report({
            ...whole(p),
            message: `${year}年决算写“截至${m[1]}年${m[2]}”`,
            expected: String(year),
            actual: m[1],
          });
      }
    // A change compares with an earlier year: "比2026年预算" in a 2026 budget compares the year with itself.
    for (const c of ctx.claims()) {
      if (c.kind !== 'amount' || !c.change?.year || c.change.year < year) continue;
      const p: TextPiece = {
        text: c.place.sentence,
        section: sectionLabel(c.place.section),
        source: c.place.source,
      };
      ctx.report({
        ...whole(p),
        message: `${year}年${final ? '决算' : '预算'}与“${c.change.comparedTo}”比较：比较对象应为${year - 1}年`,
        expected: String(year - 1),
        actual: String(c.change.year),
      });
    }
  },
};

/**
 * A word of the explanation's own phrasing printed twice in a row: "增加增加584.09万元". Only such words: names
 * may rightly meet their own kind ("9名在职人员人员经费"), and table cells read as prose repeat.
 */
const DOUBLED_WORD =
  /(增加|减少|增长|下降|上升|降低|持平|主要用于|主要原因|主要包括|其中|以及|包括|分别为|比上年|与上年|合计|共计)\1/;

export const doubledWord: Rule = {
  meta: {
    id: 'text.doubled-word',
    category: 'text',
    severity: 'warning',
    title: '词语重复',
    basis: '审核要点：校对疏漏造成的相邻重复词（如“增加增加”）',
  },
  check(ctx) {
    const report = oncePerPlace(ctx);
    for (const p of prose(ctx.doc))
      // On the printed text: cells of a table read as prose are separated by spaces, a slip is not.
      for (const m of p.text.matchAll(new RegExp(DOUBLED_WORD.source, 'g'))) {
        report({ ...whole(p), excerpt: m[0], message: `“${m[1]}”连续重复` });
      }
  },
};

export const PRESENTATION_RULES: Rule[] = [template, punctuation, repeated, years, doubledWord];
