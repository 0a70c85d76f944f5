// The Shanghai final-accounts layout (部门决算): 第一部分 概况 / 第二部分 决算表 (9 tables, before the explanation) /
// 第三部分 情况说明 (十一 items) / 第四部分 名词解释; columns compare 年初预算 with 决算; amounts in 万元; no separate
// 机关运行经费 table.
import { FINAL_TABLE_NAMES, type FamilyModule } from '../family.js';

const MARKERS: RegExp[] = [
  /收入支出决算总表/,
  /财政拨款收入支出决算总表/,
  /一般公共预算财政拨款基本支出决算表/,
  /财政拨款.?三公.?经费支出决算表/,
  /上海/,
  /部门决算/,
];

export const shanghaiFinal: FamilyModule = {
  id: 'shanghai_final',
  documents: 'final',
  detect(doc) {
    return MARKERS.reduce((n, re) => n + (re.test(doc.all) ? 1 : 0), 0) >= 4 ? 12 : 0;
  },
  tableTitles: [
    { kind: 'fiscal_summary', pattern: /财政拨款收入支出决算总表/ },
    { kind: 'summary', pattern: /收入支出决算总表/ },
    { kind: 'gov_fund_expenditure', pattern: /政府性基金预算财政拨款收入支出决算表/ },
    { kind: 'state_capital', pattern: /国有资本经营预算财政拨款(收入)?支出决算表/ },
    { kind: 'general_basic_economic', pattern: /一般公共预算财政拨款基本支出决算表/ },
    { kind: 'general_expenditure', pattern: /一般公共预算财政拨款支出决算表/ },
    { kind: 'three_public', pattern: /三公.?经费支出决算表/ },
  ],
  // Column ids of the 决算 tables. Every amount of a 决算 table is a 决算数 unless the table prints a 预算数 beside
  // it, so a column named by what it is a part of (本年收入合计, 财政拨款收入, 基本支出, 一般公共预算财政拨款 …)
  // keeps that part's id (`total`, `fiscal`, `basic`, `general_public` …: "决算数 of 基本支出" is `basic` of a
  // 决算 table, so `--format cells` reads the same as for a budget); a column that says only 决算数 is `final`, and
  // only where an item prints both amounts (the 三公 table's 预算数 | 决算数 pairs) are they `budget` and `final`
  // of that item's row (recognize/three-public.ts). The auditor's facts read `total`, else `final`.
  columnAliases: [
    { id: 'total', pattern: /^本年(收入|支出)合计$/ },
    { id: 'general_public', pattern: /^一般公共预算财政拨款$/ },
    { id: 'gov_fund', pattern: /^政府性基金预算财政拨款$/ },
    { id: 'state_capital', pattern: /^国有资本经营预算财政拨款$/ },
    { id: 'budget', pattern: /^年初预算(数)?$|^预算数$/ },
    { id: 'final', pattern: /^决算数?$|^本年支出$|^支出决算$/ },
    { id: 'carryover', pattern: /^年初结转(和)?结余$/ },
  ],
  // 政府性基金 / 国有资本经营 决算表: 年初结转和结余 | 本年收入 | 本年支出 (小计 | 基本支出 | 项目支出) | 年末结转和结余
  headerWords: [/^年末结转和结余$/],
  rowRoles: [
    { role: 'carryover', pattern: /^年初(财政拨款)?结转和结余$/, side: 'income' },
    { role: 'year_end_carryover', pattern: /^年末(财政拨款)?结转和结余$/ },
    { role: 'grand_total', pattern: /^总计$/ },
  ],
  requiredTables: [
    'summary',
    'revenue',
    'expenditure',
    'fiscal_summary',
    'general_expenditure',
    'general_basic_economic',
    'three_public',
    'gov_fund_expenditure',
    'state_capital',
  ],
  defaultUnit: '万元',
  performanceForms: false,
  checklist: {
    items: ['timeliness', 'cover', 'contents', 'duties', 'organisation', 'tables', 'explanation', 'glossary'],
    labels: { explanation: '{主体}决算情况说明' },
    tableNames: FINAL_TABLE_NAMES,
  },
  splitRows: true,
};
