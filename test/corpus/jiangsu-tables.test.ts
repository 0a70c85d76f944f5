// The Jiangsu 12-table family read with its columns: 支出预算总表, "三公"经费、会议费、培训费 (transposed into item
// rows), 政府采购, the three-panel 收支预算总表, and the smaller cases (政府性基金 header printed "金 额", the 机关运行经费
// amounts printed off their column). Every expected value was read by hand from `pdftotext -layout -f N -l N` of the
// published file; the page is given with each file.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Row, Table, TableKind } from '../../src/model/schema.js';
import { parseFile } from '../../src/parse.js';
import { sharedRoot } from '../../src/paths.js';

const dir = join(sharedRoot, 'corpus');
const docs = new Map<string, Disclosure>();

async function load(file: string): Promise<Disclosure> {
  const o = await parseFile(join(dir, file));
  if (!('disclosure' in o)) throw new Error(`${file}: ${o.error.message}`);
  return o.disclosure;
}

const FILES = [
  '江苏_省人大常委会办公厅_2017_部门预算.pdf',
  '江苏_省人大常委会办公厅_2018_部门预算.pdf',
  '江苏_省人民检察院_2017_部门预算.pdf',
  '江苏_省人民检察院_2018_部门预算.pdf',
  '江苏_省委办公厅_2017_部门预算_报表.pdf',
  '江苏_省委办公厅_2018_部门预算_报表.pdf',
  '江苏_省政协办公厅_2017_部门预算_报表.pdf',
  '江苏_省政协办公厅_2018_部门预算_报表.pdf',
  '江苏_省高级人民法院_2017_部门预算.pdf',
  '江苏_省高级人民法院_2018_部门预算.pdf',
];

beforeAll(async () => {
  for (const f of FILES) docs.set(f, await load(f));
}, 240_000);

function table(file: string, kind: TableKind): Table {
  const t = docs.get(file)!.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`${file}: no ${kind}`);
  return t;
}

function rowOf(t: Table, name: string, side?: 'income' | 'expenditure'): Row {
  const r = t.rows.find((x) => (x.code === name || x.name === name) && (!side || x.side === side));
  if (!r) throw new Error(`${t.kind}: no row ${name} (${t.rows.map((x) => x.name).join(' | ')})`);
  return r;
}

const value = (t: Table, name: string, column: string, side?: 'income' | 'expenditure') =>
  rowOf(t, name, side).cells[column]?.value ?? null;

// 支出预算总表: one row of amounts under 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金 (the last printed blank).
const EXPENDITURE: [string, number, string, string, string, string][] = [
  ['江苏_省人大常委会办公厅_2017_部门预算.pdf', 10, '13649.07', '7666.68', '5853.96', '128.43'],
  ['江苏_省人大常委会办公厅_2018_部门预算.pdf', 10, '15897.44', '7877.76', '6333.96', '1685.72'],
  ['江苏_省人民检察院_2017_部门预算.pdf', 11, '17996.68', '12323.48', '5533.00', '140.20'],
  ['江苏_省人民检察院_2018_部门预算.pdf', 15, '21955.35', '13994.31', '5573.00', '2388.04'],
  ['江苏_省委办公厅_2017_部门预算_报表.pdf', 3, '20849.45', '9964.07', '10688.66', '196.72'],
  ['江苏_省委办公厅_2018_部门预算_报表.pdf', 5, '24458.43', '10403.11', '12081.46', '1973.86'],
  ['江苏_省政协办公厅_2017_部门预算_报表.pdf', 3, '9146.79', '5916.27', '3123.68', '106.84'],
  ['江苏_省政协办公厅_2018_部门预算_报表.pdf', 3, '10150.48', '5678.17', '3314.68', '1157.63'],
  ['江苏_省高级人民法院_2017_部门预算.pdf', 13, '28849.38', '17123.19', '11543.27', '182.92'],
  ['江苏_省高级人民法院_2018_部门预算.pdf', 10, '33172.15', '18570.82', '11343.27', '3258.06'],
];

describe.each(EXPENDITURE)('支出预算总表 of %s (p%i)', (file, page, total, basic, project, reserve) => {
  it('reads the five columns and the total row', () => {
    const t = table(file, 'expenditure');
    expect(t.source?.page).toBe(page);
    expect(t.columns.map((c) => c.id)).toEqual([
      'total',
      'basic',
      'project',
      'reserve',
      'other:结转下年资金',
    ]);
    expect(t.empty).toBe(false);
    expect(t.rows).toHaveLength(1);
    const r = rowOf(t, '合计');
    expect(r.role).toBe('total');
    expect([r.cells.total.value, r.cells.basic.value, r.cells.project.value, r.cells.reserve.value]).toEqual([
      total,
      basic,
      project,
      reserve,
    ]);
    expect(r.cells['other:结转下年资金'].value).toBeNull();
  });
});

// "三公"经费、会议费、培训费: 合计 | 三公 小计 | 因公出国（境）费 | 公务用车 小计 | 购置费 | 运行维护费 | 公务接待费 | 会议费 | 培训费.
// The printed 合计 adds 会议费 and 培训费 to the 三公 小计, so it is the grand total and the 小计 is the 三公 total.
const THREE_PUBLIC: [string, number, string[]][] = [
  [
    '江苏_省人大常委会办公厅_2017_部门预算.pdf',
    20,
    ['2542.60', '833.60', '222.50', '183.60', '183.60', '427.50', '1305.25', '403.75'],
  ],
  [
    '江苏_省人大常委会办公厅_2018_部门预算.pdf',
    15,
    ['2542.60', '833.60', '222.50', '183.60', '183.60', '427.50', '1305.25', '403.75'],
  ],
  [
    '江苏_省人民检察院_2017_部门预算.pdf',
    16,
    ['1452.35', '584.35', '110.00', '317.80', '267.80', '156.55', '168.00', '700.00'],
  ],
  [
    '江苏_省人民检察院_2018_部门预算.pdf',
    19,
    ['1384.74', '484.30', '100.00', '267.80', '267.80', '116.50', '200.44', '700.00'],
  ],
  [
    '江苏_省委办公厅_2017_部门预算_报表.pdf',
    11,
    ['1467.70', '509.20', '70.00', '411.20', '411.20', '28.00', '933.50', '25.00'],
  ],
  [
    '江苏_省委办公厅_2018_部门预算_报表.pdf',
    11,
    ['1471.70', '508.20', '70.00', '411.20', '411.20', '27.00', '933.50', '30.00'],
  ],
  [
    '江苏_省政协办公厅_2017_部门预算_报表.pdf',
    11,
    ['1852.32', '676.10', '76.00', '156.60', '156.60', '443.50', '1094.62', '81.60'],
  ],
  [
    '江苏_省政协办公厅_2018_部门预算_报表.pdf',
    9,
    ['1656.86', '675.10', '106.00', '156.60', '156.60', '412.50', '884.16', '97.60'],
  ],
  [
    '江苏_省高级人民法院_2017_部门预算.pdf',
    17,
    ['2599.37', '670.12', '180.00', '304.40', '304.40', '185.72', '228.00', '1701.25'],
  ],
  [
    '江苏_省高级人民法院_2018_部门预算.pdf',
    14,
    ['2558.26', '620.75', '170.00', '266.80', '266.80', '183.95', '271.26', '1666.25'],
  ],
];

describe.each(THREE_PUBLIC)('“三公”经费表 of %s (p%i)', (file, page, amounts) => {
  it('is transposed into item rows with the amount in column total', () => {
    const t = table(file, 'three_public');
    expect(t.source?.page).toBe(page);
    expect(t.columns.map((c) => c.id)).toEqual(['total']);
    expect(t.empty).toBe(false);
    const names = [
      '合计',
      '“三公”经费小计',
      '因公出国（境）费',
      '公务用车购置及运行维护费小计',
      '公务用车运行维护费',
      '公务接待费',
      '会议费',
      '培训费',
    ];
    expect(names.map((n) => value(t, n, 'total'))).toEqual(amounts);
    expect(rowOf(t, '合计').role).toBe('grand_total');
    expect(rowOf(t, '“三公”经费小计').role).toBe('total');
    expect(rowOf(t, '会议费').role).toBe('memo');
    expect(rowOf(t, '公务用车运行维护费').parent).toBe('公务用车购置及运行维护费小计');
    // each amount keeps the position it is printed at
    expect(rowOf(t, '培训费').cells.total.source?.page).toBe(page);
  });
});

describe('“三公”经费表: the blank or zero 公务用车购置费', () => {
  it('is a row of its own under 公务用车', () => {
    // p16: 公务用车购置费 50.00 printed
    expect(value(table(FILES[2], 'three_public'), '公务用车购置费', 'total')).toBe('50.00');
    // p15: printed blank
    expect(value(table(FILES[1], 'three_public'), '公务用车购置费', 'total')).toBeNull();
    // 政协 2017 p11: the reader runs "小计" and "公务用车购置费" together; the 购置费 column is blank
    expect(value(table(FILES[6], 'three_public'), '公务用车购置费', 'total')).toBeNull();
  });
});

// 政府采购: [file, page, 合计, [row name, amount] …].
const PROCUREMENT: [string, number, string, [string, string][]][] = [
  [
    '江苏_省人大常委会办公厅_2017_部门预算.pdf',
    20,
    '2247.85',
    [
      ['货物A', '59.00'],
      ['服务C', '2188.85'],
      ['综合管理费', '456.00'],
    ],
  ],
  [
    '江苏_省人大常委会办公厅_2018_部门预算.pdf',
    17,
    '2064.25',
    [
      ['货物A', '59.00'],
      ['服务C', '2005.25'],
      ['综合管理费', '456.00'],
    ],
  ],
  [
    '江苏_省人民检察院_2017_部门预算.pdf',
    16,
    '2889.80',
    [
      ['货物A', '334.00'],
      ['服务C', '2555.80'],
      ['办公、办案设备更新购置费', '120.00'],
      ['客车', '50.00'],
    ],
  ],
  [
    '江苏_省人民检察院_2018_部门预算.pdf',
    20,
    '3096.24',
    [
      ['货物A', '268.00'],
      ['交换设备', '20.00'],
    ],
  ],
  [
    '江苏_省委办公厅_2017_部门预算_报表.pdf',
    12,
    '1774.70',
    [
      ['货物A', '496.20'],
      ['办公设备购置费', '60.00'],
    ],
  ],
  [
    '江苏_省委办公厅_2018_部门预算_报表.pdf',
    14,
    '1449.50',
    [
      ['货物A', '90.00'],
      ['机要及电子政务业务费', '30.00'],
      ['PC服务器', '12.00'],
    ],
  ],
  [
    '江苏_省政协办公厅_2017_部门预算_报表.pdf',
    12,
    '1271.22',
    [
      ['货物A', '259.32'],
      ['办公设备购置费', '95.00'],
      ['省政协全委会', '140.20'],
    ],
  ],
  [
    '江苏_省政协办公厅_2018_部门预算_报表.pdf',
    12,
    '1281.76',
    [
      ['货物A', '355.67'],
      ['办公设备购置费', '300.00'],
    ],
  ],
  [
    '江苏_省高级人民法院_2017_部门预算.pdf',
    17,
    '3742.40',
    [
      ['货物A', '525.40'],
      ['审判专项业务费', '15.00'],
    ],
  ],
  [
    '江苏_省高级人民法院_2018_部门预算.pdf',
    15,
    '4641.62',
    [
      ['货物A', '962.86'],
      ['办公设备购置', '10.00'],
    ],
  ],
];

describe.each(PROCUREMENT)('政府采购表 of %s (p%i)', (file, page, total, items) => {
  it('reads the 合计 row and the rows by name with their amount', () => {
    const t = table(file, 'procurement');
    expect(t.source?.page).toBe(page);
    expect(t.columns.map((c) => c.id)).toEqual(['total']);
    const r = rowOf(t, '合计');
    expect(r.role).toBe('total');
    expect(r.cells.total.value).toBe(total);
    for (const [name, amount] of items) expect(value(t, name, 'total'), name).toBe(amount);
    // 品目 rows are the top level: 货物 (and 服务) add up to the 合计
    expect(rowOf(t, '货物A').level).toBe(1);
  });
});

describe('政府采购表: rows keep the printed hierarchy', () => {
  it('names a 专项 row by its 专项, not by its 经济科目 (检察院 2017 p16)', () => {
    const t = table(FILES[2], 'procurement');
    const special = rowOf(t, '办公、办案设备更新购置费');
    expect(special.level).toBe(2);
    expect(special.parent).toBe('货物A');
    expect(rowOf(t, '客车').parent).toBe('执法执勤车辆购置');
    // a 专项 name wrapped over four lines around its amount (p17: 网络、电子检务、实 / 验室、机要通道、档 / 112.00 / …)
    expect(value(t, '网络、电子检务、实验室、机要通道、档案数字化系统运行维护费', 'total')).toBe('112.00');
  });
});

describe('收支预算总表: the 支出用途 panel is another breakdown of the same total', () => {
  it('检察院 2018 (pp13–14): function rows are items, 基本/项目/预留 are memo rows, the year total has its name', () => {
    const t = table(FILES[3], 'summary');
    expect(value(t, '公共安全支出', 'amount', 'expenditure')).toBe('16458.75');
    expect(value(t, '社会保障和就业支出', 'amount', 'expenditure')).toBe('1836.22');
    // p14: "十八、住房保障支出3,660.38" comes out of the reader as one cell
    expect(value(t, '住房保障支出', 'amount', 'expenditure')).toBe('3660.38');
    expect(value(t, '基本支出', 'amount', 'expenditure')).toBe('13994.31');
    expect(rowOf(t, '基本支出', 'expenditure').role).toBe('memo');
    // p13: "三、单位预留机动" / 2,388.04 / "经费" on three lines
    expect(value(t, '单位预留机动经费', 'amount', 'expenditure')).toBe('2388.04');
    expect(rowOf(t, '单位预留机动经费', 'expenditure').role).toBe('memo');
    expect(value(t, '当年支出小计', 'amount', 'expenditure')).toBe('21955.35');
    expect(value(t, '其他资金', 'amount', 'income')).toBe('14.39');
    expect(t.rows.filter((r) => r.name === '')).toEqual([]);
  });

  it('法院 2018 (pp9–10): the 当年支出小计 printed across both panels keeps its amount', () => {
    const t = table(FILES[9], 'summary');
    expect(value(t, '公共安全支出', 'amount', 'expenditure')).toBe('26200.88');
    expect(value(t, '住房保障支出', 'amount', 'expenditure')).toBe('4716.51');
    expect(value(t, '项目支出', 'amount', 'expenditure')).toBe('11343.27');
    expect(rowOf(t, '项目支出', 'expenditure').role).toBe('memo');
    expect(value(t, '当年支出小计', 'amount', 'expenditure')).toBe('33172.15');
    expect(value(t, '支出合计', 'amount', 'expenditure')).toBe('33172.15');
    expect(t.rows.filter((r) => r.name === '')).toEqual([]);
  });

  it('人大 2018 p8: the function names run together with their amounts by the reader are split', () => {
    const t = table(FILES[1], 'summary');
    expect(t.columns.map((c) => `${c.id}/${c.side}`)).toEqual([
      'amount/income',
      'amount/expenditure',
      'amount/expenditure',
    ]);
    expect(value(t, '一般公共服务支出', 'amount', 'expenditure')).toBe('12706.28');
    expect(value(t, '社会保障和就业支出', 'amount', 'expenditure')).toBe('1068.78');
    expect(rowOf(t, '基本支出', 'expenditure').role).toBe('memo');
    expect(value(t, '基本支出', 'amount', 'expenditure')).toBe('7877.76');
    expect(value(t, '当年支出小计', 'amount', 'expenditure')).toBe('15897.44');
  });

  it('检察院 2017 p10: the same with thousands separators', () => {
    const t = table(FILES[2], 'summary');
    expect(value(t, '公共安全支出', 'amount', 'expenditure')).toBe('13656.34');
    expect(value(t, '基本支出', 'amount', 'expenditure')).toBe('12323.48');
    expect(rowOf(t, '基本支出', 'expenditure').role).toBe('memo');
  });

  it('省委办公厅 2017 p1: function amounts printed right of their 金额 header are read in that column', () => {
    const t = table(FILES[4], 'summary');
    expect(value(t, '一般公共服务支出', 'amount', 'expenditure')).toBe('16992.37');
    expect(value(t, '基本支出', 'amount', 'expenditure')).toBe('9964.07');
    expect(value(t, '财政专户管理资金', 'amount', 'income')).toBe('147.20');
  });

  it('法院 2018 p11: the 财政拨款收支预算总表 whose 收入 | 支出 caption stayed on p10 has its income side', () => {
    const t = table(FILES[9], 'fiscal_summary');
    expect(t.columns.map((c) => `${c.id}/${c.side}`)).toEqual(['amount/income', 'amount/expenditure']);
    expect(value(t, '一般公共预算', 'amount', 'income')).toBe('33172.15');
    expect(value(t, '基本支出', 'amount', 'expenditure')).toBe('18570.82');
  });
});

describe('smaller cases', () => {
  it('省委办公厅 2018 p12: the empty 政府性基金 table has its 金额 column (printed "金    额")', () => {
    const t = table(FILES[5], 'gov_fund_expenditure');
    expect(t.columns.map((c) => c.id)).toEqual(['amount']);
    expect(t.empty).toBe(true);
  });

  it('人大 2018 p16: the 机关运行经费 items printed left of their column are read in it', () => {
    const t = table(FILES[1], 'operating_costs');
    expect(t.columns.map((c) => c.id)).toEqual(['other:机关运行经费支出']);
    expect(value(t, '302', 'other:机关运行经费支出')).toBe('1579.38');
    expect(value(t, '30201', 'other:机关运行经费支出')).toBe('370.00');
    expect(value(t, '30231', 'other:机关运行经费支出')).toBe('183.60');
  });

  it('法院 2017/2018: the unit is read from the cover title', () => {
    expect(docs.get(FILES[8])!.metadata.unit).toBe('江苏省高级人民法院');
    expect(docs.get(FILES[9])!.metadata.unit).toBe('江苏省高级人民法院');
  });

  it('no Jiangsu table that prints amounts is marked empty', () => {
    for (const d of docs.values())
      for (const t of d.tables) {
        const printed = t.rows.some((r) => Object.values(r.cells).some((c) => c.value !== null));
        if (printed) expect(t.empty, `${t.kind} p${t.source?.page}`).toBe(false);
      }
  });
});
