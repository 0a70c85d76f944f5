// Leaf input → every table of the family. Totals are exact sums of the leaves (rounded only when printed), so the
// document is consistent by construction; the explanation is then written from these tables (narrative/write.ts).
import { Decimal } from '../model/money.js';
import type { Row, Table } from '../model/schema.js';
import { FUNCTION_CLASSES, FUNCTION_SUBCLASSES } from './catalog.js';
import {
  FISCAL_KEYS,
  PERSONNEL_GROUPS,
  ECONOMIC_GROUPS,
  SOURCE_KEYS,
  type FunctionLeaf,
  type GenerateInput,
  type SourceKey,
} from './input-schema.js';
import { cell, cells, chineseNumber, column, dec, row, table, total, ZERO } from './tables.js';

/** Printed names of the income sources, as the 收支总表 lists them. */
export const SOURCE_NAMES: Record<SourceKey, string> = {
  general_public: '一般公共预算',
  gov_fund: '政府性基金预算',
  state_capital: '国有资本经营预算',
  special_account: '财政专户管理资金',
  unit_funds: '单位资金',
};

/** The figures of one function row (any level) for every table that lists function rows. */
interface FunctionFigures {
  basic: Record<SourceKey, Decimal>;
  project: Record<SourceKey, Decimal>;
  carryover: Record<'general_public' | 'gov_fund' | 'state_capital', Decimal>;
}

function emptyFigures(): FunctionFigures {
  const z = () => Object.fromEntries(SOURCE_KEYS.map((k) => [k, ZERO])) as Record<SourceKey, Decimal>;
  return {
    basic: z(),
    project: z(),
    carryover: { general_public: ZERO, gov_fund: ZERO, state_capital: ZERO },
  };
}

/** Adds a leaf's amounts; most sources of a leaf are zero, and skipping them keeps large documents fast. */
function addFigures(into: FunctionFigures, leaf: FunctionLeaf): void {
  for (const k of SOURCE_KEYS) {
    if (leaf.basic[k] !== '0') into.basic[k] = into.basic[k].plus(dec(leaf.basic[k]));
    if (leaf.project[k] !== '0') into.project[k] = into.project[k].plus(dec(leaf.project[k]));
  }
  for (const k of FISCAL_KEYS)
    if (leaf.carryover[k] !== '0') into.carryover[k] = into.carryover[k].plus(dec(leaf.carryover[k]));
}

const sumOf = (r: Record<string, Decimal>) => total(Object.values(r));
const currentOf = (f: FunctionFigures) => sumOf(f.basic).plus(sumOf(f.project));
const carryoverOf = (f: FunctionFigures) => sumOf(f.carryover);

export interface FunctionNode {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  figures: FunctionFigures;
}

/** 类, 款 and 项 rows in code order, with every figure summed from the 项 leaves. */
export function functionTree(input: GenerateInput): { nodes: FunctionNode[]; missingNames: string[] } {
  const names = new Map<string, string>([...FUNCTION_CLASSES.map(([c, n]) => [c, n] as [string, string])]);
  for (const [c, n] of Object.entries(FUNCTION_SUBCLASSES)) names.set(c, n);
  for (const [c, n] of Object.entries(input.functionNames)) names.set(c, n);
  const byCode = new Map<string, FunctionNode>();
  const missing = new Set<string>();
  const node = (code: string, name: string | undefined, level: 1 | 2 | 3): FunctionNode => {
    let n = byCode.get(code);
    if (!n) {
      if (!name) missing.add(code);
      n = { code, name: name ?? code, level, figures: emptyFigures() };
      byCode.set(code, n);
    }
    return n;
  };
  for (const leaf of input.functions) {
    addFigures(node(leaf.code.slice(0, 3), names.get(leaf.code.slice(0, 3)), 1).figures, leaf);
    addFigures(node(leaf.code.slice(0, 5), names.get(leaf.code.slice(0, 5)), 2).figures, leaf);
    addFigures(node(leaf.code, leaf.name, 3).figures, leaf);
  }
  const nodes = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { nodes, missingNames: [...missing] };
}

function functionRow(n: FunctionNode, values: Record<string, Decimal>): Row {
  return row({
    code: n.code,
    name: n.name,
    label: n.name,
    level: n.level,
    ...(n.level > 1 ? { parent: n.code.slice(0, n.level === 2 ? 3 : 5) } : {}),
    values,
  });
}

const nonZero = (values: Record<string, Decimal>) => Object.values(values).some((v) => !v.isZero());

/** The derived tables of the Shanxi family (13 tables, 万元), in the order the family prints them. */
export function deriveTables(input: GenerateInput, nodes: FunctionNode[]): Table[] {
  const y = input.unit.year;
  const unitName = input.unit.name;
  const opts = (n: number) => ({ number: `预算公开表${n}`, unitName });
  const all = emptyFigures();
  for (const leaf of input.functions) addFigures(all, leaf);
  const classes = nodes.filter((n) => n.level === 1);
  const tables: Table[] = [];

  // 1 预算收支总表
  {
    const rows: Row[] = [];
    const income = SOURCE_KEYS.map((k) => all.basic[k].plus(all.project[k]));
    const incomeYear = total(income);
    const carry = carryoverOf(all);
    const classFig = new Map(classes.map((n) => [n.code, n.figures]));
    const n = Math.max(SOURCE_KEYS.length, FUNCTION_CLASSES.length);
    for (let i = 0; i < n; i++) {
      if (i < SOURCE_KEYS.length)
        rows.push(
          row({
            name: SOURCE_NAMES[SOURCE_KEYS[i]],
            label: `${chineseNumber(i + 1)}、${SOURCE_NAMES[SOURCE_KEYS[i]]}`,
            side: 'income',
            values: { amount: income[i] },
          }),
        );
      if (i < FUNCTION_CLASSES.length) {
        const [code, name] = FUNCTION_CLASSES[i];
        const f = classFig.get(code);
        const cur = f ? currentOf(f) : ZERO;
        const co = f ? carryoverOf(f) : ZERO;
        rows.push(
          row({
            name,
            label: `${chineseNumber(i + 1)}、${name}`,
            side: 'expenditure',
            values: { total: cur.plus(co), current: cur, carryover: co },
          }),
        );
      }
    }
    const expYear = { total: incomeYear.plus(carry), current: incomeYear, carryover: carry };
    rows.push(
      row({ name: '本年收入合计', role: 'year_total', side: 'income', values: { amount: incomeYear } }),
    );
    rows.push(row({ name: '本年支出合计', role: 'year_total', side: 'expenditure', values: expYear }));
    rows.push(row({ name: '上年结转', role: 'carryover', side: 'income', values: { amount: carry } }));
    rows.push(
      row({
        name: '年终结转',
        role: 'year_end_carryover',
        side: 'expenditure',
        values: { total: ZERO, current: ZERO, carryover: ZERO },
      }),
    );
    rows.push(
      row({
        name: '收入总计',
        role: 'grand_total',
        side: 'income',
        values: { amount: incomeYear.plus(carry) },
      }),
    );
    rows.push(row({ name: '支出总计', role: 'grand_total', side: 'expenditure', values: expYear }));
    tables.push(
      table(
        'summary',
        `${y}年预算收支总表`,
        [
          column('amount', `收入/${y}年`, 'income'),
          column('total', `支出/${y}年合计`, 'expenditure'),
          column('current', '支出/当年预算安排', 'expenditure'),
          column('carryover', '支出/上年结转安排', 'expenditure'),
        ],
        rows,
        opts(1),
      ),
    );
  }

  // 2 预算收入总表
  {
    const values = (f: FunctionFigures) => {
      const v: Record<string, Decimal> = { total: currentOf(f) };
      for (const k of SOURCE_KEYS) v[k] = f.basic[k].plus(f.project[k]);
      v.carryover = carryoverOf(f);
      return v;
    };
    const rows = [row({ name: '合计', role: 'total', values: values(all) })];
    for (const n of nodes) if (nonZero(values(n.figures))) rows.push(functionRow(n, values(n.figures)));
    tables.push(
      table(
        'revenue',
        `${y}年预算收入总表`,
        [
          column('total', '本年收入/合计'),
          ...SOURCE_KEYS.map((k) => column(k, `本年收入/${SOURCE_NAMES[k]}`)),
          column('carryover', '上年结转'),
        ],
        rows,
        opts(2),
      ),
    );
  }

  // 3 预算支出总表 and 5 一般公共预算支出预算表 share one shape.
  const useTable = (
    kind: 'expenditure' | 'general_expenditure' | 'gov_fund_expenditure',
    title: string,
    pick: (f: FunctionFigures) => { basic: Decimal; project: Decimal },
    number: number,
    header: string,
  ): Table => {
    const values = (f: FunctionFigures) => {
      const { basic, project } = pick(f);
      return { total: basic.plus(project), basic, project };
    };
    const rows = [row({ name: '合计', role: 'total', values: values(all) })];
    for (const n of nodes) if (nonZero(values(n.figures))) rows.push(functionRow(n, values(n.figures)));
    return table(
      kind,
      title,
      [
        column('total', `${header}合计`),
        column('basic', `${header}基本支出`),
        column('project', `${header}项目支出`),
      ],
      rows,
      opts(number),
    );
  };
  tables.push(
    useTable(
      'expenditure',
      `${y}年预算支出总表`,
      // All spending of the year: 上年结转安排 is project money, so 项目支出 = 本年 + 上年结转 project tables and
      // each class equals the summary's 合计 column (the general-budget and fund tables stay 不含上年结转).
      (f) => ({ basic: sumOf(f.basic), project: sumOf(f.project).plus(carryoverOf(f)) }),
      3,
      `${y}年预算数/`,
    ),
  );

  // 4 财政拨款收支总表
  {
    const rows: Row[] = [];
    const fiscalIncome = FISCAL_KEYS.map((k) => all.basic[k].plus(all.project[k]));
    const classFig = new Map(classes.map((n) => [n.code, n.figures]));
    const expValues = (f: FunctionFigures | undefined) => {
      const v: Record<string, Decimal> = {};
      for (const k of FISCAL_KEYS) v[k] = f ? f.basic[k].plus(f.project[k]).plus(f.carryover[k]) : ZERO;
      return { total: total(Object.values(v)), ...v };
    };
    for (let i = 0; i < FUNCTION_CLASSES.length; i++) {
      if (i < FISCAL_KEYS.length)
        rows.push(
          row({
            name: SOURCE_NAMES[FISCAL_KEYS[i]],
            label: `${chineseNumber(i + 1)}、${SOURCE_NAMES[FISCAL_KEYS[i]]}`,
            side: 'income',
            values: { amount: fiscalIncome[i] },
          }),
        );
      const [code, name] = FUNCTION_CLASSES[i];
      rows.push(
        row({
          name,
          label: `${chineseNumber(i + 1)}、${name}`,
          side: 'expenditure',
          values: expValues(classFig.get(code)),
        }),
      );
    }
    const yearIncome = total(fiscalIncome);
    const carry = FISCAL_KEYS.map((k) => all.carryover[k]);
    const allExp = expValues(all);
    const yearExp: Record<string, Decimal> = {};
    for (const k of FISCAL_KEYS) yearExp[k] = all.basic[k].plus(all.project[k]).plus(all.carryover[k]);
    yearExp.total = total(Object.values(yearExp));
    rows.push(
      row({ name: '本年收入合计', role: 'year_total', side: 'income', values: { amount: yearIncome } }),
    );
    rows.push(row({ name: '本年支出合计', role: 'year_total', side: 'expenditure', values: allExp }));
    rows.push(
      row({ name: '上年财政拨款结转', role: 'carryover', side: 'income', values: { amount: total(carry) } }),
    );
    rows.push(
      row({
        name: '年终结转',
        role: 'year_end_carryover',
        side: 'expenditure',
        values: { total: ZERO, general_public: ZERO, gov_fund: ZERO, state_capital: ZERO },
      }),
    );
    FISCAL_KEYS.forEach((k, i) =>
      rows.push(
        row({
          name: SOURCE_NAMES[k],
          label: `${chineseNumber(i + 1)}、${SOURCE_NAMES[k]}`,
          level: 2,
          parent: '上年财政拨款结转',
          side: 'income',
          values: { amount: carry[i] },
        }),
      ),
    );
    rows.push(
      row({
        name: '收入总计',
        role: 'grand_total',
        side: 'income',
        values: { amount: yearIncome.plus(total(carry)) },
      }),
    );
    rows.push(row({ name: '支出总计', role: 'grand_total', side: 'expenditure', values: allExp }));
    tables.push(
      table(
        'fiscal_summary',
        `${y}年财政拨款收支总表`,
        [
          column('amount', '收入/金额', 'income'),
          column('total', '支出/金额/小计', 'expenditure'),
          ...FISCAL_KEYS.map((k) => column(k, `支出/金额/${SOURCE_NAMES[k]}`, 'expenditure')),
        ],
        rows,
        opts(4),
      ),
    );
  }

  tables.push(
    useTable(
      'general_expenditure',
      `${y}年一般公共预算支出预算表（不含上年结转）`,
      (f) => ({ basic: f.basic.general_public, project: f.project.general_public }),
      5,
      `${y}年预算数/`,
    ),
  );

  // 6 一般公共预算安排基本支出分经济科目表
  {
    const rows: Row[] = [];
    const groupTotals = new Map<string, Decimal>();
    for (const e of input.economic)
      groupTotals.set(e.group, (groupTotals.get(e.group) ?? ZERO).plus(dec(e.amount)));
    const split = (group: string, v: Decimal) =>
      PERSONNEL_GROUPS.includes(group)
        ? { total: v, personnel: v, public: ZERO }
        : { total: v, personnel: ZERO, public: v };
    let personnel = ZERO;
    let pub = ZERO;
    for (const [g, v] of groupTotals) {
      if (PERSONNEL_GROUPS.includes(g)) personnel = personnel.plus(v);
      else pub = pub.plus(v);
    }
    rows.push(
      row({ name: '合计', role: 'total', values: { total: personnel.plus(pub), personnel, public: pub } }),
    );
    for (const g of ECONOMIC_GROUPS) {
      const items = input.economic.filter((e) => e.group === g);
      if (items.length === 0) continue;
      rows.push(row({ name: g, role: 'subtotal', level: 1, values: split(g, groupTotals.get(g) ?? ZERO) }));
      for (const e of items)
        rows.push(
          row({
            name: e.department,
            governmentName: e.government,
            level: 2,
            parent: g,
            values: split(g, dec(e.amount)),
          }),
        );
    }
    tables.push(
      table(
        'general_basic_economic',
        `${y}年一般公共预算安排基本支出分经济科目表（不含上年结转）`,
        [
          column('total', `${y}年预算数/合计`),
          column('personnel', `${y}年预算数/人员经费`),
          column('public', `${y}年预算数/公用经费`),
        ],
        rows,
        opts(6),
      ),
    );
  }

  // 7 政府性基金预算收入表
  {
    const items = input.govFundRevenue;
    const rows = [
      row({ name: '合计', role: 'total', values: { amount: total(items.map((i) => dec(i.amount))) } }),
    ];
    for (const i of items) rows.push(row({ code: i.code, name: i.name, values: { amount: dec(i.amount) } }));
    tables.push(
      table(
        'gov_fund_revenue',
        `${y}年政府性基金预算收入表（不含上年结转）`,
        [column('amount', '政府性基金收入预算')],
        rows,
        opts(7),
      ),
    );
  }

  // 8 政府性基金预算支出表
  tables.push(
    useTable(
      'gov_fund_expenditure',
      `${y}年政府性基金预算支出表（不含上年结转）`,
      (f) => ({ basic: f.basic.gov_fund, project: f.project.gov_fund }),
      8,
      '',
    ),
  );

  // 9 国有资本经营预算收支预算表: income and expenditure side by side.
  {
    const pick = (f: FunctionFigures) => ({
      total: f.basic.state_capital.plus(f.project.state_capital),
      basic: f.basic.state_capital,
      project: f.project.state_capital,
    });
    const allV = pick(all);
    const rows = [
      row({ name: '合计', role: 'total', side: 'income', values: { amount: allV.total } }),
      row({ name: '合计', role: 'total', side: 'expenditure', values: allV }),
    ];
    for (const n of nodes) {
      const v = pick(n.figures);
      if (!nonZero(v)) continue;
      const r = functionRow(n, v);
      r.side = 'expenditure';
      rows.push(r);
    }
    tables.push(
      table(
        'state_capital',
        `${y}年国有资本经营预算收支预算表（不含上年结转）`,
        [
          column('amount', '国有资本经营预算收入/国有资本经营收入预算', 'income'),
          column('total', '国有资本经营预算支出/合计', 'expenditure'),
          column('basic', '国有资本经营预算支出/基本支出', 'expenditure'),
          column('project', '国有资本经营预算支出/项目支出', 'expenditure'),
        ],
        rows,
        opts(9),
      ),
    );
  }

  // 10 "三公"经费
  {
    const tp = input.threePublic;
    const fiscal = (parts: Record<string, string>[]) => {
      const v: Record<string, Decimal> = {};
      for (const k of FISCAL_KEYS) v[k] = total(parts.map((p) => dec(p[k])));
      return { total: total(Object.values(v)), ...v };
    };
    const rows = [
      row({ name: '因公出国（境）费', values: fiscal([tp.abroad]) }),
      row({ name: '公务接待费', values: fiscal([tp.reception]) }),
      row({
        name: '公务用车购置及运行费',
        values: fiscal([tp.vehiclePurchase, tp.vehicleOperation]),
      }),
      row({
        name: '公务用车购置费',
        label: '①公务用车购置费',
        parent: '公务用车购置及运行费',
        values: fiscal([tp.vehiclePurchase]),
      }),
      row({
        name: '公务用车运行维护费',
        label: '②公务用车运行维护费',
        parent: '公务用车购置及运行费',
        values: fiscal([tp.vehicleOperation]),
      }),
      row({
        name: '合计',
        role: 'total',
        values: fiscal([tp.abroad, tp.reception, tp.vehiclePurchase, tp.vehicleOperation]),
      }),
    ];
    tables.push(
      table(
        'three_public',
        `${y}年一般公共预算“三公”经费支出预算表`,
        [
          column('total', `${y}年预算数/合计`),
          ...FISCAL_KEYS.map((k) => column(k, `${y}年预算数/${SOURCE_NAMES[k]}`)),
        ],
        rows,
        opts(10),
      ),
    );
  }

  // 11 机关运行经费
  {
    const values = (o: Record<string, string>) => {
      const v: Record<string, Decimal> = {};
      for (const k of FISCAL_KEYS) v[k] = dec(o[k]);
      return { total: total(Object.values(v)), ...v };
    };
    const sumV: Record<string, Decimal> = {};
    for (const k of FISCAL_KEYS) sumV[k] = total(input.operatingCosts.map((o) => dec(o[k])));
    const rows = [
      row({ name: '部门合计', role: 'total', values: { total: total(Object.values(sumV)), ...sumV } }),
      ...input.operatingCosts.map((o) => row({ name: o.unit, values: values(o) })),
    ];
    tables.push(
      table(
        'operating_costs',
        `${y}年机关运行经费预算财政拨款情况统计表`,
        [
          column('total', `${y}预算数/合计`),
          ...FISCAL_KEYS.map((k) => column(k, `${y}预算数/${SOURCE_NAMES[k]}`)),
        ],
        rows,
        opts(11),
      ),
    );
  }

  // 12, 13 项目支出预算表（本年预算 / 上年结转）
  for (const carryover of [false, true]) {
    const keys = carryover ? FISCAL_KEYS : SOURCE_KEYS;
    const rows = input.projects
      .filter((p) => p.carryover === carryover)
      .map((p) => {
        const v: Record<string, Decimal> = {};
        for (const k of keys) v[k] = dec(p.amounts[k]);
        return row({ name: p.name, values: { total: total(Object.values(v)), ...v } });
      });
    const fiscalLabel = (k: string) => `${y}年财政拨款/${SOURCE_NAMES[k as SourceKey]}`;
    tables.push(
      table(
        carryover ? 'projects_carryover' : 'projects',
        `${y}年项目支出预算表（${carryover ? '上年结转' : '本年预算'}）`,
        [
          column('total', '合计'),
          ...keys.map((k) =>
            column(k, (FISCAL_KEYS as readonly string[]).includes(k) ? fiscalLabel(k) : SOURCE_NAMES[k]),
          ),
        ],
        rows,
        opts(carryover ? 13 : 12),
      ),
    );
  }
  return tables;
}

/** Titles of the Shanghai 9-table set (corpus INDEX.md, 结构差异 1); `{y}` is the year. */
const SHANGHAI_TITLES: Partial<Record<string, string>> = {
  summary: '{y}年预算单位财务收支预算总表',
  revenue: '{y}年预算单位收入预算总表',
  expenditure: '{y}年预算单位支出预算总表',
  fiscal_summary: '{y}年预算单位财政拨款收支预算总表',
  general_expenditure: '{y}年预算单位一般公共预算支出功能分类预算表',
  gov_fund_expenditure: '{y}年预算单位政府性基金预算支出功能分类预算表',
  state_capital: '{y}年预算单位国有资本经营预算支出功能分类预算表',
  general_basic_economic: '{y}年预算单位一般公共预算基本支出部门预算经济分类预算表',
  three_public: '{y}年单位“三公”经费和机关运行经费预算表',
};

/**
 * The Shanghai set from the same computations: its 财务收支预算总表 splits expenditure by 基本/项目 instead of
 * 当年/结转, its 收入预算总表 has a 财政拨款 column, its 国有资本经营 table lists function rows like the other
 * budgets, and there is no 政府性基金收入 table. Layout (numbering, 元, 类/款/项 columns) is the renderer's.
 */
export function shanghaiTables(input: GenerateInput, nodes: FunctionNode[], shanxi: Table[]): Table[] {
  const y = String(input.unit.year);
  const all = emptyFigures();
  for (const leaf of input.functions) addFigures(all, leaf);
  const classFig = new Map(nodes.filter((n) => n.level === 1).map((n) => [n.code, n.figures]));
  const byName = new Map(FUNCTION_CLASSES.map(([code, name]) => [name, code]));
  const useValues = (f: FunctionFigures | undefined) => {
    const basic = f ? sumOf(f.basic) : ZERO;
    const project = f ? sumOf(f.project).plus(carryoverOf(f)) : ZERO;
    return { total: basic.plus(project), basic, project };
  };
  const out: Table[] = [];
  let n = 0;
  for (const t of shanxi) {
    if (t.kind === 'gov_fund_revenue') continue;
    let next: Table = t;
    if (t.kind === 'summary') {
      const rows = t.rows.map((r) => {
        if (r.side !== 'expenditure') return r;
        const f =
          r.role === 'item'
            ? classFig.get(byName.get(r.name) ?? '')
            : r.role === 'year_end_carryover'
              ? undefined
              : all;
        return { ...r, cells: cells(useValues(f)) };
      });
      next = {
        ...t,
        columns: [
          column('amount', '本年收入/预算数', 'income'),
          column('total', '本年支出/预算数/合计', 'expenditure'),
          column('basic', '本年支出/预算数/基本支出', 'expenditure'),
          column('project', '本年支出/预算数/项目支出', 'expenditure'),
        ],
        rows,
      };
    } else if (t.kind === 'revenue') {
      const rows = t.rows.map((r) => {
        const fiscal = FISCAL_KEYS.reduce((a, k) => a.plus(dec(r.cells[k]?.value)), ZERO);
        return { ...r, cells: { total: r.cells.total, fiscal: cell(fiscal), ...omit(r.cells, 'total') } };
      });
      const [first, ...rest] = t.columns;
      next = { ...t, columns: [first, column('fiscal', '本年收入/财政拨款收入'), ...rest], rows };
    } else if (t.kind === 'state_capital') {
      const pick = (f: FunctionFigures) => {
        const basic = f.basic.state_capital;
        const project = f.project.state_capital;
        return { total: basic.plus(project), basic, project };
      };
      const rows = [row({ name: '合计', role: 'total', values: pick(all) })];
      for (const node of nodes)
        if (nonZero(pick(node.figures))) rows.push(functionRow(node, pick(node.figures)));
      next = table(
        'state_capital',
        t.title,
        [
          column('total', '国有资本经营预算支出/合计'),
          column('basic', '国有资本经营预算支出/基本支出'),
          column('project', '国有资本经营预算支出/项目支出'),
        ],
        rows,
        { unitName: input.unit.name },
      );
    }
    out.push({ ...next, title: SHANGHAI_TITLES[t.kind]?.replace('{y}', y) ?? next.title });
  }
  // The Shanghai order: the three budgets' function tables together, then the economic and 三公 tables.
  const order = Object.keys(SHANGHAI_TITLES);
  const rank = (t: Table) => (order.includes(t.kind) ? order.indexOf(t.kind) : order.length);
  return out
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => ({ ...t, number: `${++n}.` }));
}

function omit<T extends Record<string, unknown>>(o: T, key: string): T {
  const { [key]: _drop, ...rest } = o;
  return rest as T;
}
