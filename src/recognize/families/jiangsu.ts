// The Jiangsu provincial department budget layout (2017–2019): 12 tables numbered 公开01表 / 表一 / 公开表一 or not
// at all, in 万元; a three-column 收支预算总表 (income | spending by function | spending by use with 单位预留机动经费);
// "三公"经费、会议费、培训费 table; 机关运行经费 and 政府采购 tables; the order of the tables changes between years,
// and the text and the tables may be published as two PDFs (joined by ../join.ts).
import type { FamilyModule } from '../family.js';

const MARKERS: RegExp[] = [
  /江苏/,
  /单位预留机动经费/,
  /三公.?经费、会议费、培训费/,
  /公开\s*\d+\s*表|公开表[一二三四五六七八九十]/,
  /财政拨款基本支出预算表/,
  /一般公共预算机关运行经费支出预算表/,
  /政府采购(支出)?预算表/,
  /部门[:：]/,
];

export const jiangsu: FamilyModule = {
  id: 'jiangsu',
  detect(doc) {
    return MARKERS.reduce((n, re) => n + (re.test(doc.all) ? 1 : 0), 0) >= 4 ? 10 : 0;
  },
  // titles, column and header words are the national wording: the common vocabulary reads them
  requiredTables: [
    'summary',
    'revenue',
    'expenditure',
    'fiscal_summary',
    'fiscal_expenditure',
    'fiscal_basic',
    'general_expenditure',
    'general_basic_economic',
    'three_public',
    'gov_fund_expenditure',
    'operating_costs',
    'procurement',
  ],
  defaultUnit: '万元',
  performanceForms: false,
  checklist: {
    items: ['timeliness', 'cover', 'contents', 'duties', 'organisation', 'tables', 'explanation', 'glossary'],
    labels: { explanation: '{主体}预算情况说明' },
    tableNames: {
      summary: '收支预算总表',
      revenue: '收入预算总表',
      expenditure: '支出预算总表',
      fiscal_summary: '财政拨款收支预算总表',
      fiscal_expenditure: '财政拨款支出预算表',
      fiscal_basic: '财政拨款基本支出预算表',
      general_expenditure: '一般公共预算支出预算表',
      general_basic_economic: '一般公共预算基本支出预算表',
      three_public: '一般公共预算“三公”经费、会议费、培训费支出预算表',
      gov_fund_expenditure: '政府性基金预算支出预算表',
      operating_costs: '一般公共预算机关运行经费支出预算表',
      procurement: '政府采购预算表',
    },
  },
};
