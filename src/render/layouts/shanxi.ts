// The sample's family: 山西 unit/department budget (DOMAIN.md §2). Four parts, 13 tables in 万元, forms in 元.
import type { ColumnTemplate, Layout, RowHeaderTemplate, TableTemplate } from './types.js';

const codeName: RowHeaderTemplate[] = [
  { kind: 'code', label: '科目编码', group: '项目' },
  { kind: 'name', label: '科目名称', group: '项目' },
];
const basicProject = (group: string): ColumnTemplate[] => [
  { id: 'total', label: '合计', group },
  { id: 'basic', label: '基本支出', group },
  { id: 'project', label: '项目支出', group },
];
const bySource = (group: string): ColumnTemplate[] => [
  { id: 'total', label: '合计', group },
  { id: 'general_public', label: '一般公共预算', group },
  { id: 'gov_fund', label: '政府性基金预算', group },
  { id: 'state_capital', label: '国有资本经营预算', group },
];

const table = (t: Omit<TableTemplate, 'unit' | 'scale' | 'totalPosition' | 'number'>): TableTemplate => ({
  unit: '万元',
  scale: 2,
  totalPosition: 'first',
  number: '预算公开表{n}',
  ...t,
});

export const shanxi: Layout = {
  family: 'shanxi',
  name: '山西（单位/部门预算，四部分十三张表）',
  kindWords: {
    unit_budget: '单位预算',
    department_budget: '部门预算',
    unit_final: '单位决算',
    department_final: '部门决算',
  },
  cover: { title: '{unit}', subtitle: '{year}年度{kind}公开' },
  unitNameLabel: '单位名称：',
  emptyNote: '注：本表无数据',
  performanceFormTitle: '项目支出绩效目标申报表',
  performanceFormIssuer: '{region}市级预算部门（单位）',
  standardIndicators: [
    { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
    {
      level1: '效益指标',
      level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
    },
    { level1: '满意度指标', level2: ['服务对象满意度指标'] },
  ],
  glossaryNumbering: 'plain',
  parts: [
    {
      type: 'overview',
      heading: '第一部分 概况',
      duties: '一、本单位职责',
      organisation: '二、机构设置情况',
    },
    { type: 'tables', heading: '第二部分 {year}年{kind}报表', numbered: true },
    { type: 'sections', heading: '第三部分 {year}年度{kind}情况说明', group: { kinds: 'rest' } },
    { type: 'glossary', heading: '第四部分 名词解释' },
  ],
  tables: [
    table({
      kind: 'summary',
      title: '{year}年预算收支总表',
      rowHeaders: [],
      columns: [],
      sides: {
        // Wide enough for "2023年合计" and "当年预算安排" on one line, and for the longest class name.
        income: {
          title: '收入',
          rowHeader: '项目',
          columns: [{ id: 'amount', label: '{year}年' }],
          widths: { label: 3.4, amount: 2.2 },
        },
        expenditure: {
          title: '支出',
          rowHeader: '项目',
          widths: { label: 4.6, amount: 2.4 },
          columns: [
            { id: 'total', label: '{year}年合计' },
            { id: 'current', label: '当年预算安排' },
            { id: 'carryover', label: '上年结转安排' },
          ],
        },
      },
    }),
    table({
      kind: 'revenue',
      title: '{year}年预算收入总表',
      rowHeaders: codeName,
      columns: [
        { id: 'total', label: '合计', group: '本年收入' },
        { id: 'general_public', label: '一般公共预算', group: '本年收入' },
        { id: 'gov_fund', label: '政府性基金', group: '本年收入' },
        { id: 'state_capital', label: '国有资本经营预算', group: '本年收入' },
        { id: 'special_account', label: '财政专户管理资金', group: '本年收入' },
        { id: 'unit_funds', label: '单位资金', group: '本年收入' },
        { id: 'carryover', label: '上年结转' },
      ],
    }),
    table({
      kind: 'expenditure',
      title: '{year}年预算支出总表',
      rowHeaders: codeName,
      columns: basicProject('{year}年预算数'),
    }),
    table({
      kind: 'fiscal_summary',
      title: '{year}年财政拨款收支总表',
      rowHeaders: [],
      columns: [],
      sides: {
        income: {
          title: '收入',
          rowHeader: '项目',
          columns: [{ id: 'amount', label: '金额' }],
          widths: { label: 3.2, amount: 1.6 },
        },
        expenditure: {
          title: '支出',
          rowHeader: '项目',
          widths: { label: 3.6, amount: 1.6 },
          columns: [
            { id: 'total', label: '小计', group: '金额' },
            { id: 'general_public', label: '一般公共预算', group: '金额' },
            { id: 'gov_fund', label: '政府性基金预算', group: '金额' },
            { id: 'state_capital', label: '国有资本经营预算', group: '金额' },
          ],
        },
      },
    }),
    table({
      kind: 'general_expenditure',
      title: '{year}年一般公共预算支出预算表（不含上年结转）',
      rowHeaders: codeName,
      columns: basicProject('{year}年预算数'),
    }),
    table({
      kind: 'general_basic_economic',
      title: '{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）',
      rowHeaders: [
        { kind: 'name', label: '部门预算支出经济科目名称' },
        { kind: 'governmentName', label: '政府预算支出经济科目名称' },
      ],
      columns: [
        { id: 'total', label: '合计', group: '{year}年预算数' },
        { id: 'personnel', label: '人员经费', group: '{year}年预算数' },
        { id: 'public', label: '公用经费', group: '{year}年预算数' },
      ],
    }),
    table({
      kind: 'gov_fund_revenue',
      title: '{year}年政府性基金预算收入表（不含上年结转）',
      rowHeaders: [
        { kind: 'code', label: '收入科目编码', group: '项目' },
        { kind: 'name', label: '科目名称', group: '项目' },
      ],
      columns: [{ id: 'total', label: '政府性基金收入预算' }],
    }),
    table({
      kind: 'gov_fund_expenditure',
      title: '{year}年政府性基金预算支出表（不含上年结转）',
      rowHeaders: [
        { kind: 'code', label: '科目编码' },
        { kind: 'name', label: '科目名称' },
      ],
      columns: basicProject('{year}年预算数').map(({ id, label }) => ({ id, label })),
    }),
    table({
      kind: 'state_capital',
      title: '{year}年国有资本经营预算收支预算表（不含上年结转）',
      rowHeaders: [],
      columns: [],
      sides: {
        income: {
          title: '国有资本经营预算收入',
          rowHeader: '项目',
          rowHeaders: [
            { kind: 'code', label: '收入科目编码', group: '项目' },
            { kind: 'name', label: '科目名称', group: '项目' },
          ],
          columns: [{ id: 'amount', label: '国有资本经营收入预算' }],
        },
        expenditure: {
          title: '国有资本经营预算支出',
          rowHeader: '项目',
          rowHeaders: [
            { kind: 'code', label: '科目编码' },
            { kind: 'name', label: '科目名称' },
          ],
          columns: [
            { id: 'total', label: '合计' },
            { id: 'basic', label: '基本支出' },
            { id: 'project', label: '项目支出' },
          ],
        },
      },
    }),
    table({
      kind: 'three_public',
      title: '{year}年一般公共预算“三公”经费支出预算表',
      rowHeaders: [{ kind: 'name', label: '项目' }],
      columns: bySource('{year}年预算数'),
    }),
    table({
      kind: 'operating_costs',
      title: '{year}年机关运行经费预算财政拨款情况统计表',
      rowHeaders: [{ kind: 'name', label: '单位名称' }],
      columns: bySource('{year}年预算数'),
    }),
    table({
      kind: 'projects',
      title: '{year}年项目支出预算表（本年预算）',
      rowHeaders: [{ kind: 'name', label: '项目名称' }],
      numberRow: true,
      columns: [
        { id: 'total', label: '合计' },
        { id: 'general_public', label: '一般公共预算', group: '{year}年财政拨款' },
        { id: 'gov_fund', label: '政府性基金预算', group: '{year}年财政拨款' },
        { id: 'state_capital', label: '国有资本经营预算', group: '{year}年财政拨款' },
        { id: 'special_account', label: '财政专户管理资金' },
        { id: 'unit_funds', label: '单位资金' },
      ],
    }),
    table({
      kind: 'projects_carryover',
      title: '{year}年项目支出预算表（上年结转）',
      rowHeaders: [{ kind: 'name', label: '项目名称' }],
      numberRow: true,
      columns: [
        { id: 'total', label: '合计' },
        { id: 'general_public', label: '一般公共预算', group: '{year}年财政拨款' },
        { id: 'gov_fund', label: '政府性基金预算', group: '{year}年财政拨款' },
        { id: 'state_capital', label: '国有资本经营预算', group: '{year}年财政拨款' },
      ],
    }),
  ],
};
