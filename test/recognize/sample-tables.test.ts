// The sample's 13 tables, every value, read from ../shared/samples/xinzhou-govoffice-2023-unit-budget.txt.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/schema.js';
import { Disclosure as DisclosureSchema } from '../../src/model/schema.js';
import { parseSample, row, table, values } from './helpers.js';

let doc: Disclosure;
beforeAll(async () => {
  doc = await parseSample();
});

/** The function-class rows the sample prints in 收入总表, 支出总表 and 一般公共预算支出表, with their totals. */
const FUNCTION_ROWS: [string, string, string][] = [
  ['201', '一般公共服务支出', '2561.73'],
  ['20103', '政府办公厅（室）及相关机构事务', '2561.73'],
  ['2010301', '行政运行', '1361.58'],
  ['2010302', '一般行政管理事务', '944.90'],
  ['2010350', '事业运行', '255.25'],
  ['208', '社会保障和就业支出', '171.21'],
  ['20805', '行政事业单位养老支出', '171.21'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '171.21'],
  ['210', '卫生健康支出', '74.90'],
  ['21011', '行政事业单位医疗', '74.90'],
  ['2101101', '行政单位医疗', '58.78'],
  ['2101102', '事业单位医疗', '16.12'],
  ['213', '农林水支出', '18.20'],
  ['21305', '巩固脱贫攻坚成果衔接乡村振兴', '18.20'],
  ['2130599', '其他巩固脱贫攻坚成果衔接乡村振兴支出', '18.20'],
  ['221', '住房保障支出', '153.45'],
  ['22102', '住房改革支出', '153.45'],
  ['2210201', '住房公积金', '153.45'],
];

/** 基本支出 / 项目支出 of each function row, as 支出总表 prints them (null where the cell is empty). */
const BASIC_PROJECT: Record<string, [string | null, string | null]> = {
  '201': ['1612.37', '949.36'],
  '20103': ['1612.37', '949.36'],
  '2010301': ['1357.12', '4.46'],
  '2010302': [null, '944.90'],
  '2010350': ['255.25', null],
  '208': ['171.21', null],
  '20805': ['171.21', null],
  '2080505': ['171.21', null],
  '210': ['74.90', null],
  '21011': ['74.90', null],
  '2101101': ['58.78', null],
  '2101102': ['16.12', null],
  '213': [null, '18.20'],
  '21305': [null, '18.20'],
  '2130599': [null, '18.20'],
  '221': ['153.45', null],
  '22102': ['153.45', null],
  '2210201': ['153.45', null],
};

describe('the sample is recognised as a whole document', () => {
  it('validates against the schema', () => {
    expect(DisclosureSchema.safeParse(doc).success).toBe(true);
  });

  it('reads metadata from the content', () => {
    expect(doc.metadata).toMatchObject({
      unit: '忻州市人民政府办公室',
      year: 2023,
      kind: 'unit_budget',
      family: 'shanxi',
      title: '忻州市人民政府办公室2023年度单位预算公开',
    });
  });

  it('finds all 13 tables in order with canonical kinds, numbers and units', () => {
    expect(doc.tables.map((t) => [t.kind, t.number ?? null, t.unit, t.empty])).toEqual([
      ['summary', '预算公开表1', '万元', false],
      ['revenue', null, '万元', false],
      ['expenditure', null, '万元', false],
      ['fiscal_summary', null, '万元', false],
      ['general_expenditure', null, '万元', false],
      ['general_basic_economic', null, '万元', false],
      ['gov_fund_revenue', null, '万元', true],
      ['gov_fund_expenditure', null, '万元', true],
      ['state_capital', '部门公开表9', '万元', true],
      ['three_public', '预算公开表10', '万元', true],
      ['operating_costs', null, '万元', false],
      ['projects', null, '万元', false],
      ['projects_carryover', null, '万元', true],
    ]);
    expect(doc.tables.every((t) => t.unitName === '忻州市人民政府办公室')).toBe(true);
    expect(table(doc, 'general_basic_economic').title).toBe(
      '2023年一般公共预算安排基本支出分经济科目表（不含上年结转）',
    );
  });

  it('keeps "注：本表无数据" as the note of every empty table', () => {
    for (const kind of [
      'gov_fund_revenue',
      'gov_fund_expenditure',
      'state_capital',
      'three_public',
      'projects_carryover',
    ]) {
      expect(table(doc, kind).notes).toEqual(['注：本表无数据']);
    }
    expect(table(doc, 'summary').notes).toEqual([]);
  });
});

describe('预算收支总表 (two-sided)', () => {
  it('labels columns with canonical ids, printed headers and sides', () => {
    expect(table(doc, 'summary').columns).toEqual([
      { id: 'amount', label: '收入/2023年', side: 'income' },
      { id: 'total', label: '支出/2023年合计', side: 'expenditure' },
      { id: 'current', label: '支出/当年预算安排', side: 'expenditure' },
      { id: 'carryover', label: '支出/上年结转安排', side: 'expenditure' },
    ]);
  });

  it('reads income by source and expenditure by 类, with roles', () => {
    const t = table(doc, 'summary');
    const income = t.rows.filter((r) => r.side === 'income');
    expect(income.map((r) => [r.name, r.role, r.cells.amount.value])).toEqual([
      ['一般公共预算', 'item', '2979.49'],
      ['政府性基金预算', 'item', null],
      ['国有资本经营预算', 'item', null],
      ['财政专户管理资金', 'item', null],
      ['单位资金', 'item', null],
      ['本年收入合计', 'year_total', '2979.49'],
      ['上年结转', 'carryover', null],
      ['收入总计', 'grand_total', '2979.49'],
    ]);
    const spending = t.rows.filter((r) => r.side === 'expenditure');
    expect(spending).toHaveLength(30 + 3);
    expect(spending[0]).toMatchObject({ name: '一般公共服务支出', label: '一、一般公共服务支出', level: 1 });
    expect(values(t, '一般公共服务支出', ['total', 'current', 'carryover'], 'expenditure')).toEqual([
      '2561.73',
      '2561.73',
      null,
    ]);
    expect(values(t, '社会保障和就业支出', ['total', 'current'], 'expenditure')).toEqual([
      '171.21',
      '171.21',
    ]);
    expect(values(t, '卫生健康支出', ['total', 'current'], 'expenditure')).toEqual(['74.90', '74.90']);
    expect(values(t, '农林水支出', ['total', 'current'], 'expenditure')).toEqual(['18.20', '18.20']);
    expect(values(t, '住房保障支出', ['total', 'current'], 'expenditure')).toEqual(['153.45', '153.45']);
    expect(spending[29]).toMatchObject({
      name: '抗疫特别国债安排的支出',
      label: '三十、抗疫特别国债安排的支出',
    });
    expect(spending.slice(30).map((r) => [r.name, r.role, r.cells.total.value])).toEqual([
      ['本年支出合计', 'year_total', '2979.49'],
      ['年终结转', 'year_end_carryover', null],
      ['支出总计', 'grand_total', '2979.49'],
    ]);
    // every other 类 is printed empty
    const nonEmpty = spending
      .filter((r) => r.role === 'item' && r.cells.total.value !== null)
      .map((r) => r.name);
    expect(nonEmpty).toEqual([
      '一般公共服务支出',
      '社会保障和就业支出',
      '卫生健康支出',
      '农林水支出',
      '住房保障支出',
    ]);
  });

  it('records the source line of every value', () => {
    const r = row(table(doc, 'summary'), '一般公共预算', 'income');
    expect(r.cells.amount.source).toEqual({ page: 104, line: 104 });
    expect(r.cells.amount.printed).toBe('2,979.49');
  });
});

describe('预算收入总表', () => {
  it('maps source columns (the sample prints no 单位资金 column)', () => {
    expect(table(doc, 'revenue').columns.map((c) => [c.id, c.label])).toEqual([
      ['total', '本年收入/合计'],
      ['general_public', '本年收入/一般公共预算'],
      ['gov_fund', '本年收入/政府性基金'],
      ['state_capital', '本年收入/国有资本经营预算'],
      ['special_account', '本年收入/财政专户管理资金'],
      ['carryover', '上年结转'],
    ]);
  });

  it('reads every function row with code, level and parent', () => {
    const t = table(doc, 'revenue');
    expect(t.rows[0]).toMatchObject({ name: '合计', role: 'total' });
    expect(values(t, '合计', ['total', 'general_public', 'carryover'])).toEqual(['2979.49', '2979.49', null]);
    expect(
      t.rows.slice(1).map((r) => [r.code, r.name, r.cells.total.value, r.cells.general_public.value]),
    ).toEqual(FUNCTION_ROWS.map(([code, name, total]) => [code, name, total, total]));
    expect(row(t, '2010301')).toMatchObject({ level: 3, parent: '20103' });
    expect(row(t, '20103')).toMatchObject({ level: 2, parent: '201' });
    expect(row(t, '201').level).toBe(1);
    expect(row(t, '201').parent).toBeUndefined();
  });
});

describe('预算支出总表 and 一般公共预算支出表', () => {
  for (const kind of ['expenditure', 'general_expenditure']) {
    it(`${kind}: 合计 / 基本支出 / 项目支出 of every row`, () => {
      const t = table(doc, kind);
      expect(t.columns.map((c) => [c.id, c.label])).toEqual([
        ['total', '2023年预算数/合计'],
        ['basic', '2023年预算数/基本支出'],
        ['project', '2023年预算数/项目支出'],
      ]);
      expect(values(t, '合计', ['total', 'basic', 'project'])).toEqual(['2979.49', '2011.93', '967.56']);
      expect(values(t, '2010301', ['total', 'basic', 'project'])).toEqual(['1361.58', '1357.12', '4.46']);
      expect(t.rows.slice(1).map((r) => [r.code, r.name, r.cells.total.value])).toEqual(
        FUNCTION_ROWS.map(([code, name, total]) => [code, name, total]),
      );
      for (const [code, [basic, project]] of Object.entries(BASIC_PROJECT)) {
        expect(values(t, code, ['basic', 'project'])).toEqual([basic, project]);
      }
    });
  }
});

describe('财政拨款收支总表', () => {
  it('splits the income and expenditure panels and the three-budget columns', () => {
    const t = table(doc, 'fiscal_summary');
    expect(t.columns).toEqual([
      { id: 'amount', label: '收入/金额', side: 'income' },
      { id: 'total', label: '支出/金额/小计', side: 'expenditure' },
      { id: 'general_public', label: '支出/金额/一般公共预算', side: 'expenditure' },
      { id: 'gov_fund', label: '支出/金额/政府性基金预算', side: 'expenditure' },
      { id: 'state_capital', label: '支出/金额/国有资本经营预算', side: 'expenditure' },
    ]);
    expect(values(t, '一般公共预算', ['amount'], 'income')).toEqual(['2979.49']);
    expect(values(t, '一般公共服务支出', ['total', 'general_public', 'gov_fund'], 'expenditure')).toEqual([
      '2561.73',
      '2561.73',
      null,
    ]);
    expect(values(t, '住房保障支出', ['total', 'general_public'], 'expenditure')).toEqual([
      '153.45',
      '153.45',
    ]);
    expect(t.rows.filter((r) => r.side === 'expenditure' && r.role === 'item')).toHaveLength(30);
    expect(values(t, '本年收入合计', ['amount'], 'income')).toEqual(['2979.49']);
    expect(values(t, '支出总计', ['total', 'general_public'], 'expenditure')).toEqual(['2979.49', '2979.49']);
  });

  it('reads the carryover breakdown as children of 上年财政拨款结转', () => {
    const t = table(doc, 'fiscal_summary');
    const income = t.rows.filter((r) => r.side === 'income');
    expect(income.map((r) => [r.name, r.role, r.level ?? null, r.parent ?? null])).toEqual([
      ['一般公共预算', 'item', 1, null],
      ['政府性基金预算', 'item', 1, null],
      ['国有资本经营预算', 'item', 1, null],
      ['本年收入合计', 'year_total', null, null],
      ['上年财政拨款结转', 'carryover', null, null],
      ['一般公共预算', 'item', 2, '上年财政拨款结转'],
      ['政府性基金预算', 'item', 2, '上年财政拨款结转'],
      ['国有资本经营预算', 'item', 2, '上年财政拨款结转'],
      ['收入总计', 'grand_total', null, null],
    ]);
  });
});

describe('一般公共预算基本支出分经济科目表', () => {
  it('reads groups, pairs of 部门/政府 names and every value', () => {
    const t = table(doc, 'general_basic_economic');
    expect(t.columns.map((c) => c.id)).toEqual(['total', 'personnel', 'public']);
    expect(values(t, '合计', ['total', 'personnel', 'public'])).toEqual(['2011.93', '1680.19', '331.73']);
    const groups = t.rows.filter((r) => r.role === 'subtotal');
    expect(
      groups.map((r) => [r.name, r.cells.total.value, r.cells.personnel.value, r.cells.public.value]),
    ).toEqual([
      ['工资福利支出', '1526.15', '1526.15', null],
      ['商品和服务支出', '296.73', null, '296.73'],
      ['对个人和家庭的补助', '154.04', '154.04', null],
      ['资本性支出', '35.00', null, '35.00'],
    ]);
    const items = t.rows.filter((r) => r.role === 'item');
    expect(items.map((r) => [r.parent, r.name, r.governmentName, r.cells.total.value])).toEqual([
      ['工资福利支出', '基本工资', '工资奖金津补贴', '437.46'],
      ['工资福利支出', '基本工资', '工资福利支出', '142.69'],
      ['工资福利支出', '津贴补贴', '工资奖金津补贴', '252.00'],
      ['工资福利支出', '津贴补贴', '工资福利支出', '13.29'],
      ['工资福利支出', '奖金', '工资奖金津补贴', '191.16'],
      ['工资福利支出', '绩效工资', '工资福利支出', '86.25'],
      ['工资福利支出', '机关事业单位基本养老保险缴费', '社会保障缴费', '134.36'],
      ['工资福利支出', '机关事业单位基本养老保险缴费', '工资福利支出', '36.84'],
      ['工资福利支出', '职工基本医疗保险缴费', '社会保障缴费', '58.78'],
      ['工资福利支出', '职工基本医疗保险缴费', '工资福利支出', '16.12'],
      ['工资福利支出', '其他社会保障缴费', '社会保障缴费', '1.68'],
      ['工资福利支出', '其他社会保障缴费', '工资福利支出', '2.07'],
      ['工资福利支出', '住房公积金', '住房公积金', '124.77'],
      ['工资福利支出', '住房公积金', '工资福利支出', '28.68'],
      ['商品和服务支出', '办公费', '办公经费', '100.75'],
      ['商品和服务支出', '印刷费', '办公经费', '10.00'],
      ['商品和服务支出', '邮电费', '办公经费', '5.00'],
      ['商品和服务支出', '差旅费', '办公经费', '10.00'],
      ['商品和服务支出', '维修(护)费', '维修(护)费', '10.00'],
      ['商品和服务支出', '租赁费', '办公经费', '4.00'],
      ['商品和服务支出', '会议费', '会议费', '5.00'],
      ['商品和服务支出', '培训费', '培训费', '15.00'],
      ['商品和服务支出', '委托业务费', '委托业务费', '10.00'],
      ['商品和服务支出', '工会经费', '办公经费', '8.41'],
      ['商品和服务支出', '工会经费', '商品和服务支出', '2.80'],
      ['商品和服务支出', '福利费', '办公经费', '24.52'],
      ['商品和服务支出', '福利费', '商品和服务支出', '8.16'],
      ['商品和服务支出', '其他交通费用', '办公经费', '77.27'],
      ['商品和服务支出', '其他商品和服务支出', '其他商品和服务支出', '5.84'],
      ['对个人和家庭的补助', '离休费', '离退休费', '49.23'],
      ['对个人和家庭的补助', '退休费', '离退休费', '103.40'],
      ['对个人和家庭的补助', '生活补助', '社会福利和救助', '1.42'],
      ['资本性支出', '办公设备购置', '设备购置', '35.00'],
    ]);
    // 人员经费 items carry personnel, 公用经费 items carry public
    expect(items.filter((r) => r.cells.personnel.value !== null)).toHaveLength(17);
    expect(items.filter((r) => r.cells.public.value !== null)).toHaveLength(16);
  });
});

describe('the empty tables', () => {
  it('政府性基金, 国有资本经营 and 三公 tables keep their structure without values', () => {
    expect(table(doc, 'gov_fund_revenue').columns).toEqual([{ id: 'amount', label: '政府性基金收入预算' }]);
    expect(table(doc, 'gov_fund_expenditure').columns.map((c) => c.id)).toEqual([
      'total',
      'basic',
      'project',
    ]);
    const sc = table(doc, 'state_capital');
    expect(sc.columns.map((c) => [c.id, c.side])).toEqual([
      ['amount', 'income'],
      ['total', 'expenditure'],
      ['basic', 'expenditure'],
      ['project', 'expenditure'],
    ]);
    const tp = table(doc, 'three_public');
    expect(tp.columns.map((c) => c.id)).toEqual(['total', 'general_public', 'gov_fund', 'state_capital']);
    expect(tp.rows.map((r) => [r.name, r.role, r.level ?? null, r.parent ?? null])).toEqual([
      ['因公出国（境）费', 'item', 1, null],
      ['公务接待费', 'item', 1, null],
      ['公务用车购置及运行费', 'item', 1, null],
      ['公务用车购置费', 'item', 2, '公务用车购置及运行费'],
      ['公务用车运行维护费', 'item', 2, '公务用车购置及运行费'],
      ['合计', 'total', null, null],
    ]);
    expect(tp.rows[3].label).toBe('①公务用车购置费');
    expect(tp.rows.every((r) => Object.values(r.cells).every((c) => c.value === null))).toBe(true);
    expect(table(doc, 'projects_carryover').rows).toEqual([]);
    expect(table(doc, 'projects_carryover').columns.map((c) => c.id)).toEqual([
      'total',
      'general_public',
      'gov_fund',
      'state_capital',
    ]);
  });
});

describe('机关运行经费 and 项目支出 tables', () => {
  it('机关运行经费 per unit', () => {
    const t = table(doc, 'operating_costs');
    expect(t.rows.map((r) => [r.name, r.role, r.cells.total.value, r.cells.general_public.value])).toEqual([
      ['部门合计', 'total', '331.73', '331.73'],
      ['忻州市人民政府办公室', 'item', '331.73', '331.73'],
    ]);
  });

  it('each project amount by source', () => {
    const t = table(doc, 'projects');
    expect(t.columns.map((c) => [c.id, c.label])).toEqual([
      ['total', '合计'],
      ['general_public', '2023年财政拨款/一般公共预算'],
      ['gov_fund', '2023年财政拨款/政府性基金预算'],
      ['state_capital', '2023年财政拨款/国有资本经营预算'],
      ['special_account', '财政专户管理资金'],
      ['unit_funds', '单位资金'],
    ]);
    expect(t.rows.map((r) => [r.name, r.cells.total.value, r.cells.general_public.value])).toEqual([
      ['法律顾问费', '10.00', '10.00'],
      ['领导调研经费', '54.00', '54.00'],
      ['对外交流与合作洽谈项目经费', '60.00', '60.00'],
      ['忻州市老区建设促进会经费', '8.00', '8.00'],
      ['忻州市政府信息化项目运维费', '562.90', '562.90'],
      ['护林防火、生态环境媒体暗访专项经费', '50.00', '50.00'],
      ['山西地域文化通览忻州分卷编撰工作经费', '40.00', '40.00'],
      ['市政府办公室系统专业化能力提升及网站与政务新媒体培训费', '20.00', '20.00'],
      ['重点工作督查经费及机关运行保障经费', '140.00', '140.00'],
      ['遗属生活补助', '4.46', '4.46'],
      ['驻村帮扶干部补助经费', '18.20', '18.20'],
    ]);
    expect(t.rows.every((r) => r.cells.gov_fund.value === null && r.cells.unit_funds.value === null)).toBe(
      true,
    );
  });
});
