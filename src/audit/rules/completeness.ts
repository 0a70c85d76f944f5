// Completeness: required tables and sections per family, empty tables with a note, contents vs body, year and
// unit name consistent, and what the importer could not read.
import { sameUnit } from '../../model/unit-name.js';
import '../../recognize/families/index.js';
import { familyRequiredTables } from '../../recognize/family.js';
import type { Disclosure, Table } from '../../model/schema.js';
import { sectionLabel } from '../bind.js';
import { at, isPartial, looseName, tableLabel } from '../tables.js';
import type { Rule } from '../types.js';

const TABLE_NAMES: Record<string, string> = {
  summary: '收支总表',
  revenue: '收入总表',
  expenditure: '支出总表',
  fiscal_summary: '财政拨款收支总表',
  fiscal_expenditure: '财政拨款支出表',
  fiscal_basic: '财政拨款基本支出表',
  general_expenditure: '一般公共预算支出表',
  general_basic_economic: '一般公共预算基本支出经济分类表',
  gov_fund_revenue: '政府性基金预算收入表',
  gov_fund_expenditure: '政府性基金预算支出表',
  state_capital: '国有资本经营预算表',
  three_public: '“三公”经费表',
  operating_costs: '机关运行经费表',
  procurement: '政府采购表',
  projects: '项目支出表',
  projects_carryover: '项目支出表（上年结转）',
};

const TABLE_KEYWORD: Record<string, RegExp> = {
  summary: /收支.*总表/,
  revenue: /收入(预算|决算)?(总)?表/,
  expenditure: /支出(预算|决算)?(总)?表/,
  fiscal_summary: /财政拨款收(入)?支(出)?/,
  general_expenditure: /一般公共预算.*支出/,
  general_basic_economic: /基本支出/,
  three_public: /三公/,
  operating_costs: /机关运行经费/,
  procurement: /政府采购/,
  projects: /项目支出/,
  projects_carryover: /项目支出.*上年结转/,
  gov_fund_revenue: /政府性基金.*收入/,
  gov_fund_expenditure: /政府性基金/,
  state_capital: /国有资本/,
};

export const requiredTables: Rule = {
  meta: {
    id: 'completeness.tables',
    category: 'completeness',
    severity: 'error',
    title: '必须公开的报表齐全',
    basis: '财预〔2016〕143号：部门预决算公开的各张报表均须公开，无数据的表也应公开并说明',
  },
  check(ctx) {
    const doc = ctx.doc;
    // the family's data (recognize/families/*): one list for the recogniser, the auditor and the checklist
    const required = familyRequiredTables(doc.metadata.family, doc.metadata.kind);
    if (!doc.tables.length) {
      if (required.length)
        ctx.report({
          table: null,
          severity: 'warning',
          message: '文件中没有读到任何报表（可能报表另册发布或为图片）',
        });
      return;
    }
    // When the importer could not read everything, a missing table may be our reading, not the document.
    const partial = isPartial(doc);
    for (const kind of required) {
      if (doc.tables.some((t) => t.kind === kind)) continue;
      // A table printed but not recognised is our reading, not a gap in the document.
      const key = TABLE_KEYWORD[kind];
      const twice = (k: string) => doc.tables.filter((t) => t.kind === k).length > 1;
      const unread =
        key &&
        doc.tables.find(
          (t) => t.kind !== kind && key.test(t.title) && (t.kind === 'unknown' || twice(t.kind)),
        );
      const doubt = partial || !!unread;
      ctx.report({
        table: kind,
        severity: doubt ? 'warning' : undefined,
        message: unread
          ? `未能确认${TABLE_NAMES[kind] ?? kind}：“${unread.title}”可能就是该表，但未能识别其结构，请人工确认`
          : `缺少${TABLE_NAMES[kind] ?? kind}${partial ? '（文件未能完整读取，请人工确认）' : ''}`,
      });
    }
  },
};

const REQUIRED_SECTIONS: { kinds: string[]; label: string; test: (d: Disclosure) => boolean }[] = [
  { kinds: ['duties'], label: '主要职能（职责）', test: (d) => d.overview.duties.length > 0 },
  { kinds: ['organisation'], label: '机构设置', test: (d) => d.overview.organisation.length > 0 },
  { kinds: ['changes', 'revenue', 'expenditure'], label: '收支预算情况及变动原因', test: () => false },
  { kinds: ['three_public'], label: '三公经费说明', test: () => false },
  { kinds: ['operating_costs'], label: '机关运行经费说明', test: () => false },
  { kinds: ['procurement'], label: '政府采购情况说明', test: () => false },
  { kinds: ['assets'], label: '国有资产占有使用情况', test: () => false },
  { kinds: ['glossary'], label: '名词解释', test: (d) => d.glossary.length > 0 },
];

const SECTION_TITLE: Record<string, RegExp> = {
  duties: /职责|职能/,
  organisation: /机构设置/,
  changes: /收支|收入|支出|预算情况说明/,
  revenue: /收入/,
  expenditure: /支出/,
  three_public: /三公/,
  operating_costs: /机关运行经费/,
  procurement: /政府采购/,
  assets: /国有资产/,
  glossary: /名词解释|名称解释/,
};

/** A heading run into its paragraph: "１.机关运行经费情况。2018年…", "（二）政府采购情况：…". */
const RUN_IN_HEADING =
  /^\s*[（(]?[0-9０-９一二三四五六七八九十]{1,3}[)）.．、]\s*([^。：:，,；;\d]{2,16}?)[。：:]/;

export const requiredSections: Rule = {
  meta: {
    id: 'completeness.sections',
    category: 'completeness',
    severity: 'warning',
    title: '必须说明的事项齐全',
    basis:
      '财预〔2016〕143号：职能与机构、收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、名词解释等',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.sections.length && !doc.overview.duties.length) {
      if (doc.tables.length)
        ctx.report({ table: null, message: '文件中没有读到文字说明部分（可能文字另册发布）' });
      return;
    }
    for (const req of REQUIRED_SECTIONS) {
      if (req.test(doc)) continue;
      const named = (title: string) => req.kinds.some((k) => SECTION_TITLE[k]?.test(title));
      const present = doc.sections.some(
        (s) =>
          req.kinds.includes(s.kind) ||
          named(s.title) ||
          s.paragraphs.some((p) => {
            const runIn = RUN_IN_HEADING.exec(p.text);
            return runIn !== null && named(runIn[1]);
          }),
      );
      if (!present) ctx.report({ table: null, section: req.label, message: `缺少“${req.label}”` });
    }
  },
};

export const emptyNote: Rule = {
  meta: {
    id: 'completeness.empty-note',
    category: 'completeness',
    severity: 'warning',
    title: '空表须注明无数据',
    basis: '财预〔2016〕143号：没有数据的表也应公开，并说明原因（如“本表无数据”）',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      const hasValues = table.rows.some((r) => Object.values(r.cells).some((c) => c.value != null));
      if (hasValues) continue;
      const noted = table.notes.some((n) => EMPTY_NOTE.test(n));
      if (!noted && !explained(ctx.doc, table))
        ctx.report({
          ...at(table),
          message: `${tableLabel(table)}没有数据，也没有注明原因（如“本表无数据”）`,
        });
    }
  },
};

/** "本表无数据", "故本表无数据", "本部门无该项目", "此表为空", "不涉及", "为0" … */
const EMPTY_NOTE =
  /无数据|无.*(收支|支出|收入|经费|预算)|无该|无此|无相关|没有|不涉及|为零|为0|为空|空表|未安排|未发生/;
/** What an empty table is about, as the explanation names it. */
const EMPTY_TOPICS = [
  '政府性基金',
  '国有资本经营',
  '三公',
  '机关运行经费',
  '政府采购',
  '上年结转',
  '财政专户',
  '项目支出',
];
const NONE_STATED = /为0(?:\.0+)?(?![.\d])|为零|无(?!偿)|没有|未安排|不涉及|为空|空表|未发生/;

/** The explanation says the table has no data: "政府性基金拨款支出预算为0", "本单位无国有资本经营预算". */
function explained(doc: Disclosure, table: Table): boolean {
  const topic = EMPTY_TOPICS.find((t) => table.title.includes(t));
  if (!topic) return false;
  for (const section of doc.sections)
    for (const p of section.paragraphs)
      for (const clause of p.text.replace(/\s+/g, '').split(/[。；;，,]/))
        if (clause.includes(topic) && NONE_STATED.test(clause)) return true;
  return false;
}

/** The body has sections named after the projects of the project table. */
function projectSections(doc: Disclosure): boolean {
  const projects = doc.tables
    .filter((t) => t.kind === 'projects')
    .flatMap((t) => t.rows.map((r) => looseName(r.name)).filter((n) => n.length >= 4));
  return doc.sections.some((s) => {
    const title = looseName(s.title);
    return projects.some((p) => title.includes(p));
  });
}

/** A title as compared with the contents: no year, no part number, no punctuation, no leader dots. */
function tocKey(title: string): string {
  return looseName(title.replace(/\.{2,}|…+/g, ''))
    .replace(/\d{4}年度?/g, '')
    .replace(/^第[一二三四五六七八九十]+部分/, '')
    .replace(/^[一二三四五六七八九十]+、?/, '')
    .replace(/^\d+[、.]?/, '');
}

/** "其他重要事项说明" / "其他重要事项的情况说明": the same heading in other words. */
function wordingKey(key: string): string {
  return key.replace(/的|情况|有关/g, '');
}

export const contents: Rule = {
  meta: {
    id: 'completeness.toc',
    category: 'completeness',
    severity: 'warning',
    title: '目录与正文一致',
    basis: '审核要点：目录所列内容在正文中都能找到',
  },
  check(ctx) {
    const doc = ctx.doc;
    // A document read only in part: the importer's note already says what the contents list and the body lack.
    if (!doc.contents.length || isPartial(doc)) return;
    const titles = [
      ...doc.tables.map((t) => t.title),
      ...doc.sections.map((s) => sectionLabel(s)),
      ...doc.sections.map((s) => s.title),
      ...doc.sections.map((s) => s.part ?? ''),
      ...doc.overview.other.map((o) => o.title),
    ]
      .map(tocKey)
      .filter((k) => k.length >= 2);
    const body = new Set(titles);
    const reworded = new Set(titles.map(wordingKey));
    const hasOverview = doc.overview.duties.length + doc.overview.organisation.length > 0;
    const inBody = (entry: (typeof doc.contents)[number]): boolean => {
      const key = tocKey(entry.title);
      if (key.length < 2 || body.has(key) || reworded.has(wordingKey(key))) return true;
      if (titles.some((t) => t.includes(key) || key.includes(t))) return true;
      if (hasOverview && /概况|职责|职能|机构设置/.test(entry.title)) return true;
      if (doc.glossary.length && /名词解释|名称解释/.test(entry.title)) return true;
      if (doc.tables.length && /报表|预算表|决算表/.test(entry.title) && entry.level <= 1) return true;
      if (doc.sections.length && /情况说明|编制说明/.test(entry.title) && entry.level <= 1) return true;
      // 项目经费情况说明 may be printed as one section per project, each under its project's name.
      if (/项目(经费|支出)?(情况)?说明/.test(entry.title) && projectSections(doc)) return true;
      return false;
    };
    const found = doc.contents.map(inBody);
    // a heading the body does not print but whose sub-entries it all has ("五、单位预算表" over the nine tables)
    for (let k = 0; k < doc.contents.length; k++) {
      let end = k + 1;
      while (end < doc.contents.length && doc.contents[end].level > doc.contents[k].level) end++;
      if (!found[k] && end > k + 1 && found.slice(k + 1, end).every(Boolean)) found[k] = true;
    }
    doc.contents.forEach((entry, k) => {
      if (found[k]) return;
      ctx.report({
        table: null,
        section: '目录',
        page: entry.source?.page,
        line: entry.source?.line,
        excerpt: entry.title,
        message: `目录中的“${entry.title}”在正文中没有找到`,
      });
    });
  },
};

export const yearAndUnit: Rule = {
  meta: {
    id: 'completeness.year-unit',
    category: 'completeness',
    severity: 'warning',
    title: '年度与单位名称前后一致',
    basis: '审核要点：封面、表头、正文的年度和单位名称应一致',
  },
  check(ctx) {
    const { year, unit } = ctx.doc.metadata;
    const unitKey = looseName(unit);
    for (const table of ctx.doc.tables) {
      const m = /(\d{4})\s*年/.exec(table.title);
      if (m && Number(m[1]) !== year && !/上年|结转/.test(table.title))
        ctx.report({
          ...at(table),
          message: `${table.title}标为${m[1]}年，文件是${year}年度`,
          expected: String(year),
          actual: m[1],
        });
      if (
        table.unitName &&
        unitKey &&
        looseName(table.unitName) !== unitKey &&
        !looseName(table.unitName).includes(unitKey) &&
        !sameUnit(table.unitName, unit)
      )
        ctx.report({
          ...at(table),
          message: `${tableLabel(table)}的单位名称“${table.unitName}”与文件单位“${unit}”不同`,
          expected: unit,
          actual: table.unitName,
        });
    }
  },
};

export const importNotes: Rule = {
  meta: {
    id: 'completeness.import',
    category: 'completeness',
    severity: 'warning',
    title: '文件未能完整读取的部分',
    basis: '只审核读到的内容；这里列出读取时缺失或修补的部分',
  },
  check(ctx) {
    for (const note of ctx.doc.importNotes) {
      // Reported by the performance rules with their own wording.
      if (/duplicate|重复/.test(note.code + note.message) && /指标/.test(note.message)) continue;
      if (note.code === 'indicator_value_missing') continue;
      // Missing tables are reported by completeness.tables, which knows the family's list.
      if (note.code === 'missing_table') continue;
      ctx.report({
        table: null,
        severity: note.level === 'info' ? 'info' : 'warning',
        page: note.source?.page,
        line: note.source?.line,
        message: `读取说明：${note.message}`,
      });
    }
  },
};

export const COMPLETENESS_RULES: Rule[] = [
  requiredTables,
  requiredSections,
  emptyNote,
  contents,
  yearAndUnit,
  importNotes,
];
