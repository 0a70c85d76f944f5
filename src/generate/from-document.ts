// A stored document → the generator's leaf input, so that a preparer can start next year's draft from last year's
// published document: 项-level function rows split by use and source, economic items, projects, 三公 items and
// 机关运行经费. What the tables cannot tell apart (a remainder shared by 财政专户 and 单位资金) goes to 单位资金
// first, as far as the income table allows; 上年结转 is not carried (it is a new fact each year).
import { Amount, Decimal } from '../model/money.js';
import type { Cell, Disclosure, Row, Table } from '../model/schema.js';
import { ECONOMIC_GROUPS, type GenerateInputRaw } from './input-schema.js';

const ZERO = new Decimal(0);

/** A cell in 万元 as exact decimal text; an empty cell is zero. */
function wan(cell: Cell | undefined, table: Table): Decimal {
  if (!cell || cell.value === null || cell.value === undefined) return ZERO;
  return Amount.of(cell.value, table.unit).to('万元').value;
}

const text = (d: Decimal) => (d.isZero() ? '0' : d.toFixed());
const items = (t: Table | undefined) => (t ? t.rows.filter((r) => r.role === 'item') : []);
const byCode = (t: Table | undefined) =>
  new Map(items(t).flatMap((r) => (r.code ? [[r.code, r] as const] : [])));

/** The fiscal sources of a row: its own source columns, or its total as 一般公共预算 when it has none. */
function fiscal(row: Row, table: Table) {
  const has = (id: string) => table.columns.some((c) => c.id === id);
  if (!has('general_public'))
    return { general_public: text(wan(row.cells.total ?? row.cells.amount, table)) };
  return {
    general_public: text(wan(row.cells.general_public, table)),
    gov_fund: text(wan(row.cells.gov_fund, table)),
    state_capital: text(wan(row.cells.state_capital, table)),
  };
}

export function leafInputFromDocument(doc: Disclosure): GenerateInputRaw {
  const table = (kind: string) => doc.tables.find((t) => t.kind === kind && !t.empty);
  const expenditure = table('expenditure') ?? table('general_expenditure');
  const general = byCode(table('general_expenditure'));
  const govFund = byCode(table('gov_fund_expenditure'));
  const stateCapital = byCode(table('state_capital'));
  const revenueTable = table('revenue');
  const revenue = byCode(revenueTable);

  const functionNames: Record<string, string> = {};
  const functions = [];
  for (const row of items(expenditure)) {
    if (!row.code) continue;
    if (row.code.length < 7) {
      functionNames[row.code] = row.name;
      continue;
    }
    const part = (r: Row | undefined, t: Table | undefined, column: 'basic' | 'project') =>
      r && t ? wan(r.cells[column], t) : ZERO;
    const use = (column: 'basic' | 'project') => {
      const total = wan(row.cells[column], expenditure!);
      const gp = part(general.get(row.code!), table('general_expenditure'), column);
      const gf = part(govFund.get(row.code!), table('gov_fund_expenditure'), column);
      const sc = part(stateCapital.get(row.code!), table('state_capital'), column);
      return { total, gp: expenditure!.kind === 'general_expenditure' ? total : gp, gf, sc };
    };
    const basic = use('basic');
    const project = use('project');
    const income = revenue.get(row.code);
    let unitFunds = income && revenueTable ? wan(income.cells.unit_funds, revenueTable) : ZERO;
    const split = (u: ReturnType<typeof use>) => {
      const rest = u.total.minus(u.gp).minus(u.gf).minus(u.sc);
      const toUnit = Decimal.max(ZERO, Decimal.min(rest, unitFunds));
      unitFunds = unitFunds.minus(toUnit);
      return {
        general_public: text(u.gp),
        gov_fund: text(u.gf),
        state_capital: text(u.sc),
        unit_funds: text(toUnit),
        special_account: text(rest.minus(toUnit)),
      };
    };
    functions.push({ code: row.code, name: row.name, basic: split(basic), project: split(project) });
  }

  const economicTable = table('general_basic_economic');
  const economic = items(economicTable)
    .filter((r) => (ECONOMIC_GROUPS as readonly string[]).includes(r.parent ?? ''))
    .map((r) => ({
      group: r.parent as (typeof ECONOMIC_GROUPS)[number],
      department: r.name,
      government: r.governmentName ?? '',
      amount: text(wan(r.cells.total, economicTable!)),
    }));

  const projectTable = table('projects');
  const projects = items(projectTable).map((r) => ({
    name: r.name,
    amounts: Object.fromEntries(
      ['general_public', 'gov_fund', 'state_capital', 'special_account', 'unit_funds'].map((k) => [
        k,
        text(wan(r.cells[k], projectTable!)),
      ]),
    ),
  }));

  const threeTable = table('three_public');
  const threeRow = (re: RegExp) => items(threeTable).find((r) => re.test(r.name));
  const three = (re: RegExp) => {
    const r = threeRow(re);
    return r && threeTable ? fiscal(r, threeTable) : {};
  };

  const operatingTable = table('operating_costs');
  const operatingCosts = items(operatingTable).map((r) => ({ unit: r.name, ...fiscal(r, operatingTable!) }));

  const m = doc.metadata;
  return {
    unit: {
      name: m.unit,
      year: m.year,
      kind: m.kind,
      family: m.family === 'shanghai' ? 'shanghai' : 'shanxi',
      ...(m.region ? { region: m.region } : {}),
      ...(m.unitType ? { unitType: m.unitType } : {}),
      unitsIncluded: doc.overview.unitsIncluded,
    },
    overview: {
      duties: doc.overview.duties.map((p) => p.text),
      organisation: doc.overview.organisation.map((p) => p.text),
    },
    functions,
    functionNames,
    economic,
    projects,
    performanceForms: doc.performanceForms,
    threePublic: {
      abroad: three(/因公出国/),
      reception: three(/公务接待/),
      vehiclePurchase: three(/购置费$/),
      vehicleOperation: three(/^(?!.*购置及).*运行(维护)?费$/),
    },
    operatingCosts,
  };
}
