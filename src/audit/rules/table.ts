// Arithmetic within one table: row sums, class hierarchies, totals, summary balance, economic groups, 三公 parts.
import type { MoneyUnit } from '../../model/money.js';
import {
  FISCAL_SOURCE_IDS,
  OTHER_USE_IDS,
  SOURCE_COLUMN_IDS,
  type Row,
  type Table,
} from '../../model/schema.js';
import { cellAmount, compareAmounts, type Comparison } from '../amounts.js';
import {
  at,
  codedRows,
  columnLabel,
  fitsHierarchy,
  findRow,
  normName,
  roleOf,
  rowNamed,
  sideColumns,
  sideRows,
  tableLabel,
  totalRow,
  type Side,
} from '../tables.js';
import type { FindingInput, Rule, RuleContext } from '../types.js';

/** Reports a comparison: mismatch at the rule's severity, rounding as info, exact silently. */
export function reportComparison(
  ctx: RuleContext,
  cmp: Comparison | null,
  where: Partial<FindingInput> & { table?: string | null },
  what: string,
): void {
  if (!cmp || cmp.status === 'exact') return;
  const unit = cmp.unit;
  if (cmp.status === 'rounding') {
    ctx.report({
      ...where,
      severity: 'info',
      message: `${what}：应为${cmp.expected}${unit}，印为${cmp.actual}${unit}，相差${cmp.difference.abs().toFixed()}${unit}，在四舍五入允许范围（<${cmp.tolerance.toFixed()}${unit}）内`,
      expected: cmp.expected,
      actual: cmp.actual,
    });
    return;
  }
  ctx.report({
    ...where,
    message: `${what}：应为${cmp.expected}${unit}，印为${cmp.actual}${unit}，相差${cmp.difference.toFixed()}${unit}`,
    expected: cmp.expected,
    actual: cmp.actual,
  });
}

const SOURCE_COLUMNS: readonly string[] = SOURCE_COLUMN_IDS;
const FISCAL_PARTS: readonly string[] = FISCAL_SOURCE_IDS;

/** Row formulas: a total column and alternative lists of component columns (the first listed is reported). */
interface Formula {
  total: string;
  alternatives: string[][];
  label: string;
}

const FORMULAS = new WeakMap<Table, Map<string, Formula[]>>();

/** The formulas of a table's side, computed once per table. */
function formulasFor(table: Table, side: Side | undefined): Formula[] {
  let byside = FORMULAS.get(table);
  if (!byside) FORMULAS.set(table, (byside = new Map()));
  const key = side ?? '';
  let f = byside.get(key);
  if (!f) byside.set(key, (f = computeFormulas(table, side)));
  return f;
}

function computeFormulas(table: Table, side: Side | undefined): Formula[] {
  const cols = new Set((side ? sideColumns(table, side) : table.columns).map((c) => c.id));
  const have = (ids: readonly string[]) => ids.filter((id) => cols.has(id));
  const out: Formula[] = [];
  if (!cols.has('total')) return out;
  const bp = have(['basic', 'project', ...OTHER_USE_IDS]);
  if (bp.length >= 2)
    out.push({
      total: 'total',
      alternatives: [bp],
      label: bp.length > 2 ? '合计 = 基本支出 + 项目支出 + 其他各栏' : '合计 = 基本支出 + 项目支出',
    });
  const pp = have(['personnel', 'public']);
  if (pp.length >= 2) {
    // 人员经费 and 公用经费 make up 基本支出; only without a 基本支出 column do they add to the total directly.
    if (cols.has('basic'))
      out.push({ total: 'basic', alternatives: [pp], label: '基本支出 = 人员经费 + 公用经费' });
    else if (cols.has('project'))
      out.push({
        total: 'total',
        alternatives: [[...pp, 'project']],
        label: '合计 = 人员经费 + 公用经费 + 项目支出',
      });
    else out.push({ total: 'total', alternatives: [pp], label: '合计 = 人员经费 + 公用经费' });
  }
  const cc = have(['current', 'carryover']);
  if (cc.length >= 2 && !cols.has('general_public'))
    out.push({ total: 'total', alternatives: [cc], label: '合计 = 当年预算安排 + 上年结转' });
  if (cols.has('fiscal')) {
    const rest = have(SOURCE_COLUMNS.filter((c) => !FISCAL_PARTS.includes(c)));
    out.push({
      total: 'total',
      alternatives: [
        ['fiscal', ...rest],
        ['fiscal', ...rest, ...have(['carryover'])],
      ],
      label: '合计 = 各资金来源之和',
    });
    const fp = have(FISCAL_PARTS);
    if (fp.length) out.push({ total: 'fiscal', alternatives: [fp], label: '财政拨款 = 三本预算之和' });
  } else {
    const sources = have(SOURCE_COLUMNS);
    if (sources.length >= 1 && (sources.length >= 2 || cols.has('carryover'))) {
      const alternatives = [sources];
      if (cols.has('carryover')) alternatives.push([...sources, 'carryover']);
      out.push({ total: 'total', alternatives, label: '合计 = 各资金来源之和' });
    }
  }
  // A breakdown whose columns are blank in every row of the table is not printed (the table shows its totals
  // only, or the columns were placed elsewhere): it proves nothing, and comparing against it would call every
  // total wrong.
  const printed = (id: string) =>
    table.rows.some((r) => (!side || r.side === side || !r.side) && r.cells[id]?.value != null);
  return out
    .map((f) => ({ ...f, alternatives: f.alternatives.filter((alt) => alt.some(printed)) }))
    .filter((f) => f.alternatives.length > 0);
}

function rowsOf(table: Table): { row: Row; side: Side | undefined }[] {
  if (!table.rows.some((r) => r.side)) return table.rows.map((row) => ({ row, side: undefined }));
  return table.rows.map((row) => ({ row, side: row.side }));
}

export const rowSum: Rule = {
  meta: {
    id: 'table.row-sum',
    category: 'table',
    severity: 'error',
    title: '行内合计等于各组成栏之和',
    basis: '算术：合计 = 基本支出 + 项目支出；= 各资金来源之和；= 人员经费 + 公用经费；小计 = 三本预算之和',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (table.empty) continue;
      for (const { row, side } of rowsOf(table)) {
        if (roleOf(row) === 'memo') continue;
        for (const f of formulasFor(table, side)) {
          const total = cellAmount(row.cells[f.total], table.unit);
          const results = f.alternatives.map((alt) =>
            compareAmounts(
              total,
              alt.map((c) => cellAmount(row.cells[c], table.unit)),
              table.unit,
            ),
          );
          if (results.some((r) => r === null || r.status === 'exact')) continue;
          const best = results.find((r) => r?.status === 'rounding') ?? results[0];
          reportComparison(
            ctx,
            best,
            at(table, row, f.total),
            `${tableLabel(table)}“${row.name || row.label}”行${f.label}`,
          );
        }
      }
    }
  },
};

/** Numeric columns of a table (or of one side). */
function numericColumns(table: Table, side?: Side): string[] {
  return (side ? sideColumns(table, side) : table.columns)
    .map((c) => c.id)
    .filter((id) => id !== 'amount' || side);
}

function checkColumnSum(
  ctx: RuleContext,
  table: Table,
  total: Row,
  parts: Row[],
  columns: string[],
  what: string,
  breakdownOnly = false,
): void {
  for (const col of columns) {
    // A breakdown printed without amounts in this column (a class shown alone) proves nothing.
    if (breakdownOnly && parts.every((p) => p.cells[col]?.value == null)) continue;
    const cmp = compareAmounts(
      cellAmount(total.cells[col], table.unit),
      parts.map((p) => cellAmount(p.cells[col], table.unit)),
      table.unit,
    );
    reportComparison(
      ctx,
      cmp,
      at(table, total, col),
      `${tableLabel(table)}${what}（${columnLabel(table, col)}栏）`,
    );
  }
}

export const hierarchy: Rule = {
  meta: {
    id: 'table.hierarchy',
    category: 'table',
    severity: 'error',
    title: '类 = Σ款，款 = Σ项，合计 = Σ类',
    basis: '支出功能分类科目的层级：类（3位）、款（5位）、项（7位）',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (table.empty) continue;
      const coded = codedRows(table);
      if (coded.size === 0) continue;
      const columns = table.columns.map((c) => c.id).filter((id) => table.rows.some((r) => r.cells[id]));
      for (const [code, row] of coded) {
        if (code.length !== 3 && code.length !== 5) continue;
        // A child printed with an incomplete code ("301 2" for 30102) is still a child (codes.format reports it).
        const children = [...coded.entries()]
          .filter(
            ([c]) =>
              c.startsWith(code) &&
              (c.length === code.length + 2 || (c.length === code.length + 1 && !fitsHierarchy(c, coded))),
          )
          .map(([, r]) => r);
        if (!children.length) continue;
        checkColumnSum(
          ctx,
          table,
          row,
          children,
          columns,
          `“${code} ${row.name}”= 其下各${code.length === 3 ? '款' : '项'}之和`,
          true,
        );
      }
      const total = totalRow(table);
      const classes = [...coded.entries()].filter(([c]) => c.length === 3).map(([, r]) => r);
      if (total && classes.length) checkColumnSum(ctx, table, total, classes, columns, '合计 = 各类之和');
    }
  },
};

const LISTED_KINDS = new Set(['projects', 'projects_carryover', 'operating_costs', 'procurement']);

export const listTotal: Rule = {
  meta: {
    id: 'table.list-total',
    category: 'table',
    severity: 'error',
    title: '清单表的合计等于各行之和',
    basis: '算术：项目支出表、机关运行经费表等逐行列示的表，合计行 = 各行之和',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (table.empty || !LISTED_KINDS.has(table.kind)) continue;
      const total = totalRow(table);
      if (!total) continue;
      let items = table.rows.filter((r) => roleOf(r) === 'item');
      // a list printed as a hierarchy (政府采购: 品目 > 专项 > 经济科目 > 物品) adds up at its top level only
      const levels = items.map((r) => r.level);
      if (levels.every((l) => l !== undefined)) {
        const top = Math.min(...(levels as number[]));
        if (levels.some((l) => l !== top)) items = items.filter((r) => r.level === top);
      }
      if (!items.length) continue;
      // A column whose lines add up to exactly two to five times its total carries its own subtotals, one level
      // each (units under their department; 品目 > 专项 > 物品 printed without indentation, read without levels).
      const sumOf = (col: string) =>
        compareAmounts(
          null,
          items.map((r) => cellAmount(r.cells[col], table.unit)),
          table.unit,
        )?.expected;
      const times = (col: string, k: number) => {
        const t = cellAmount(total.cells[col], table.unit);
        return t ? compareAmounts(null, Array<typeof t>(k).fill(t), table.unit)?.expected : undefined;
      };
      const columns = numericColumns(table);
      const nestedCol = columns.find((c) => {
        const t = cellAmount(total.cells[c], table.unit);
        return t != null && !t.isZero();
      });
      const k = nestedCol ? [2, 3, 4, 5].find((n) => times(nestedCol, n) === sumOf(nestedCol)) : undefined;
      if (k) {
        // Printed in levels: every column must add up the same way; one that does not is wrong somewhere in
        // its levels, which cannot be told without them.
        for (const col of columns) {
          if (total.cells[col]?.value == null || times(col, k) === sumOf(col)) continue;
          ctx.report({
            ...at(table, total, col),
            severity: 'warning',
            message: `${tableLabel(table)}分${k}层列示（各层之和均应等于合计），${columnLabel(table, col)}栏各行之和${sumOf(col)}不是合计的${k}倍`,
          });
        }
        continue;
      }
      checkColumnSum(ctx, table, total, items, columns, '合计 = 各行之和');
    }
  },
};

function summaryBalance(ctx: RuleContext, table: Table): void {
  const income = sideRows(table, 'income');
  const expenditure = sideRows(table, 'expenditure');
  const incomeCols = sideColumns(table, 'income').map((c) => c.id);
  const expCols = sideColumns(table, 'expenditure').map((c) => c.id);
  const sided = table.rows.some((r) => r.side);
  const incCols = sided ? incomeCols : incomeCols.filter((c) => !expCols.includes(c) || c === 'amount');
  const side = (rows: Row[], cols: string[], what: string, yearEnd: 'carryover' | 'year_end_carryover') => {
    const yearTotal = findRow(rows, 'year_total');
    const grand = findRow(rows, 'grand_total');
    const yearIdx = yearTotal ? rows.indexOf(yearTotal) : rows.length;
    let items = rows.filter((r, i) => roleOf(r) === 'item' && i < yearIdx);
    // "财政拨款" printed above 一般公共预算 / 政府性基金 is their subtotal, not one more source.
    if (items.some((r) => /一般公共预算/.test(normName(r.name))))
      items = items.filter((r) => !/^财政拨款(收入|资金|拨款)?(小计|合计)?$/.test(normName(r.name)));
    if (yearTotal && items.length)
      checkColumnSum(ctx, table, yearTotal, items, cols, `本年${what}合计 = 各项之和`);
    // the 决算 adds two such rows: 使用非财政拨款结余 and 年初结转和结余 (结余分配 and 年末结转和结余)
    const carry = rows.filter((r) => roleOf(r) === yearEnd);
    if (grand && yearTotal)
      checkColumnSum(
        ctx,
        table,
        grand,
        [yearTotal, ...carry],
        cols,
        `${what}总计 = 本年${what}合计 + ${yearEnd === 'carryover' ? '上年结转' : '年终结转'}`,
      );
  };
  side(income, incCols, '收入', 'carryover');
  side(expenditure, expCols, '支出', 'year_end_carryover');
  // A second breakdown of the same spending by use (Jiangsu: 基本支出 / 项目支出 / 单位预留机动经费 beside the
  // function classes), read as memo rows: it adds up to the year's total on its own, never with the classes.
  const byUse = expenditure.filter(
    (r) =>
      roleOf(r) === 'memo' && /^(基本支出|项目支出|单位预留机动经费|预留机动经费)$/.test(normName(r.name)),
  );
  const yearTotal = findRow(expenditure, 'year_total');
  if (yearTotal && byUse.length >= 2)
    checkColumnSum(
      ctx,
      table,
      yearTotal,
      byUse,
      expCols,
      '本年支出合计 = 基本支出 + 项目支出 + 单位预留机动经费',
    );
  const incomeGrand = findRow(income, 'grand_total');
  const expGrand = findRow(expenditure, 'grand_total');
  if (incomeGrand && expGrand) {
    const inCol = incCols.includes('amount') ? 'amount' : incCols[0];
    const outCol = expCols.includes('total') ? 'total' : expCols[0];
    if (inCol && outCol) {
      const cmp = compareAmounts(
        cellAmount(expGrand.cells[outCol], table.unit),
        [cellAmount(incomeGrand.cells[inCol], table.unit)],
        table.unit,
      );
      reportComparison(ctx, cmp, at(table, expGrand, outCol), `${tableLabel(table)}收入总计 = 支出总计`);
    }
  }
}

export const summaryBalanceRule: Rule = {
  meta: {
    id: 'table.summary-balance',
    category: 'table',
    severity: 'error',
    title: '收支总表平衡',
    basis:
      '本年收入合计 = Σ收入项；本年支出合计 = Σ各类支出；收入总计 = 本年收入合计 + 上年结转；支出总计 = 本年支出合计 + 年终结转；收入总计 = 支出总计',
  },
  check(ctx) {
    for (const kind of ['summary', 'fiscal_summary']) {
      for (const table of ctx.tables(kind)) if (!table.empty) summaryBalance(ctx, table);
    }
  },
};

const ECONOMIC_KINDS = ['general_basic_economic', 'fiscal_basic'];

/** Groups of an economic table: each subtotal row with the item rows under it. */
export function economicGroups(table: Table): { group: Row; items: Row[] }[] {
  const groups: { group: Row; items: Row[] }[] = [];
  for (const row of table.rows) {
    const role = roleOf(row);
    if (role === 'total') continue;
    const isGroup = role === 'subtotal' || row.level === 1 || (!row.governmentName && isGroupName(row.name));
    if (isGroup) groups.push({ group: row, items: [] });
    else if (groups.length && role === 'item') groups[groups.length - 1].items.push(row);
  }
  return groups;
}

function isGroupName(name: string): boolean {
  return /^(工资福利支出|商品和服务支出|对个人和家庭的补助|资本性支出|对企业补助|债务利息及费用支出|其他支出)$/.test(
    normName(name),
  );
}

export const economicGroupsRule: Rule = {
  meta: {
    id: 'table.economic-groups',
    category: 'table',
    severity: 'error',
    title: '经济分类表：类 = Σ款，合计 = Σ类',
    basis: '部门预算支出经济分类科目的层级（工资福利支出、商品和服务支出、对个人和家庭的补助、资本性支出）',
  },
  check(ctx) {
    for (const kind of ECONOMIC_KINDS) {
      for (const table of ctx.tables(kind)) {
        if (table.empty) continue;
        const groups = economicGroups(table);
        const cols = table.columns.map((c) => c.id).filter((id) => table.rows.some((r) => r.cells[id]));
        for (const { group, items } of groups) {
          // A group line printed without any amount is a heading, not a subtotal.
          if (!Object.values(group.cells).some((c) => c.value != null)) continue;
          // Coded groups (301, 302 …) are checked by table.hierarchy through their codes.
          if (group.code && items.some((i) => i.code?.startsWith(group.code!))) continue;
          if (items.length)
            checkColumnSum(ctx, table, group, items, cols, `“${group.name}”= 其下各款之和`, true);
        }
        // A panel's own total (level 0: 人员经费合计 over the classes 301 and 303 that name it as parent) is their sum.
        for (const row of table.rows) {
          if (roleOf(row) !== 'subtotal' || row.level !== 0) continue;
          const children = table.rows.filter((r) => r !== row && r.parent === row.name);
          if (children.length) checkColumnSum(ctx, table, row, children, cols, `“${row.name}”= 其下各类之和`);
        }
        const total = totalRow(table);
        if (total && groups.length)
          checkColumnSum(
            ctx,
            table,
            total,
            groups.map((g) => g.group),
            cols,
            '合计 = 各类之和',
          );
      }
    }
  },
};

export const economicSplit: Rule = {
  meta: {
    id: 'table.economic-split',
    category: 'table',
    severity: 'warning',
    title: '人员经费与公用经费的划分',
    basis:
      '人员经费 = 工资福利支出 + 对个人和家庭的补助；公用经费 = 商品和服务支出 + 资本性支出（按通行口径）',
  },
  check(ctx) {
    for (const kind of ECONOMIC_KINDS) {
      for (const table of ctx.tables(kind)) {
        if (table.empty) continue;
        for (const { group, items } of economicGroups(table)) {
          const name = normName(group.name);
          const wrong = /工资福利|对个人和家庭/.test(name)
            ? 'public'
            : /商品和服务|资本性/.test(name)
              ? 'personnel'
              : null;
          if (!wrong) continue;
          for (const row of [group, ...items]) {
            const a = cellAmount(row.cells[wrong], table.unit);
            if (a && !a.isZero())
              ctx.report({
                ...at(table, row, wrong),
                message: `${tableLabel(table)}“${row.name}”属于${group.name}，却在${wrong === 'public' ? '公用经费' : '人员经费'}栏列有${a.toString()}${table.unit}，请确认人员经费与公用经费的划分`,
                actual: a.toString(),
              });
          }
        }
      }
    }
  },
};

export const threePublic: Rule = {
  meta: {
    id: 'table.three-public',
    category: 'table',
    severity: 'error',
    title: '“三公”经费：合计 = 出国 + 接待 + 公务用车；公务用车 = 购置 + 运行维护',
    basis: '“三公”经费的构成（财预〔2016〕143号）',
  },
  check(ctx) {
    for (const table of ctx.tables('three_public')) {
      if (table.empty) continue;
      const rows = table.rows;
      const abroad = rowNamed(rows, /出国/);
      const reception = rowNamed(rows, /公务接待/);
      const vehicles = rowNamed(rows, /购置及运行/);
      const purchase = rowNamed(rows, /用车购置费$/);
      const operation = rowNamed(rows, /用车运行(维护)?费$/);
      const total = totalRow(table) ?? rowNamed(rows, /^(“?三公”?经费)?合计$/);
      const cols = table.columns.map((c) => c.id).filter((id) => rows.some((r) => r.cells[id]));
      if (total && abroad && reception && vehicles)
        checkColumnSum(
          ctx,
          table,
          total,
          [abroad, reception, vehicles],
          cols,
          '合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费',
        );
      if (vehicles && purchase && operation)
        checkColumnSum(
          ctx,
          table,
          vehicles,
          [purchase, operation],
          cols,
          '公务用车购置及运行费 = 购置费 + 运行维护费',
        );
    }
  },
};

export const TABLE_RULES: Rule[] = [
  rowSum,
  hierarchy,
  listTotal,
  summaryBalanceRule,
  economicGroupsRule,
  economicSplit,
  threePublic,
];

export type { MoneyUnit };
