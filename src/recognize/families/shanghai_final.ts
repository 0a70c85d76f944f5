// The Shanghai final-accounts layout (部门决算): 第一部分 概况 / 第二部分 决算表 (9 tables, before the explanation) /
// 第三部分 情况说明 (十一 items) / 第四部分 名词解释; columns compare 年初预算 with 决算; amounts in 万元; no separate
// 机关运行经费 table.
import type { FamilyModule } from '../family.js';

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
  columnAliases: [
    { id: 'budget', pattern: /^年初预算(数)?$|^预算数$/ },
    { id: 'final', pattern: /^决算数?$|^本年支出$|^支出决算$/ },
    { id: 'carryover', pattern: /^年初结转(和)?结余$/ },
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
};
