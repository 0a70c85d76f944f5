// A family the reader was never tuned for: a Ministry-of-Education university's 部门预算 (five tables in 万元, a 栏次
// row under every header, the school's name in every title, a blank 单位名称 field), in plain text and as a workbook
// with one sheet per table. It is read generically: family `unknown`, unit and year from the titles, every table
// typed, its amounts placed, its reading confident, and no error finding from the auditor.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { table, values } from './helpers.js';

const SCHOOL = '北京XX大学';
const TWO_SIDED_HEADER = [
  ['收入', '', '支出', ''],
  ['项目', '预算数', '项目', '预算数'],
  ['栏次', '1', '栏次', '2'],
];
const FUNCTION_HEADER = [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['栏次', '', '1', '2', '3'],
];

/** The document's tables: title, then its rows (a blank 单位名称 field and the money unit first). */
const TABLES: { title: string; rows: string[][] }[] = [
  {
    title: `一、${SCHOOL}2024年部门收支总表`,
    rows: [
      ['单位名称：', '', '', '单位：万元'],
      ...TWO_SIDED_HEADER,
      ['一、一般公共预算财政拨款', '50,000.00', '一、教育支出', '80,000.00'],
      ['二、政府性基金预算财政拨款', '', '二、科学技术支出', '4,000.00'],
      ['三、事业收入', '30,000.00', '三、住房保障支出', '3,000.00'],
      ['四、其他收入', '5,000.00', '', ''],
      ['本年收入合计', '85,000.00', '本年支出合计', '87,000.00'],
      ['上年结转', '2,000.00', '结转下年', ''],
      ['收入总计', '87,000.00', '支出总计', '87,000.00'],
    ],
  },
  {
    title: `二、${SCHOOL}2024年部门收入总表`,
    rows: [
      ['单位名称：', '', '', '', '', '单位：万元'],
      ['单位名称', '合计', '上年结转', '一般公共预算财政拨款', '事业收入', '其他收入'],
      ['栏次', '1', '2', '3', '4', '5'],
      ['合计', '87,000.00', '2,000.00', '50,000.00', '30,000.00', '5,000.00'],
      [SCHOOL, '87,000.00', '2,000.00', '50,000.00', '30,000.00', '5,000.00'],
    ],
  },
  {
    title: `三、${SCHOOL}2024年部门支出总表`,
    rows: [
      ['单位名称：', '', '', '', '单位：万元'],
      ...FUNCTION_HEADER,
      ['', '合计', '87,000.00', '63,000.00', '24,000.00'],
      ['205', '教育支出', '80,000.00', '60,000.00', '20,000.00'],
      ['20502', '普通教育', '80,000.00', '60,000.00', '20,000.00'],
      ['2050205', '高等教育', '80,000.00', '60,000.00', '20,000.00'],
      ['206', '科学技术支出', '4,000.00', '', '4,000.00'],
      ['20602', '基础研究', '4,000.00', '', '4,000.00'],
      ['2060203', '自然科学基金', '4,000.00', '', '4,000.00'],
      ['221', '住房保障支出', '3,000.00', '3,000.00', ''],
      ['22102', '住房改革支出', '3,000.00', '3,000.00', ''],
      ['2210201', '住房公积金', '3,000.00', '3,000.00', ''],
    ],
  },
  {
    title: `四、${SCHOOL}2024年财政拨款收支总表`,
    rows: [
      ['单位名称：', '', '', '单位：万元'],
      ...TWO_SIDED_HEADER,
      ['一、一般公共预算财政拨款', '50,000.00', '一、教育支出', '46,000.00'],
      ['二、政府性基金预算财政拨款', '', '二、科学技术支出', '1,000.00'],
      ['', '', '三、住房保障支出', '3,000.00'],
      ['收入总计', '50,000.00', '支出总计', '50,000.00'],
    ],
  },
  {
    title: `五、${SCHOOL}2024年一般公共预算财政拨款支出表`,
    rows: [
      ['单位名称：', '', '', '', '单位：万元'],
      ...FUNCTION_HEADER,
      ['', '合计', '50,000.00', '35,000.00', '15,000.00'],
      ['205', '教育支出', '46,000.00', '32,000.00', '14,000.00'],
      ['20502', '普通教育', '46,000.00', '32,000.00', '14,000.00'],
      ['2050205', '高等教育', '46,000.00', '32,000.00', '14,000.00'],
      ['206', '科学技术支出', '1,000.00', '', '1,000.00'],
      ['20602', '基础研究', '1,000.00', '', '1,000.00'],
      ['2060203', '自然科学基金', '1,000.00', '', '1,000.00'],
      ['221', '住房保障支出', '3,000.00', '3,000.00', ''],
      ['22102', '住房改革支出', '3,000.00', '3,000.00', ''],
      ['2210201', '住房公积金', '3,000.00', '3,000.00', ''],
    ],
  },
];

async function fromText(): Promise<Disclosure> {
  const lines = [`${SCHOOL}2024年部门预算`, ''];
  for (const t of TABLES) lines.push(t.title, ...t.rows.map((r) => r.join('\t')), '');
  const file = `${SCHOOL}_2024_部门预算.txt`;
  return recognize(await readLayoutBytes(file, new TextEncoder().encode(lines.join('\n'))));
}

async function fromWorkbook(): Promise<Disclosure> {
  const book = new ExcelJS.Workbook();
  TABLES.forEach((t, k) => {
    const sheet = book.addWorksheet(`表${k + 1}`);
    sheet.addRow([t.title]);
    for (const r of t.rows) sheet.addRow(r);
  });
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return recognize(await readLayoutBytes(`${SCHOOL}_2024_部门预算.xlsx`, bytes));
}

describe.each([
  ['text', fromText, 'text'],
  ['workbook', fromWorkbook, 'sheet'],
] as const)('a university 部门预算 (%s) read generically', (_, parse, method) => {
  it('family unknown, unit and year from the titles, every table typed', async () => {
    const d = await parse();
    expect(d.metadata).toMatchObject({
      family: 'unknown',
      unit: SCHOOL,
      year: 2024,
      kind: 'department_budget',
    });
    expect(d.tables.map((t) => t.kind)).toEqual([
      'summary',
      'revenue',
      'expenditure',
      'fiscal_summary',
      'general_expenditure',
    ]);
  });

  it('reads the amounts into canonical columns, the 栏次 row skipped', async () => {
    const d = await parse();
    expect(values(table(d, 'summary'), '事业收入', ['amount'], 'income')).toEqual(['30000.00']);
    expect(values(table(d, 'summary'), '支出总计', ['amount'], 'expenditure')).toEqual(['87000.00']);
    expect(
      values(table(d, 'revenue'), SCHOOL, ['total', 'carryover', 'general_public', 'business_income']),
    ).toEqual(['87000.00', '2000.00', '50000.00', '30000.00']);
    expect(values(table(d, 'expenditure'), '2060203', ['total', 'basic', 'project'])).toEqual([
      '4000.00',
      null,
      '4000.00',
    ]);
    expect(values(table(d, 'general_expenditure'), '合计', ['total', 'basic', 'project'])).toEqual([
      '50000.00',
      '35000.00',
      '15000.00',
    ]);
    expect(table(d, 'expenditure').rows.some((r) => r.name === '栏次')).toBe(false);
  });

  it('knows its reading is sound: every amount placed, identities held', async () => {
    const d = await parse();
    for (const t of d.tables) {
      expect(t.reading?.method, t.kind).toBe(method);
      expect(t.reading?.confidence, t.kind).toBe('high');
      expect(t.reading?.placed, t.kind).toBe(t.reading?.printed);
    }
    expect(table(d, 'expenditure').reading?.identities).toEqual({ checked: 27, held: 27 });
  });

  it('gets no error finding and only a few warnings from the auditor', async () => {
    const result = auditDisclosure(await parse());
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.summary.warning).toBeLessThanOrEqual(3);
  });
});
