// Identities across tables (勾稽关系, DOMAIN.md §4).
import { RETIRED_NAMES } from '../../catalog/index.js';
import { Amount } from '../../model/money.js';
import { SOURCE_COLUMN_IDS, type Row, type Table } from '../../model/schema.js';
import { cellAmount, compareAmounts } from '../amounts.js';
import {
  INCOME_SOURCES,
  amountColumn,
  incomeSourceOf,
  mainColumn,
  totalColumn,
  type Fact,
} from '../facts.js';
import { at, codedRows, fitsHierarchy, normName, roleOf, sideRows, tableLabel, totalRow } from '../tables.js';
import type { Rule, RuleContext, Severity } from '../types.js';
import { reportComparison } from './table.js';

function factAmount(f: Fact | undefined): Amount | null {
  return f?.amount ?? null;
}

/** Compares two facts that must be equal; the finding points at `actual`. */
function compareFacts(
  ctx: RuleContext,
  actual: Fact | undefined,
  expected: Fact | undefined,
  what: string,
  severity?: Severity,
): void {
  if (!actual || !expected) return;
  const cmp = compareAmounts(factAmount(actual), expected.parts ?? [factAmount(expected)], actual.table.unit);
  if (!cmp || cmp.status === 'exact') return;
  const override = severity && cmp.status === 'mismatch' ? { severity } : {};
  const text = `${what}（${tableLabel(actual.table)}与${tableLabel(expected.table)}）`;
  // Two printed cells disagree and either may be wrong: one finding that names both places.
  if (!expected.parts && expected.row && expected.table !== actual.table && cmp.status === 'mismatch') {
    const here = at(actual.table, actual.row, actual.column);
    const there = at(expected.table, expected.row, expected.column);
    const unit = cmp.unit;
    const page = (p?: number) => (p === undefined ? '' : `（第${p}页）`);
    ctx.report({
      ...here,
      ...override,
      also: {
        table: there.table,
        ...(there.row_name ? { row_name: there.row_name } : {}),
        ...(there.column ? { column: there.column } : {}),
        ...(there.page !== undefined ? { page: there.page } : {}),
      },
      message: `${what}：${tableLabel(actual.table)}${page(here.page)}印为${cmp.actual}${unit}，${tableLabel(expected.table)}${page(there.page)}印为${cmp.expected}${unit}，相差${cmp.difference.abs().toFixed()}${unit}`,
      expected: cmp.expected,
      actual: cmp.actual,
    });
    return;
  }
  reportComparison(ctx, cmp, { ...at(actual.table, actual.row, actual.column), ...override }, text);
}

const PRINTED = new WeakMap<Table, Map<string, boolean>>();

/** Whether any row of the table prints an amount in the column. */
function printedColumn(table: Table, column: string): boolean {
  let byColumn = PRINTED.get(table);
  if (!byColumn) PRINTED.set(table, (byColumn = new Map()));
  let printed = byColumn.get(column);
  if (printed === undefined)
    byColumn.set(column, (printed = table.rows.some((r) => r.cells[column]?.value != null)));
  return printed;
}

function cellFact(table: Table, row: Row | undefined, column: string, label: string): Fact | undefined {
  // A column the table does not have is no fact (not a zero); nor is one it leaves blank in every row (a layout's
  // column the document does not fill, or amounts read into other columns).
  if (!row || !table.columns.some((c) => c.id === column) || !printedColumn(table, column)) return undefined;
  return { id: label, label, amount: cellAmount(row.cells[column], table.unit), table, row, column };
}

export const summaryRevenue: Rule = {
  meta: {
    id: 'cross.summary-revenue',
    category: 'cross',
    severity: 'error',
    title: '收支总表的收入 = 收入总表合计行',
    basis: '收支总表各项收入与收入总表合计行各资金来源一致',
  },
  check(ctx) {
    const summary = ctx.table('summary');
    const revenue = ctx.table('revenue');
    if (!summary || !revenue || summary.empty || revenue.empty) return;
    const total = totalRow(revenue);
    if (!total) return;
    const col = amountColumn(summary, 'income');
    for (const row of sideRows(summary, 'income')) {
      const role = roleOf(row);
      let revCol: string | undefined;
      if (role === 'item') revCol = incomeSourceOf(row.name || row.label);
      else if (role === 'carryover') revCol = 'carryover';
      else if (role === 'year_total') revCol = 'total';
      if (!revCol || !revenue.columns.some((c) => c.id === revCol)) continue;
      const s = cellFact(summary, row, col, row.name);
      const r = cellFact(revenue, total, revCol, row.name);
      if (revCol === 'total' && revenue.columns.some((c) => c.id === 'carryover')) {
        // 收入总表的合计栏或含上年结转，或不含：两种口径都不符才报告。
        const carry = cellAmount(total.cells.carryover, revenue.unit);
        const a = compareAmounts(s!.amount, [r!.amount], summary.unit);
        const b = compareAmounts(r!.amount, [s!.amount, carry], summary.unit);
        if (!a || a.status === 'exact' || b?.status === 'exact') continue;
      }
      compareFacts(ctx, s, r, `“${row.name}”`);
    }
  },
};

export const summaryExpenditure: Rule = {
  meta: {
    id: 'cross.summary-expenditure',
    category: 'cross',
    severity: 'error',
    title: '收支总表的各类支出 = 支出总表各类',
    basis: '收支总表支出方按功能分类（类）的金额与支出总表的类级科目一致',
  },
  check(ctx) {
    const summary = ctx.table('summary');
    const exp = ctx.table('expenditure');
    if (!summary || !exp || summary.empty || exp.empty) return;
    byClassName(ctx, summary, 'total', exp, 'total');
    const yearTotal = sideRows(summary, 'expenditure').find((r) => roleOf(r) === 'year_total');
    compareFacts(
      ctx,
      cellFact(summary, yearTotal, 'total', '本年支出合计'),
      cellFact(exp, totalRow(exp), 'total', '合计'),
      '本年支出合计',
    );
  },
};

function currentName(name: string): string {
  const n = normName(name);
  return RETIRED_NAMES.find((r) => r.name === n)?.successor ?? n;
}

/** Compares class rows (类) of a two-sided table, matched by name, with the 3-digit rows of a coded table. */
function byClassName(
  ctx: RuleContext,
  sided: Table,
  sidedCol: string,
  coded: Table,
  codedCol: string,
  severity?: Severity,
): void {
  const classes = new Map<string, Row>();
  for (const [code, row] of codedRows(coded)) if (code.length === 3) classes.set(currentName(row.name), row);
  for (const row of sideRows(sided, 'expenditure')) {
    if (roleOf(row) !== 'item') continue;
    // A class printed under its retired name is still the same class (text.outdated-name reports the name).
    const name = currentName(row.name || row.label);
    const other = classes.get(name);
    const mine = cellFact(sided, row, sidedCol, row.name);
    if (!mine) continue;
    if (other)
      compareFacts(ctx, mine, cellFact(coded, other, codedCol, other.name), `“${row.name}”`, severity);
    else if (mine.amount && !mine.amount.isZero() && classes.size)
      ctx.report({
        ...at(sided, row, sidedCol),
        severity: severity ?? 'error',
        message: `${tableLabel(sided)}列有“${row.name}”${mine.amount.toString()}${sided.unit}，${tableLabel(coded)}没有这一类`,
        actual: mine.amount.toString(),
      });
  }
}

export const functionRows: Rule = {
  meta: {
    id: 'cross.function-rows',
    category: 'cross',
    severity: 'error',
    title: '收入总表与支出总表的功能科目一致；一般公共预算支出表 = 收入总表一般公共预算栏',
    basis:
      '同一科目在收入总表、支出总表的合计相同；一般公共预算支出表（不含上年结转）各科目 = 收入总表该科目的一般公共预算收入',
  },
  check(ctx) {
    const revenue = ctx.table('revenue');
    const exp = ctx.table('expenditure');
    const general = ctx.table('general_expenditure');
    const pair = (
      a: Table | undefined,
      aCol: string,
      b: Table | undefined,
      bCol: string,
      what: string,
      plusCol?: string,
    ) => {
      if (!a || !b || a.empty || b.empty) return;
      if (!a.columns.some((c) => c.id === aCol) || !b.columns.some((c) => c.id === bCol)) return;
      const plus = plusCol && b.columns.some((c) => c.id === plusCol) ? plusCol : undefined;
      // With a column to add (上年结转), the other side is b[bCol] + b[plus]; b[bCol] alone is also accepted.
      const other = (row: Row | undefined, mine: Fact, label: string): Fact | undefined => {
        const plain = cellFact(b, row, bCol, label);
        if (!plus || !row || !plain) return plain;
        const extra = cellAmount(row.cells[plus], b.unit);
        if (!extra || extra.isZero()) return plain;
        if (compareAmounts(mine.amount, [plain.amount], a.unit)?.status === 'exact') return plain;
        return { ...plain, parts: [plain.amount, extra], label: `${label}（含上年结转）` };
      };
      const bRows = codedRows(b);
      const aRows = codedRows(a);
      for (const [code, row] of aRows) {
        const theirs = bRows.get(code);
        const mine = cellFact(a, row, aCol, row.name)!;
        if (theirs)
          compareFacts(ctx, mine, other(theirs, mine, theirs.name), `科目${code}“${row.name}”${what}`);
        // A code printed incompletely (codes.format) cannot prove that the other table lacks the class.
        else if (mine.amount && !mine.amount.isZero() && bRows.size && fitsHierarchy(code, aRows))
          ctx.report({
            ...at(a, row, aCol),
            message: `${tableLabel(a)}列有科目${code}“${row.name}”${mine.amount.toString()}${a.unit}，${tableLabel(b)}没有该科目`,
            actual: mine.amount.toString(),
          });
      }
      const mine = cellFact(a, totalRow(a), aCol, '合计');
      if (mine) compareFacts(ctx, mine, other(totalRow(b), mine, '合计'), `合计${what}`);
    };
    // 支出总表 covers 上年结转安排; the revenue table's 本年收入 合计 may or may not include its 上年结转 column.
    // Final accounts (决算) are not balanced by function: what was received and not spent goes to 年末结转和结余.
    if (!isFinal(ctx)) pair(exp, 'total', revenue, 'total', '', 'carryover');
    pair(general, 'total', revenue, 'general_public', '（一般公共预算）');
    // With no money but the general budget, the expenditure table and the general-budget table are the same table.
    if (exp && general && onlyGeneralBudget(ctx))
      for (const col of ['total', 'basic', 'project'])
        pair(general, col, exp, col, '（仅有一般公共预算资金时两表相同）');
  },
};

/** Final accounts (决算) rather than a budget. */
function isFinal(ctx: RuleContext): boolean {
  return /_final$/.test(ctx.doc.metadata.kind);
}

/** True when the summary shows income from the general budget only (no other source, no carryover). */
function onlyGeneralBudget(ctx: RuleContext): boolean {
  const facts = ctx.facts();
  const general = facts.get('income.general_public');
  if (!general?.amount || general.amount.isZero()) return false;
  const others = [...SOURCE_COLUMN_IDS.filter((c) => c !== 'general_public'), 'carryover'];
  return others.every((o) => {
    const f = facts.get(`income.${o}`);
    return !f?.amount || f.amount.isZero();
  });
}

export const fiscalSummary: Rule = {
  meta: {
    id: 'cross.fiscal-summary',
    category: 'cross',
    severity: 'error',
    title: '财政拨款收支总表与收支总表、一般公共预算支出表一致',
    basis: '财政拨款收支总表 = 收支总表中三本预算部分；其支出各类的一般公共预算栏 = 一般公共预算支出表各类',
  },
  check(ctx) {
    const fiscal = ctx.table('fiscal_summary');
    if (!fiscal || fiscal.empty) return;
    const facts = ctx.facts();
    for (const source of ['general_public', 'gov_fund', 'state_capital']) {
      compareFacts(
        ctx,
        facts.get(`fiscal.${source}`),
        facts.get(`income.${source}`),
        `${INCOME_SOURCES.find((s) => s[1] === source)![2]}收入`,
      );
    }
    const carry = facts.get('fiscal.carryover')?.amount;
    // In a 决算 the 年初结转和结余 is not spread over the classes: the fiscal classes are the year's spending, the
    // same as the 一般公共预算财政拨款支出决算表.
    const withCarry = !!carry && !carry.isZero() && !isFinal(ctx);
    for (const [kind, source] of [
      ['general_expenditure', 'general_public'],
      ['gov_fund_expenditure', 'gov_fund'],
    ] as const) {
      const coded = ctx.table(kind);
      if (!coded || coded.empty || !fiscal.columns.some((c) => c.id === source)) continue;
      // The budget tables are printed 不含上年结转: without carryover money they equal the fiscal classes.
      if (withCarry) classesWithCarryover(ctx, fiscal, source, coded);
      else byClassName(ctx, fiscal, source, coded, mainColumn(coded));
    }
  },
};

/**
 * With 上年财政拨款结转 money, a fiscal class (source column) = that budget's 不含上年结转 table class + the class's
 * share of the carryover, which no table prints per class: only the total over classes can be proved; a class
 * below its current-year amount needs a human.
 */
function classesWithCarryover(ctx: RuleContext, fiscal: Table, source: string, coded: Table): void {
  const codedColumn = mainColumn(coded);
  const classes = new Map<string, Row>();
  for (const [code, row] of codedRows(coded)) if (code.length === 3) classes.set(currentName(row.name), row);
  const label = INCOME_SOURCES.find((s) => s[1] === source)![2];
  const fiscalParts: (Amount | null)[] = [];
  for (const row of sideRows(fiscal, 'expenditure')) {
    const name = currentName(row.name || row.label);
    if (roleOf(row) !== 'item' || !/支出|预备费/.test(name) || /^(基本|项目)支出$/.test(name)) continue;
    const mine = cellAmount(row.cells[source], fiscal.unit);
    fiscalParts.push(mine);
    const other = classes.get(name);
    if (!other) continue;
    const cmp = compareAmounts(mine, [cellAmount(other.cells[codedColumn], coded.unit)], fiscal.unit);
    if (cmp?.status === 'mismatch' && cmp.difference.isNegative())
      ctx.report({
        ...at(fiscal, row, source),
        severity: 'warning',
        message: `“${row.name}”${label}：${tableLabel(fiscal)}${cmp.actual}${fiscal.unit}，少于${tableLabel(coded)}（不含上年结转）的${cmp.expected}${fiscal.unit}`,
        expected: cmp.expected,
        actual: cmp.actual,
      });
  }
  const codedParts = [...classes.values()].map((r) => negate(cellAmount(r.cells[codedColumn], coded.unit)));
  const part = sideRows(fiscal, 'income').find(
    (r) => /结转/.test(r.parent ?? '') && incomeSourceOf(r.name || r.label) === source,
  );
  const carryRow = part ?? sideRows(fiscal, 'income').find((r) => roleOf(r) === 'carryover');
  if (!carryRow) return;
  const column = amountColumn(fiscal, 'income');
  const cmp = compareAmounts(
    cellAmount(carryRow.cells[column], fiscal.unit),
    [...fiscalParts, ...codedParts],
    fiscal.unit,
  );
  // Without a per-budget line only the whole carryover is printed, which may include other budgets' money.
  const override = part || source !== 'general_public' ? {} : { severity: 'warning' as const };
  if (!part && source !== 'general_public') return;
  reportComparison(
    ctx,
    cmp,
    { ...at(fiscal, carryRow, column), ...(cmp?.status === 'mismatch' ? override : {}) },
    `上年财政拨款结转（${label}）= ${tableLabel(fiscal)}各类${label}支出 − ${tableLabel(coded)}各类（${tableLabel(fiscal)}与${tableLabel(coded)}）`,
  );
}

function negate(a: Amount | null): Amount | null {
  return a && new Amount(a.value.neg(), a.unit, a.scale);
}

export const generalBasic: Rule = {
  meta: {
    id: 'cross.general-basic',
    category: 'cross',
    severity: 'error',
    title: '一般公共预算基本支出 = 基本支出经济分类表合计',
    basis: '一般公共预算支出表基本支出合计与一般公共预算基本支出经济分类表合计一致',
  },
  check(ctx) {
    const facts = ctx.facts();
    // The 支出预算总表's 基本支出 covers every source of funds; it stands in for the 一般公共预算 one only when all
    // spending is 一般公共预算 (its total equals the general table's).
    const all = facts.get('expenditure.year_total');
    const general = facts.get('general.total');
    const same =
      all && general
        ? compareAmounts(factAmount(all), [factAmount(general)], all.table.unit)?.status === 'exact'
        : false;
    compareFacts(
      ctx,
      facts.get('economic.total'),
      facts.get('general.basic') ?? (same ? facts.get('expenditure.basic') : undefined),
      '基本支出合计',
    );
  },
};

export const operatingCosts: Rule = {
  meta: {
    id: 'cross.operating-costs',
    category: 'cross',
    severity: 'error',
    title: '机关运行经费 = 基本支出中的公用经费',
    basis: '机关运行经费指行政单位和参公事业单位用财政拨款安排的基本支出中的公用经费；事业单位可不同（提示）',
  },
  check(ctx) {
    const facts = ctx.facts();
    const op = facts.get('operating_costs.total');
    const pub = facts.get('economic.public');
    if (!op || !pub) return;
    const type = ctx.doc.metadata.unitType;
    // Only an administrative or civil-service-managed unit must match exactly; otherwise a human decides.
    const severity: Severity =
      type === 'administrative' || type === 'civil_service_managed' ? 'error' : 'warning';
    // One finding for the pair, which says why a difference may be right.
    const why =
      severity === 'warning'
        ? '（机关运行经费只含行政单位和参公事业单位的公用经费，部门含事业单位或单位类型不明时两者可以不同，请核实）'
        : '';
    compareFacts(ctx, op, pub, `机关运行经费与公用经费${why}`, severity);
  },
};

export const projectsTotal: Rule = {
  meta: {
    id: 'cross.projects-total',
    category: 'cross',
    severity: 'error',
    title: '项目支出表合计 = 支出总表项目支出',
    basis: '项目支出预算表（本年）各项目之和与支出总表项目支出合计一致',
  },
  check(ctx) {
    const facts = ctx.facts();
    const current = facts.get('projects.total');
    const carry = ctx.table('projects_carryover');
    const carryParts = carry && !carry.empty ? projectParts(carry) : [];
    // 支出总表 covers all spending of the year: its 项目支出 = 本年 + 上年结转 project tables.
    const expected: Fact | undefined =
      current && carryParts.some((p) => p && !p.isZero())
        ? {
            ...current,
            label: '项目支出合计（本年 + 上年结转）',
            amount: null,
            row: undefined,
            parts: [...(current.parts ?? [current.amount]), ...carryParts],
          }
        : current;
    compareFacts(ctx, facts.get('expenditure.project'), expected, '项目支出合计');
  },
};

export const carryover: Rule = {
  meta: {
    id: 'cross.carryover',
    category: 'cross',
    severity: 'error',
    title: '上年结转项目 = 收支总表上年结转',
    basis: '项目支出预算表（上年结转）合计与收支总表上年结转一致',
  },
  check(ctx) {
    const table = ctx.table('projects_carryover');
    const facts = ctx.facts();
    const carry = facts.get('income.carryover');
    if (!table || !carry) return;
    const total = totalRow(table);
    const parts = projectParts(table);
    const fact: Fact = {
      id: 'projects_carryover.total',
      label: '上年结转项目合计',
      amount: null,
      table,
      row: total,
      column: 'total',
      parts,
    };
    compareFacts(ctx, carry, fact, '上年结转');
  },
};

/** A project table's 合计, or its projects when it prints no 合计 row. */
function projectParts(table: Table): (Amount | null)[] {
  const column = totalColumn(table);
  const total = totalRow(table);
  return total
    ? [cellAmount(total.cells[column], table.unit)]
    : table.rows.filter((r) => roleOf(r) === 'item').map((r) => cellAmount(r.cells[column], table.unit));
}

/** Economic items and the function codes that carry the same money (practice varies: warning). */
const ECONOMIC_FUNCTION: { economic: RegExp; codes: string[]; label: string }[] = [
  {
    economic: /基本养老保险缴费|职业年金缴费/,
    codes: ['2080505', '2080506'],
    label: '养老保险缴费与2080505/2080506',
  },
  {
    economic: /职工基本医疗保险缴费|公务员医疗补助缴费/,
    codes: ['21011'],
    label: '医疗保险缴费与21011行政事业单位医疗',
  },
  { economic: /^住房公积金$/, codes: ['2210201'], label: '住房公积金与2210201' },
];

export const economicFunction: Rule = {
  meta: {
    id: 'cross.economic-function',
    category: 'cross',
    severity: 'warning',
    title: '经济分类与功能分类对应科目一致',
    basis:
      '养老保险缴费 ↔ 2080505(+2080506)，医疗保险缴费 ↔ 21011，住房公积金 ↔ 2210201（各地口径不一，提示）',
  },
  check(ctx) {
    const economic = ctx.table('general_basic_economic') ?? ctx.table('fiscal_basic');
    const general = ctx.table('general_expenditure') ?? ctx.table('expenditure');
    if (!economic || !general || economic.empty || general.empty) return;
    const coded = codedRows(general);
    const column = general.columns.some((c) => c.id === 'basic') ? 'basic' : 'total';
    for (const m of ECONOMIC_FUNCTION) {
      const items = economic.rows.filter((r) => roleOf(r) === 'item' && m.economic.test(normName(r.name)));
      const rows = m.codes.map((c) => coded.get(c)).filter((r): r is Row => !!r);
      if (!items.length || !rows.length) continue;
      const econParts = items.map((r) => cellAmount(r.cells.total, economic.unit));
      const functionParts = rows.map((r) => cellAmount(r.cells[column], general.unit));
      const econ = compareAmounts(null, econParts, economic.unit);
      const func = compareAmounts(null, functionParts, economic.unit);
      if (!econ || !func) continue;
      const difference = new Amount(econ.difference.neg(), economic.unit, 2).value.minus(
        func.difference.neg(),
      );
      if (difference.isZero()) continue;
      // Both sides are sums of printed numbers: rounding may reach half a unit of each one.
      const status = difference.abs().lt(econ.tolerance.plus(func.tolerance)) ? 'rounding' : 'mismatch';
      const diff = { actual: econ.expected, expected: func.expected, difference };
      ctx.report({
        ...at(economic, items[0], 'total'),
        severity: status === 'rounding' ? 'info' : 'warning',
        message: `${m.label}：经济分类合计${diff.actual}${economic.unit}，功能分类${m.codes.join('+')}为${diff.expected}${general.unit}，相差${diff.difference.abs().toFixed()}${economic.unit}${status === 'rounding' ? '，在四舍五入允许范围内' : '，请核对口径'}`,
        expected: diff.expected,
        actual: diff.actual,
      });
    }
  },
};

/** Sources whose own table may be published empty ("本表无数据"). */
const EMPTY_TABLE_SOURCES: { kinds: string[]; source: string; label: string }[] = [
  { kinds: ['gov_fund_revenue', 'gov_fund_expenditure'], source: 'gov_fund', label: '政府性基金预算' },
  { kinds: ['state_capital'], source: 'state_capital', label: '国有资本经营预算' },
];

export const emptyTable: Rule = {
  meta: {
    id: 'cross.empty-table',
    category: 'cross',
    severity: 'error',
    title: '空表与汇总表中该资金来源为零一致',
    basis: '公开为空表（“本表无数据”）的资金来源，在收支总表、收入总表中也应为零；反之亦然',
  },
  check(ctx) {
    const facts = ctx.facts();
    for (const m of EMPTY_TABLE_SOURCES) {
      const fact = facts.get(`income.${m.source}`) ?? facts.get(`fiscal.${m.source}`);
      if (!fact) continue;
      const nonzero = fact.amount && !fact.amount.isZero();
      for (const kind of m.kinds) {
        for (const table of ctx.tables(kind)) {
          const hasValues = table.rows.some((r) =>
            Object.values(r.cells).some((c) => c.value != null && Number(c.value) !== 0),
          );
          if (table.empty && nonzero)
            ctx.report({
              ...at(fact.table, fact.row, fact.column),
              message: `${tableLabel(table)}公开为空表，但${tableLabel(fact.table)}列有${m.label}收入${fact.amount!.toString()}${fact.table.unit}`,
              actual: fact.amount!.toString(),
              expected: '0',
            });
          else if (!table.empty && hasValues && !nonzero)
            ctx.report({
              ...at(table),
              message: `${tableLabel(table)}列有数据，但${tableLabel(fact.table)}中${m.label}收入为零`,
            });
        }
      }
    }
    const carry = facts.get('income.carryover');
    for (const table of ctx.tables('projects_carryover')) {
      if (table.empty && carry?.amount && !carry.amount.isZero())
        ctx.report({
          ...at(carry.table, carry.row, carry.column),
          message: `${tableLabel(table)}公开为空表，但${tableLabel(carry.table)}列有上年结转${carry.amount.toString()}${carry.table.unit}`,
          actual: carry.amount.toString(),
          expected: '0',
        });
    }
  },
};

/** 人员经费 / 公用经费 printed as memo rows of the 收支总表 (or 财政拨款收支总表) beside the classes. */
const SPLIT_ROWS: [RegExp, string, string][] = [
  [/^(人员经费|人员支出)$/, 'economic.personnel', '人员经费'],
  [/^(公用经费|公用支出|日常公用经费)$/, 'economic.public', '公用经费'],
];

export const personnelSplit: Rule = {
  meta: {
    id: 'cross.personnel-split',
    category: 'cross',
    severity: 'error',
    title: '收支总表的人员经费、公用经费与经济分类表一致',
    basis:
      '收支总表列示的人员经费、公用经费与基本支出经济分类表的人员经费、公用经费为同一划分；只有一般公共预算资金时两者相等，否则总表不少于经济分类表',
  },
  check(ctx) {
    const facts = ctx.facts();
    const only = onlyGeneralBudget(ctx);
    for (const kind of ['summary', 'fiscal_summary']) {
      const table = ctx.table(kind);
      if (!table || table.empty) continue;
      const column = totalColumn(table);
      for (const row of sideRows(table, 'expenditure')) {
        const name = normName(row.name || row.label);
        const split = SPLIT_ROWS.find(([re]) => re.test(name));
        const other = split && facts.get(split[1]);
        if (!split || !other) continue;
        const mine = cellFact(table, row, column, split[2]);
        if (!mine?.amount || !other.amount) continue;
        if (only) {
          compareFacts(ctx, mine, other, `${split[2]}（两表口径相同：只有一般公共预算资金）`);
          continue;
        }
        // Other money adds to the 总表's split only: it may be larger, never smaller.
        const cmp = compareAmounts(mine.amount, [other.amount], table.unit);
        if (cmp?.status === 'mismatch' && cmp.difference.isNegative())
          ctx.report({
            ...at(table, row, column),
            severity: 'warning',
            also: { table: other.table.kind },
            message: `${tableLabel(table)}的${split[2]}${cmp.actual}${table.unit}，少于${tableLabel(other.table)}（一般公共预算）的${cmp.expected}${table.unit}`,
            expected: cmp.expected,
            actual: cmp.actual,
          });
      }
    }
  },
};

export const CROSS_RULES: Rule[] = [
  summaryRevenue,
  summaryExpenditure,
  functionRows,
  fiscalSummary,
  generalBasic,
  operatingCosts,
  projectsTotal,
  carryover,
  economicFunction,
  emptyTable,
  personnelSplit,
];
