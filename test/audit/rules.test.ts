// Every rule with its own valid and invalid cases (ESLint's RuleTester, by editing the parsed sample): the rule
// stays silent (at warning level and above) where the document is right, and names exactly what is wrong.
import { describe, expect, it } from 'vitest';
import { listRules, type Finding, type Rule } from '../../src/audit/index.js';
import { RULES } from '../../src/audit/rules/index.js';
import type { Disclosure, Table } from '../../src/model/schema.js';
import { editProse, expectFindings, row, ruleFindings, sampleCopy, setCell, table } from './helpers.js';

interface Case {
  name: string;
  edit?: (doc: Disclosure) => void;
  prior?: (doc: Disclosure) => void;
  /** Expected findings at warning and error level (info is ignored unless `withInfo`). */
  findings: Partial<Finding>[];
  withInfo?: boolean;
}

/** The list printed in three complete levels without indentation: two group lines equal to the total above it. */
function inThreeLevels(t: Table): void {
  const total = t.rows.find((r) => r.role === 'total')!;
  const group = (name: string) => ({ ...structuredClone(total), name, label: name, role: 'item' as const });
  t.rows.splice(t.rows.indexOf(total) + 1, 0, group('一、类'), group('（一）款'));
  for (const r of t.rows) delete r.level;
}

const CASES: Record<string, Case[]> = {
  'table.row-sum': [
    { name: 'the sample (its one rounding difference is info)', findings: [] },
    {
      name: '预算支出总表 2010301 合计 ≠ 基本 + 项目',
      edit: (d) => setCell(row(table(d, 'expenditure'), '2010301'), 'total', '1371.58'),
      findings: [
        {
          severity: 'error',
          table: 'expenditure',
          row_code: '2010301',
          column: 'total',
          expected: '1361.58',
          actual: '1371.58',
        },
      ],
    },
    {
      name: 'a rounding difference is info',
      edit: (d) => setCell(row(table(d, 'expenditure'), '2010301'), 'total', '1361.59'),
      withInfo: true,
      findings: [
        {
          severity: 'info',
          table: 'expenditure',
          row_code: '2010301',
          expected: '1361.58',
          actual: '1361.59',
        },
        { severity: 'info', table: 'general_basic_economic', row_name: '合计' },
      ],
    },
    {
      // A table that prints its totals only (or whose breakdown was read into other columns): blank 基本/项目
      // columns throughout prove nothing, so no row is called wrong.
      name: '基本支出 and 项目支出 blank in every row: no finding',
      edit: (d) => {
        for (const r of table(d, 'expenditure').rows) {
          delete r.cells.basic;
          delete r.cells.project;
        }
      },
      findings: [],
    },
    {
      name: '基本支出 and 项目支出 blank in one row only: that row is wrong',
      edit: (d) => {
        const r = row(table(d, 'expenditure'), '2010301');
        delete r.cells.basic;
        delete r.cells.project;
      },
      findings: [
        { severity: 'error', table: 'expenditure', row_code: '2010301', expected: '0.00', actual: '1361.58' },
      ],
    },
  ],
  'table.hierarchy': [
    { name: 'the sample', findings: [] },
    {
      name: '款 20103 ≠ Σ项',
      edit: (d) => setCell(row(table(d, 'expenditure'), '2010302'), 'total', '954.90'),
      findings: [
        {
          severity: 'error',
          table: 'expenditure',
          row_code: '20103',
          column: 'total',
          expected: '2571.73',
          actual: '2561.73',
        },
      ],
    },
    {
      // 万里街道 2024: "301 2 津贴补贴" — the 款 printed without its leading 0 is still one of 301's items.
      name: '款 printed "2" for "02": still a child of its 类, no error',
      edit: (d) => (row(table(d, 'expenditure'), '20103').code = '2013'),
      findings: [],
    },
  ],
  'table.list-total': [
    { name: 'the sample', findings: [] },
    {
      name: '机关运行经费 部门合计 ≠ Σ单位',
      edit: (d) => setCell(row(table(d, 'operating_costs'), '忻州市人民政府办公室'), 'total', '331.83'),
      findings: [
        {
          severity: 'error',
          table: 'operating_costs',
          column: 'total',
          expected: '331.83',
          actual: '331.73',
        },
      ],
    },
    {
      // 政府采购 printed as 品目 > 专项 > 物品 without indentation: each level adds up to the total, so the lines
      // add up to three times it; read without levels, that is a hierarchy, not an error.
      name: 'a list of three complete levels read without levels: no finding',
      edit: (d) => {
        inThreeLevels(table(d, 'operating_costs'));
      },
      findings: [],
    },
    {
      name: 'the same with one line changed in another column: a warning, as the levels are not known',
      edit: (d) => {
        const t = table(d, 'operating_costs');
        inThreeLevels(t);
        setCell(row(t, '忻州市人民政府办公室'), 'general_public', '331.83');
      },
      findings: [
        {
          severity: 'warning',
          table: 'operating_costs',
          column: 'general_public',
          message:
            '机关运行经费预算财政拨款情况统计表分3层列示（各层之和均应等于合计），2023预算数/一般公共预算栏各行之和995.29不是合计的3倍',
        },
      ],
    },
  ],
  'table.summary-balance': [
    { name: 'the sample', findings: [] },
    {
      name: '本年收入合计 ≠ Σ收入',
      edit: (d) => setCell(row(table(d, 'summary'), '一般公共预算'), 'amount', '2989.49'),
      findings: [{ severity: 'error', table: 'summary', expected: '2989.49', actual: '2979.49' }],
    },
  ],
  'table.economic-groups': [
    { name: 'the sample (rounding only)', findings: [] },
    {
      name: '商品和服务支出 ≠ Σ款',
      edit: (d) => setCell(row(table(d, 'general_basic_economic'), '办公费'), 'total', '110.75'),
      findings: [
        {
          severity: 'error',
          table: 'general_basic_economic',
          row_name: '商品和服务支出',
          column: 'total',
          expected: '306.75',
          actual: '296.73',
        },
      ],
    },
  ],
  'table.economic-split': [
    { name: 'the sample', findings: [] },
    {
      name: '商品和服务支出下的科目列入人员经费',
      edit: (d) => setCell(row(table(d, 'general_basic_economic'), '办公费'), 'personnel', '5.00'),
      findings: [
        { severity: 'warning', table: 'general_basic_economic', row_name: '办公费', column: 'personnel' },
      ],
    },
  ],
  'table.three-public': [
    { name: 'the sample (empty table)', findings: [] },
    {
      name: '公务用车 ≠ 购置 + 运行维护',
      edit: (d) => {
        const t = table(d, 'three_public');
        t.empty = false;
        const set = (name: RegExp, v: string) =>
          setCell(
            t.rows.find((r) => name.test(r.name))!,
            'total',
            v,
          );
        set(/出国/, '1.00');
        set(/接待/, '2.00');
        set(/购置及运行/, '3.00');
        set(/用车购置费/, '1.00');
        set(/运行维护费/, '1.00');
        set(/^合计$/, '6.00');
      },
      findings: [
        { severity: 'error', table: 'three_public', column: 'total', expected: '2.00', actual: '3.00' },
      ],
    },
  ],
  'cross.summary-revenue': [
    { name: 'the sample', findings: [] },
    {
      name: '收入总表合计行一般公共预算与收支总表不同',
      edit: (d) => setCell(row(table(d, 'revenue'), '合计'), 'general_public', '2979.59'),
      findings: [
        {
          severity: 'error',
          table: 'summary',
          actual: '2979.49',
          expected: '2979.59',
          also: { table: 'revenue', column: 'general_public' },
        },
      ],
    },
  ],
  'cross.summary-expenditure': [
    { name: 'the sample', findings: [] },
    {
      name: '收支总表一般公共服务支出与支出总表不同',
      edit: (d) => setCell(row(table(d, 'summary'), '一般公共服务支出'), 'total', '2561.83'),
      findings: [
        {
          severity: 'error',
          table: 'summary',
          actual: '2561.83',
          expected: '2561.73',
          also: { table: 'expenditure' },
        },
      ],
    },
  ],
  'cross.function-rows': [
    { name: 'the sample', findings: [] },
    {
      name: '收入总表科目2010301合计与支出总表不同',
      edit: (d) => setCell(row(table(d, 'revenue'), '2010301'), 'total', '1361.68'),
      findings: [
        {
          severity: 'error',
          table: 'expenditure',
          row_code: '2010301',
          actual: '1361.58',
          expected: '1361.68',
          also: { table: 'revenue' },
        },
      ],
    },
    {
      // A 一般公共预算 column printed but left blank in every row (a layout's column the document does not fill)
      // is no statement of zero: nothing to compare.
      name: '收入总表一般公共预算栏整栏空白',
      edit: (d) => {
        for (const r of table(d, 'revenue').rows) delete r.cells.general_public;
      },
      findings: [],
    },
    {
      name: '收入总表一般公共预算栏只有一行空白：该科目不符',
      edit: (d) => {
        delete row(table(d, 'revenue'), '2010301').cells.general_public;
      },
      findings: [
        {
          severity: 'error',
          table: 'general_expenditure',
          row_code: '2010301',
          expected: '0.00',
          also: { table: 'revenue' },
        },
      ],
    },
  ],
  'cross.fiscal-summary': [
    { name: 'the sample', findings: [] },
    {
      name: '财政拨款收支总表一般公共预算收入与收支总表不同',
      edit: (d) => setCell(row(table(d, 'fiscal_summary'), '一般公共预算'), 'amount', '2979.59'),
      findings: [
        {
          severity: 'error',
          table: 'fiscal_summary',
          actual: '2979.59',
          expected: '2979.49',
          also: { table: 'summary' },
        },
      ],
    },
  ],
  'cross.general-basic': [
    { name: 'the sample', findings: [] },
    {
      name: '经济分类表合计与一般公共预算基本支出不同',
      edit: (d) => setCell(row(table(d, 'general_basic_economic'), '合计'), 'total', '2021.93'),
      findings: [
        {
          severity: 'error',
          table: 'general_basic_economic',
          actual: '2021.93',
          expected: '2011.93',
          also: { table: 'general_expenditure', column: 'basic' },
        },
      ],
    },
  ],
  'cross.operating-costs': [
    { name: 'the sample', findings: [] },
    {
      name: '机关运行经费 ≠ 公用经费, unit type unknown: warning',
      edit: (d) => setCell(row(table(d, 'operating_costs'), '部门合计'), 'total', '341.73'),
      findings: [
        {
          severity: 'warning',
          table: 'operating_costs',
          actual: '341.73',
          expected: '331.73',
          also: { table: 'general_basic_economic', column: 'public' },
        },
      ],
    },
    {
      name: '机关运行经费 ≠ 公用经费 in an administrative unit: error',
      edit: (d) => {
        d.metadata.unitType = 'administrative';
        setCell(row(table(d, 'operating_costs'), '部门合计'), 'total', '341.73');
      },
      findings: [{ severity: 'error', table: 'operating_costs', also: { table: 'general_basic_economic' } }],
    },
  ],
  'cross.projects-total': [
    { name: 'the sample', findings: [] },
    {
      name: '项目支出表各项目之和 ≠ 项目支出',
      edit: (d) => setCell(row(table(d, 'projects'), '法律顾问费'), 'total', '20.00'),
      findings: [
        { severity: 'error', table: 'expenditure', column: 'project', expected: '977.56', actual: '967.56' },
      ],
    },
  ],
  'cross.carryover': [
    { name: 'the sample', findings: [] },
    {
      name: '收支总表有上年结转，上年结转项目表为空',
      edit: (d) => setCell(row(table(d, 'summary'), '上年结转'), 'amount', '100.00'),
      findings: [{ severity: 'error', table: 'summary', expected: '0.00', actual: '100.00' }],
    },
  ],
  'cross.economic-function': [
    { name: 'the sample (养老 is a rounding difference)', findings: [] },
    {
      name: '住房公积金 经济分类 ≠ 2210201',
      edit: (d) => setCell(row(table(d, 'general_basic_economic'), '住房公积金'), 'total', '134.77'),
      findings: [
        {
          severity: 'warning',
          table: 'general_basic_economic',
          row_name: '住房公积金',
          actual: '163.45',
          expected: '153.45',
        },
      ],
    },
  ],
  'cross.empty-table': [
    { name: 'the sample', findings: [] },
    {
      name: '政府性基金表为空，收支总表却有政府性基金收入',
      edit: (d) => setCell(row(table(d, 'summary'), '政府性基金预算'), 'amount', '10.00'),
      findings: [
        { severity: 'error', table: 'summary', actual: '10.00' },
        { severity: 'error', table: 'summary', actual: '10.00' },
      ],
    },
  ],
  'cross.personnel-split': [
    { name: 'the sample (its 收支总表 prints no 人员经费 row)', findings: [] },
    {
      name: '收支总表的人员经费与经济分类表相同',
      edit: (d) => splitRow(d, '人员经费', '1680.19'),
      findings: [],
    },
    {
      name: '收支总表的人员经费与经济分类表不同（只有一般公共预算资金）',
      edit: (d) => splitRow(d, '人员经费', '1690.19'),
      findings: [
        {
          severity: 'error',
          table: 'summary',
          actual: '1690.19',
          expected: '1680.19',
          also: { table: 'general_basic_economic' },
        },
      ],
    },
  ],
  'narrative.amount': [
    { name: 'the sample', findings: [] },
    {
      name: '说明中的基本支出与支出总表不同',
      edit: (d) => editProse(d, '基本支出2,011.93万元', '基本支出2,011.83万元'),
      findings: [
        {
          severity: 'error',
          section: '三、支出预算情况说明',
          table: 'expenditure',
          expected: '2011.93',
          actual: '2011.83',
        },
      ],
    },
    {
      // 普陀区财政局 2024 决算 wording: the change of a total is not the total
      name: '“财政拨款收入支出总计增加X万元” is a change, not the total',
      edit: (d) =>
        editProse(d, '比上年减少726.75万元，下降19.61%', '与上年相比，财政拨款收入支出总计增加1193.20万元'),
      findings: [],
    },
    {
      name: '“本年收入预算X” is this year’s income (本年收入合计)',
      edit: (d) => editProse(d, '其中：本年收入2,979.49万元', '其中：本年收入预算2,979.59万元'),
      findings: [{ severity: 'error', table: 'summary', row_name: '本年收入合计', expected: '2979.49' }],
    },
    {
      // In the 支出 section, 基本支出 is the expenditure table's
      name: '“基本支出X” in the 支出预算 section is the expenditure table’s',
      edit: (d) => setCell(row(table(d, 'expenditure'), '合计'), 'basic', '2021.93'),
      findings: [{ severity: 'error', table: 'expenditure', column: 'basic', expected: '2021.93' }],
    },
    {
      // Elsewhere 基本支出 may mean all money's or the general budget's: the printed amount decides
      name: '“基本支出X” outside a 支出 section agrees with the general budget’s 基本支出 where the two differ',
      edit: (d) => {
        setCell(row(table(d, 'expenditure'), '合计'), 'basic', '2021.93');
        d.sections = d.sections.filter(
          (x) => !x.paragraphs.some((p) => p.text.includes('基本支出2,011.93万元')),
        );
        editProse(d, '2023年单位无政府性基金收支预算。', '本年基本支出2,011.93万元。');
      },
      findings: [],
    },
    {
      name: '“基本支出X” agreeing with neither of two different 基本支出 is ambiguous: not an error',
      edit: (d) => {
        setCell(row(table(d, 'expenditure'), '合计'), 'basic', '2021.93');
        d.sections = d.sections.filter(
          (x) => !x.paragraphs.some((p) => p.text.includes('基本支出2,011.93万元')),
        );
        editProse(d, '2023年单位无政府性基金收支预算。', '本年基本支出2,015.00万元。');
      },
      findings: [],
    },
    {
      // 上海 budgets: "5.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”87.70万元"
      name: '类/款/项 named in full binds to the 项 row: agreeing',
      edit: (d) =>
        editProse(
          d,
          '2023年单位无政府性基金收支预算。',
          '1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”1,361.58万元，主要用于行政运行。',
        ),
      findings: [],
    },
    {
      // 上海市普陀区财政局 2025 p.7: "机关事业单位职业年金缴费支出（项）”887.36万元" against the table's 87.36
      name: '类/款/项 named in full binds to the 项 row: disagreeing',
      edit: (d) =>
        editProse(
          d,
          '2023年单位无政府性基金收支预算。',
          '1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”1,316.58万元，主要用于行政运行。',
        ),
      findings: [
        {
          severity: 'error',
          table: 'general_expenditure',
          row_code: '2010301',
          expected: '1361.58',
          actual: '1316.58',
        },
      ],
    },
    {
      // 上海市普陀区财政局 2025 p.7: 877,080元 printed as 87.70万元
      name: '项 amount cut instead of rounded: a warning that says so',
      edit: (d) =>
        editProse(
          d,
          '2023年单位无政府性基金收支预算。',
          '1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”1,361.5万元，主要用于行政运行。',
        ),
      findings: [
        {
          severity: 'warning',
          table: 'general_expenditure',
          row_code: '2010301',
          message: expect.stringContaining('末位截断'),
        },
      ],
    },
    {
      // 社会福利院 2024 p.6: the 类 under its retired name ("医疗卫生与计划生育支出") still names the 项 row
      name: '类 under its retired name binds to the 项 row',
      edit: (d) =>
        editProse(
          d,
          '2023年单位无政府性基金收支预算。',
          '5.“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”16.21万元，主要用于人员医疗保险。',
        ),
      findings: [{ severity: 'error', table: 'general_expenditure', row_code: '2101102', expected: '16.12' }],
    },
    {
      // 江苏 wording: "2．法院（款）机关服务（项）支出1600万元"
      name: '款/项 without the 类 binds when the pair is unique',
      edit: (d) =>
        editProse(
          d,
          '2023年单位无政府性基金收支预算。',
          '1．政府办公厅（室）及相关机构事务（款）行政运行（项）支出1,361.68万元。',
        ),
      findings: [
        { severity: 'error', table: 'general_expenditure', row_code: '2010301', expected: '1361.58' },
      ],
    },
  ],
  'narrative.execution': [
    { name: 'the sample (no execution sentence)', findings: [] },
    {
      // 万里街道 2024 p.7, years moved to the sample's 2023
      name: '执行数、预算安排与减少比例相符',
      edit: (d) =>
        execution(
          d,
          '1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2022年当年预算执行数为60.13万元，2023年预算安排25.77万元，比2022年预算执行数减少57.14%。',
        ),
      findings: [],
    },
    {
      // 万里街道 2023 p.6: 11.67 → 45.41 is +289.12%, printed 314.82%
      name: '增减比例与执行数、预算安排不符',
      edit: (d) =>
        execution(
          d,
          '3.“一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”45.41万元，主要用于群众团体事务。2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。',
        ),
      findings: [{ severity: 'error', expected: '289.12%', actual: '314.82%' }],
    },
    {
      // 万里街道 2023 p.7: item 16 (220.63万元) repeats item 15's sentence (441.25万元, 60.54%)
      name: '预算安排与本项金额不同（复制上一项的句子）',
      edit: (d) =>
        execution(
          d,
          '16.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”220.63万元，主要用于职业年金。2022年当年预算执行数为132.59万元，2023年预算安排441.25万元，比2022年预算执行数增加60.54%。',
        ),
      findings: [
        { severity: 'error', expected: '220.63', actual: '441.25' },
        { severity: 'error', expected: '232.79%', actual: '60.54%' },
      ],
    },
    {
      // 万里街道 2024 p.7: "执行数为0.00万元 … 增加100.00%"
      name: '执行数为0却写增长比例',
      edit: (d) =>
        execution(
          d,
          '9.“教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2022年当年预算执行数为0.00万元，2023年预算安排25.00万元，比2022年预算执行数增加100.00%。',
        ),
      findings: [{ severity: 'warning', actual: '100.00%' }],
    },
    {
      name: '一段中两项：预算安排与紧接其前的一项比较',
      edit: (d) =>
        execution(
          d,
          '1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2022年当年预算执行数为60.13万元，2023年预算安排25.77万元，比2022年预算执行数减少57.14%。2.“一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”42.60万元，主要用于群众团体事务。2022年当年预算执行数为45.41万元，2023年预算安排42.60万元，比2022年预算执行数减少6.19%。',
        ),
      findings: [],
    },
    {
      name: '方向词与执行数、预算安排相反',
      edit: (d) =>
        execution(
          d,
          '1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2022年当年预算执行数为60.13万元，2023年预算安排25.77万元，比2022年预算执行数增加57.14%。',
        ),
      findings: [{ severity: 'error', expected: '减少', actual: '增加' }],
    },
    {
      // the template's wording left unedited: the direction is not checked (text.template reports it), the figures are
      name: '模板句式“增加（减少）C万元，增长（下降）D%”：只核对数字',
      edit: (d) =>
        execution(
          d,
          '1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2022年当年预算执行数为60.13万元，2023年预算安排25.77万元，比2022年预算执行数增加（减少）34.36万元，增长（下降）57.14%。',
        ),
      findings: [],
    },
    {
      name: '增减额与执行数、预算安排不符',
      edit: (d) =>
        execution(
          d,
          '1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2022年当年预算执行数为60.13万元，2023年预算安排25.77万元，比2022年预算执行数减少43.36万元，下降57.14%。',
        ),
      findings: [{ severity: 'error', expected: '34.36', actual: '43.36' }],
    },
    {
      // a 2026 budget compared with "2026年预算执行数" (reviewers' checklist)
      name: '年度不符：本年预算与本年执行数比较',
      edit: (d) =>
        execution(
          d,
          '1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行数为60.13万元，2023年预算安排25.77万元，比2023年预算执行数减少57.14%。',
        ),
      findings: [{ severity: 'warning' }],
    },
  ],
  'narrative.final-budget': [
    { name: 'the sample (a budget)', findings: [] },
    {
      // 普陀区财政局 2024 决算 p.21
      name: '完成比例与大小判断相符',
      edit: (d) =>
        finalSentence(
          d,
          '一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：个别信息化项目调减。',
        ),
      findings: [],
    },
    {
      name: '完成比例与金额不符',
      edit: (d) =>
        finalSentence(
          d,
          '一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.02%。决算数小于预算数的主要原因：个别信息化项目调减。',
        ),
      findings: [{ severity: 'error', expected: '98.20%', actual: '98.02%' }],
    },
    {
      name: '“决算数大于预算数”而决算小于预算',
      edit: (d) =>
        finalSentence(
          d,
          '一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数大于预算数的主要原因：个别信息化项目调减。',
        ),
      findings: [{ severity: 'error', expected: '决算数小于预算数' }],
    },
    {
      name: '年初预算为0却写完成比例',
      edit: (d) =>
        finalSentence(
          d,
          '“三公”经费财政拨款支出年初预算为0.00万元，支出决算为0.95万元，完成年初预算的100%。决算数大于预算数的主要原因：新增接待任务。',
        ),
      findings: [{ severity: 'warning', actual: '100%' }],
    },
  ],
  'narrative.shares-total': [
    { name: 'the sample', findings: [] },
    {
      // 普陀区财政局 2024 决算 p.21: 71.73% + 11.11% + 2.07% + 15.16% = 100.07%
      name: '各项占比合计超过100%',
      edit: (d) => editProse(d, '占67.53%', '占67.63%'),
      findings: [{ severity: 'warning', expected: '100%', actual: '100.10%' }],
    },
    {
      name: '“其中”嵌套项的占比不计入合计',
      edit: (d) =>
        editProse(
          d,
          '基本支出2,011.93万元，占67.53%；',
          '基本支出2,011.93万元，占67.53%，其中人员经费1,680.19万元，占56.39%；',
        ),
      findings: [],
    },
  ],
  'narrative.share': [
    { name: 'the sample', findings: [] },
    {
      name: '占比与金额不符',
      edit: (d) => editProse(d, '占67.53%', '占67.63%'),
      findings: [
        { severity: 'error', section: '三、支出预算情况说明', expected: '67.53%', actual: '67.63%' },
      ],
    },
    {
      // Jiangsu 2018 wording: each share names its whole, which the paragraph never states
      name: '“占“三公”经费的X%”：各项之和为总额，占比相符',
      edit: (d) => editProse(d, '本单位无“三公”经费预算。', threePublicShares('26.69%', '22.03%', '51.28%')),
      findings: [],
    },
    {
      // Jiangsu 2017 wording: the shares are of 三公 + 会议费 + 培训费, although the text says “三公”经费
      // 江苏省人民检察院 2018 p. 25: 63.75% and 10.87% are moved by 0.01 so that the list adds up to 100%
      name: '尾差调整：各项占比合计为100%，个别占比差一个末位',
      withInfo: true,
      edit: (d) =>
        editProse(
          d,
          '本单位无“三公”经费预算。',
          '本单位支出预算合计21,955.35万元，其中：基本支出13,994.31万元，占63.75%；' +
            '项目支出5,573万元，占25.38%；单位预留机动经费2,388.04万元，占10.87%。',
        ),
      findings: [
        { severity: 'info', expected: '63.74%', actual: '63.75%' },
        { severity: 'info', expected: '10.88%', actual: '10.87%' },
      ],
    },
    {
      name: '“占“三公”经费的X%”与各项之和不符',
      edit: (d) => editProse(d, '本单位无“三公”经费预算。', threePublicShares('8.75%', '7.22%', '16.81%')),
      findings: [
        { severity: 'warning', expected: '26.69%', actual: '8.75%' },
        { severity: 'warning', expected: '22.02%', actual: '7.22%' },
        { severity: 'warning', expected: '51.28%', actual: '16.81%' },
      ],
    },
  ],
  'narrative.change': [
    { name: 'the sample', findings: [] },
    {
      name: '变动率与变动额不符',
      edit: (d) => editProse(d, '下降5.58%', '下降6.58%'),
      findings: [
        {
          severity: 'error',
          section: '八、机关运行经费增减变动原因说明',
          expected: '5.58%',
          actual: '6.58%',
          message: expect.not.stringContaining('截断'),
        },
      ],
    },
    {
      // 江苏省人民检察院 2019 p.27: "减少1311.6万元，下降35.77%" (1311.6 ÷ 3666 = 35.778…%)
      name: '变动率末位截断而非四舍五入：仍是错误，并说明是截断',
      edit: (d) => editProse(d, '减少726.75万元，下降19.61%', '减少726.75万元，下降19.60%'),
      findings: [
        {
          severity: 'error',
          section: '一、单位预算收支数据变动情况及原因',
          expected: '19.61%',
          actual: '19.60%',
          message: expect.stringContaining('变动率应为19.61%，印为19.60%（末位截断）'),
        },
      ],
    },
    {
      name: '方向词矛盾',
      edit: (d) => editProse(d, '下降5.58%', '增长5.58%'),
      findings: [{ severity: 'error', section: '八、机关运行经费增减变动原因说明' }],
    },
    {
      name: '收入总计与支出总计隐含的上年数不同',
      edit: (d) =>
        editProse(d, /(支出总计2,979.49万元.*?减少)726.75万元，下降19.61%/, '$1736.75万元，下降19.83%'),
      findings: [
        {
          severity: 'error',
          section: '一、单位预算收支数据变动情况及原因',
          expected: '3706.24',
          actual: '3716.24',
        },
      ],
    },
  ],
  'narrative.parts': [
    { name: 'the sample', findings: [] },
    {
      name: '政府采购各项之和不等于总额',
      edit: (d) => editProse(d, '货物预算30.8万元', '货物预算40.8万元'),
      findings: [{ severity: 'error', section: '九、政府采购情况', expected: '539.5', actual: '529.5' }],
    },
  ],
  'narrative.count': [
    { name: 'the sample', findings: [] },
    {
      name: '个数与列举不符',
      edit: (d) => editProse(d, '设21个内设机构', '设22个内设机构'),
      findings: [{ severity: 'error', expected: '21', actual: '22' }],
    },
    {
      name: '绩效项目个数与项目支出表不符',
      edit: (d) => editProse(d, '项目11个', '项目12个'),
      findings: [{ severity: 'warning', expected: '11', actual: '12' }],
    },
  ],
  'narrative.list': [
    { name: 'the sample', findings: [] },
    {
      name: '人员经费列举了公用经费科目，漏列离休费',
      edit: (d) => editProse(d, '主要包括:离休费、', '主要包括:办公费、'),
      findings: [
        { severity: 'error', actual: '办公费' },
        { severity: 'warning', expected: '离休费' },
      ],
    },
  ],
  'narrative.unbound': [
    {
      name: 'without the procurement paragraph every amount binds to a table',
      edit: (d) => (d.sections = d.sections.filter((x) => x.kind !== 'procurement')),
      withInfo: true,
      findings: [],
    },
    {
      name: 'the sample: the four procurement amounts have no table',
      withInfo: true,
      findings: ['529.5', '30.8', '10', '488.7'].map((actual) => ({ severity: 'info' as const, actual })),
    },
  ],
  'performance.form-per-project': [
    {
      name: 'the sample: 驻村帮扶干部补助经费 has no form',
      findings: [{ severity: 'warning', table: 'projects', row_name: '驻村帮扶干部补助经费' }],
    },
    {
      name: 'without that project',
      edit: (d) => {
        const t = table(d, 'projects');
        t.rows = t.rows.filter((r) => r.name !== '驻村帮扶干部补助经费');
      },
      findings: [],
    },
  ],
  'performance.annual-amount': [
    { name: 'the sample (遗属生活补助 44,608元 vs 4.46万元 is rounding)', findings: [] },
    {
      name: '年度资金总额与项目支出表不同',
      edit: (d) =>
        (d.performanceForms.find((f) => f.project === '法律顾问费')!.funding.year.total = '110000'),
      findings: [{ severity: 'error', row_name: '法律顾问费', expected: '10.0000', actual: '11.0000' }],
    },
  ],
  'performance.funding-sum': [
    { name: 'the sample', findings: [] },
    {
      name: '年度资金总额 ≠ 各来源之和',
      edit: (d) => (d.performanceForms.find((f) => f.project === '法律顾问费')!.funding.year.local = '90000'),
      findings: [
        {
          severity: 'error',
          row_name: '法律顾问费',
          column: 'year.total',
          expected: '90000',
          actual: '100000',
        },
      ],
    },
  ],
  'performance.period': [
    {
      name: '项目期“2021年1月-2022年12月”不含2023年度',
      edit: (d) => (d.performanceForms[0].period = '2021年1月-2022年12月'),
      findings: [{ severity: 'warning', expected: '2023', actual: '2021年1月-2022年12月' }],
    },
    {
      name: '项目期“2022-2025年”含2023年度',
      edit: (d) => (d.performanceForms[0].period = '2022-2025年'),
      findings: [],
    },
    { name: 'the sample', findings: [] },
    {
      name: '实施期资金少于年度资金',
      edit: (d) =>
        (d.performanceForms.find((f) => f.project === '法律顾问费')!.funding.period.total = '50000'),
      findings: [{ severity: 'error', row_name: '法律顾问费', actual: '50000' }],
    },
  ],
  'performance.indicator-tree': [
    {
      name: 'the sample: 领导调研经费 period cost value "万元"',
      findings: [{ severity: 'warning', row_name: '领导调研经费' }],
    },
    {
      name: '缺少时效指标',
      edit: (d) => {
        const f = d.performanceForms.find((x) => x.project === '法律顾问费')!;
        f.indicators.year = f.indicators.year.filter((i) => !i.level2.includes('时效'));
      },
      findings: [
        { severity: 'warning', row_name: '法律顾问费', message: '“法律顾问费”年度绩效指标缺少：时效指标' },
        { severity: 'warning', row_name: '领导调研经费' },
      ],
    },
  ],
  'performance.duplicate-indicator': [
    {
      name: 'the sample: the importer dropped a repeated 满意度 row twice',
      findings: [
        { severity: 'warning', row_name: '领导调研经费' },
        { severity: 'warning', row_name: '领导调研经费' },
      ],
    },
    {
      name: 'a repeated indicator',
      edit: (d) => {
        const f = d.performanceForms.find((x) => x.project === '法律顾问费')!;
        f.indicators.year.push({ ...f.indicators.year[0] });
      },
      findings: [
        { severity: 'warning', row_name: '法律顾问费' },
        { row_name: '领导调研经费' },
        { row_name: '领导调研经费' },
      ],
    },
  ],
  'performance.cost-indicator': [
    {
      name: 'cost indicators stated as amounts within the budget and their own arithmetic',
      edit: (d) => {
        const fix = (project: string, printed: string) => {
          const f = d.performanceForms.find((x) => x.project === project)!;
          for (const list of [f.indicators.period, f.indicators.year])
            for (const i of list)
              if (i.level2.includes('成本'))
                Object.assign(i, { printed, operator: '≤', value: null, valueUnit: null });
        };
        fix('法律顾问费', '≤10万元');
        fix('忻州市老区建设促进会经费', '≤8万元');
        fix('领导调研经费', '≤54万元');
      },
      findings: [],
    },
    {
      name: 'the sample',
      findings: [
        { row_name: '法律顾问费', actual: '≥95百分号' },
        { row_name: '法律顾问费', actual: '≥95百分号' },
        { row_name: '领导调研经费', expected: '≤54万元', actual: '64万元' },
        { row_name: '领导调研经费', expected: '54万元', actual: '64万元' },
        { row_name: '忻州市老区建设促进会经费', actual: '≥70%' },
        { row_name: '忻州市老区建设促进会经费', actual: '≥70%' },
      ],
    },
  ],
  'completeness.tables': [
    { name: 'the sample', findings: [] },
    {
      name: '缺少“三公”经费表',
      edit: (d) => (d.tables = d.tables.filter((t) => t.kind !== 'three_public')),
      findings: [{ severity: 'error', table: 'three_public' }],
    },
  ],
  'completeness.sections': [
    { name: 'the sample', findings: [] },
    {
      name: '缺少政府采购情况',
      edit: (d) => (d.sections = d.sections.filter((s) => s.kind !== 'procurement')),
      findings: [{ severity: 'warning', section: '政府采购情况说明' }],
    },
    {
      // 重庆市交通委员会 2018: "２.政府采购情况。所属各预算单位政府采购预算总额6060.41万元…" inside 其他重要事项
      name: '政府采购情况写在段首（段内标题）',
      edit: (d) => {
        d.sections = d.sections.filter((s) => s.kind !== 'procurement');
        d.sections.at(-1)!.paragraphs.push({ text: '２.政府采购情况。本单位政府采购预算总额6060.41万元。' });
      },
      findings: [],
    },
  ],
  'completeness.empty-note': [
    { name: 'the sample', findings: [] },
    {
      name: '空表未注明，说明中也未提及',
      edit: (d) => {
        table(d, 'gov_fund_revenue').notes = [];
        editProse(d, '2023年单位无政府性基金收支预算。', '');
      },
      findings: [{ severity: 'warning', table: 'gov_fund_revenue' }],
    },
    ...['故本表无数据。', '本部门无该项目。', '此表为空。'].map((note) => ({
      name: `空表注明“${note}”`,
      edit: (d: Disclosure) => (table(d, 'gov_fund_revenue').notes = [note]),
      findings: [],
    })),
    {
      // 上海市财政局 2025 p.5: "政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0。"
      name: '说明中写明“政府性基金拨款支出预算为0”',
      edit: (d) => {
        table(d, 'gov_fund_revenue').notes = [];
        d.sections[0].paragraphs.push({
          text: '政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0。',
        });
      },
      findings: [],
    },
    {
      name: '说明中的“为0.05万元”不是无数据',
      edit: (d) => {
        table(d, 'gov_fund_revenue').notes = [];
        editProse(d, '2023年单位无政府性基金收支预算。', '政府性基金拨款支出预算为0.05万元。');
      },
      findings: [{ severity: 'warning', table: 'gov_fund_revenue' }],
    },
  ],
  'completeness.toc': [
    { name: 'the sample', findings: [] },
    {
      name: '目录“其他重要事项说明”，正文“其他重要事项的情况说明”',
      edit: (d) => {
        d.contents.push({ title: '十三、其他重要事项说明', level: 2 });
        d.sections.push({
          kind: 'other',
          title: '其他重要事项的情况说明',
          number: '十三',
          level: 2,
          paragraphs: [],
        });
      },
      findings: [],
    },
    {
      name: '目录有、正文无',
      edit: (d) => d.contents.push({ title: '十三、项目经费情况说明', level: 2 }),
      findings: [{ severity: 'warning', excerpt: '十三、项目经费情况说明' }],
    },
    {
      name: '正文不印的分组标题，其下各项都在正文中',
      edit: (d) =>
        d.contents.push(
          { title: '十三、单位预算表', level: 2 },
          { title: '1．预算收支总表', level: 4 },
          { title: '2．预算收入总表', level: 4 },
        ),
      findings: [],
    },
    {
      name: '分组标题下有一项正文中没有',
      edit: (d) =>
        d.contents.push(
          { title: '十三、单位预算表', level: 2 },
          { title: '1．预算收支总表', level: 4 },
          { title: '2．政府采购预算明细表', level: 4 },
        ),
      findings: [
        { severity: 'warning', excerpt: '十三、单位预算表' },
        { severity: 'warning', excerpt: '2．政府采购预算明细表' },
      ],
    },
  ],
  'completeness.year-unit': [
    { name: 'the sample', findings: [] },
    {
      name: '表头单位名称不同',
      edit: (d) => (table(d, 'revenue').unitName = '忻州市财政局'),
      findings: [{ severity: 'warning', table: 'revenue', actual: '忻州市财政局' }],
    },
    {
      name: '表头单位名称为同一单位的另一写法（党委前缀、截断）',
      edit: (d) => {
        table(d, 'revenue').unitName = '中共忻州市人民政府办公室';
        table(d, 'expenditure').unitName = '忻州市人民政府办';
      },
      findings: [],
    },
    {
      name: '表题年度不同',
      edit: (d) => (table(d, 'revenue').title = '2022年预算收入总表'),
      findings: [{ severity: 'warning', table: 'revenue', actual: '2022' }],
    },
  ],
  'completeness.import': [
    { name: 'the sample', findings: [{ severity: 'warning' }] },
    {
      name: 'a partly read document says what is missing',
      edit: (d) =>
        d.importNotes.push({
          level: 'error',
          code: 'truncated',
          message: '文件在第二部分之后中断，缺少情况说明',
        }),
      findings: [
        { severity: 'warning' },
        { severity: 'warning', message: '读取说明：文件在第二部分之后中断，缺少情况说明' },
      ],
    },
  ],
  'codes.catalog': [
    { name: 'the sample (every code and name is in the catalog)', findings: [], withInfo: true },
    {
      name: '名称与目录不同',
      edit: (d) => (row(table(d, 'expenditure'), '2010350').name = '事业单位运行'),
      withInfo: true,
      findings: [{ severity: 'info', row_code: '2010350', expected: '事业运行', actual: '事业单位运行' }],
    },
  ],
  'codes.consistent-name': [
    { name: 'the sample', findings: [] },
    {
      name: '一码两名',
      edit: (d) => (row(table(d, 'expenditure'), '2010350').name = '事业单位运行'),
      findings: [
        {
          severity: 'error',
          table: 'expenditure',
          row_code: '2010350',
          expected: '事业运行',
          actual: '事业单位运行',
        },
      ],
    },
  ],
  'codes.format': [
    { name: 'the sample', findings: [] },
    {
      // 万里街道 2024 p.29: "301   2   津贴补贴".
      name: '款 printed "2" for "02"',
      edit: (d) => (row(table(d, 'expenditure'), '20103').code = '2013'),
      findings: [
        { severity: 'warning', table: 'expenditure', row_code: '2013', actual: '2013', expected: '20103' },
      ],
    },
    {
      // 社会福利院 2024 p.9: "7   11   02   事业单位医疗" under 210 卫生健康支出.
      name: '类 printed "7" for "210"',
      edit: (d) => (row(table(d, 'expenditure'), '2101102').code = '71102'),
      findings: [
        {
          severity: 'warning',
          table: 'expenditure',
          row_code: '71102',
          actual: '71102',
          expected: '2101102',
          message: '预算支出总表“事业单位医疗”的科目编码71102与所属类210不一致，应为2101102',
        },
      ],
    },
    {
      // The catalogue has no 2101102 of this name: the correction is not certain, only the mismatch is said.
      name: 'a misprinted code whose correction is not certain',
      edit: (d) => {
        const r = row(table(d, 'expenditure'), '2101102');
        r.code = '71102';
        r.name = '其他医疗支出';
      },
      findings: [{ severity: 'warning', row_code: '71102', message: expect.not.stringContaining('应为') }],
    },
    {
      name: 'a 项 under another 类 printed with all seven digits',
      edit: (d) => (row(table(d, 'expenditure'), '2101102').code = '2201102'),
      findings: [{ severity: 'warning', row_code: '2201102', expected: '2101102' }],
    },
  ],
  'text.template': [
    { name: 'the sample', findings: [] },
    {
      // 江苏省人大常委会办公厅 2019 p.16: "比上年预算增加（减少）0万元"
      name: '模板用语“增加（减少）”未改写',
      edit: (d) => editProse(d, '下降5.58%', '增长（减少）5.58%'),
      findings: [{ severity: 'warning', section: '八、机关运行经费增减变动原因说明' }],
    },
    {
      // 江苏省人大常委会办公厅 2019 p.16: "政府性基金支出预算支出万元"
      name: '金额留空“支出 万元”',
      edit: (d) => editProse(d, '2023年单位无政府性基金收支预算。', '2023年政府性基金支出预算支出 万元。'),
      findings: [{ severity: 'warning', message: expect.stringContaining('金额留空') }],
    },
    {
      name: '百分数缺%',
      edit: (d) => editProse(d, '下降5.58%', '下降5.58'),
      findings: [{ severity: 'warning', message: expect.stringContaining('百分数缺少%') }],
    },
    {
      name: '标题中的XX',
      edit: (d) => (table(d, 'summary').title = 'XX单位2023年收支预算总表'),
      findings: [{ severity: 'warning', table: 'summary', message: expect.stringContaining('XX') }],
    },
    {
      name: '“单位：万元”不是留空',
      edit: (d) => editProse(d, '2023年单位无政府性基金收支预算。', '本表金额单位：万元。以万元为单位。'),
      findings: [],
    },
  ],
  'text.punctuation': [
    { name: 'the sample', findings: [] },
    {
      name: '“。。”',
      edit: (d) => editProse(d, '2023年单位无政府性基金收支预算。', '2023年单位无政府性基金收支预算。。'),
      findings: [{ severity: 'warning', message: '标点“。。”重复' }],
    },
    {
      name: '引号未闭合',
      edit: (d) => editProse(d, '本单位无“三公”经费预算。', '本单位无“三公经费预算。'),
      findings: [{ severity: 'warning', message: expect.stringContaining('引号不成对') }],
    },
    {
      // 江苏省人民检察院 2017 p.8: the line with "（挂" was lost in reading; the "）" left is no defect
      name: '只有右括号（读取时丢了一行）不报',
      edit: (d) => editProse(d, '本单位无“三公”经费预算。', '本单位无“三公”经费预算）。'),
      findings: [],
    },
    {
      // 江苏省高级人民法院 2017 p.4: "…针对案件审理中发现的问题提出司法建议" ends the section
      name: '节末段落没有句号',
      edit: (d) =>
        editProse(
          d,
          '2023年单位无政府性基金收支预算。',
          '2023年单位无政府性基金收支预算。本单位政府性基金的收支均按规定列入相应的预算表中公开并说明',
        ),
      findings: [{ severity: 'warning', message: expect.stringContaining('没有句号') }],
    },
  ],
  'text.repeated': [
    { name: 'the sample', findings: [] },
    {
      // 上海市普陀区财政局 2025 p.8 prints items 7–11 of p.7 again
      name: '同一节中段落印了两次',
      edit: (d) => {
        const s = d.sections.find((x) =>
          x.paragraphs.some((p) => p.text.includes('本单位无“三公”经费预算')),
        )!;
        s.paragraphs.push({
          ...s.paragraphs.find((p) => p.text.includes('本单位无“三公”经费预算'))!,
          source: { page: 99 },
        });
        s.paragraphs[s.paragraphs.length - 1].text =
          '本单位无“三公”经费预算。因公出国（境）费、公务用车购置及运行费、公务接待费均为零。';
        s.paragraphs.push({ text: s.paragraphs[s.paragraphs.length - 1].text, source: { page: 100 } });
      },
      findings: [{ severity: 'warning', page: 100 }],
    },
    {
      // 江苏省政协办公厅 2017: the same item list under 财政拨款支出 and under 一般公共预算支出
      name: '两节中相同的段落不报',
      edit: (d) => {
        const text = '本单位无“三公”经费预算。因公出国（境）费、公务用车购置及运行费、公务接待费均为零。';
        d.sections[0].paragraphs.push({ text });
        d.sections[1].paragraphs.push({ text });
      },
      findings: [],
    },
  ],
  'text.doubled-word': [
    { name: 'the sample', findings: [] },
    {
      // GovBudgetChecker's example: "比2024年预算增加增加584.0909万元"
      name: '“减少减少”',
      edit: (d) => editProse(d, '比2022年预算同口径减少', '比2022年预算同口径减少减少'),
      findings: [{ severity: 'warning', excerpt: '减少减少' }],
    },
  ],
  'text.year': [
    { name: 'the sample', findings: [] },
    {
      name: '2023年预算的表名写为2022年',
      edit: (d) => (table(d, 'summary').title = '2022年收支预算总表'),
      findings: [{ severity: 'warning', table: 'summary', expected: '2023', actual: '2022' }],
    },
    {
      // reviewers' checklist: a 2026 budget comparing with "2026年预算"
      name: '与本年比较',
      edit: (d) => editProse(d, '比2022年预算同口径减少', '比2023年预算同口径减少'),
      findings: [{ severity: 'warning', expected: '2022', actual: '2023' }],
    },
    {
      name: '决算写“截至上一年12月31日”',
      edit: (d) => {
        d.metadata.kind = 'unit_final';
        editProse(d, '2023年单位无政府性基金收支预算。', '截至2022年12月31日，本单位共有车辆2辆。');
      },
      findings: [{ severity: 'warning', expected: '2023', actual: '2022' }],
    },
  ],
  'text.empty-reason': [
    { name: 'the sample', findings: [] },
    {
      // the template's "主要原因是……。" left in place
      name: '主要原因是……。',
      edit: (d) => editProse(d, '主要原因是公用经费及忻州市政府信息化项目运维费减少。', '主要原因是……。'),
      findings: [{ severity: 'warning', section: '一、单位预算收支数据变动情况及原因' }],
    },
    {
      // 普陀区财政局 2024 决算 p.21: "主要原因：" ends the line, the reason follows in the next paragraph
      name: '“主要原因：”之后换段接着写原因，不报',
      edit: (d) => editProse(d, /主要原因是公用经费及忻州市政府信息化项目运维费减少。[^\n]*$/, '主要原因：'),
      findings: [],
    },
    {
      name: '主要原因是。',
      edit: (d) => editProse(d, '主要原因是公用经费及忻州市政府信息化项目运维费减少。', '主要原因是。'),
      findings: [{ severity: 'warning', section: '一、单位预算收支数据变动情况及原因' }],
    },
  ],
  'text.placeholder': [
    { name: 'the sample', findings: [] },
    {
      name: 'XX',
      edit: (d) => editProse(d, '本单位无“三公”经费预算', 'XX单位无“三公”经费预算'),
      findings: [{ severity: 'warning', section: '七、“三公”经费增减变动原因说明' }],
    },
  ],
  'text.wording': [
    {
      name: 'the sample: 部门各单位 in a 单位预算',
      findings: [{ severity: 'warning', actual: '部门各单位' }],
    },
    { name: 'corrected', edit: (d) => editProse(d, '部门各单位', ''), findings: [] },
    {
      // 上海市财政局 2025 单位预算 p. 3: a finance bureau's duties name the reform, not this document
      name: 'duties that name 深化部门预算改革',
      edit: (d) => {
        editProse(d, '部门各单位', '');
        d.overview.duties.push({ text: '深化部门预算改革，加强预算支出标准体系建设。' });
      },
      findings: [],
    },
    {
      name: 'a 部门预算 that says 单位预算 and 本单位',
      edit: (d) => {
        d.metadata.kind = 'department_budget';
        editProse(d, '部门各单位', '');
      },
      findings: [
        { severity: 'warning', actual: '单位预算' },
        { severity: 'warning', actual: '本单位', message: expect.stringContaining('应为“本部门”') },
      ],
    },
    { name: 'a 部门预算 written as one', edit: asDepartment, findings: [] },
    {
      // 上海市普陀区财政局 2025 部门预算 p.22: the 政府采购 and 绩效目标 paragraphs describe the department as 本单位.
      name: '部门预算: 本单位政府采购预算, 本单位编报绩效目标的项目',
      edit: (d) => {
        asDepartment(d);
        execution(
          d,
          '2025年度本单位政府采购预算117.00万元。2025年度，本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。',
        );
      },
      findings: [
        { severity: 'warning', actual: '本单位', excerpt: '2025年度本单位政府采购预算117.00万元。' },
        { severity: 'warning', actual: '本单位', excerpt: expect.stringContaining('编报绩效目标') },
      ],
    },
    {
      name: '部门预算: the organisation list that calls one unit 本单位',
      edit: (d) => {
        asDepartment(d);
        d.overview.organisation.push({
          text: '纳入本部门预算编制范围的单位共2个：本单位（机关本级）和所属事业单位。',
        });
      },
      findings: [],
    },
    {
      name: '部门预算: 本部门及所属单位, 各单位, 单位资金, 预算单位, 所属单位预算, 基本单位, a quoted table name',
      edit: (d) => {
        asDepartment(d);
        execution(
          d,
          '本部门及所属单位严格执行预算，各单位资金按规定使用。部门预算由本级和所属单位预算组成，预算单位共3个，' +
            '以户为基本单位统计。详见《本单位预算收支总表》。',
        );
      },
      findings: [],
    },
  ],
  'text.editorial': [
    { name: 'the sample', findings: [] },
    {
      // 上海市普陀区社会福利院 2024 单位预算 p.16: "五、国有资产占有使用情况（增加内容）".
      name: 'a heading that keeps （增加内容）',
      edit: (d) => {
        const s = d.sections.find((x) => x.level === 2)!;
        s.title = `${s.title}（增加内容）`;
      },
      findings: [{ severity: 'warning', actual: '（增加内容）', message: expect.stringContaining('标题中') }],
    },
    {
      name: 'a heading that keeps （可选）',
      edit: (d) => {
        const s = d.sections.find((x) => x.level === 2)!;
        s.title = `${s.title}（可选）`;
      },
      findings: [{ severity: 'warning', actual: '（可选）' }],
    },
    {
      name: 'body text that keeps （根据实际情况填写） and 【此处填写项目名称】',
      edit: (d) => execution(d, '本单位项目主要包括（根据实际情况填写）。【此处填写项目名称】。'),
      findings: [
        { severity: 'warning', actual: '（根据实际情况填写）' },
        { severity: 'warning', actual: '【此处填写项目名称】' },
      ],
    },
    {
      // 万里街道 2023 p.3: "沪财预【2017】…"; brackets that belong to the text.
      name: 'a document number in 【】, （含车辆购置税）, （不含上年结转）, （一）',
      edit: (d) =>
        execution(
          d,
          '按沪财预【2017】12号文件执行。（一）公务用车购置费（含车辆购置税）按不含上年结转的口径计算。',
        ),
      findings: [],
    },
  ],
  'completeness.cover': [
    { name: 'the sample', findings: [] },
    {
      name: 'a cover with another year than every table',
      edit: (d) => (d.metadata.title = '忻州市人民政府办公室2022年度单位预算公开'),
      findings: [{ severity: 'error', section: '封面', expected: '2023年', actual: '2022年' }],
    },
    {
      name: 'a cover that says 决算 over budget tables',
      edit: (d) => (d.metadata.title = '忻州市人民政府办公室2023年度单位决算公开'),
      findings: [{ severity: 'error', expected: '预算', actual: '决算' }],
    },
    {
      name: 'a cover that says 部门预算 where the parts say 单位预算',
      edit: (d) => (d.metadata.title = '忻州市人民政府办公室2023年度部门预算公开'),
      findings: [{ severity: 'error', expected: '单位预算', actual: '部门预算' }],
    },
    {
      name: 'a cover naming another unit than the tables',
      edit: (d) => (d.metadata.title = '忻州市财政局2023年度单位预算公开'),
      findings: [
        {
          severity: 'error',
          expected: '忻州市人民政府办公室',
          actual: '忻州市财政局',
          message: '封面标题的单位“忻州市财政局”与13张报表所列的单位“忻州市人民政府办公室”不同',
        },
      ],
    },
    {
      // 上海市普陀区财政局 2025: "上海市普陀区2025年区级部门预算" names the district, the unit is on its own line.
      name: 'a cover that names the region only',
      edit: (d) => (d.metadata.title = '忻州市2023年度单位预算公开'),
      findings: [],
    },
    {
      // 万里街道: the cover may add the province or leave out 人民政府 ("普陀区万里街道办事处").
      name: 'a cover that names the unit with its province and without 人民政府',
      edit: (d) => (d.metadata.title = '山西省忻州市政府办公室2023年度单位预算公开'),
      findings: [],
    },
    {
      name: 'one table with another year: the cover agrees with the rest',
      edit: (d) => (d.tables[0].title = '2022年预算收支总表'),
      findings: [],
    },
    {
      name: 'no cover title read: said, at info',
      edit: (d) => delete d.metadata.title,
      withInfo: true,
      findings: [{ severity: 'info', message: '未读到封面标题，封面的年度、单位和文件类型未核对' }],
    },
  ],
  'text.outdated-name': [
    { name: 'the sample', findings: [] },
    {
      name: '2023年使用医疗卫生与计划生育支出',
      edit: (d) => (row(table(d, 'expenditure'), '210').name = '医疗卫生与计划生育支出'),
      findings: [{ severity: 'warning', table: 'expenditure', expected: '卫生健康支出' }],
    },
  ],
  'prior.change': [
    {
      name: 'the prior year agrees with the changes the explanation states',
      prior: (p) => setPrior(p, '351.33'),
      findings: [],
    },
    {
      name: '机关运行经费上年数与上年度文件不同',
      prior: (p) => setPrior(p, '361.33'),
      findings: [
        {
          severity: 'error',
          section: '八、机关运行经费增减变动原因说明',
          expected: '361.33',
          actual: '351.33',
        },
        { severity: 'error', section: '八、机关运行经费增减变动原因说明', actual: '5.58%' },
      ],
    },
  ],
};

/** A prior-year document consistent with the sample's stated changes (3,706.24 total; 机关运行经费 as given). */
/** A 三公 paragraph whose shares name their whole (amounts of 江苏省人大常委会办公厅 2017/2018, p. 28/27). */
function threePublicShares(abroad: string, vehicles: string, reception: string): string {
  return (
    `本单位“三公”经费预算支出中，因公出国（境）费支出222.5万元，占“三公”经费的${abroad}；` +
    `公务用车购置及运行费支出183.6万元，占“三公”经费的${vehicles}；公务接待费支出427.5万元，占“三公”经费的${reception}。`
  );
}

function setPrior(p: Disclosure, operating: string): void {
  p.metadata.year = 2022;
  const summary = table(p, 'summary');
  setCell(
    summary.rows.find((r) => r.name === '收入总计')!,
    'amount',
    '3706.24',
  );
  setCell(
    summary.rows.find((r) => r.name === '支出总计')!,
    'total',
    '3706.24',
  );
  setCell(row(table(p, 'general_expenditure'), '合计'), 'total', '3706.24');
  setCell(row(table(p, 'operating_costs'), '部门合计'), 'total', operating);
}

describe('rule catalogue', () => {
  it('lists every rule with a unique stable id, a Chinese title and a basis', () => {
    const rules = listRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
      expect(r.basis.length).toBeGreaterThan(4);
    }
  });

  it('has valid and invalid cases for every rule', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !CASES[id] || CASES[id].length < 1);
    expect(missing).toEqual([]);
  });
});

/** Appends an item paragraph in the Shanghai wording to the explanation. */
function execution(d: Disclosure, text: string): void {
  editProse(d, '2023年单位无政府性基金收支预算。', text);
}

/** Makes the sample a 部门预算 that speaks of itself as a department. */
function asDepartment(d: Disclosure): void {
  d.metadata.kind = 'department_budget';
  editProse(d, '部门各单位', '');
  editProse(d, /本单位/g, '本部门');
  editProse(d, /单位预算/g, '部门预算');
}

/** Makes the sample a 决算 and gives it one sentence of the 决算 wording. */
function finalSentence(d: Disclosure, text: string): void {
  d.metadata.kind = 'unit_final';
  editProse(d, '2023年单位无政府性基金收支预算。', text);
}

/** Adds a memo row "人员经费"/"公用经费" to the expenditure side of the 收支总表, as some families print it. */
function splitRow(d: Disclosure, name: string, value: string): void {
  const summary = table(d, 'summary');
  const template = summary.rows.find((r) => r.side === 'expenditure' && r.name === '一般公共服务支出')!;
  const memo = structuredClone(template);
  memo.name = name;
  memo.label = name;
  memo.role = 'memo';
  for (const c of Object.keys(memo.cells)) memo.cells[c] = { value: null, printed: '' };
  setCell(memo, 'total', value);
  summary.rows.push(memo);
}

for (const rule of RULES) {
  describe(rule.meta.id, () => {
    for (const c of CASES[rule.meta.id] ?? []) {
      it(c.name, async () => {
        const doc = await sampleCopy();
        c.edit?.(doc);
        let prior: Disclosure | undefined;
        if (c.prior) {
          prior = await sampleCopy();
          c.prior(prior);
        }
        const found = ruleFindings(rule as Rule, doc, prior).filter(
          (f) => c.withInfo || f.severity !== 'info',
        );
        expectFindings(found, c.findings);
      });
    }
  });
}
