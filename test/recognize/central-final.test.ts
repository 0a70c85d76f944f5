// A central department's 部门决算 in the national template (a Ministry-of-Education university's, synthetic:
// central-final.ts), as text, as a workbook with merged header cells and as a printed PDF with a ruled grid. Every
// table is found, typed and read into canonical columns: the 行次 column and the 栏次 row are numbering, codes split
// over 类 | 款 | 项 are one code, the 决算's extra sources and uses are columns of their own, the 三公 items under
// 预算数 | 决算数 are transposed. Reading alone gives no error; a defect printed in one cell is still found.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { chromiumMissing, withBrowser } from '../../src/render/browser.js';
import { table, values } from './helpers.js';
import {
  SCHOOL,
  TABLES,
  centralFinalHtml,
  centralFinalText,
  headerGrid,
  widthOf,
  type FinalTable,
} from './central-final.js';

const FILE = `${SCHOOL}_2023_部门决算`;

async function fromText(tables = TABLES): Promise<Disclosure> {
  return recognize(await readLayoutBytes(`${FILE}.txt`, new TextEncoder().encode(centralFinalText(tables))));
}

/** One sheet per table: title and number, meta line, the header with its spans merged, the body, the note. */
async function fromWorkbook(): Promise<Disclosure> {
  const book = new ExcelJS.Workbook();
  TABLES.forEach((t: FinalTable, k) => {
    const sheet = book.addWorksheet(`表${k + 1}`);
    const blanks = Array.from({ length: widthOf(t) - 2 }, () => '');
    sheet.addRow([t.title, ...blanks, t.number]);
    sheet.addRow([`编制单位：${SCHOOL}`, ...blanks, '金额单位：万元']);
    const grid = headerGrid(t);
    for (const r of grid.rows) sheet.addRow(r);
    for (const [r, c, rows, cols] of grid.merges) sheet.mergeCells(r + 3, c + 1, r + 2 + rows, c + cols);
    for (const r of t.body) sheet.addRow(r);
    if (t.note) sheet.addRow([t.note]);
  });
  return recognize(await readLayoutBytes(`${FILE}.xlsx`, new Uint8Array(await book.xlsx.writeBuffer())));
}

let printed: Promise<Uint8Array> | undefined;
async function fromPdf(): Promise<Disclosure> {
  printed ??= withBrowser((b) => b.print(centralFinalHtml()));
  return recognize(await readLayoutBytes(`${FILE}.pdf`, await printed));
}

/** The same pages printed without rules: the columns come from the text's projection. */
let unruled: Promise<Uint8Array> | undefined;
async function fromUnruledPdf(): Promise<Disclosure> {
  unruled ??= withBrowser((b) =>
    b.print(centralFinalHtml().replace('td { border: 0.75pt solid #000;', 'td { border: none;')),
  );
  return recognize(await readLayoutBytes(`${FILE}.pdf`, await unruled));
}

const FORMS = [
  ['text', fromText, 'text'],
  ['workbook', fromWorkbook, 'sheet'],
  ...(chromiumMissing() === null
    ? ([
        ['PDF', fromPdf, 'grid'],
        ['PDF without rules', fromUnruledPdf, 'projection'],
      ] as const)
    : []),
] as const;

/** Every amount the generator printed, and every amount read, per table: equal multisets. */
function amounts(rows: string[][]): string[] {
  return rows
    .flat()
    .filter((c) => /\d\.\d\d$/.test(c))
    .map((c) => c.replace(/,/g, ''))
    .sort();
}

describe.each(FORMS)('a central 部门决算 (%s)', (_, read, method) => {
  let doc: Promise<Disclosure> | undefined;
  const parse = () => (doc ??= read());

  it('the national 决算 family, unit from the 编制单位 lines, year and kind from the cover, nine tables typed', async () => {
    const d = await parse();
    expect(d.metadata).toMatchObject({
      unit: SCHOOL,
      year: 2023,
      kind: 'department_final',
      family: 'central_final',
    });
    expect(d.tables.map((t) => [t.kind, t.number, t.unit])).toEqual([
      ['summary', '公开01表', '万元'],
      ['revenue', '公开02表', '万元'],
      ['expenditure', '公开03表', '万元'],
      ['fiscal_summary', '公开04表', '万元'],
      ['general_expenditure', '公开05表', '万元'],
      ['general_basic_economic', '公开06表', '万元'],
      ['three_public', '公开07表', '万元'],
      ['gov_fund_expenditure', '公开08表', '万元'],
      ['state_capital', '公开09表', '万元'],
    ]);
  });

  it('reads every printed amount exactly, and nothing else (no 行次, no 栏次)', async () => {
    const d = await parse();
    d.tables.forEach((t, k) => {
      const read = t.rows.flatMap((r) =>
        Object.values(r.cells).flatMap((c) => (c.value === null ? [] : [c.value])),
      );
      expect(read.sort(), t.kind).toEqual(amounts(TABLES[k].body));
      expect(t.reading?.method, t.kind).toBe(method);
      expect(t.reading?.confidence, t.kind).toBe('high');
    });
  });

  it('names the columns canonically', async () => {
    const d = await parse();
    const ids = (kind: string) => table(d, kind).columns.map((c) => c.id);
    expect(ids('summary')).toEqual(['amount', 'amount']);
    expect(ids('revenue')).toEqual([
      'total',
      'fiscal',
      'superior_subsidy',
      'business_income',
      'operating_income',
      'affiliated_remittance',
      'other_income',
    ]);
    expect(ids('expenditure')).toEqual([
      'total',
      'basic',
      'project',
      'remittance_to_superior',
      'operating_expenditure',
      'affiliated_subsidy',
    ]);
    expect(ids('fiscal_summary')).toEqual(['amount', 'total', 'general_public', 'gov_fund', 'state_capital']);
    expect(ids('general_expenditure').slice(0, 5)).toEqual([
      'carryover',
      'other:本年收入',
      'total',
      'basic',
      'project',
    ]);
    // without rules the 本年支出 caption, centred over its three columns, is carried over the next one too (a
    // label path, not a canonical id: no amount is lost, the column stays `other:`)
    expect(ids('general_expenditure')[5]).toBe(
      method === 'projection' ? 'other:本年支出/年末结转和结余' : 'other:年末结转和结余',
    );
    expect(ids('three_public')).toEqual(['budget', 'final']);
  });

  it('places a row of each table', async () => {
    const d = await parse();
    expect(values(table(d, 'summary'), '使用非财政拨款结余', ['amount'], 'income')).toEqual(['1000.00']);
    expect(values(table(d, 'summary'), '结余分配', ['amount'], 'expenditure')).toEqual(['900.00']);
    expect(
      table(d, 'summary')
        .rows.map((r) => r.role)
        .filter((r) => r !== 'item'),
    ).toEqual([
      'year_total',
      'year_total',
      'carryover',
      'year_end_carryover',
      'carryover',
      'year_end_carryover',
      'grand_total',
      'grand_total',
    ]);
    // 类 | 款 | 项 printed apart, read as one code
    expect(
      values(table(d, 'revenue'), '2080506', ['total', 'fiscal', 'business_income', 'other_income']),
    ).toEqual(['1000.00', '600.00', '200.00', '200.00']);
    expect(
      values(table(d, 'expenditure'), '2050205', ['total', 'basic', 'project', 'operating_expenditure']),
    ).toEqual(['70000.00', '50000.00', '19000.00', '1000.00']);
    expect(
      values(
        table(d, 'fiscal_summary'),
        '本年支出合计',
        ['total', 'general_public', 'gov_fund'],
        'expenditure',
      ),
    ).toEqual(['49600.00', '49500.00', '100.00']);
    expect(
      values(table(d, 'general_expenditure'), '2060203', ['carryover', 'other:本年收入', 'total', 'project']),
    ).toEqual(['500.00', '3000.00', '2500.00', '2500.00']);
    const economic = table(d, 'general_basic_economic');
    expect(values(economic, '公用经费合计', ['final'])).toEqual(['4500.00']);
    expect(economic.rows.filter((r) => r.parent === '公用经费合计').map((r) => r.code)).toEqual([
      '302',
      '307',
      '310',
      '399',
    ]);
    expect(values(table(d, 'three_public'), '公务用车运行费', ['budget', 'final'])).toEqual([
      '30.00',
      '27.30',
    ]);
    expect(values(table(d, 'gov_fund_expenditure'), '2296004', ['total', 'project'])).toEqual([
      '100.00',
      '100.00',
    ]);
    expect(table(d, 'state_capital').empty).toBe(true);
  });

  it('gets no error finding from the auditor', async () => {
    const result = auditDisclosure(await parse());
    expect(result.summary.error).toBe(0);
    expect(result.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual([
      'completeness.sections',
    ]);
  });
});

describe('a defect printed in a well-read 决算 table', () => {
  it('is found: 基本支出 of one 项 raised by 100 breaks its row sum and its 款', async () => {
    const tables = structuredClone(TABLES);
    const expenditure = tables.find((t) => t.title === '支出决算表')!;
    expenditure.body.find((r) => r[0] === '2050205')![3] = '50,100.00';
    const result = auditDisclosure(await fromText(tables));
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.table, f.row_code, f.column, f.expected, f.actual])).toEqual([
      ['table.row-sum', 'expenditure', '2050205', 'total', '70100.00', '70000.00'],
      ['table.hierarchy', 'expenditure', '20502', 'basic', '50100.00', '50000.00'],
    ]);
  });
});
