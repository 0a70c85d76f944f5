// A Disclosure built by hand from the sample (xinzhou-govoffice-2023-unit-budget.txt): all 13 tables with the
// printed values copied from the document, a few explanation sections, the glossary and two performance forms.
// Used until the recogniser can produce the same from the text.
import { parseNumber } from '../../src/model/money.js';
import {
  Disclosure,
  type Column,
  type DisclosureInput,
  type Row,
  type RowRole,
  type Table,
  type TableKind,
} from '../../src/model/schema.js';

const cell = (printed: string) => ({ value: parseNumber(printed)?.value ?? null, printed });

function cellsOf(columns: readonly string[], values: readonly string[]): Row['cells'] {
  const cells: Row['cells'] = {};
  columns.forEach((id, i) => (cells[id] = cell(values[i] ?? '')));
  return cells;
}

const ROLE_OF: Record<string, RowRole> = {
  合计: 'total',
  部门合计: 'total',
  本年收入合计: 'year_total',
  本年支出合计: 'year_total',
  上年结转: 'carryover',
  上年财政拨款结转: 'carryover',
  年终结转: 'year_end_carryover',
  收入总计: 'grand_total',
  支出总计: 'grand_total',
};

const stripEnumeration = (label: string) => label.replace(/^[一二三四五六七八九十]+、|^[①②③④⑤]/, '');

/** Rows "code\tname\tvalues…" of a function-classified table. */
function codedRows(columns: readonly string[], tsv: string): Row[] {
  return lines(tsv).map(([code, name, ...values]) => {
    if (!/^\d+$/.test(code))
      return { name: code, label: code, role: ROLE_OF[code] ?? 'item', cells: cellsOf(columns, values) };
    const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
    return {
      code,
      name,
      label: name,
      level,
      parent: level > 1 ? code.slice(0, level === 2 ? 3 : 5) : undefined,
      role: 'item',
      cells: cellsOf(columns, values),
    };
  });
}

/** Rows "label\tvalues…" of a table whose rows are named (三公, projects, units). */
function namedRows(columns: readonly string[], tsv: string): Row[] {
  return lines(tsv).map(([label, ...values]) => ({
    name: stripEnumeration(label),
    label,
    role: ROLE_OF[label] ?? (/^[①②]/.test(label) ? 'memo' : 'item'),
    cells: cellsOf(columns, values),
  }));
}

const lines = (tsv: string) =>
  tsv
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));

const col = (id: string, label: string, side?: 'income' | 'expenditure'): Column => ({ id, label, side });

function table(kind: TableKind, title: string, columns: Column[], rows: Row[], empty = false): Table {
  return {
    kind,
    title,
    unit: '万元',
    unitName: '忻州市人民政府办公室',
    columns,
    rows,
    notes: empty ? ['注：本表无数据'] : [],
    empty,
  };
}

const FUNCTION_ROWS = `
合计\t\t2,979.49\t2,011.93\t967.56
201\t一般公共服务支出\t2,561.73\t1,612.37\t949.36
20103\t政府办公厅（室）及相关机构事务\t2,561.73\t1,612.37\t949.36
2010301\t行政运行\t1,361.58\t1,357.12\t4.46
2010302\t一般行政管理事务\t944.90\t\t944.90
2010350\t事业运行\t255.25\t255.25\t
208\t社会保障和就业支出\t171.21\t171.21\t
20805\t行政事业单位养老支出\t171.21\t171.21\t
2080505\t机关事业单位基本养老保险缴费支出\t171.21\t171.21\t
210\t卫生健康支出\t74.90\t74.90\t
21011\t行政事业单位医疗\t74.90\t74.90\t
2101101\t行政单位医疗\t58.78\t58.78\t
2101102\t事业单位医疗\t16.12\t16.12\t
213\t农林水支出\t18.20\t\t18.20
21305\t巩固脱贫攻坚成果衔接乡村振兴\t18.20\t\t18.20
2130599\t其他巩固脱贫攻坚成果衔接乡村振兴支出\t18.20\t\t18.20
221\t住房保障支出\t153.45\t153.45\t
22102\t住房改革支出\t153.45\t153.45\t
2210201\t住房公积金\t153.45\t153.45\t`;

const REVENUE_ROWS = FUNCTION_ROWS.split('\n')
  .map((l) => {
    const [code, name, total] = l.split('\t');
    return l ? [code, name, total, total].join('\t') : l;
  })
  .join('\n');

/** The 30 function classes of the summary tables, with the sample's amounts (total = current). */
const CLASSES =
  `一般公共服务支出 2,561.73|外交支出|国防支出|公共安全支出|教育支出|科学技术支出|文化旅游体育与传媒支出|社会保障和就业支出 171.21|社会保险基金支出|卫生健康支出 74.90|节能环保支出|城乡社区支出|农林水支出 18.20|交通运输支出|资源勘探工业信息等支出|商业服务业等支出|金融支出|援助其他地区支出|自然资源海洋气象等支出|住房保障支出 153.45|粮油物资储备支出|国有资本经营预算支出|灾害防治及应急管理支出|预备费|其他支出|转移性支出|债务还本支出|债务付息支出|债务发行费用支出|抗疫特别国债安排的支出`.split(
    '|',
  );
const NUMERALS = '一二三四五六七八九十';
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return '十' + NUMERALS[n - 11];
  return NUMERALS[Math.floor(n / 10) - 1] + '十' + (n % 10 ? NUMERALS[(n % 10) - 1] : '');
}

function summaryTable(): Table {
  const columns = [
    col('amount', '收入/2023年', 'income'),
    col('total', '支出/2023年合计', 'expenditure'),
    col('current', '支出/当年预算安排', 'expenditure'),
    col('carryover', '支出/上年结转安排', 'expenditure'),
  ];
  const income = namedRows(
    ['amount'],
    `一、一般公共预算\t2,979.49\n二、政府性基金预算\n三、国有资本经营预算\n四、财政专户管理资金\n五、单位资金`,
  ).map((r) => ({ ...r, side: 'income' as const }));
  const spending: Row[] = CLASSES.map((c, i) => {
    const [name, amount = ''] = c.split(' ');
    const label = `${chineseNumeral(i + 1)}、${name}`;
    return {
      name,
      label,
      role: 'item',
      side: 'expenditure',
      cells: cellsOf(['total', 'current', 'carryover'], [amount, amount, '']),
    };
  });
  const foot = (label: string, side: 'income' | 'expenditure', values: string[]): Row => ({
    name: label,
    label,
    role: ROLE_OF[label],
    side,
    cells: cellsOf(side === 'income' ? ['amount'] : ['total', 'current', 'carryover'], values),
  });
  return table('summary', '2023年预算收支总表', columns, [
    ...income,
    ...spending,
    foot('本年收入合计', 'income', ['2,979.49']),
    foot('上年结转', 'income', ['']),
    foot('收入总计', 'income', ['2,979.49']),
    foot('本年支出合计', 'expenditure', ['2,979.49', '2,979.49', '']),
    foot('年终结转', 'expenditure', ['', '', '']),
    foot('支出总计', 'expenditure', ['2,979.49', '2,979.49', '']),
  ]);
}

function fiscalSummaryTable(): Table {
  const spendCols = ['total', 'general_public', 'gov_fund', 'state_capital'];
  const columns = [
    col('amount', '收入/金额', 'income'),
    col('total', '支出/金额/小计', 'expenditure'),
    col('general_public', '支出/金额/一般公共预算', 'expenditure'),
    col('gov_fund', '支出/金额/政府性基金预算', 'expenditure'),
    col('state_capital', '支出/金额/国有资本经营预算', 'expenditure'),
  ];
  const income = namedRows(
    ['amount'],
    `一、一般公共预算\t2,979.49\n二、政府性基金预算\n三、国有资本经营预算`,
  ).map((r) => ({ ...r, side: 'income' as const }));
  const spending: Row[] = CLASSES.map((c, i) => {
    const [name, amount = ''] = c.split(' ');
    return {
      name,
      label: `${chineseNumeral(i + 1)}、${name}`,
      role: 'item',
      side: 'expenditure',
      cells: cellsOf(spendCols, [amount, amount]),
    };
  });
  const row = (label: string, side: 'income' | 'expenditure', values: string[], role?: RowRole): Row => ({
    name: stripEnumeration(label),
    label,
    role: role ?? ROLE_OF[label],
    side,
    cells: cellsOf(side === 'income' ? ['amount'] : spendCols, values),
  });
  return table('fiscal_summary', '2023年财政拨款收支总表', columns, [
    ...income,
    ...spending,
    row('本年收入合计', 'income', ['2,979.49']),
    row('上年财政拨款结转', 'income', ['']),
    row('一、一般公共预算', 'income', [''], 'memo'),
    row('二、政府性基金预算', 'income', [''], 'memo'),
    row('三、国有资本经营预算', 'income', [''], 'memo'),
    row('收入总计', 'income', ['2,979.49']),
    row('本年支出合计', 'expenditure', ['2,979.49', '2,979.49']),
    row('年终结转', 'expenditure', []),
    row('支出总计', 'expenditure', ['2,979.49', '2,979.49']),
  ]);
}

const ECONOMIC = `
合计\t\t2,011.93\t1,680.19\t331.73
工资福利支出\t\t1,526.15\t1,526.15\t
基本工资\t工资奖金津补贴\t437.46\t437.46\t
基本工资\t工资福利支出\t142.69\t142.69\t
津贴补贴\t工资奖金津补贴\t252.00\t252.00\t
津贴补贴\t工资福利支出\t13.29\t13.29\t
奖金\t工资奖金津补贴\t191.16\t191.16\t
绩效工资\t工资福利支出\t86.25\t86.25\t
机关事业单位基本养老保险缴费\t社会保障缴费\t134.36\t134.36\t
机关事业单位基本养老保险缴费\t工资福利支出\t36.84\t36.84\t
职工基本医疗保险缴费\t社会保障缴费\t58.78\t58.78\t
职工基本医疗保险缴费\t工资福利支出\t16.12\t16.12\t
其他社会保障缴费\t社会保障缴费\t1.68\t1.68\t
其他社会保障缴费\t工资福利支出\t2.07\t2.07\t
住房公积金\t住房公积金\t124.77\t124.77\t
住房公积金\t工资福利支出\t28.68\t28.68\t
商品和服务支出\t\t296.73\t\t296.73
办公费\t办公经费\t100.75\t\t100.75
印刷费\t办公经费\t10.00\t\t10.00
邮电费\t办公经费\t5.00\t\t5.00
差旅费\t办公经费\t10.00\t\t10.00
维修(护)费\t维修(护)费\t10.00\t\t10.00
租赁费\t办公经费\t4.00\t\t4.00
会议费\t会议费\t5.00\t\t5.00
培训费\t培训费\t15.00\t\t15.00
委托业务费\t委托业务费\t10.00\t\t10.00
工会经费\t办公经费\t8.41\t\t8.41
工会经费\t商品和服务支出\t2.80\t\t2.80
福利费\t办公经费\t24.52\t\t24.52
福利费\t商品和服务支出\t8.16\t\t8.16
其他交通费用\t办公经费\t77.27\t\t77.27
其他商品和服务支出\t其他商品和服务支出\t5.84\t\t5.84
对个人和家庭的补助\t\t154.04\t154.04\t
离休费\t离退休费\t49.23\t49.23\t
退休费\t离退休费\t103.40\t103.40\t
生活补助\t社会福利和救助\t1.42\t1.42\t
资本性支出\t\t35.00\t\t35.00
办公设备购置\t设备购置\t35.00\t\t35.00`;

function economicRows(): Row[] {
  let group = '';
  return lines(ECONOMIC).map(([name, government, ...values]) => {
    const cells = cellsOf(['total', 'personnel', 'public'], values);
    if (name === '合计') return { name, label: name, role: 'total', cells };
    if (!government) {
      group = name;
      return { name, label: name, level: 1, role: 'subtotal', cells };
    }
    return { name, label: name, governmentName: government, level: 2, parent: group, role: 'item', cells };
  });
}

const PROJECTS = `
法律顾问费\t10.00\t10.00
领导调研经费\t54.00\t54.00
对外交流与合作洽谈项目经费\t60.00\t60.00
忻州市老区建设促进会经费\t8.00\t8.00
忻州市政府信息化项目运维费\t562.90\t562.90
护林防火、生态环境媒体暗访专项经费\t50.00\t50.00
山西地域文化通览忻州分卷编撰工作经费\t40.00\t40.00
市政府办公室系统专业化能力提升及网站与政务新媒体培训费\t20.00\t20.00
重点工作督查经费及机关运行保障经费\t140.00\t140.00
遗属生活补助\t4.46\t4.46
驻村帮扶干部补助经费\t18.20\t18.20`;

const SOURCES = ['total', 'general_public', 'gov_fund', 'state_capital'];
const srcCols = (group: string) => [
  col('total', `${group}/合计`),
  col('general_public', `${group}/一般公共预算`),
  col('gov_fund', `${group}/政府性基金预算`),
  col('state_capital', `${group}/国有资本经营预算`),
];
const fnCols = [
  col('total', '2023年预算数/合计'),
  col('basic', '2023年预算数/基本支出'),
  col('project', '2023年预算数/项目支出'),
];

const para = (text: string) => ({ text });

const input: DisclosureInput = {
  metadata: {
    unit: '忻州市人民政府办公室',
    year: 2023,
    kind: 'unit_budget',
    family: 'shanxi',
    unitType: 'administrative',
  },
  overview: {
    duties: [
      para('(一) 负责市政府各类会议的组织实施工作。'),
      para('(十二) 完成市委、市人民政府交办的其他任务。'),
    ],
    organisation: [
      para('(一) 忻州市人民政府办公室设21个内设机构。'),
      para('（二）忻州市人民政府办公室预算主要包括办公室机关及所属各事业单位。'),
    ],
    unitsIncluded: ['忻州市人民政府办公室机关', '忻州市政府信息中心', '忻州市老区建设服务中心'],
  },
  sections: [
    {
      kind: 'changes',
      number: '一',
      title: '单位预算收支数据变动情况及原因',
      level: 2,
      paragraphs: [
        para(
          '2023年度预算收入总计2,979.49万元，其中：本年收入2,979.49万元，上年结转0.00万元，比上年减少726.75万元，下降19.61%，主要原因是公用经费及忻州市政府信息化项目运维费减少。',
        ),
      ],
    },
    {
      kind: 'expenditure',
      number: '三',
      title: '支出预算情况说明',
      level: 2,
      paragraphs: [
        para(
          '2023年度支出预算2,979.49万元，其中：基本支出2,011.93万元，占67.53%；项目支出967.56万元，占32.47%。',
        ),
      ],
    },
    {
      kind: 'general_expenditure',
      number: '五',
      title: '一般公共预算支出情况说明',
      level: 2,
      paragraphs: [],
    },
    {
      kind: 'general_structure',
      number: '（二）',
      title: '一般公共预算当年拨款结构情况',
      level: 3,
      paragraphs: [
        para(
          '2023年度一般公共预算当年拨款2,979.49万元,主要用于以下方面:一般公共服务支出2,561.73万元,占85.98%;社会保障和就业支出171.21万元,占5.75%;卫生健康支出74.90万元,占2.51%;农林水支出18.20万元,占0.61%;住房保障支出153.45万元,占5.15%。',
        ),
      ],
    },
    {
      kind: 'three_public',
      number: '七',
      title: '“三公”经费增减变动原因说明',
      level: 2,
      paragraphs: [para('本单位无“三公”经费预算。')],
    },
    {
      kind: 'performance',
      number: '十',
      title: '绩效管理情况',
      level: 2,
      paragraphs: [
        para(
          '2023年忻州市人民政府办公室单位实行绩效目标管理的项目11个，涉及一般公共预算当年拨款967.56万元。',
        ),
      ],
    },
    {
      kind: 'assets',
      number: '十一',
      title: '国有资产占有使用情况',
      level: 2,
      paragraphs: [para('1、车辆情况：单位无车辆。')],
    },
  ],
  glossary: [
    { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' },
    { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
    {
      term: '机关运行经费',
      definition: '指行政单位和参照公务员法管理的事业单位使用财政拨款安排的基本支出中的公用经费支出。',
    },
  ],
  tables: [
    summaryTable(),
    table(
      'revenue',
      '2023年预算收入总表',
      [col('total', '本年收入/合计'), col('general_public', '本年收入/一般公共预算')],
      codedRows(['total', 'general_public'], REVENUE_ROWS),
    ),
    table(
      'expenditure',
      '2023年预算支出总表',
      fnCols,
      codedRows(['total', 'basic', 'project'], FUNCTION_ROWS),
    ),
    fiscalSummaryTable(),
    table(
      'general_expenditure',
      '2023年一般公共预算支出预算表（不含上年结转）',
      fnCols,
      codedRows(['total', 'basic', 'project'], FUNCTION_ROWS),
    ),
    table(
      'general_basic_economic',
      '2023年一般公共预算安排基本支出分经济科目表（不含上年结转）',
      [
        col('total', '2023年预算数/合计'),
        col('personnel', '2023年预算数/人员经费'),
        col('public', '2023年预算数/公用经费'),
      ],
      economicRows(),
    ),
    table(
      'gov_fund_revenue',
      '2023年政府性基金预算收入表（不含上年结转）',
      [col('total', '政府性基金收入预算')],
      [],
      true,
    ),
    table('gov_fund_expenditure', '2023年政府性基金预算支出表（不含上年结转）', fnCols, [], true),
    table('state_capital', '2023年国有资本经营预算收支预算表（不含上年结转）', fnCols, [], true),
    table(
      'three_public',
      '2023年一般公共预算“三公”经费支出预算表',
      srcCols('2023年预算数'),
      namedRows(
        SOURCES,
        '因公出国（境）费\n公务接待费\n公务用车购置及运行费\n①公务用车购置费\n②公务用车运行维护费\n合计',
      ),
      true,
    ),
    table(
      'operating_costs',
      '2023年机关运行经费预算财政拨款情况统计表',
      srcCols('2023预算数'),
      namedRows(SOURCES, '部门合计\t331.73\t331.73\n忻州市人民政府办公室\t331.73\t331.73'),
    ),
    table(
      'projects',
      '2023年项目支出预算表（本年预算）',
      [col('total', '合计'), col('general_public', '2023年财政拨款/一般公共预算')],
      namedRows(['total', 'general_public'], PROJECTS),
    ),
    table('projects_carryover', '2023年项目支出预算表（上年结转）', [col('total', '合计')], [], true),
  ],
  performanceForms: [
    {
      project: '对外交流与合作洽谈项目经费',
      department: { code: '103', name: '忻州市人民政府办公室' },
      implementingUnit: '忻州市人民政府办公室',
      nature: '经常性项目（长期开展）',
      period: '4年',
      periodYears: 4,
      unit: '元',
      funding: {
        period: {
          total: '2400000',
          central: '0',
          provincial: '0',
          local: '2400000',
          selfRaised: '0',
          other: null,
        },
        year: {
          total: '600000',
          central: '0',
          provincial: '0',
          local: '600000',
          selfRaised: '0',
          other: null,
        },
      },
      overview: '加强与省内外交流与合作，提升我市对外开放水平，促进更多大项目好项目落地',
      goals: {
        period:
          '组织相关部门和企业开展长三角、珠三角等地交流、推介活动，引进大型企业项目和人才，推进重大项目落地',
        year: '组织相关部门和企业开展长三角、珠三角等地交流、推介活动，引进大型企业项目和人才，推进重大项目落地',
      },
      indicators: {
        period: [
          {
            level1: '产出指标',
            level2: '数量指标',
            name: '推介活动次数',
            printed: '≥3次',
            operator: '≥',
            value: '3',
            valueUnit: '次',
          },
          {
            level1: '产出指标',
            level2: '时效指标',
            name: '项目和人才引进及时率',
            printed: '≥90%',
            operator: '≥',
            value: '90',
            valueUnit: '%',
          },
          {
            level1: '满意度指标',
            level2: '服务对象满意度',
            name: '相关部门及群众满意度',
            printed: '≥90%',
            operator: '≥',
            value: '90',
            valueUnit: '%',
          },
        ],
        year: [
          {
            level1: '产出指标',
            level2: '数量指标',
            name: '推介活动次数',
            printed: '≥3次',
            operator: '≥',
            value: '3',
            valueUnit: '次',
          },
          {
            level1: '满意度指标',
            level2: '服务对象满意度指标',
            name: '相关部门及群众满意度',
            printed: '≥90%',
            operator: '≥',
            value: '90',
            valueUnit: '%',
          },
        ],
      },
      contacts: { handler: '范滢', phone: '3039377' },
      filingDate: '20221103153701',
    },
  ],
};

/** The sample as a Disclosure (validated by the schema, so defaults are filled in). */
export function sampleDisclosure(): Disclosure {
  return Disclosure.parse(structuredClone(input));
}
