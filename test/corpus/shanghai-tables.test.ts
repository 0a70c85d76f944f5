// The Shanghai tables that used to be read without columns: the "三公"经费和机关运行经费预算表 of every budget (PDFs
// and the spreadsheet templates), transposed into rows; and the 决算 tables (收入决算表, 支出决算表, 财政拨款收入支出
// 决算总表, the side-by-side 人员经费 | 公用经费 economic table, the 三公 预算数 | 决算数 table). Every expected value
// was read by hand from `pdftotext -layout` (checked against the word boxes of PyMuPDF where columns are empty) of
// the page named in the comment, and for the 三公 tables against the document's own 三公 paragraph.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import { computeFacts } from '../../src/audit/facts.js';
import type { Disclosure, Row, Table, TableKind } from '../../src/model/schema.js';
import { parseFile } from '../../src/parse.js';
import { sharedRoot } from '../../src/paths.js';

const dir = join(sharedRoot, 'corpus');
const docs = new Map<string, Disclosure>();

const BUDGET_PDFS = [
  '上海_上海市财政局_2025_单位预算.pdf',
  '上海_普陀区万里街道办事处_2023_部门预算.pdf',
  '上海_普陀区万里街道办事处_2024_部门预算.pdf',
  '上海_普陀区人民政府办公室_2025_单位预算.pdf',
  '上海_普陀区人民政府办公室_2025_部门预算.pdf',
  '上海_普陀区商务委员会_2025_单位预算.pdf',
  '上海_普陀区社会福利院_2024_单位预算.pdf',
  '上海_普陀区财政局_2025_部门预算.pdf',
];
const TEMPLATES = [
  '上海_区级单位预算公开样张_2026_预算模板.xls',
  '上海_区级单位预算公开模板_预算模板.xlsx',
  '上海_区级部门预算公开模板_预算模板.xlsx',
];
const FINAL = '上海_普陀区财政局_2024_决算.pdf';
const FINAL_TEMPLATE = '上海_部门决算公开模板_2024_决算模板.pdf';

beforeAll(async () => {
  for (const f of [...BUDGET_PDFS, ...TEMPLATES, FINAL, FINAL_TEMPLATE]) {
    const o = await parseFile(join(dir, f));
    if (!('disclosure' in o)) throw new Error(`${f}: ${o.error.message}`);
    docs.set(f, o.disclosure);
  }
}, 240_000);

function table(file: string, kind: TableKind): Table {
  const t = docs.get(file)!.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`${file}: no ${kind}`);
  return t;
}

/** A row by code, or by name (and side). */
function row(t: Table, key: string, side?: 'income' | 'expenditure'): Row {
  const r = t.rows.find((x) => (x.code === key || (!x.code && x.name === key)) && (!side || x.side === side));
  if (!r) throw new Error(`no row ${key} in ${t.kind}`);
  return r;
}

const value = (t: Table, key: string, column: string, side?: 'income' | 'expenditure') =>
  row(t, key, side).cells[column]?.value ?? null;

const VEHICLES = '公务用车购置及运行费';
const ITEMS = ['合计', '因公出国(境)费', '公务接待费', VEHICLES, '公务用车购置费', '公务用车运行费'];

/** 三公 budget: [合计, 因公出国, 公务接待, 公务用车 (小计), 购置费, 运行费, 机关运行经费] as printed (null: empty). */
const THREE_PUBLIC: Record<string, { page: number; values: (string | null)[] }> = {
  // p20: 346.30 | 288.70 | 25.40 | 32.20 | (empty) | 32.20 | 2,517.78
  '上海_上海市财政局_2025_单位预算.pdf': {
    page: 20,
    values: ['346.30', '288.70', '25.40', '32.20', null, '32.20', '2517.78'],
  },
  // p28: 22.91 | 0 | 1.35 | 21.56 | 0 | 21.56 | 786.09
  '上海_普陀区万里街道办事处_2023_部门预算.pdf': {
    page: 28,
    values: ['22.91', '0', '1.35', '21.56', '0', '21.56', '786.09'],
  },
  // p31: 47.91 | 0 | 1.35 | 46.56 | 25 | 21.56 | 443.18 (printed above a note that says the table is empty)
  '上海_普陀区万里街道办事处_2024_部门预算.pdf': {
    page: 31,
    values: ['47.91', '0', '1.35', '46.56', '25', '21.56', '443.18'],
  },
  // p20: 867.50 | 839.00 | 28.50 | … | 213.28; the narrative (p21): 因公出国（境）费839万元, 公务接待费28.50万元,
  // 公务用车购置及运行费0万元
  '上海_普陀区人民政府办公室_2025_单位预算.pdf': {
    page: 20,
    values: ['867.50', '839.00', '28.50', null, null, null, '213.28'],
  },
  '上海_普陀区人民政府办公室_2025_部门预算.pdf': {
    page: 20,
    values: ['867.50', '839.00', '28.50', null, null, null, '213.28'],
  },
  // p21: 1.00 under 合计, 1.00 under 公务接待费 (x 327–351, the cell of 公务接待费; narrative: 公务接待费1.00万元,
  // 因公出国（境）费0万元), 171.01
  '上海_普陀区商务委员会_2025_单位预算.pdf': {
    page: 21,
    values: ['1.00', null, '1.00', null, null, null, '171.01'],
  },
  // p15: 6.4 | 0 | 0 | 6.4 | (empty) | 6.4 | 0
  '上海_普陀区社会福利院_2024_单位预算.pdf': {
    page: 15,
    values: ['6.4', '0', '0', '6.4', null, '6.4', '0'],
  },
  // p21: 0.95 under 合计 and under 公务接待费 (narrative: 公务接待费0.95万元), 229.43
  '上海_普陀区财政局_2025_部门预算.pdf': {
    page: 21,
    values: ['0.95', null, '0.95', null, null, null, '229.43'],
  },
};

describe('Shanghai budget: "三公"经费和机关运行经费预算表 transposed into rows', () => {
  it.each(BUDGET_PDFS)('%s', (file) => {
    const e = THREE_PUBLIC[file];
    const t = table(file, 'three_public');
    expect(t.source?.page).toBe(e.page);
    expect(t.unit).toBe('万元');
    expect(t.columns.map((c) => c.id)).toEqual(['total']);
    expect(t.rows.map((r) => r.name)).toEqual([...ITEMS, '机关运行经费']);
    expect(t.rows.map((r) => r.cells.total.value)).toEqual(e.values);
    expect(t.empty).toBe(false);
    expect(row(t, '合计').role).toBe('total');
    expect(row(t, '机关运行经费').role).toBe('memo');
    expect([row(t, '公务用车购置费').parent, row(t, '公务用车运行费').parent]).toEqual([VEHICLES, VEHICLES]);
    // each amount points at the page it is printed on
    for (const r of t.rows) if (r.cells.total.value !== null) expect(r.cells.total.source?.page).toBe(e.page);
  });

  it('binds the narrative: 机关运行经费 and the 三公 items come from the table (区府办 2025 单位预算)', () => {
    const d = docs.get('上海_普陀区人民政府办公室_2025_单位预算.pdf')!;
    const facts = computeFacts(d);
    expect(facts.get('operating_costs.total')?.amount?.toString()).toBe('213.28');
    expect(facts.get('three_public.abroad')?.amount?.toString()).toBe('839.00');
    expect(facts.get('three_public.reception')?.amount?.toString()).toBe('28.50');
    const findings = auditDisclosure(d).findings;
    expect(
      findings.filter((f) => f.rule === 'narrative.unbound' && /三公|机关运行经费/.test(f.message)),
    ).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a table printing amounts is not empty, whatever its note says (万里街道 2024 p31)', () => {
    const d = docs.get('上海_普陀区万里街道办事处_2024_部门预算.pdf')!;
    const t = table('上海_普陀区万里街道办事处_2024_部门预算.pdf', 'three_public');
    expect(t.notes.join()).toMatch(/本表为空表/);
    expect(t.empty).toBe(false);
    expect(d.importNotes.some((n) => n.code === 'empty_note_with_amounts' && n.source?.page === 31)).toBe(
      true,
    );
  });

  it.each(TEMPLATES)('%s: the template sheet gives the rows, without amounts', (file) => {
    const t = table(file, 'three_public');
    expect(t.unit).toBe('万元');
    expect(t.columns.map((c) => [c.id, c.label])).toEqual([['total', '“三公”经费预算数']]);
    expect(t.rows.map((r) => r.name)).toEqual([...ITEMS, '机关运行经费']);
    expect(t.rows.map((r) => r.label)).toEqual([
      '合计',
      '因公出国(境)费',
      '公务接待费',
      '公务用车购置及运行费/小计',
      '购置费',
      '运行费',
      '机关运行经费预算数',
    ]);
    expect(t.rows.every((r) => r.cells.total.value === null)).toBe(true);
    expect(t.empty).toBe(true);
  });
});

describe('Shanghai 决算 (普陀区财政局 2024)', () => {
  it('收入决算表 (p8)', () => {
    const t = table(FINAL, 'revenue');
    expect(t.columns.map((c) => c.id)).toEqual([
      'total',
      'fiscal',
      'superior_subsidy',
      'business_income',
      'operating_income',
      'affiliated_remittance',
      'other_income',
    ]);
    // 合计 2,946.25 | 2,940.05 | … | 6.20
    expect(['total', 'fiscal', 'other_income'].map((c) => value(t, '合计', c))).toEqual([
      '2946.25',
      '2940.05',
      '6.20',
    ]);
    // 201 06 02 一般行政管理事务 16.19 | 10.00 | … | 6.19
    expect(['total', 'fiscal', 'other_income'].map((c) => value(t, '2010602', c))).toEqual([
      '16.19',
      '10.00',
      '6.19',
    ]);
    // 221 02 03 购房补贴 258.50 | 258.50
    expect(['total', 'fiscal', 'other_income'].map((c) => value(t, '2210203', c))).toEqual([
      '258.50',
      '258.50',
      null,
    ]);
    expect(t.empty).toBe(false);
  });

  it('支出决算表 (p10): amounts printed above their row are folded into it', () => {
    const t = table(FINAL, 'expenditure');
    expect(t.columns.map((c) => c.id)).toEqual([
      'total',
      'basic',
      'project',
      'remittance_to_superior',
      'operating_expenditure',
      'affiliated_subsidy',
    ]);
    const cols = ['total', 'basic', 'project'];
    // 合计 2,940.05 | 2,336.91 | 603.14
    expect(cols.map((c) => value(t, '合计', c))).toEqual(['2940.05', '2336.91', '603.14']);
    // 201 一般公共服务支出 2,106.66 | 1,503.52 | 603.14
    expect(cols.map((c) => value(t, '201', c))).toEqual(['2106.66', '1503.52', '603.14']);
    // 201 06 01 行政运行 1,511.89 | 1,503.52 | 8.37
    expect(cols.map((c) => value(t, '2010601', c))).toEqual(['1511.89', '1503.52', '8.37']);
    // 201 06 07 信息化建设 135.25 | | 135.25
    expect(cols.map((c) => value(t, '2010607', c))).toEqual(['135.25', null, '135.25']);
    expect(t.rows.every((r) => r.name !== '')).toBe(true);
  });

  it('财政拨款收入支出决算总表 (pp. 12–13)', () => {
    const t = table(FINAL, 'fiscal_summary');
    expect(t.columns.map((c) => `${c.id}/${c.side}`)).toEqual([
      'final/income',
      'total/expenditure',
      'general_public/expenditure',
      'gov_fund/expenditure',
      'state_capital/expenditure',
    ]);
    // 一、一般公共预算财政拨款 2,940.05 (printed above its label)
    expect(value(t, '一般公共预算财政拨款', 'final', 'income')).toBe('2940.05');
    // 一、一般公共服务支出 2,106.66 | 2,106.66; 八、社会保障和就业支出 326.71 | 326.71
    expect(value(t, '一般公共服务支出', 'total', 'expenditure')).toBe('2106.66');
    expect(value(t, '社会保障和就业支出', 'general_public', 'expenditure')).toBe('326.71');
    // 本年收入合计 2,940.05; 本年支出合计 2,940.05 | 2,940.05
    expect(row(t, '本年收入合计', 'income').cells.final.value).toBe('2940.05');
    expect(['total', 'general_public'].map((c) => value(t, '本年支出合计', c, 'expenditure'))).toEqual([
      '2940.05',
      '2940.05',
    ]);
    // 年初财政拨款结转和结余 21.63; 总计 2,961.68 | 2,961.68
    const carry = row(t, '年初财政拨款结转和结余', 'income');
    expect([carry.role, carry.cells.final.value]).toEqual(['carryover', '21.63']);
    expect(row(t, '总计', 'income').cells.final.value).toBe('2961.68');
    expect(row(t, '总计', 'expenditure').role).toBe('grand_total');
    expect(value(t, '总计', 'general_public', 'expenditure')).toBe('2961.68');
    // wrapped labels are joined: "二、政府性基金预算财政拨" / "款"
    expect(t.rows.filter((r) => r.side === 'income').map((r) => r.name)).toContain('政府性基金预算财政拨款');
    expect(t.rows.some((r) => r.name === '款' || r.name === '拨款')).toBe(false);
    // p13 opens with label-only rows (十四、资源勘探工业信息等 / 支出, 十五、商业服务业等支出 …): one row each
    const classes = t.rows.filter((r) => r.side === 'expenditure').map((r) => r.name);
    expect(classes.slice(13, 19)).toEqual([
      '资源勘探工业信息等支出',
      '商业服务业等支出',
      '金融支出',
      '援助其他地区支出',
      '自然资源海洋气象等支出',
      '住房保障支出',
    ]);
    expect(value(t, '住房保障支出', 'total', 'expenditure')).toBe('445.69');
  });

  it('一般公共预算财政拨款基本支出决算表 (pp. 16–17): two panels, grouped under 人员经费 / 公用经费', () => {
    const t = table(FINAL, 'general_basic_economic');
    expect(t.columns.map((c) => c.id)).toEqual(['final', 'final']);
    // left panel: 301 工资福利支出 2,082.85; 301 02 津贴补贴 1,238.58; 303 02 退休费 69.10
    expect(value(t, '301', 'final')).toBe('2082.85');
    expect(value(t, '30102', 'final')).toBe('1238.58');
    expect(value(t, '30302', 'final')).toBe('69.10');
    // right panel: 302 01 办公费 21.21; 302 07 邮电费 4.88; 302 13 维修（护）费 2.83; 302 16 培训费 4.05;
    // 302 29 福利费 42.77 (p17); 310 资本性支出 13.58
    expect(['30201', '30207', '30213', '30216', '30229', '310'].map((c) => value(t, c, 'final'))).toEqual([
      '21.21',
      '4.88',
      '2.83',
      '4.05',
      '42.77',
      '13.58',
    ]);
    expect(row(t, '30213').name).toBe('维修（护）费');
    // 人员经费合计 2,152.26 | 公用经费合计 184.65
    expect([value(t, '人员经费合计', 'final'), value(t, '公用经费合计', 'final')]).toEqual([
      '2152.26',
      '184.65',
    ]);
    expect(['301', '303'].map((c) => row(t, c).parent)).toEqual(['人员经费合计', '人员经费合计']);
    expect(['302', '310'].map((c) => row(t, c).parent)).toEqual(['公用经费合计', '公用经费合计']);
    // one panel after the other: every 30x item follows its own class
    const codes = t.rows.filter((r) => r.code).map((r) => r.code!.slice(0, 3));
    expect(codes.filter((c, i) => i > 0 && c !== codes[i - 1])).toEqual(['303', '302', '310']);
  });

  it('财政拨款“三公”经费支出决算表 (p18): 预算数 | 决算数 per item', () => {
    const t = table(FINAL, 'three_public');
    expect(t.columns.map((c) => c.id)).toEqual(['budget', 'final']);
    expect(t.rows.map((r) => r.name)).toEqual([
      '合计',
      '因公出国（境）费',
      '公务接待费',
      VEHICLES,
      '公务用车购置费',
      '公务用车运行费',
    ]);
    // 0.95 under 合计/预算数 (x 54–73) and under 公务接待费/预算数 (x 712–731); no 决算数 printed
    expect([value(t, '合计', 'budget'), value(t, '合计', 'final')]).toEqual(['0.95', null]);
    expect([value(t, '公务接待费', 'budget'), value(t, '公务接待费', 'final')]).toEqual(['0.95', null]);
    expect([value(t, '因公出国（境）费', 'budget'), value(t, '公务用车运行费', 'budget')]).toEqual([
      null,
      null,
    ]);
    expect(t.empty).toBe(false);
  });

  it.each([
    ['gov_fund_expenditure', 19],
    ['state_capital', 20],
  ] as const)('%s (p%i): the header of the empty table is read', (kind, page) => {
    // 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出 (小计 | 基本支出 | 项目支出) | 年末结转和结余
    const t = table(FINAL, kind);
    expect(t.source?.page).toBe(page);
    expect(t.columns.map((c) => c.id)).toEqual([
      'carryover',
      'other:本年收入',
      'total',
      'basic',
      'project',
      'other:年末结转和结余',
    ]);
    expect(t.empty).toBe(true);
  });

  it('the auditor reads 决算数 and finds the identities holding', () => {
    const d = docs.get(FINAL)!;
    const facts = computeFacts(d);
    expect(facts.get('economic.personnel')?.amount?.toString()).toBe('2152.26');
    expect(facts.get('economic.public')?.amount?.toString()).toBe('184.65');
    expect(facts.get('expenditure.basic')?.amount?.toString()).toBe('2336.91');
    // "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元" (p23)
    expect(facts.get('three_public.total')?.column).toBe('final');
    const errors = auditDisclosure(d).findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => /^table\./.test(f.rule))).toEqual([]);
    expect(errors.filter((f) => f.rule === 'narrative.amount' && /三公/.test(f.message))).toEqual([]);
  });
});

describe('Shanghai 决算 template (no amounts)', () => {
  it('财政拨款“三公”经费支出决算表 (p12): the header is read', () => {
    const t = table(FINAL_TEMPLATE, 'three_public');
    expect(t.columns.map((c) => c.id)).toEqual(['budget', 'final']);
    // p12 prints 公务用车购置及运行维护费, and 因公出国 / （境）费, 公务用车 / 购置费 wrapped over two lines
    expect(t.rows.map((r) => r.name)).toEqual([
      '合计',
      '因公出国（境）费',
      '公务接待费',
      '公务用车购置及运行维护费',
      '公务用车购置费',
      '公务用车运行维护费',
    ]);
    expect(row(t, '公务用车运行维护费').parent).toBe('公务用车购置及运行维护费');
    expect(t.empty).toBe(true);
  });
});
