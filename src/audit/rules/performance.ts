// 项目支出绩效目标申报表: one per project, amounts that agree with the project table and add up, a complete
// indicator tree, and cost indicators that agree with the budget and with their own stated arithmetic.
import { Amount, Decimal, type MoneyUnit } from '../../model/money.js';
import type { Funding, Indicator, PerformanceForm } from '../../model/schema.js';
import { compareAmounts } from '../amounts.js';
import { looseName, tableLabel } from '../tables.js';
import type { FindingInput, Rule, RuleContext } from '../types.js';
import { reportComparison } from './table.js';

export function formAt(form: PerformanceForm, indicator?: Indicator): Partial<FindingInput> {
  const out: Partial<FindingInput> = { table: 'performance_targets', row_name: form.project };
  const src = indicator?.source ?? form.source;
  if (src) {
    out.page = src.page;
    if (src.line) out.line = src.line;
  }
  if (indicator) out.excerpt = `${indicator.name} ${indicator.printed}`.trim();
  return out;
}

function formAmount(value: string | null | undefined, unit: MoneyUnit): Amount | null {
  if (value == null) return null;
  const d = new Decimal(value);
  return new Amount(d, unit, Math.max(0, d.decimalPlaces()));
}

export const formPerProject: Rule = {
  meta: {
    id: 'performance.form-per-project',
    category: 'performance',
    severity: 'warning',
    title: '每个项目有一张绩效目标表，名称一致',
    basis: '项目支出均应编报绩效目标（预算绩效管理）；公开的绩效目标表应与项目支出表一一对应',
  },
  check(ctx) {
    const forms = ctx.doc.performanceForms;
    const projects = ctx.facts().projects;
    if (!forms.length || !projects.length) return;
    const formNames = new Set(forms.map((f) => looseName(f.project)));
    const projectNames = new Set(projects.map((p) => looseName(p.name)));
    for (const p of projects) {
      if (formNames.has(looseName(p.name))) continue;
      ctx.report({
        table: p.table.kind,
        row_name: p.name,
        column: p.column,
        page: p.row.source?.page,
        line: p.row.source?.line,
        message: `项目“${p.name}”（${p.amount?.toString() ?? '—'}${p.table.unit}）没有对应的绩效目标申报表`,
      });
    }
    for (const f of forms) {
      if (projectNames.has(looseName(f.project))) continue;
      ctx.report({
        ...formAt(f),
        message: `绩效目标表的项目“${f.project}”不在${tableLabel(projects[0].table)}中`,
      });
    }
  },
};

export const annualAmount: Rule = {
  meta: {
    id: 'performance.annual-amount',
    category: 'performance',
    severity: 'error',
    title: '年度资金总额与项目支出表一致',
    basis: '绩效目标表的年度资金总额（元）= 项目支出表该项目金额（万元 × 10000），误差不超过印刷精度',
  },
  check(ctx) {
    const projects = new Map(ctx.facts().projects.map((p) => [looseName(p.name), p]));
    for (const form of ctx.doc.performanceForms) {
      const p = projects.get(looseName(form.project));
      const year = formAmount(form.funding.year.total, form.unit);
      if (!p || !p.amount || !year) continue;
      // Compare in 万元: 元 carries its full precision into 万元, not the reverse.
      const cmp = compareAmounts(year.to('万元'), [p.amount.to('万元')], '万元');
      reportComparison(
        ctx,
        cmp,
        {
          ...formAt(form),
          column: 'year.total',
          excerpt: `年度资金总额：${form.funding.year.total}${form.unit}`,
        },
        `“${form.project}”年度资金总额与${tableLabel(p.table)}`,
      );
    }
  },
};

const FUNDING_PARTS: (keyof Funding)[] = ['central', 'provincial', 'local', 'selfRaised', 'other'];

export const fundingSum: Rule = {
  meta: {
    id: 'performance.funding-sum',
    category: 'performance',
    severity: 'error',
    title: '资金总额 = 各资金来源之和',
    basis: '算术：实施期/年度资金总额 = 中央 + 省级 + 市县（区） + 单位自筹 + 其他资金',
  },
  check(ctx) {
    for (const form of ctx.doc.performanceForms) {
      for (const [which, label] of [
        ['period', '实施期'],
        ['year', '年度'],
      ] as const) {
        const f = form.funding[which];
        const total = formAmount(f.total, form.unit);
        const parts = FUNDING_PARTS.map((k) => formAmount(f[k], form.unit));
        if (!total || parts.every((p) => p == null)) continue;
        const cmp = compareAmounts(total, parts, form.unit);
        reportComparison(
          ctx,
          cmp,
          { ...formAt(form), column: `${which}.total` },
          `“${form.project}”${label}资金总额与其中各项之和`,
        );
      }
    }
  },
};

export const periodCoversYear: Rule = {
  meta: {
    id: 'performance.period',
    category: 'performance',
    severity: 'error',
    title: '项目期包含本年度，实施期资金不少于年度资金',
    basis:
      '实施期包含本年度：项目期的起止年份含预算年度；实施期资金总额 ≥ 年度资金总额（一年期项目两者相等）',
  },
  check(ctx) {
    const docYear = ctx.doc.metadata.year;
    for (const form of ctx.doc.performanceForms) {
      // A 项目期 printed with its years ("2021年1月-2022年12月") must include the budget year.
      const years = [...(form.period ?? '').matchAll(/(20\d\d)\s*年?/g)].map((m) => Number(m[1]));
      if (years.length && (docYear < Math.min(...years) || docYear > Math.max(...years)))
        ctx.report({
          ...formAt(form),
          severity: 'warning',
          message: `“${form.project}”项目期为“${form.period}”，不含${docYear}年度`,
          expected: String(docYear),
          actual: form.period,
        });
      const period = formAmount(form.funding.period.total, form.unit);
      const year = formAmount(form.funding.year.total, form.unit);
      if (!period || !year) continue;
      if (period.value.lt(year.value))
        ctx.report({
          ...formAt(form),
          message: `“${form.project}”实施期资金总额${period.toString()}${form.unit}小于年度资金总额${year.toString()}${form.unit}`,
          expected: `≥${year.toString()}`,
          actual: period.toString(),
        });
      else if (form.periodYears === 1 && !period.value.eq(year.value))
        ctx.report({
          ...formAt(form),
          severity: 'warning',
          message: `“${form.project}”项目期为1年，实施期资金${period.toString()}${form.unit}与年度资金${year.toString()}${form.unit}不同`,
          expected: year.toString(),
          actual: period.toString(),
        });
    }
  },
};

const OUTPUT_LEVEL2 = ['数量', '质量', '时效', '成本'];

function filled(i: Indicator): boolean {
  return !!i.name.trim() && !!i.printed.trim();
}

export const indicatorTree: Rule = {
  meta: {
    id: 'performance.indicator-tree',
    category: 'performance',
    severity: 'warning',
    title: '绩效指标体系完整',
    basis: '一级指标产出、效益、满意度齐全；产出下数量、质量、时效、成本指标均已填写；每个三级指标都有指标值',
  },
  check(ctx) {
    for (const form of ctx.doc.performanceForms) {
      for (const [which, label] of [
        ['period', '实施期'],
        ['year', '年度'],
      ] as const) {
        const list = form.indicators[which];
        if (!list.length) continue;
        const missing: string[] = [];
        for (const l1 of ['产出', '效益', '满意度']) {
          if (!list.some((i) => i.level1.includes(l1) && filled(i))) missing.push(`${l1}指标`);
        }
        for (const l2 of OUTPUT_LEVEL2) {
          if (
            !list.some(
              (i) =>
                i.level1.includes('产出') && i.level2.includes(l2) && (i.name.trim() || i.printed.trim()),
            )
          )
            missing.push(`${l2}指标`);
        }
        if (missing.length)
          ctx.report({
            ...formAt(form),
            message: `“${form.project}”${label}绩效指标缺少：${missing.join('、')}`,
          });
        for (const i of list) {
          const v = readIndicatorValue(i);
          if (
            i.name.trim() &&
            i.printed.trim() &&
            !v.value &&
            v.unit &&
            /^(万元|元|%|个|次|人|年|天|月|项|家|辆|台)$/.test(v.unit)
          )
            ctx.report({
              ...formAt(form, i),
              message: `“${form.project}”${label}指标“${i.name}”的指标值只有单位“${i.printed}”，没有数值`,
            });
          else if (i.name.trim() && !i.printed.trim())
            ctx.report({ ...formAt(form, i), message: `“${form.project}”${label}指标“${i.name}”没有指标值` });
          else if (!i.name.trim() && i.printed.trim())
            ctx.report({
              ...formAt(form, i),
              message: `“${form.project}”${label}${i.level2}有指标值“${i.printed}”却没有指标名称`,
            });
        }
      }
    }
  },
};

export const duplicateIndicator: Rule = {
  meta: {
    id: 'performance.duplicate-indicator',
    category: 'performance',
    severity: 'warning',
    title: '绩效指标不重复',
    basis: '同一张表中同一指标只应填列一次',
  },
  check(ctx) {
    for (const form of ctx.doc.performanceForms) {
      for (const [which, label] of [
        ['period', '实施期'],
        ['year', '年度'],
      ] as const) {
        const seen = new Set<string>();
        for (const i of form.indicators[which]) {
          if (!filled(i)) continue;
          const key = `${i.level2}|${i.name}|${i.printed}`;
          if (seen.has(key))
            ctx.report({
              ...formAt(form, i),
              message: `“${form.project}”${label}指标“${i.name}”（${i.printed}）重复填列`,
            });
          seen.add(key);
        }
      }
    }
    for (const note of ctx.doc.importNotes) {
      if (/duplicate|重复/.test(note.code + note.message) && /指标/.test(note.message))
        ctx.report({
          table: 'performance_targets',
          row_name: /“([^”]+)”/.exec(note.message)?.[1],
          page: note.source?.page,
          line: note.source?.line,
          message: note.message,
        });
    }
  },
};

/** Numeric part and unit of a printed indicator value ("≤60万元", "64万元", "万元", "≥95百分号"). */
export function readIndicatorValue(i: Indicator): {
  operator: string | null;
  value: Decimal | null;
  unit: string | null;
} {
  const m =
    /^\s*(≥|≤|=|>|<|≈|不高于|不超过|不低于)?\s*(\d+(?:\.\d+)?)?\s*(万元|元|%|％|百分号|[^\d\s]*)?\s*$/.exec(
      i.printed.replace(/,/g, ''),
    );
  const value = i.value != null ? new Decimal(i.value) : m?.[2] ? new Decimal(m[2]) : null;
  let unit = i.valueUnit ?? m?.[3] ?? null;
  if (unit === '百分号' || unit === '％') unit = '%';
  const op =
    i.operator ??
    (m?.[1] ? (({ 不高于: '≤', 不超过: '≤', 不低于: '≥' } as Record<string, string>)[m[1]] ?? m[1]) : null);
  return { operator: op, value, unit: unit || null };
}

const MONEY = /(\d+(?:\.\d+)?)\s*(万元|元)/g;
const COUNT = /(\d+)\s*(位|人|组|次|个|名|辆|台|场|期|项|家)(?![元万])/g;

/** The amount a cost indicator's own words compute ("每人约6万元/年，共9位" → 54万元); null when they don't say. */
export function statedCost(
  name: string,
): { value: Decimal; unit: MoneyUnit; monthly: boolean; text: string } | null {
  const prices = [...name.matchAll(MONEY)];
  if (prices.length !== 1 || /[及和、]|等/.test(name.replace(/[，,]/g, ''))) return null;
  const counts = [...name.matchAll(COUNT)];
  if (!counts.length) return null;
  const price = new Decimal(prices[0][1]);
  const product = counts.reduce((acc, c) => acc.mul(c[1]), price);
  const monthly = /每月|\/月|月均/.test(name) && !/(\d+)\s*个?月/.test(name);
  return {
    value: monthly ? product.mul(12) : product,
    unit: prices[0][2] as MoneyUnit,
    monthly,
    text: `${prices[0][0]}×${counts.map((c) => c[0]).join('×')}${monthly ? '×12个月' : ''}`,
  };
}

export const costIndicator: Rule = {
  meta: {
    id: 'performance.cost-indicator',
    category: 'performance',
    severity: 'warning',
    title: '成本指标以金额表示，不超过资金总额，与自身测算一致',
    basis: '成本指标反映项目成本（金额）；不应高于对应期间的资金总额；写明的单价×数量应等于指标值',
  },
  check(ctx) {
    for (const form of ctx.doc.performanceForms) {
      for (const [which, label] of [
        ['period', '实施期'],
        ['year', '年度'],
      ] as const) {
        const budget = formAmount(form.funding[which].total, form.unit);
        for (const i of form.indicators[which]) {
          if (!/成本/.test(i.level2) || !filled(i)) continue;
          const v = readIndicatorValue(i);
          const where = formAt(form, i);
          if (v.unit !== '万元' && v.unit !== '元') {
            ctx.report({
              ...where,
              message: `“${form.project}”${label}成本指标“${i.name}”的指标值“${i.printed}”不是金额`,
              actual: i.printed,
            });
            continue;
          }
          // A unit without a number is reported by performance.indicator-tree.
          if (!v.value) continue;
          const amount = new Amount(v.value, v.unit as MoneyUnit, v.value.decimalPlaces());
          if (budget && amount.to('元').value.gt(budget.to('元').value))
            ctx.report({
              ...where,
              message: `“${form.project}”${label}成本指标${i.printed}高于${label}资金总额${budget.to('万元').value.toFixed()}万元`,
              expected: `≤${budget.to('万元').value.toFixed()}万元`,
              actual: i.printed,
            });
          const stated = statedCost(i.name);
          if (!stated) continue;
          const computed = new Amount(stated.value, stated.unit, 4).to(amount.unit).value;
          const bound = amount.value;
          const agrees =
            v.operator === '≤' || v.operator === '<'
              ? computed.lte(bound)
              : v.operator === '≥' || v.operator === '>'
                ? computed.gte(bound)
                : computed.eq(bound);
          if (agrees) continue;
          ctx.report({
            ...where,
            severity: stated.monthly ? 'info' : undefined,
            message: stated.monthly
              ? `“${form.project}”${label}成本指标按“${i.name}”全年测算为${computed.toFixed()}${amount.unit}，与指标值${i.printed}不符；测算依据未写明月数，请核对`
              : `“${form.project}”${label}成本指标“${i.name}”测算为${stated.text}=${computed.toFixed()}${amount.unit}，与指标值${i.printed}不符`,
            expected: `${computed.toFixed()}${amount.unit}`,
            actual: i.printed,
          });
        }
      }
    }
  },
};

export const PERFORMANCE_RULES: Rule[] = [
  formPerProject,
  annualAmount,
  fundingSum,
  periodCoversYear,
  indicatorTree,
  duplicateIndicator,
  costIndicator,
];

export type { RuleContext };
