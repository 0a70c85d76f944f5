// Named facts of a disclosure's tables (收入总计, 基本支出, 人员经费, each class …): what narrative claims and
// cross-table rules are bound to. A fact remembers the cell it comes from, so a finding can point at it.
import { Amount, Decimal } from '../model/money.js';
import type { Disclosure, Row, Table } from '../model/schema.js';
import { cellAmount } from './amounts.js';
import { codedRows, itemName, normName, roleOf, rowNamed, sideRows, totalRow } from './tables.js';

export interface Fact {
  id: string;
  /** Chinese label for messages. */
  label: string;
  /** Null when the cell is printed empty (an exact zero). */
  amount: Amount | null;
  table: Table;
  row?: Row;
  column?: string;
  /** For a fact the table does not print but implies (Σ rows): the printed parts, for rounding tolerance. */
  parts?: (Amount | null)[];
}

export interface Facts {
  byId: Map<string, Fact>;
  /** Function classes (类) of the general-budget table (or of the expenditure table), by normalised name. */
  classes: Map<string, Fact>;
  /** Function classes of the fiscal summary's expenditure side, by normalised name. */
  fiscalClasses: Map<string, Fact>;
  /**
   * 款 and 项 rows of the class table by the names of their path ("类|款|项", "类|款", and "款|项" when only one
   * row has that pair), loosely normalised: what "“X（类）Y（款）Z（项）”25.77万元" names.
   */
  items: Map<string, Fact>;
  /** Economic items under 人员经费 / 公用经费 (部门 names). */
  personnelItems: string[];
  publicItems: string[];
  /** Projects of the current-year project table, in order. */
  projects: { name: string; amount: Amount | null; row: Row; table: Table; column: string }[];
  get(id: string): Fact | undefined;
}

/** Income sources: how the summary table names them, and the column id of the revenue table. */
export const INCOME_SOURCES: [RegExp, string, string][] = [
  [/一般公共预算/, 'general_public', '一般公共预算'],
  [/政府性基金/, 'gov_fund', '政府性基金预算'],
  [/国有资本经营/, 'state_capital', '国有资本经营预算'],
  [/财政专户/, 'special_account', '财政专户管理资金'],
  [/单位资金/, 'unit_funds', '单位资金'],
  [/事业收入/, 'business_income', '事业收入'],
  [/经营收入/, 'operating_income', '事业单位经营收入'],
  [/其他收入/, 'other_income', '其他收入'],
];

export function incomeSourceOf(name: string): string | undefined {
  const n = normName(name);
  return INCOME_SOURCES.find(([re]) => re.test(n))?.[1];
}

export function computeFacts(doc: Disclosure): Facts {
  const byId = new Map<string, Fact>();
  const put = (id: string, label: string, table: Table | undefined, row: Row | undefined, column: string) => {
    if (!table || !row || byId.has(id)) return;
    // Tables with one 金额 column (Jiangsu) are read with column `amount`: their 合计 is that column.
    if (column === 'total') column = totalColumn(table);
    if (!(column in row.cells) && !table.columns.some((c) => c.id === column)) return;
    byId.set(id, { id, label, amount: cellAmount(row.cells[column], table.unit), table, row, column });
  };
  const first = (kind: string) => doc.tables.find((t) => t.kind === kind);

  const summary = first('summary');
  if (summary) {
    const income = sideRows(summary, 'income');
    const incomeColumn = amountColumn(summary, 'income');
    for (const row of income) {
      const role = roleOf(row);
      if (role === 'item') {
        const source = incomeSourceOf(row.name || row.label);
        if (source) put(`income.${source}`, `${row.name}收入`, summary, row, incomeColumn);
      } else if (role === 'year_total') put('income.year_total', '本年收入合计', summary, row, incomeColumn);
      else if (role === 'carryover') put('income.carryover', '上年结转', summary, row, incomeColumn);
      else if (role === 'grand_total') put('income.grand_total', '收入总计', summary, row, incomeColumn);
    }
    const exp = sideRows(summary, 'expenditure');
    for (const row of exp) {
      const role = roleOf(row);
      if (role === 'year_total') put('expenditure.year_total', '本年支出合计', summary, row, 'total');
      else if (role === 'year_end_carryover')
        put('expenditure.year_end_carryover', '年终结转', summary, row, 'total');
      else if (role === 'grand_total') {
        put('expenditure.grand_total', '支出总计', summary, row, 'total');
        put('expenditure.current', '本年预算安排', summary, row, 'current');
        put('expenditure.carryover', '上年结转安排', summary, row, 'carryover');
      }
    }
  }

  const revenue = first('revenue');
  if (revenue) {
    const total = totalRow(revenue);
    for (const [, col] of INCOME_SOURCES) put(`income.${col}`, '收入', revenue, total, col);
    put('income.carryover', '上年结转', revenue, total, 'carryover');
  }

  const expenditure = first('expenditure');
  if (expenditure) {
    const total = totalRow(expenditure);
    put('expenditure.year_total', '本年支出合计', expenditure, total, 'total');
    put('expenditure.basic', '基本支出', expenditure, total, 'basic');
    put('expenditure.project', '项目支出', expenditure, total, 'project');
  }

  const fiscal = first('fiscal_summary');
  if (fiscal) {
    const col = amountColumn(fiscal, 'income');
    for (const row of sideRows(fiscal, 'income')) {
      const role = roleOf(row);
      if (role === 'item') {
        const source = incomeSourceOf(row.name || row.label);
        // The budgets' lines under 上年财政拨款结转 are that budget's share of the carryover.
        if (source && /结转/.test(row.parent ?? ''))
          put(`fiscal.carryover.${source}`, `上年财政拨款结转（${row.name}）`, fiscal, row, col);
        else if (source) put(`fiscal.${source}`, `${row.name}拨款`, fiscal, row, col);
      } else if (role === 'year_total') put('fiscal.year_total', '财政拨款本年收入', fiscal, row, col);
      else if (role === 'carryover') put('fiscal.carryover', '上年财政拨款结转', fiscal, row, col);
      else if (role === 'grand_total') put('fiscal.grand_total', '财政拨款收入总计', fiscal, row, col);
    }
  }

  const general = first('general_expenditure');
  if (general) {
    const total = totalRow(general);
    put('general.total', '一般公共预算当年拨款', general, total, mainColumn(general));
    put('general.basic', '一般公共预算基本支出', general, total, 'basic');
    put('general.project', '一般公共预算项目支出', general, total, 'project');
  }

  const economic = first('general_basic_economic') ?? first('fiscal_basic');
  const personnelItems: string[] = [];
  const publicItems: string[] = [];
  if (economic) {
    const total = totalRow(economic);
    put('economic.total', '基本支出', economic, total, 'total');
    put('economic.personnel', '人员经费', economic, total, 'personnel');
    put('economic.public', '公用经费', economic, total, 'public');
    // 人员经费 and 公用经费 printed as two panels, each closing with its own 合计 row (Shanghai 决算)
    const panelTotal = (re: RegExp) =>
      economic.rows.find((r) => roleOf(r) === 'subtotal' && re.test(normName(r.name)));
    const personnel = panelTotal(/^人员(经费|支出)(合计)?$/);
    const pub = panelTotal(/^公用(经费|支出)(合计)?$/);
    put('economic.personnel', '人员经费', economic, personnel, mainColumn(economic));
    put('economic.public', '公用经费', economic, pub, mainColumn(economic));
    if (!byId.has('economic.total') && personnel && pub) {
      const col = mainColumn(economic);
      const parts = [
        cellAmount(personnel.cells[col], economic.unit),
        cellAmount(pub.cells[col], economic.unit),
      ];
      byId.set('economic.total', {
        id: 'economic.total',
        label: '基本支出（人员经费与公用经费之和）',
        amount: sumAmounts(parts),
        parts,
        table: economic,
      });
    }
    for (const row of economic.rows) {
      const role = roleOf(row);
      if (role === 'subtotal' || (row.level === 1 && role === 'item')) {
        put(`economic.group.${normName(row.name)}`, row.name, economic, row, 'total');
        continue;
      }
      if (role !== 'item') continue;
      const name = normName(row.name);
      if (cellAmount(row.cells.personnel, economic.unit) && !personnelItems.includes(name))
        personnelItems.push(name);
      if (cellAmount(row.cells.public, economic.unit) && !publicItems.includes(name)) publicItems.push(name);
    }
  }

  const operating = first('operating_costs');
  const three = first('three_public');
  if (operating)
    put(
      'operating_costs.total',
      '机关运行经费',
      operating,
      totalRow(operating) ?? operating.rows[0],
      'total',
    );
  else if (three) {
    // Shanghai prints 机关运行经费 in its 三公 table, read as a memo row of it (recognize/three-public.ts)
    const memo = three.rows.find((r) => r.role === 'memo' && /^机关运行经费/.test(normName(r.name)));
    put('operating_costs.total', '机关运行经费', three, memo, 'total');
  }

  if (three) {
    put('three_public.total', '“三公”经费', three, totalRow(three), 'total');
    put('three_public.abroad', '因公出国（境）费', three, rowNamed(three.rows, /出国/), 'total');
    put('three_public.reception', '公务接待费', three, rowNamed(three.rows, /公务接待/), 'total');
    put('three_public.vehicles', '公务用车购置及运行费', three, rowNamed(three.rows, /购置及运行/), 'total');
    put(
      'three_public.vehicle_purchase',
      '公务用车购置费',
      three,
      rowNamed(three.rows, /用车购置费$/),
      'total',
    );
    put(
      'three_public.vehicle_operation',
      '公务用车运行维护费',
      three,
      // Not the row 公务用车购置及运行(维护)费 printed before it.
      rowNamed(three.rows, /(?<!购置及)运行(维护)?费$/),
      'total',
    );
  }

  const projects: Facts['projects'] = [];
  const projectTable = first('projects');
  if (projectTable) {
    const projectColumn = totalColumn(projectTable);
    for (const row of projectTable.rows) {
      if (roleOf(row) !== 'item') continue;
      projects.push({
        name: row.name,
        amount: cellAmount(row.cells[projectColumn], projectTable.unit),
        row,
        table: projectTable,
        column: projectColumn,
      });
    }
    const total = totalRow(projectTable);
    if (total) put('projects.total', '项目支出合计', projectTable, total, 'total');
    else if (projects.length) {
      const parts = projects.map((p) => p.amount);
      byId.set('projects.total', {
        id: 'projects.total',
        label: '项目支出合计（各项目之和）',
        amount: sumAmounts(parts),
        parts,
        table: projectTable,
      });
    }
  }

  const classes = new Map<string, Fact>();
  const classTable = general && !general.empty ? general : expenditure;
  const classColumn = classTable ? mainColumn(classTable) : 'total';
  if (classTable) {
    for (const [code, row] of codedRows(classTable)) {
      if (code.length !== 3) continue;
      classes.set(normName(row.name), {
        id: `class.${code}`,
        label: row.name,
        amount: cellAmount(row.cells[classColumn], classTable.unit),
        table: classTable,
        row,
        column: classColumn,
      });
    }
  }
  const items = new Map<string, Fact>();
  if (classTable) {
    const coded = codedRows(classTable);
    const ambiguous = new Set<string>();
    for (const [code, row] of coded) {
      if (code.length !== 5 && code.length !== 7) continue;
      const path = [code.slice(0, 3), code.slice(0, 5), code.slice(0, 7)]
        .slice(0, code.length === 5 ? 2 : 3)
        .map((c) => coded.get(c));
      if (path.some((r) => !r)) continue;
      const names = path.map((r) => itemName(r!.name));
      const fact: Fact = {
        id: `item.${code}`,
        label: row.name,
        amount: cellAmount(row.cells[classColumn], classTable.unit),
        table: classTable,
        row,
        column: classColumn,
      };
      items.set(names.join('|'), fact);
      if (names.length === 3) {
        const short = names.slice(1).join('|');
        if (items.has(short)) ambiguous.add(short);
        else items.set(short, fact);
      }
    }
    for (const key of ambiguous) items.delete(key);
  }
  const fiscalClasses = new Map<string, Fact>();
  if (fiscal) {
    const fiscalColumn = totalColumn(fiscal);
    for (const row of sideRows(fiscal, 'expenditure')) {
      if (roleOf(row) !== 'item' || !/支出|预备费/.test(row.name)) continue;
      fiscalClasses.set(normName(row.name), {
        id: `fiscal.class.${normName(row.name)}`,
        label: row.name,
        amount: cellAmount(row.cells[fiscalColumn], fiscal.unit),
        table: fiscal,
        row,
        column: fiscalColumn,
      });
    }
  }

  return {
    byId,
    classes,
    fiscalClasses,
    items,
    personnelItems,
    publicItems,
    projects,
    get: (id) => byId.get(id),
  };
}

/** The column that carries a row's whole amount: 合计, or the single amount column of a one-column table. */
export function mainColumn(table: Table): string {
  if (table.columns.some((c) => c.id === 'total')) return 'total';
  if (table.columns.some((c) => c.id === 'amount')) return 'amount';
  if (table.columns.some((c) => c.id === 'final')) return 'final';
  return table.columns[0]?.id ?? 'total';
}

/**
 * 合计, or the 金额 column (`amount`) of a table printed with one amount column, or the 决算数 column (`final`) of
 * a 决算 table that prints no 合计 column (its 预算数 beside it is the budget, not the amount spent); no other
 * column stands in for it (a table read without its columns gives no fact rather than a wrong one).
 */
export function totalColumn(table: Table): string {
  const has = (id: string) => table.columns.some((c) => c.id === id);
  if (has('total')) return 'total';
  if (has('amount')) return 'amount';
  return has('final') ? 'final' : 'total';
}

/** The single amount column of a side (the income side of a summary table prints one: 金额 / 2023年). */
export function amountColumn(table: Table, side: 'income' | 'expenditure'): string {
  const cols = table.columns.filter((c) => c.side === side);
  if (cols.some((c) => c.id === 'amount')) return 'amount';
  if (cols.length) return cols[0].id;
  return 'amount';
}

/** Sum of printed amounts at the finest printed precision; null when all are empty. */
export function sumAmounts(amounts: readonly (Amount | null)[]): Amount | null {
  const present = amounts.filter((a): a is Amount => a != null);
  if (!present.length) return null;
  const scale = Math.max(...present.map((a) => a.scale));
  const value = present.reduce((acc, a) => acc.plus(a.value), new Decimal(0));
  return new Amount(value, present[0].unit, scale);
}
