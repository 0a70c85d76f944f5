// Text quality reviewers flag: empty reasons, placeholders, 部门/单位 wording, class names of an older edition.
import { RETIRED_NAMES } from '../../catalog/index.js';
import type { Disclosure, Section, SourceRef } from '../../model/schema.js';
import { sectionLabel } from '../bind.js';
import { at, normName, tableLabel } from '../tables.js';
import type { FindingInput, Rule } from '../types.js';

export interface TextPiece {
  text: string;
  section: string;
  source?: SourceRef;
}

/** Every piece of prose of the document: 概况 and the explanation (not the glossary, which quotes definitions). */
export function prose(doc: Disclosure): TextPiece[] {
  const out: TextPiece[] = [];
  const add = (text: string, section: string, source?: SourceRef) => out.push({ text, section, source });
  for (const p of doc.overview.duties) add(p.text, '单位职责', p.source);
  for (const p of doc.overview.organisation) add(p.text, '机构设置', p.source);
  for (const o of doc.overview.other) for (const p of o.paragraphs) add(p.text, o.title, p.source);
  for (const s of doc.sections) {
    if (s.kind === 'glossary') continue;
    for (const p of s.paragraphs) add(p.text, sectionLabel(s), p.source ?? s.source);
  }
  return out;
}

/** The finding's place: its section and the sentence around the match. */
export function pieceAt(p: TextPiece, match: RegExpExecArray): Partial<FindingInput> {
  const before = p.text.slice(0, match.index);
  const start = Math.max(...['。', '；', ';', '\n'].map((c) => before.lastIndexOf(c))) + 1;
  const rest = p.text.slice(match.index + match[0].length);
  const next = rest.search(/[。；;\n]/);
  const end = match.index + match[0].length + (next < 0 ? rest.length : next + 1);
  const out: Partial<FindingInput> = {
    table: null,
    section: p.section,
    excerpt: p.text.slice(start, end).trim(),
  };
  if (p.source) {
    out.page = p.source.page;
    if (p.source.line) out.line = p.source.line;
  }
  return out;
}

/** "主要原因是。", "主要原因：" at the end, "主要原因是……" (the template's ellipsis left in place). */
const EMPTY_REASON =
  /(?:(主要原因是|主要原因为|原因是|原因为|主要用于|主要包括)[:：]?\s*(?:…+|\.{3,})?\s*(?=[。；;]|$)|(主要原因)[:：]\s*(?:…+|\.{3,})?\s*(?=[。；;]))/g;

export const emptyReason: Rule = {
  meta: {
    id: 'text.empty-reason',
    category: 'text',
    severity: 'warning',
    title: '说明原因或内容留空',
    basis: '审核要点：增减变动须说明原因（“主要原因是。”即未填写）',
  },
  check(ctx) {
    for (const p of prose(ctx.doc)) {
      for (const m of p.text.matchAll(EMPTY_REASON)) {
        ctx.report({
          ...pieceAt(p, m as RegExpExecArray),
          message: `“${m[1] ?? m[2]}”之后没有内容，原因或内容未填写`,
        });
      }
    }
  },
};

export const PLACEHOLDER = /(XX|ＸＸ|××|xx(?![a-z])|\*{3,}|某某|待补充|待填写|此处填写|〇〇)/g;

export const placeholder: Rule = {
  meta: {
    id: 'text.placeholder',
    category: 'text',
    severity: 'warning',
    title: '残留的占位符',
    basis: '审核要点：模板中的XX、××等占位内容未替换',
  },
  check(ctx) {
    for (const p of prose(ctx.doc)) {
      for (const m of p.text.matchAll(PLACEHOLDER)) {
        ctx.report({ ...pieceAt(p, m as RegExpExecArray), message: `文中残留占位符“${m[1]}”` });
      }
    }
  },
};

const DEPARTMENT_WORDS =
  /(本部门|部门预算(?!支出经济分类|经济科目|经济分类|改革|管理制度|管理体系)|部门决算|部门各单位|部门整体支出|部门收支)/g;
const UNIT_WORDS = /(本单位预算|单位预算(?!单位)|本单位决算)/g;

export const wording: Rule = {
  meta: {
    id: 'text.wording',
    category: 'text',
    severity: 'warning',
    title: '部门/单位用语与文件类型一致',
    basis: '审核要点：单位预算中不应出现“部门预算”“本部门”等部门口径用语，反之亦然',
  },
  check(ctx) {
    const kind = ctx.doc.metadata.kind;
    const re = kind.startsWith('unit') ? DEPARTMENT_WORDS : UNIT_WORDS;
    const own = kind.startsWith('unit') ? '单位' : '部门';
    // The duties describe the unit's work in the world (a finance bureau "深化部门预算改革"), not this document.
    const duties = new Set(ctx.doc.overview.duties.map((p) => p.text));
    for (const p of prose(ctx.doc)) {
      if (duties.has(p.text)) continue;
      for (const m of p.text.matchAll(new RegExp(re.source, 'g'))) {
        ctx.report({
          ...pieceAt(p, m as RegExpExecArray),
          message: `这是${own}${kind.endsWith('final') ? '决算' : '预算'}，文中却用了“${m[1]}”`,
          actual: m[1],
        });
      }
    }
  },
};

export const outdatedName: Rule = {
  meta: {
    id: 'text.outdated-name',
    category: 'text',
    severity: 'warning',
    title: '使用了旧版科目名称',
    basis: '政府收支分类科目按年度修订（如2019年起210类为“卫生健康支出”）；按文件年度的版本用名',
  },
  check(ctx) {
    const year = ctx.doc.metadata.year;
    const retired = RETIRED_NAMES.filter((r) => year > r.lastYear);
    if (!retired.length) return;
    for (const table of ctx.doc.tables) {
      for (const row of table.rows) {
        const name = normName(row.name);
        const r = retired.find((x) => name === x.name);
        if (r)
          ctx.report({
            ...at(table, row),
            message: `${tableLabel(table)}使用了${r.lastYear}年以前的科目名称“${r.name}”，${year}年应为“${r.successor}”`,
            expected: r.successor,
            actual: r.name,
          });
      }
    }
    for (const p of prose(ctx.doc)) {
      for (const r of retired) {
        if (r.name.length < 4) continue;
        const m = new RegExp(r.name).exec(p.text);
        if (m)
          ctx.report({
            ...pieceAt(p, m),
            message: `文中使用了${r.lastYear}年以前的科目名称“${r.name}”，${year}年应为“${r.successor}”`,
            expected: r.successor,
            actual: r.name,
          });
      }
    }
  },
};

export const TEXT_RULES: Rule[] = [emptyReason, placeholder, wording, outdatedName];

export type { Section };
