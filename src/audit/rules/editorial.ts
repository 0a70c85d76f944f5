// Editorial marks of the template left in the published text: "（增加内容）" after a heading, "（根据实际情况填写）",
// "【此处填写…】". Placeholders such as XX are text.template's and text.placeholder's.
import type { FindingInput, Rule } from '../types.js';
import { titles } from './presentation.js';
import { pieceAt, prose } from './text.js';

/** Words that only an instruction to the preparer uses. */
const INSTRUCTION =
  '增加内容|新增内容|删除内容|此项删除|可删除|删除|删去|据实填写|如实填写|根据实际情况|根据实际|按实际情况|视情况|请填写|填写|此处|选填|可选|参考格式|格式示例|示例';
/** A bracketed instruction: "（增加内容）", "（根据实际情况填写）", "【此处说明…】". Short, as instructions are. */
const MARK = new RegExp(
  `([（(][^（）()]{0,20}?(?:${INSTRUCTION})[^（）()]{0,20}?[）)]|【[^【】]{0,40}?(?:${INSTRUCTION}|说明|注：|注:)[^【】]{0,40}?】)`,
  'g',
);

export const editorialMark: Rule = {
  meta: {
    id: 'text.editorial',
    category: 'text',
    severity: 'warning',
    title: '模板的编辑提示未删除',
    basis: '审核要点：模板中的“（增加内容）”“（根据实际情况填写）”“【此处…】”等编辑提示应在公开前删除',
  },
  check(ctx) {
    const seen = new Set<string>();
    const report = (where: Partial<FindingInput>, text: string, heading: boolean) => {
      const key = `${where.page}:${where.line}:${text}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({
        ...where,
        message: `${heading ? '标题' : '正文'}中残留模板的编辑提示“${text}”，应删除`,
        actual: text,
      });
    };
    for (const t of titles(ctx.doc)) for (const m of t.text.matchAll(MARK)) report(t.where, m[1], true);
    for (const o of ctx.doc.overview.other)
      for (const m of o.title.matchAll(MARK))
        report({ table: null, section: o.title, excerpt: o.title }, m[1], true);
    for (const p of prose(ctx.doc))
      for (const m of p.text.matchAll(MARK)) report(pieceAt(p, m as RegExpExecArray), m[1], false);
  },
};

export const EDITORIAL_RULES: Rule[] = [editorialMark];
