// A family the reader was never tuned for: a Ministry-of-Education university's 部门预算 (eight tables in 万元, a 栏次
// row under every header, the school's name in every title, a blank 单位名称 field), in plain text and as a workbook
// with one sheet per table. It is read generically: family `unknown`, unit and year from the titles, every table
// typed, its amounts placed, its reading confident, and no error finding from the auditor.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { chromiumMissing, withBrowser } from '../../src/render/browser.js';
import { table, values } from './helpers.js';
import { SCHOOL, TABLES, universityHtml } from './university.js';

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

/** Printed once: ruled tables on A4 pages, as a finance office prints them from a word processor. */
let printed: Promise<Uint8Array> | undefined;
async function fromPdf(): Promise<Disclosure> {
  printed ??= withBrowser((b) => b.print(universityHtml()));
  return recognize(await readLayoutBytes(`${SCHOOL}_2024_部门预算.pdf`, await printed));
}

const FORMS = [
  ['text', fromText, 'text'],
  ['workbook', fromWorkbook, 'sheet'],
  ...(chromiumMissing() === null ? ([['PDF', fromPdf, 'grid']] as const) : []),
] as const;

describe.each(FORMS)('a university 部门预算 (%s) read generically', (_, read, method) => {
  let doc: Promise<Disclosure> | undefined;
  const parse = () => (doc ??= read());
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
      'general_basic_economic',
      'gov_fund_expenditure',
      'three_public',
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
    // the economic table: 人员经费 | 公用经费 under a 2024年基本支出 caption
    expect(values(table(d, 'general_basic_economic'), '30216', ['total', 'personnel', 'public'])).toEqual([
      '1500.00',
      null,
      '1500.00',
    ]);
    expect(table(d, 'gov_fund_expenditure').empty).toBe(true);
    // the 三公 items printed as columns over a column-numbering row, transposed
    expect(table(d, 'three_public').rows.map((r) => [r.name, r.cells.total?.value])).toEqual([
      ['合计', '60.00'],
      ['因公出国（境）费', '20.00'],
      ['公务接待费', '15.00'],
      ['公务用车购置及运行费', '25.00'],
      ['公务用车购置费', '10.00'],
      ['公务用车运行费', '15.00'],
    ]);
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

describe('reading notes on a layout of no known family', () => {
  it('keeps a few notes of each kind and counts the rest in one', async () => {
    // the five tables without their 单位：万元 line: each is read in the default unit, with a note
    const lines = [`${SCHOOL}2024年部门预算`, ''];
    for (const t of TABLES) lines.push(t.title, ...t.rows.slice(1).map((r) => r.join('\t')), '');
    const d = recognize(await readLayoutBytes('u.txt', new TextEncoder().encode(lines.join('\n'))));
    const assumed = d.importNotes.filter((n) => n.code === 'unit_assumed');
    expect(assumed.map((n) => n.message)).toEqual([
      `表“一、${SCHOOL}2024年部门收支总表”未注明金额单位，按万元读取`,
      `表“二、${SCHOOL}2024年部门收入总表”未注明金额单位，按万元读取`,
      `表“三、${SCHOOL}2024年部门支出总表”未注明金额单位，按万元读取`,
      '另有5条同类读取说明（unit_assumed）未逐条列出',
    ]);
  });
});
