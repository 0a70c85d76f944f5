// The Shanghai budget layout (市级 and 区级, 部门 and 单位 versions): flat numbering 一…七 with 名词解释 before the
// tables; 9 tables, tables 1–8 in 元 and the combined "三公"经费和机关运行经费预算表 in 万元; codes printed in 类/款/项
// columns; 部门 versions add 项目经费情况说明 and sometimes 绩效目标 forms.
import type { FamilyModule } from '../family.js';

/** Wording only this layout uses; each distinct marker found adds to the score. */
const MARKERS: RegExp[] = [
  /财务收支预算总表/,
  /三公.?经费和机关运行经费预算表/,
  /支出功能分类预算表/,
  /部门预算经济分类预算表/,
  /编制(单位|部门)[:：]/,
  /上海市/,
  /(单位|部门)预算编制说明/,
  /其他相关情况说明/,
];

export const shanghai: FamilyModule = {
  id: 'shanghai',
  detect(doc) {
    if (/决算总表|决算表/.test(doc.all)) return 0;
    return MARKERS.reduce((n, re) => n + (re.test(doc.all) ? 1 : 0), 0) >= 4 ? 10 : 0;
  },
  // the titles are read by the common vocabulary
  columnAliases: [
    // 事业单位经营收入 wraps in its header cell: its first line alone names the same column
    { id: 'operating_income', pattern: /^事业单位$/ },
  ],
  requiredTables: [
    'summary',
    'revenue',
    'expenditure',
    'fiscal_summary',
    'general_expenditure',
    'gov_fund_expenditure',
    'state_capital',
    'general_basic_economic',
    'three_public',
  ],
  defaultUnit: '元',
  performanceForms: true,
  checklist: {
    items: [
      'timeliness',
      'cover',
      'contents',
      'duties',
      'organisation',
      'glossary',
      'explanation',
      'tables',
      'other_notes',
      'projects',
      'performance',
    ],
    only: { projects: ['department_budget'] },
    whenPresent: ['performance'],
    labels: { explanation: '{主体}预算编制说明' },
    tableNames: {
      summary: '{主体}财务收支预算总表',
      revenue: '{主体}收入预算总表',
      expenditure: '{主体}支出预算总表',
      fiscal_summary: '{主体}财政拨款收支预算总表',
      general_expenditure: '{主体}一般公共预算支出功能分类预算表',
      gov_fund_expenditure: '{主体}政府性基金预算支出功能分类预算表',
      state_capital: '国有资本经营预算支出功能分类预算表',
      general_basic_economic: '{主体}一般公共预算基本支出部门预算经济分类预算表',
      three_public: '{主体}“三公”经费和机关运行经费预算表',
    },
  },
};
