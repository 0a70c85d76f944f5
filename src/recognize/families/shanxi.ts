// The Shanxi unit/department budget layout (the sample's family): 第一部分 概况 / 第二部分 报表 (13 tables,
// numbered 预算公开表N) / 第三部分 情况说明 (12 items) with 项目支出绩效目标申报表 / 第四部分 名词解释.
import type { FamilyModule } from '../family.js';

/** Wording that only this layout uses; each distinct marker found adds to the score. */
const MARKERS: RegExp[] = [
  /预算公开表\s*\d+/,
  /一般公共预算安排基本支出分经济科目表/,
  /机关运行经费预算财政拨款情况统计表/,
  /政府预算支出经济科目名称/,
  /项目支出绩效目标申报表/,
  /财政专户管理资金/,
  /山西/,
  /第二部分\s*\d{4}年(单位|部门)预算报表/,
];

export const shanxi: FamilyModule = {
  id: 'shanxi',
  detect(doc) {
    return MARKERS.reduce((n, re) => n + (re.test(doc.all) ? 1 : 0), 0) >= 3 ? 10 : 0;
  },
  requiredTables: [
    'summary',
    'revenue',
    'expenditure',
    'fiscal_summary',
    'general_expenditure',
    'general_basic_economic',
    'gov_fund_revenue',
    'gov_fund_expenditure',
    'state_capital',
    'three_public',
    'operating_costs',
    'projects',
    'projects_carryover',
  ],
  defaultUnit: '万元',
  performanceForms: true,
  checklist: {
    items: [
      'timeliness',
      'cover',
      'contents',
      'duties',
      'organisation',
      'tables',
      'explanation',
      'performance',
      'glossary',
    ],
    labels: { explanation: '{主体}预算情况说明' },
    tableNames: {
      summary: '预算收支总表',
      revenue: '预算收入总表',
      expenditure: '预算支出总表',
      fiscal_summary: '财政拨款收支总表',
      general_expenditure: '一般公共预算支出预算表',
      general_basic_economic: '一般公共预算安排基本支出分经济科目表',
      gov_fund_revenue: '政府性基金预算收入表',
      gov_fund_expenditure: '政府性基金预算支出表',
      state_capital: '国有资本经营预算收支预算表',
      three_public: '一般公共预算“三公”经费支出预算表',
      operating_costs: '机关运行经费预算财政拨款情况统计表',
      projects: '项目支出预算表（本年预算）',
      projects_carryover: '项目支出预算表（上年结转）',
    },
  },
};
