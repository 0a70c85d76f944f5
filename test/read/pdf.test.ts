// The PDF reader on real published files: lines, table rows with cells by column, prose joins, bad input.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineText, type LayoutDocument, type LayoutLine } from '../../src/layout/types.js';
import { readLayoutBytes, ReadError } from '../../src/read/index.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { blankPdf } from './broken-files.js';
import { sharedRoot } from '../../src/paths.js';

const corpus = (name: string) => join(sharedRoot, 'corpus', name);

async function layoutOf(name: string): Promise<LayoutDocument> {
  return readLayoutBytes(name, new Uint8Array(await readFile(corpus(name))));
}

/** The table row on `page` whose cells contain all of `texts`. */
function row(doc: LayoutDocument, page: number, ...texts: string[]): LayoutLine {
  const found = doc.lines.filter(
    (l) => l.page === page && l.inTable && texts.every((t) => l.cells.some((c) => c.text === t)),
  );
  expect(found, `row ${texts.join('/')} on page ${page}`).toHaveLength(1);
  return found[0];
}

const cells = (l: LayoutLine) => l.cells.map((c) => c.text);

describe('Shanghai district unit budget (WPS, 21 pages)', () => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    doc = await layoutOf('上海_普陀区人民政府办公室_2025_单位预算.pdf');
  });

  it('counts the pages and keeps every line on its page', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(21);
    expect(new Set(doc.lines.map((l) => l.page)).size).toBe(21);
    expect(doc.lines.find((l) => lineText(l) === '2025年预算单位收入预算总表')?.page).toBe(9);
  });

  it('splits codes printed in 类/款/项 columns and keeps empty columns', () => {
    const r = row(doc, 11, '201', '03', '01');
    expect(cells(r)).toEqual(['201', '03', '01', '行政运行', '12,029,501.84', '11,919,501.84', '110,000.00']);
    // 一般行政管理事务 has no 基本支出: its cell stays empty, the 项目支出 amount keeps its column.
    expect(cells(row(doc, 11, '一般行政管理事务'))).toEqual([
      '201',
      '03',
      '02',
      '一般行政管理事务',
      '46,140,000.00',
      '',
      '46,140,000.00',
    ]);
    expect(cells(row(doc, 11, '一般公共服务支出'))).toEqual([
      '201',
      '',
      '',
      '一般公共服务支出',
      '82,096,797.42',
      '15,686,797.42',
      '66,410,000.00',
    ]);
  });

  it('folds a wrapped label around vertically centred amounts into its row', () => {
    const r = row(doc, 9, '其他政府办公厅（室）及相关机构事务支出');
    expect(cells(r).slice(0, 6)).toEqual([
      '201',
      '03',
      '99',
      '其他政府办公厅（室）及相关机构事务支出',
      '20,120,000.00',
      '20,120,000.00',
    ]);
    expect(doc.lines.some((l) => l.page === 9 && lineText(l).replace(/\t/g, '') === '务支出')).toBe(false);
  });

  it('gives header-only columns (no amounts anywhere) their own index, headers wrapped in their cells whole', () => {
    const header = row(doc, 9, '功能分类科目名称', '合计');
    expect(cells(header)).toEqual([
      '功能分类科目编码',
      '',
      '',
      '功能分类科目名称',
      '合计',
      '财政拨款收入',
      '事业收入',
      '事业单位经营收入',
      '其他收入',
    ]);
    expect(header.cells[0].colSpan).toBe(3);
    expect(header.cells.slice(3).map((c) => c.rowSpan)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(cells(row(doc, 9, '类', '款', '项')).slice(0, 3)).toEqual(['类', '款', '项']);
  });

  it('places the 三公 table amounts under their headers', () => {
    expect(cells(row(doc, 20, '867.50'))).toEqual(['867.50', '839.00', '28.50', '', '', '', '213.28']);
    expect(cells(row(doc, 20, '小计'))).toEqual(['', '', '', '小计', '购置费', '运行费', '']);
    const top = row(doc, 20, '机关运行经费预算数');
    expect(cells(top)).toEqual(['“三公”经费预算数', '', '', '', '', '', '机关运行经费预算数']);
    expect([top.cells[0].colSpan, top.cells[6].rowSpan]).toEqual([6, 3]);
  });

  it('keeps the caption line (unit name, money unit) outside the grid', () => {
    const caption = doc.lines.find((l) => l.page === 18 && /单位：元/.test(lineText(l)));
    expect(caption?.inTable).toBeFalsy();
    expect(cells(caption!)).toEqual(['编制单位：上海市普陀区人民政府办公室', '单位：元']);
  });

  it('continues a table over a page break with the same column layout', () => {
    expect(cells(row(doc, 19, '退休费'))).toEqual([
      '303',
      '02',
      '退休费',
      '1,188,720.00',
      '1,188,720.00',
      '',
    ]);
    expect(cells(row(doc, 19, '办公设备购置'))).toEqual([
      '310',
      '02',
      '办公设备购置',
      '200,000.00',
      '',
      '200,000.00',
    ]);
    const total = row(doc, 19, '合计');
    expect(cells(total)).toEqual(['合计', '', '', '24,606,775.35', '22,473,997.81', '2,132,777.54']);
    expect(total.cells[0].colSpan).toBe(3);
    // The page continues the ruled table of page 18 without a header: the same grid.
    expect(total.gridId).toBe('p18g1');
  });

  it('marks wrapped paragraph lines as continuing the previous one', () => {
    const i = doc.lines.findIndex((l) => lineText(l).startsWith('（二）公务用车购置及运行费0万元'));
    expect(doc.lines[i].continues).toBeFalsy();
    expect(lineText(doc.lines[i + 1])).toBe('元，与2024年预算持平。');
    expect(doc.lines[i + 1].continues).toBe(true);
    expect(doc.lines[i + 2].continues).toBeFalsy();
  });
});

describe('Jiangsu three-column summary table (Excel 2010 print)', () => {
  it('reads income, function and use sides as six columns', async () => {
    const doc = await layoutOf('江苏_省政协办公厅_2018_部门预算_报表.pdf');
    expect(cells(row(doc, 1, '一、财政拨款'))).toEqual([
      '一、财政拨款',
      '10,070.48',
      '一、一般公共服务支出',
      '7,827.46',
      '一、基本支出',
      '5,678.17',
    ]);
    expect(cells(row(doc, 1, '三、单位预留机动经费'))).toEqual([
      '2.政府性基金预算',
      '',
      '三、国防支出',
      '',
      '三、单位预留机动经费',
      '1,157.63',
    ]);
    expect(cells(row(doc, 1, '十八、住房保障支出'))).toEqual([
      '',
      '',
      '十八、住房保障支出',
      '1,499.26',
      '',
      '',
    ]);
    expect(cells(row(doc, 1, '收入合计'))[1]).toBe('10,150.48');
  });
});

describe('bad PDFs end in a one-line ReadError', () => {
  it('refuses a PDF without a text layer as a scan (OCR off)', async () => {
    const err = await readPdf('scan.pdf', blankPdf(), { ocr: false }).catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.code).toBe('scanned');
    expect(err.message).toMatch(/^scan\.pdf：扫描版PDF，没有可提取的文字层/);
  });

  it('refuses a scan whatever OCR is installed: a blank page has no text to recognise', async () => {
    const err = await readLayoutBytes('blank.pdf', blankPdf()).catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.code).toBe('scanned');
    expect(err.message).toMatch(/^blank\.pdf：扫描版PDF/);
  }, 60_000);

  it('refuses a truncated PDF', async () => {
    const bytes = new Uint8Array(await readFile(corpus('上海_普陀区人民政府办公室_2025_单位预算.pdf')));
    const err = await readLayoutBytes('cut.pdf', bytes.subarray(0, 4000)).catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.message.startsWith('cut.pdf：')).toBe(true);
    expect(err.message).not.toMatch(/\n/);
  });

  it('refuses garbage after a PDF signature', async () => {
    const junk = new Uint8Array(5000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
    junk.set(Buffer.from('%PDF-1.7\n'), 0);
    const err = await readLayoutBytes('junk.pdf', junk).catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.code).toMatch(/corrupt|empty|scanned/);
  });
});

describe('two-sided summary tables', () => {
  it('puts the side captions over the first column of each side and keeps rows after blank rows', async () => {
    const doc = await layoutOf('上海_普陀区人民政府办公室_2025_部门预算.pdf');
    expect(cells(row(doc, 8, '本年收入'))).toEqual(['本年收入', '', '本年支出', '']);
    expect(cells(row(doc, 8, '三、事业单位经营收入'))).toEqual(['三、事业单位经营收入', '', '', '']);
    expect(cells(row(doc, 8, '收入总计'))).toEqual([
      '收入总计',
      '91,016,775.35',
      '支出总计',
      '91,016,775.35',
    ]);
  });

  it('splits header cells printed a third of an em apart', async () => {
    const doc = await layoutOf('上海_普陀区人民政府办公室_2025_单位预算.pdf');
    expect(cells(row(doc, 13, '合计'))).toEqual([
      '项目',
      '预算数',
      '项目',
      '合计',
      '一般公共预算',
      '政府性基金预算',
      '国有资本经营预算',
    ]);
    expect(cells(row(doc, 13, '财政拨款收入'))).toEqual(['财政拨款收入', '', '财政拨款支出', '', '', '', '']);
  });
});
