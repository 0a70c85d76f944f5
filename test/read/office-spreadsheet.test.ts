// Spreadsheet reader: the Shanghai Excel templates of the corpus (XLSX and XLS) and generated workbooks that
// exercise number formats, merges, wrapped headers and hidden sheets.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayoutBytes } from '../../src/read/index.js';
import { lineText, type LayoutDocument, type LayoutLine } from '../../src/layout/types.js';
import { sharedRoot } from '../../src/paths.js';
import { recognize } from '../../src/recognize/index.js';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');
const corpus = (name: string) => join(sharedRoot, 'corpus', name);
const UNIT_XLSX = '上海_区级单位预算公开模板_预算模板.xlsx';
const UNIT_XLS = '上海_区级单位预算公开样张_2026_预算模板.xls';
const DEPARTMENT_XLSX = '上海_区级部门预算公开模板_预算模板.xlsx';

async function read(name: string, file = name): Promise<LayoutDocument> {
  return readLayoutBytes(file, new Uint8Array(await readFile(corpus(name))));
}

function at(doc: LayoutDocument, sheet: string, row: number): LayoutLine[] {
  return doc.lines.filter((l) => l.sheet === sheet && l.row === row);
}

function texts(line: LayoutLine): string[] {
  return line.cells.map((c) => c.text);
}

describe('Shanghai unit budget template (XLSX)', () => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    doc = await read(UNIT_XLSX, 'unit.xlsx');
  });

  it('gives one page per sheet, in workbook order, with the sheet name on every line', () => {
    expect(doc.format).toBe('xlsx');
    expect(doc.pages).toBe(16);
    const sheets = [...new Set(doc.lines.map((l) => l.sheet))];
    expect(sheets).toEqual([
      '封面',
      '目录',
      '单位职能',
      '单位机构设置',
      '名词解释',
      '单位编制说明',
      '单位收支总表',
      '单位收入总表',
      '单位支出总表',
      '单位财政拨款收支总表',
      '单位一般公共预算拨款表',
      '单位政府性基金拨款表',
      '单位国有资本经营预算拨款表 ',
      '单位一般公共预算拨款基本支出明细表',
      '单位“三公”经费和机关运行费预算表',
      '其他相关情况说明',
    ]);
    expect(doc.lines.find((l) => l.sheet === '单位支出总表')!.page).toBe(9);
    expect(doc.lines).toHaveLength(148);
  });

  it('reads the cover and the table of contents as paragraph lines', () => {
    expect(at(doc, '封面', 3).map(lineText)).toEqual(['上海市普陀区2026年区级单位预算']);
    expect(at(doc, '封面', 9).map(lineText)).toEqual(['预算单位：上海市普陀区XX单位']);
    const toc = doc.lines.filter((l) => l.sheet === '目录').map(lineText);
    expect(toc[0]).toBe('目  录');
    expect(toc).toContain('8．2026年预算单位一般公共预算基本支出部门预算经济分类预算表');
    expect(toc.at(-1)).toBe('六、其他相关情况说明');
    expect(doc.lines.filter((l) => l.sheet === '目录').every((l) => !l.inTable && l.cells.length === 1)).toBe(
      true,
    );
  });

  it('splits a narrative cell into one line per paragraph', () => {
    const glossary = at(doc, '名词解释', 3).map(lineText);
    expect(glossary).toHaveLength(9);
    expect(glossary[1]).toBe('（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。');
    expect(glossary[8]).toBe('（九）……：指……。');
    expect(at(doc, '单位职能', 3).map(lineText)).toEqual(['XX是…。', '主要职能包括：', '1.']);
  });

  it('keeps table titles as paragraphs and grid rows at their column index', () => {
    const title = at(doc, '单位支出总表', 2)[0];
    expect(texts(title)).toEqual(['2026年预算单位支出预算总表']);
    expect(title.inTable).toBeFalsy();
    const meta = at(doc, '单位支出总表', 4)[0];
    expect(texts(meta)).toEqual(['编制单位：', '', '', '', '', '', '单位：元']);
    expect(meta.inTable).toBe(false);
    expect(texts(at(doc, '单位支出总表', 7)[0])).toEqual([
      '功能分类科目编码',
      '',
      '',
      '功能分类科目名称',
      '合计',
      '基本支出',
      '项目支出',
    ]);
    expect(texts(at(doc, '单位支出总表', 8)[0])).toEqual(['类', '款', '项']);
    // 类 is stored as a number, 款 and 项 as text with leading zeros: both print as written.
    const row = at(doc, '单位支出总表', 11)[0];
    expect(texts(row)).toEqual(['205', '02', '05', '高等教育']);
    expect(row.inTable).toBe(true);
    // A wrapped header ("事业单位\n经营收入") is one label.
    expect(texts(at(doc, '单位收入总表', 7)[0])[7]).toBe('事业单位经营收入');
  });

  it('reads the summary table with its two sides and the 三公 table header', () => {
    expect(texts(at(doc, '单位收支总表', 10)[0])).toEqual(['一、财政拨款收入', '', '一、一般公共服务支出']);
    expect(texts(at(doc, '单位收支总表', 21)[0])).toEqual(['收入总计', '', '支出总计']);
    expect(texts(at(doc, '单位收支总表', 9)[0])).toEqual(['', '', '', '', '人员经费', '公用经费']);
    const sheet = '单位“三公”经费和机关运行费预算表';
    expect(texts(at(doc, sheet, 3)[0])).toEqual(['编制单位：', '', '', '', '', '', '单位:万元']);
    expect(texts(at(doc, sheet, 5)[0])).toEqual([
      '合计',
      '因公出国(境)费',
      '公务接待费',
      '公务用车购置及运行费',
    ]);
    expect(texts(at(doc, sheet, 6)[0])).toEqual(['', '', '', '小计', '购置费', '运行费']);
    expect(texts(at(doc, '单位一般公共预算拨款基本支出明细表', 13)[0])).toEqual(['303', '04', '抚恤金']);
  });
});

describe('Shanghai unit budget sample sheet (XLS, BIFF8)', () => {
  it('reads to the same layout as the XLSX version of the template', async () => {
    const xls = await read(UNIT_XLS, 'unit.xls');
    const xlsx = await read(UNIT_XLSX, 'unit.xlsx');
    expect(xls.format).toBe('xls');
    expect(xls.pages).toBe(16);
    const shape = (d: LayoutDocument) =>
      d.lines.map((l) => [l.sheet, l.row, l.inTable ?? false, lineText(l)]);
    expect(shape(xls)).toEqual(shape(xlsx));
  });
});

describe('Shanghai department budget template (XLSX)', () => {
  it('has the extra 项目经费情况说明 sheet and the 编制部门 line as table metadata', async () => {
    const doc = await read(DEPARTMENT_XLSX, 'dept.xlsx');
    expect(doc.pages).toBe(17);
    expect(at(doc, '项目经费情况说明', 1).map(lineText)).toEqual(['XX项目经费情况说明']);
    expect(at(doc, '项目经费情况说明', 3).map(lineText).slice(0, 3)).toEqual([
      '一、项目概述',
      '（说明项目的总体情况、立项目的等）',
      '二、立项依据',
    ]);
    const meta = at(doc, '部门收支总表', 4)[0];
    expect(texts(meta)).toEqual(['编制部门：', '', '', '单位：元']);
    expect(meta.inTable).toBe(false);
    expect(texts(at(doc, '部门收支总表', 9)[0])).toEqual(['1. 一般公共预算', '', '二、…']);
  });
});

describe('numbers as printed', () => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算支出总表');
    ws.getCell('A1').value = '2023年预算支出总表';
    ws.mergeCells('A1:E1');
    ws.getCell('E2').value = '单位：万元';
    ws.getCell('A3').value = '科目编码';
    ws.mergeCells('A3:A4');
    ws.getCell('B3').value = '科目名称';
    ws.getCell('C3').value = '支出预算';
    ws.mergeCells('C3:E3');
    ws.getCell('C4').value = '合计';
    ws.getCell('D4').value = '基本\n支出';
    ws.getCell('E4').value = '项目支出';
    ws.getCell('A5').value = 2010301;
    ws.getCell('B5').value = '行政运行';
    ws.getCell('C5').value = 1361.58;
    ws.getCell('C5').numFmt = '#,##0.00';
    ws.getCell('D5').value = 1357.1200000000001;
    ws.getCell('E5').value = { formula: 'C5-D5', result: 4.46 };
    ws.getCell('A6').value = '合计';
    ws.getCell('C6').value = 171915169.55;
    ws.getCell('D6').value = 123456789012345;
    ws.getCell('E6').value = 0.1 + 0.2;
    ws.getCell('A7').value = 35;
    ws.getCell('A7').numFmt = '0.00';
    ws.getCell('B7').value = 0.1961;
    ws.getCell('B7').numFmt = '0.00%';
    ws.getCell('C7').value = 12.5;
    ws.getCell('C7').numFmt = '[$-804]#,##0.00_ ';
    ws.getCell('D7').value = new Date(Date.UTC(2023, 0, 15));
    ws.getCell('D7').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('E7').value = 0;
    ws.getCell('E7').numFmt = '#,##0.00;-#,##0.00;"-"';
    ws.getCell('A9').value = '注：本表无数据';
    const hidden = wb.addWorksheet('lookup', { state: 'hidden' });
    hidden.getCell('A1').value = '隐藏的辅助数据';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    doc = await readLayoutBytes('gen.xlsx', bytes);
  });

  it('prints formatted numbers through their format and General numbers exactly', () => {
    const row = (r: number) => texts(at(doc, '预算支出总表', r)[0]);
    expect(row(5)).toEqual(['2010301', '行政运行', '1,361.58', '1357.12', '4.46']);
    expect(row(6)).toEqual(['合计', '', '171915169.55', '123456789012345', '0.3']);
    expect(row(7)).toEqual(['35.00', '19.61%', '12.50', '2023年1月15日', '-']);
  });

  it('keeps merged values in the first cell and empties elsewhere', () => {
    expect(at(doc, '预算支出总表', 1).map(lineText)).toEqual(['2023年预算支出总表']);
    expect(at(doc, '预算支出总表', 1)[0].inTable).toBeFalsy();
    expect(texts(at(doc, '预算支出总表', 3)[0])).toEqual(['科目编码', '科目名称', '支出预算']);
    expect(texts(at(doc, '预算支出总表', 4)[0])).toEqual(['', '', '合计', '基本支出', '项目支出']);
    expect(at(doc, '预算支出总表', 9).map(lineText)).toEqual(['注：本表无数据']);
    expect(at(doc, '预算支出总表', 9)[0].inTable).toBeFalsy();
  });

  it('skips hidden sheets and says so', () => {
    expect(doc.pages).toBe(1);
    expect(doc.lines.some((l) => l.sheet === 'lookup')).toBe(false);
    expect(doc.notes).toEqual(['跳过隐藏工作表「lookup」']);
  });

  it('reads an XLS (BIFF8) workbook written by SheetJS', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['2023年预算收入总表'],
      ['科目编码', '科目名称', '合计'],
      [2010301, '行政运行', 1361.58],
      ['合计', '', 2979.49],
    ]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '收入总表');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
    const xls = await readLayoutBytes('gen.txt', bytes);
    expect(xls.format).toBe('xls');
    expect(xls.lines.map((l) => [l.row, l.inTable ?? false, lineText(l)])).toEqual([
      [1, false, '2023年预算收入总表'],
      [2, true, '科目编码\t科目名称\t合计'],
      [3, true, '2010301\t行政运行\t1361.58'],
      [4, true, '合计\t\t2979.49'],
    ]);
  });
});

describe('tables recognised in the corpus spreadsheets', () => {
  // The templates carry no amounts (checked by hand: the only numbers are function and economic codes), so every
  // table is recognised by title and read as empty.
  const UNIT_TABLES: [string, string, string][] = [
    ['summary', '2026年预算单位财务收支预算总表', '单位收支总表'],
    ['revenue', '2026年预算单位收入预算总表', '单位收入总表'],
    ['expenditure', '2026年预算单位支出预算总表', '单位支出总表'],
    ['fiscal_summary', '2026年预算单位财政拨款收支预算总表', '单位财政拨款收支总表'],
    ['general_expenditure', '2026年预算单位一般公共预算支出功能分类预算表', '单位一般公共预算拨款表'],
    ['gov_fund_expenditure', '2026年预算单位政府性基金预算支出功能分类预算表', '单位政府性基金拨款表'],
    ['state_capital', '2026年预算单位国有资本经营预算支出功能分类预算表', '单位国有资本经营预算拨款表 '],
    [
      'general_basic_economic',
      '2026年预算单位一般公共预算基本支出部门预算经济分类预算表',
      '单位一般公共预算拨款基本支出明细表',
    ],
    ['three_public', '2026年单位“三公”经费和机关运行经费预算表', '单位“三公”经费和机关运行费预算表'],
  ];

  const tablesOf = async (name: string) =>
    recognize(await read(name)).tables.map((t) => [t.kind, t.title, t.source?.sheet, t.empty ?? false]);

  it('finds the nine tables of the unit template in XLSX and in XLS', async () => {
    const expected = UNIT_TABLES.map(([kind, title, sheet]) => [kind, title, sheet, true]);
    expect(await tablesOf(UNIT_XLSX)).toEqual(expected);
    expect(await tablesOf(UNIT_XLS)).toEqual(expected);
  });

  it('reads the headers below a blank 编制单位： caption, and the 三公 table in 万元', async () => {
    for (const name of [UNIT_XLSX, UNIT_XLS, DEPARTMENT_XLSX]) {
      const tables = recognize(await read(name)).tables;
      const columns = Object.fromEntries(tables.map((t) => [t.kind, t.columns.map((c) => c.id).join(',')]));
      expect(columns.expenditure).toBe('total,basic,project');
      expect(columns.revenue).toBe('total,fiscal,business_income,operating_income,other_income');
      expect(columns.general_basic_economic).toBe('total,personnel,public');
      expect(tables.filter((t) => t.kind !== 'three_public').every((t) => t.columns.length > 0)).toBe(true);
      expect(tables.some((t) => t.rows.some((r) => r.name.startsWith('编制单位')))).toBe(false);
      expect(tables.find((t) => t.kind === 'three_public')?.unit).toBe('万元');
      expect(tables.filter((t) => t.kind !== 'three_public').every((t) => t.unit === '元')).toBe(true);
    }
  });

  it('finds the nine tables of the department template', async () => {
    const expected = UNIT_TABLES.map(([kind, title, sheet]) => [
      kind,
      title.replace('预算单位', '部门').replace('2026年单位', '2026年部门'),
      sheet.replace(/^单位/, '部门'),
      true,
    ]);
    expect(await tablesOf(DEPARTMENT_XLSX)).toEqual(expected);
  });
});
