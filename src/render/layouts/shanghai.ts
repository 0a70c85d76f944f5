// 上海 district/city budget: flat numbering 一…六, 名词解释 before the tables, nine tables in 元 with the code
// split into 类/款/项 columns and the 合计 row last; the combined 三公 and 机关运行经费 table in 万元
// (corpus/INDEX.md, 结构差异 1).
import type { ColumnTemplate, Layout, RowHeaderTemplate, TableTemplate } from './types.js';

const functionCode: RowHeaderTemplate[] = [
  { kind: 'code_class', label: '类', group: '功能分类科目编码' },
  { kind: 'code_item', label: '款', group: '功能分类科目编码' },
  { kind: 'code_sub', label: '项', group: '功能分类科目编码' },
  { kind: 'name', label: '功能分类科目名称' },
];
const basicProject = (group: string): ColumnTemplate[] => [
  { id: 'total', label: '合计', group },
  { id: 'basic', label: '基本支出', group },
  { id: 'project', label: '项目支出', group },
];

const table = (t: Omit<TableTemplate, 'unit' | 'scale' | 'totalPosition' | 'number'>): TableTemplate => ({
  unit: '元',
  scale: 2,
  totalPosition: 'last',
  number: '{n}.',
  ...t,
});

export const shanghai: Layout = {
  family: 'shanghai',
  name: '上海（区级/市级预算，平铺编号九张表）',
  kindWords: {
    unit_budget: '单位预算',
    department_budget: '部门预算',
    unit_final: '单位决算',
    department_final: '部门决算',
  },
  cover: { title: '{year}年{kind}', subtitle: '预算单位：{unit}' },
  unitNameLabel: '编制单位：',
  emptyNote: '注：本表无数据',
  performanceFormTitle: '财政项目支出绩效目标填报表',
  glossaryNumbering: 'parenthesised',
  parts: [
    { type: 'duties', heading: '一、单位主要职能' },
    { type: 'organisation', heading: '二、单位机构设置' },
    { type: 'glossary', heading: '三、名词解释' },
    {
      type: 'sections',
      heading: '四、{kind}编制说明',
      group: {
        kinds: [
          'changes',
          'revenue',
          'expenditure',
          'fiscal',
          'general_expenditure',
          'general_scale',
          'general_structure',
          'general_basic',
        ],
      },
    },
    { type: 'tables', heading: '五、{kind}表', numbered: true },
    { type: 'sections', heading: '六、其他相关情况说明', group: { kinds: 'rest' } },
  ],
  tables: [
    table({
      kind: 'summary',
      title: '{year}年预算单位财务收支预算总表',
      rowHeaders: [],
      columns: [],
      sides: {
        income: { title: '本年收入', rowHeader: '项目', columns: [{ id: 'amount', label: '预算数' }] },
        expenditure: {
          title: '本年支出',
          rowHeader: '项目',
          columns: [
            { id: 'total', label: '合计', group: '预算数' },
            { id: 'basic', label: '基本支出', group: '预算数' },
            { id: 'project', label: '项目支出', group: '预算数' },
          ],
        },
      },
    }),
    table({
      kind: 'revenue',
      title: '{year}年预算单位收入预算总表',
      rowHeaders: functionCode,
      columns: [
        { id: 'total', label: '合计', group: '收入预算' },
        { id: 'fiscal', label: '财政拨款收入', group: '收入预算' },
        { id: 'general_public', label: '一般公共预算', group: '收入预算' },
        { id: 'business_income', label: '事业收入', group: '收入预算' },
        { id: 'operating_income', label: '事业单位经营收入', group: '收入预算' },
        { id: 'other_income', label: '其他收入', group: '收入预算' },
      ],
    }),
    table({
      kind: 'expenditure',
      title: '{year}年预算单位支出预算总表',
      rowHeaders: functionCode,
      columns: basicProject('支出预算'),
    }),
    table({
      kind: 'fiscal_summary',
      title: '{year}年预算单位财政拨款收支预算总表',
      rowHeaders: [],
      columns: [],
      sides: {
        income: { title: '财政拨款收入', rowHeader: '项目', columns: [{ id: 'amount', label: '预算数' }] },
        expenditure: {
          title: '财政拨款支出',
          rowHeader: '项目',
          columns: [
            { id: 'total', label: '合计' },
            { id: 'general_public', label: '一般公共预算' },
            { id: 'gov_fund', label: '政府性基金预算' },
            { id: 'state_capital', label: '国有资本经营预算' },
          ],
        },
      },
    }),
    table({
      kind: 'general_expenditure',
      title: '{year}年预算单位一般公共预算支出功能分类预算表',
      rowHeaders: functionCode,
      columns: basicProject('一般公共预算支出'),
    }),
    table({
      kind: 'gov_fund_expenditure',
      title: '{year}年预算单位政府性基金预算支出功能分类预算表',
      rowHeaders: functionCode,
      columns: basicProject('政府性基金预算支出'),
    }),
    table({
      kind: 'state_capital',
      title: '{year}年预算单位国有资本经营预算支出功能分类预算表',
      rowHeaders: functionCode,
      columns: basicProject('国有资本经营预算支出'),
    }),
    table({
      kind: 'general_basic_economic',
      title: '{year}年预算单位一般公共预算基本支出部门预算经济分类预算表',
      rowHeaders: [
        { kind: 'name', label: '部门预算经济分类科目名称' },
        { kind: 'governmentName', label: '政府预算经济分类科目名称' },
      ],
      columns: [
        { id: 'total', label: '合计', group: '一般公共预算基本支出' },
        { id: 'personnel', label: '人员经费', group: '一般公共预算基本支出' },
        { id: 'public', label: '公用经费', group: '一般公共预算基本支出' },
      ],
    }),
    {
      ...table({
        kind: 'three_public',
        title: '{year}年单位“三公”经费和机关运行经费预算表',
        rowHeaders: [{ kind: 'name', label: '项目' }],
        columns: [
          { id: 'total', label: '合计' },
          { id: 'general_public', label: '一般公共预算' },
        ],
        appendTotalOf: { kind: 'operating_costs', label: '机关运行经费' },
      }),
      unit: '万元',
    },
  ],
};
