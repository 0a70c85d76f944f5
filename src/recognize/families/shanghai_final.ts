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
  // The national 决算 titles, and the column and row words of the national 决算 template (本年收入合计,
  // 一般公共预算财政拨款, 年初结转和结余, 年末结转和结余, 总计 …), are read by the common vocabulary.
  // Column ids of the 决算 tables. Every amount of a 决算 table is a 决算数 unless the table prints a 预算数 beside
  // it, so a column named by what it is a part of (本年收入合计, 财政拨款收入, 基本支出, 一般公共预算财政拨款 …)
  // keeps that part's id (`total`, `fiscal`, `basic`, `general_public` …: "决算数 of 基本支出" is `basic` of a
  // 决算 table, so `--format cells` reads the same as for a budget); a column that says only 决算数 is `final`, and
  // only where an item prints both amounts (the 三公 table's 预算数 | 决算数 pairs) are they `budget` and `final`
  // of that item's row (recognize/three-public.ts). The auditor's facts read `total`, else `final`. The common
  // vocabulary reads the corpus's 决算 tables alike without these two (scripts/generic-report.mjs); they stay for
  // 预算数, which only a 决算 table means as `budget` (a budget table's 预算数 is its `amount`).
  columnAliases: [
    { id: 'budget', pattern: /^年初预算(数)?$|^预算数$/ },
    { id: 'final', pattern: /^决算数?$|^本年支出$|^支出决算$/ },
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
};
