// The cover: the year, unit and kind of document its title names must be those the tables and parts print. The
// model keeps the cover's title line (metadata.title), not its page or the other cover lines (a unit name printed
// on its own line above the title, the date); a cover without a title read is reported as not checked.
import { normalizeUnit, sameUnit } from '../../model/unit-name.js';
import type { Disclosure } from '../../model/schema.js';
import { looseName } from '../tables.js';
import type { FindingInput, Rule } from '../types.js';

type Stage = '预算' | '决算';
type Scope = '部门' | '单位';

/** Names that contain 预算 or 部门/单位 without saying what the document is. */
const NEUTRAL =
  /一般公共预算|政府性基金预算|国有资本经营预算|部门预算经济分类|预算经济分类|年初预算|预算数|调整预算/g;

function yearIn(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(text.replace(/\s+/g, ''));
  return m ? Number(m[1]) : undefined;
}

function stageIn(text: string): Stage | undefined {
  const t = text
    .replace(/\s+/g, '')
    .replace(NEUTRAL, '')
    .replace(/预算单位/g, '单位');
  const budget = /预算/.test(t);
  const final = /决算/.test(t);
  return budget === final ? undefined : budget ? '预算' : '决算';
}

/** 部门/单位 as a title names the subject: "部门预算", "单位决算", or a table title that starts with it. */
function scopeOfTitle(text: string): Scope | undefined {
  const t = text.replace(/\s+/g, '').replace(NEUTRAL, '');
  const m = /(部门|单位)(?:预算|决算)/.exec(t.replace(/预算单位/g, ''));
  return m ? (m[1] as Scope) : undefined;
}

function scopeOfTable(title: string): Scope | undefined {
  const t = title
    .replace(/\s+/g, '')
    .replace(NEUTRAL, '')
    .replace(/^\d{4}年度?/, '');
  if (/^部门/.test(t)) return '部门';
  if (/^(预算单位|单位)/.test(t)) return '单位';
  return undefined;
}

/** What most titles print, with how many print it and how many print anything. */
function consensus<T>(values: (T | undefined)[]): { value: T; agree: number; total: number } | undefined {
  const seen = values.filter((v): v is T => v !== undefined);
  if (!seen.length) return undefined;
  const counts = new Map<T, number>();
  for (const v of seen) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [value, agree] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return { value, agree, total: seen.length };
}

/** The titles that speak for the document: tables read with confidence (not a prior year's) and the parts. */
function evidence(doc: Disclosure): string[] {
  return [
    ...doc.tables
      .filter((t) => t.reading?.confidence !== 'low' && !/上年|结转/.test(t.title))
      .map((t) => t.title),
    ...doc.sections.filter((s) => s.level === 1).map((s) => s.title),
  ];
}

/** A unit name ends as units are named; a bare region ("上海市普陀区") is not one. */
const UNIT_END =
  /(局|委|委员会|院|厅|办|办公室|办事处|中心|所|站|馆|会|部|处|队|校|学|园|社|台|室|署|团|庭)$/;

/**
 * A unit's name without what a cover may leave out or add: the regions before it ("上海市普陀区"), "人民政府", the
 * party prefix ("普陀区万里街道办事处" = "上海市普陀区人民政府万里街道办事处").
 */
function core(name: string): string {
  let n = normalizeUnit(looseName(name)).replace(/人民政府/g, '');
  for (let i = 0; i < 3; i++) n = n.replace(/^.{1,6}?(?:省|自治区|自治州|市|区|县|旗)(?=.{2})/, '');
  return n;
}

export const cover: Rule = {
  meta: {
    id: 'completeness.cover',
    category: 'completeness',
    severity: 'error',
    title: '封面的年度、单位和文件类型与报表一致',
    basis:
      '审核要点：封面标明的年度、单位名称、预算/决算和部门/单位口径应与报表标题及各部分标题一致；各表一致而封面不同即封面有误',
  },
  check(ctx) {
    const doc = ctx.doc;
    const title = doc.metadata.title;
    const where: Partial<FindingInput> = { table: null, section: '封面' };
    if (!title) {
      ctx.report({ ...where, severity: 'info', message: '未读到封面标题，封面的年度、单位和文件类型未核对' });
      return;
    }
    const titles = evidence(doc);
    // All titles that say anything agree against the cover: the cover is wrong. Most of them: probably.
    const judge = <T>(own: T | undefined, found: ReturnType<typeof consensus<T>>, say: (v: T) => string) => {
      if (own === undefined || !found || found.value === own || found.agree < 2) return;
      const certain = found.agree === found.total;
      if (!certain && found.agree * 2 <= found.total) return;
      ctx.report({
        ...where,
        excerpt: title,
        severity: certain ? 'error' : 'warning',
        message: `封面标题“${title}”为${say(own)}，而${found.agree}个报表或部分标题为${say(found.value)}${certain ? '' : `（共${found.total}个标题标明）`}`,
        expected: say(found.value),
        actual: say(own),
      });
    };
    judge(yearIn(title), consensus(titles.map(yearIn)), (y) => `${y}年`);
    judge(stageIn(title), consensus(titles.map(stageIn)), (s) => s);
    judge(
      scopeOfTitle(title),
      consensus([
        ...doc.tables.filter((t) => t.reading?.confidence !== 'low').map((t) => scopeOfTable(t.title)),
        ...doc.sections.filter((s) => s.level === 1).map((s) => scopeOfTitle(s.title)),
      ]),
      (s) => `${s}${stageIn(title) ?? ''}`,
    );
    const named = /^(.*?)(?:19|20)\d{2}\s*年/.exec(title.replace(/\s+/g, ''))?.[1] ?? '';
    const unit = doc.metadata.unit;
    if (named.length >= 4 && UNIT_END.test(named) && unit) {
      const a = core(named);
      const b = core(unit);
      if (a && b && !a.includes(b) && !b.includes(a) && !sameUnit(named, unit)) {
        // The document's unit is the one printed over its tables: then the cover disagrees with every table.
        const captions = doc.tables.filter((t) => t.unitName && sameUnit(t.unitName, unit)).length;
        ctx.report({
          ...where,
          excerpt: title,
          severity: captions >= 2 ? 'error' : 'warning',
          message: `封面标题的单位“${named}”与${captions >= 2 ? `${captions}张报表所列` : '文件'}的单位“${unit}”不同`,
          expected: unit,
          actual: named,
        });
      }
    }
  },
};

export const COVER_RULES: Rule[] = [cover];
