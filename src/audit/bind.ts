// Binding a narrative claim to the table fact it describes, by its subject words and its section.
import type { Section } from '../model/schema.js';
import { cellAmount, compareAmounts } from './amounts.js';
import type { AmountClaim } from '../narrative/claims.js';
import type { Fact, Facts } from './facts.js';
import { itemName, looseName, normName } from './tables.js';

export type SectionTopic =
  | 'changes'
  | 'revenue'
  | 'expenditure'
  | 'fiscal'
  | 'general'
  | 'general_basic'
  | 'three_public'
  | 'operating_costs'
  | 'procurement'
  | 'performance'
  | 'other';

const TOPIC_BY_KIND: Record<string, SectionTopic> = {
  changes: 'changes',
  revenue: 'revenue',
  expenditure: 'expenditure',
  fiscal: 'fiscal',
  general_expenditure: 'general',
  general_scale: 'general',
  general_structure: 'general',
  general_basic: 'general_basic',
  three_public: 'three_public',
  operating_costs: 'operating_costs',
  procurement: 'procurement',
  performance: 'performance',
};

const TOPIC_BY_TITLE: [RegExp, SectionTopic][] = [
  [/变动情况|收支数据/, 'changes'],
  [/财政拨款收支/, 'fiscal'],
  [/基本支出/, 'general_basic'],
  [/一般公共预算/, 'general'],
  [/三公/, 'three_public'],
  [/机关运行经费/, 'operating_costs'],
  [/政府采购/, 'procurement'],
  [/绩效/, 'performance'],
  [/收入/, 'revenue'],
  [/支出/, 'expenditure'],
];

/** The topic of a section: its canonical kind, or its title (and the enclosing section's) when unknown. */
export function topicOf(section: Section, parent?: Section): SectionTopic {
  const byKind = TOPIC_BY_KIND[section.kind];
  if (byKind) return byKind;
  for (const s of [section, parent]) {
    if (!s) continue;
    const t = TOPIC_BY_TITLE.find(([re]) => re.test(s.title));
    if (t) return t[1];
  }
  return 'other';
}

/** A resolver names one fact, or several a subject may mean (then the printed amount decides, or nothing binds). */
type Resolver = (claim: AmountClaim, facts: Facts, topic: SectionTopic) => Fact | Fact[] | undefined;

/**
 * Facts a subject may mean ("基本支出": of all money, or of the general budget). The claim binds to the one its
 * amount agrees with; when it agrees with none and they differ, the subject is ambiguous and binds to nothing.
 */
const either =
  (...ids: string[]): Resolver =>
  (_c, facts) =>
    ids.map((i) => facts.get(i)).filter((f): f is Fact => !!f);

function choose(claim: AmountClaim, candidates: Fact[]): Fact | undefined {
  if (candidates.length <= 1) return candidates[0];
  const agreeing = candidates.find((f) => {
    const cmp = compareAmounts(claim.amount, f.parts ?? [f.amount], claim.amount.unit);
    return cmp && cmp.status !== 'mismatch';
  });
  if (agreeing) return agreeing;
  const distinct = new Set(candidates.map((f) => f.amount?.value.toFixed() ?? ''));
  return distinct.size === 1 ? candidates[0] : undefined;
}

/** Money brought forward from last year, which makes 收入总计 differ from this year's income. */
function hasCarryover(facts: Facts): boolean {
  const carry = facts.get('income.carryover')?.amount;
  return !!carry && !carry.isZero();
}

/** The change itself ("总计增加1193.20万元", "支出减少63.14万元"), not the amount it changes. */
const CHANGE_SUBJECT =
  /(增加|减少|增长|下降|上升|降低|提高|增多|减小|缩减|增加\(减少\)|增长\(下降\)|下降\(增长\)|减少\(增加\))$/;

const id =
  (...ids: string[]): Resolver =>
  (_c, facts) => {
    for (const i of ids) {
      const f = facts.get(i);
      if (f) return f;
    }
    return undefined;
  };

function sideOf(claim: AmountClaim): 'income' | 'expenditure' {
  const head = claim.head ?? claim;
  return /支出/.test(head.subject) && !/收入/.test(head.subject) ? 'expenditure' : 'income';
}

const source =
  (name: string): Resolver =>
  (claim, facts, topic) => {
    if (topic !== 'fiscal') return facts.get(`income.${name}`);
    const year = facts.get(`fiscal.${name}`) ?? facts.get(`income.${name}`);
    const carry = facts.get(`fiscal.carryover.${name}`);
    if (!year || !carry?.amount || carry.amount.isZero()) return year;
    // "收入为一般公共预算拨款X" splits the 总预算 by budget: X may be the budget's whole money (当年 + its share of
    // 上年结转) or this year's only; the reading that the printed amount fits is the one meant.
    const parts = [year.amount, carry.amount];
    const whole = compareAmounts(claim.amount, parts, year.table.unit);
    if (
      whole?.status === 'mismatch' ||
      compareAmounts(claim.amount, [year.amount], year.table.unit)?.status === 'exact'
    )
      return year;
    return { ...year, id: `${year.id}+carryover`, label: `${year.label}（含上年结转）`, amount: null, parts };
  };

/** Ordered: the first pattern that matches the subject decides. */
const BINDINGS: { re: RegExp; topics?: SectionTopic[]; resolve: Resolver }[] = [
  {
    re: /^(一般公共预算|财政拨款)?当年拨款$|^涉及.*(拨款|资金)$/,
    topics: ['performance'],
    resolve: id('general.project', 'expenditure.project', 'projects.total'),
  },
  { re: /机关运行经费/, resolve: id('operating_costs.total') },
  { re: /因公出国/, resolve: id('three_public.abroad') },
  { re: /公务接待/, resolve: id('three_public.reception') },
  { re: /公务用车购置及运行/, resolve: id('three_public.vehicles') },
  { re: /公务用车购置/, resolve: id('three_public.vehicle_purchase') },
  { re: /公务用车运行/, resolve: id('three_public.vehicle_operation') },
  { re: /三公/, resolve: id('three_public.total') },
  { re: /人员经费/, resolve: id('economic.personnel') },
  { re: /公用经费/, resolve: id('economic.public') },
  { re: /一般公共预算基本支出/, resolve: id('general.basic', 'economic.total') },
  { re: /一般公共预算项目支出/, resolve: id('general.project') },
  { re: /一般公共预算(当年)?(拨款|支出)(预算)?$/, topics: ['general'], resolve: id('general.total') },
  { re: /一般公共预算当年拨款$/, resolve: id('general.total') },
  {
    re: /财政拨款(收支|收入支出)?(总预算|总计)|收支总预算/,
    resolve: id('fiscal.grand_total', 'income.grand_total'),
  },
  { re: /当年拨款收入$/, resolve: id('fiscal.year_total') },
  { re: /上年结转收入$/, topics: ['fiscal'], resolve: id('fiscal.carryover') },
  { re: /收入总计$/, resolve: id('income.grand_total') },
  { re: /支出总计$/, resolve: id('expenditure.grand_total') },
  { re: /本年收入(合计)?$/, resolve: id('income.year_total') },
  { re: /本年(预算安排|支出合计|支出)$/, resolve: id('expenditure.current', 'expenditure.year_total') },
  {
    re: /上年结转(收入|安排)?$/,
    resolve: (c, facts) =>
      sideOf(c) === 'expenditure'
        ? (facts.get('expenditure.carryover') ?? facts.get('income.carryover'))
        : facts.get('income.carryover'),
  },
  { re: /一般公共预算(拨款)?(收入)?$/, resolve: source('general_public') },
  { re: /政府性基金(预算)?(拨款)?(收入)?$/, resolve: source('gov_fund') },
  { re: /国有资本经营(预算)?(拨款)?(收入)?$/, resolve: source('state_capital') },
  { re: /财政专户管理资金(收入)?$/, resolve: source('special_account') },
  { re: /单位资金(收入)?$/, resolve: source('unit_funds') },
  { re: /事业收入$/, resolve: source('business_income') },
  // The section says whose 基本支出 it is; elsewhere the printed amount decides (or nothing binds).
  { re: /基本支出$/, topics: ['expenditure'], resolve: id('expenditure.basic', 'general.basic') },
  { re: /项目支出$/, topics: ['expenditure'], resolve: id('expenditure.project', 'general.project') },
  {
    re: /基本支出$/,
    topics: ['general', 'general_basic'],
    resolve: id('general.basic', 'expenditure.basic'),
  },
  {
    re: /项目支出$/,
    topics: ['general', 'general_basic'],
    resolve: id('general.project', 'expenditure.project'),
  },
  { re: /基本支出$/, resolve: either('expenditure.basic', 'general.basic') },
  { re: /项目支出$/, resolve: either('expenditure.project', 'general.project') },
  // "本年收入预算X" is this year's income; with 上年结转 it is not 收入总计.
  { re: /^(本年|当年)(预算收入|收入预算)(总额)?$/, resolve: id('income.year_total') },
  { re: /^(本年|当年)(支出预算|预算支出)(总额)?$/, resolve: id('expenditure.year_total') },
  // Only the unqualified headline: "财政拨款支出预算" or "一般公共预算…收入" name a part, not the total.
  {
    re: /^(?!.*(财政拨款|一般公共预算|政府性基金|国有资本|基本|项目|结转)).*(预算收入|收入预算)(总额)?$/,
    resolve: (c, facts) =>
      hasCarryover(facts)
        ? either('income.grand_total', 'income.year_total')(c, facts, 'other')
        : facts.get('income.grand_total'),
  },
  {
    re: /^(?!.*(财政拨款|一般公共预算|政府性基金|国有资本|基本|项目|结转)).*(支出预算|预算支出)(总额)?$/,
    resolve: (c, facts) =>
      hasCarryover(facts)
        ? either('expenditure.grand_total', 'expenditure.year_total')(c, facts, 'other')
        : facts.get('expenditure.grand_total'),
  },
];

/** The fact a claim describes, or undefined when none can be named. */
export function bindClaim(claim: AmountClaim, facts: Facts, topic: SectionTopic): Fact | undefined {
  const subject = normName(claim.subject);
  if (!subject) return undefined;
  const classes = topic === 'fiscal' && facts.fiscalClasses.size ? facts.fiscalClasses : facts.classes;
  // A class read without its name (a mis-read table) names nothing.
  for (const [name, fact] of classes) if (name && subject.endsWith(name)) return fact;
  const item = itemOf(subject, facts);
  if (item) return item;
  // "公务接待费（款）支出16万元" is a classification row (found above or not at all), not the 三公 item of that name;
  // "增加基本支出844.15万元" states a change, not the amount of 基本支出
  if (
    /\((类|款|项)\)/.test(subject) ||
    /^(增加|减少|增长|下降|调增|调减)/.test(subject) ||
    CHANGE_SUBJECT.test(subject)
  )
    return undefined;
  for (const b of BINDINGS) {
    if (b.topics && !b.topics.includes(topic)) continue;
    if (b.re.test(subject)) {
      const resolved = b.resolve(claim, facts, topic);
      const f = Array.isArray(resolved) ? choose(claim, resolved) : resolved;
      if (f) return budgetOf(subject, f);
      return undefined;
    }
  }
  const loose = looseName(subject);
  for (const p of facts.projects) {
    if (loose.endsWith(looseName(p.name)) && p.name.length >= 4)
      return {
        id: `project.${p.name}`,
        label: p.name,
        amount: p.amount,
        table: p.table,
        row: p.row,
        column: p.column,
      };
  }
  return undefined;
}

/** "一般公共服务支出(类)统计信息事务(款)专项普查活动(项)" (Shanghai), "法院(款)机关服务(项)支出" (Jiangsu). */
function itemOf(subject: string, facts: Facts): Fact | undefined {
  const m = /^(?:(.+?)\(类\))?(.+?)\(款\)(?:(.+?)\(项\))?(?:支出|预算|拨款)*$/.exec(subject);
  if (!m || (!m[1] && !m[3])) return undefined;
  const names = [m[1], m[2], m[3]].filter((n): n is string => !!n).map(itemName);
  return facts.items.get(names.join('|'));
}

/**
 * A 决算 narrative states both amounts of an item ("“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元"):
 * a subject naming the 年初预算 is the same row's 预算数 (`budget`) column, not its 决算数 (`final`).
 */
function budgetOf(subject: string, fact: Fact): Fact {
  if (fact.column !== 'final' || !fact.row || !/(年初预算(数)?|预算数)(为|是)?$/.test(subject)) return fact;
  if (!fact.table.columns.some((c) => c.id === 'budget')) return fact;
  return {
    ...fact,
    id: `${fact.id}.budget`,
    label: `${fact.label}（年初预算）`,
    column: 'budget',
    amount: cellAmount(fact.row.cells.budget, fact.table.unit),
  };
}

/** "五、一般公共预算支出情况说明" / "(二) 一般公共预算当年拨款结构情况". */
export function sectionLabel(section: Section): string {
  const title = section.title.trim();
  if (!section.number || title.startsWith(section.number)) return title;
  return /^[（(]/.test(section.number) ? `${section.number}${title}` : `${section.number}、${title}`;
}
