// Table.reading: how each table was read and how far the reading can be trusted. A table read whole with its
// identities holding is `high`; amounts left outside any column, a guessed header or identities failing widely make
// it `low`; one defective cell in the document does not.
import { describe, expect, it } from 'vitest';
import type { LayoutDocument } from '../../src/layout/types.js';
import { recognize } from '../../src/recognize/index.js';
import { pdfCell, pdfLayout, sheetLayout, table } from './helpers.js';

const HEADER = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

function expenditure(rows: string[][]): string[][] {
  return [['XX局2024年部门预算'], ['XX局2024年支出预算总表'], ['单位：万元'], HEADER, ...rows];
}

const BODY = [
  ['', '合计', '1,000.00', '600.00', '400.00'],
  ['201', '一般公共服务支出', '1,000.00', '600.00', '400.00'],
  ['20103', '政府办公厅（室）及相关机构事务', '1,000.00', '600.00', '400.00'],
  ['2010301', '行政运行', '600.00', '600.00', ''],
  ['2010302', '一般行政管理事务', '400.00', '', '400.00'],
];

describe('Table.reading', () => {
  it('a spreadsheet table read whole, its identities holding: sheet, high, every amount placed', () => {
    const t = table(recognize(sheetLayout(expenditure(BODY))), 'expenditure');
    expect(t.reading).toEqual({
      method: 'sheet',
      confidence: 'high',
      placed: 13,
      printed: 13,
      // five row sums (合计 = 基本 + 项目), 类 = Σ款 and 款 = Σ项 in three columns each, 合计 = Σ类 in three
      identities: { checked: 14, held: 14 },
      reasons: [],
    });
  });

  it('one defective cell breaks only the identities through it: still high', () => {
    const body = BODY.map((r) => [...r]);
    body[4][2] = '410.00'; // 一般行政管理事务 合计 printed 10 too high
    const t = table(recognize(sheetLayout(expenditure(body))), 'expenditure');
    expect(t.reading?.identities).toEqual({ checked: 14, held: 12 });
    expect(t.reading?.confidence).toBe('high');
  });

  it('identities failing throughout mean misreading: low, with the reason', () => {
    // every 合计 read from a column that holds something else
    const body = BODY.map((r) => [r[0], r[1], r[3] || '0.00', r[2], r[4]]);
    const t = table(recognize(sheetLayout(expenditure(body))), 'expenditure');
    expect(t.reading?.confidence).toBe('low');
    // column sums still hold (each column adds up on its own); four of the five row sums do not
    expect(t.reading?.identities).toEqual({ checked: 14, held: 10 });
    expect(t.reading?.reasons).toEqual([
      '表内14项勾稽关系（合计 = 各项之和等）有4项不成立，可能读错了列或行',
    ]);
  });

  it('amounts printed outside every recognised column: low, counted', () => {
    // a fourth amount column the header does not name
    const body = BODY.map((r) => [...r, '5.00']);
    const t = table(recognize(sheetLayout(expenditure(body))), 'expenditure');
    expect(t.reading).toMatchObject({ placed: 13, printed: 18, confidence: 'low' });
    expect(t.reading?.reasons).toEqual(['表中印有18个金额，只有13个归入了列']);
  });

  it('codes in 类/款/项 columns and the 栏次 row are not counted as amounts', () => {
    const t = table(
      recognize(
        sheetLayout([
          ['XX局2024年部门预算'],
          ['XX局2024年支出预算总表'],
          ['单位：万元'],
          ['科目编码', '', '', '科目名称', '合计', '基本支出', '项目支出'],
          ['类', '款', '项', '', '', '', ''],
          ['栏次', '', '', '', '1', '2', '3'],
          ['201', '', '', '一般公共服务支出', '1,000.00', '600.00', '400.00'],
          ['201', '03', '', '政府办公厅（室）及相关机构事务', '1,000.00', '600.00', '400.00'],
          ['201', '03', '01', '行政运行', '600.00', '600.00', ''],
          ['201', '03', '02', '一般行政管理事务', '400.00', '', '400.00'],
        ]),
      ),
      'expenditure',
    );
    expect(t.reading).toMatchObject({ placed: 10, printed: 10, confidence: 'high' });
  });

  it('method follows the source: plain text, ruled PDF grid, projected PDF text', () => {
    const text: LayoutDocument = {
      ...sheetLayout(expenditure(BODY)),
      file: 'x.txt',
      format: 'txt',
    };
    expect(table(recognize(text), 'expenditure').reading?.method).toBe('text');
    const page = (grid: 'ruled' | 'projection') => {
      const layout = pdfLayout([
        { y: 40, cells: [pdfCell('XX局2024年支出预算总表', 200, 400)] },
        { y: 60, cells: [pdfCell('单位：万元', 500, 560)] },
        ...[HEADER, ...BODY].map((r, i) => ({
          y: 80 + i * 20,
          cells: r.map((t, k) => pdfCell(t, 50 + k * 110, 150 + k * 110)),
        })),
      ]);
      for (const l of layout.lines) if (l.cells.length > 1) l.grid = grid;
      return layout;
    };
    expect(table(recognize(page('ruled')), 'expenditure').reading?.method).toBe('grid');
    expect(table(recognize(page('projection')), 'expenditure').reading?.method).toBe('projection');
  });

  it('a table without a recognisable header: guessed, low', () => {
    const t = table(
      recognize(
        sheetLayout([
          ['XX局2024年部门预算'],
          ['XX局2024年支出预算总表'],
          ['单位：万元'],
          ['201', '一般公共服务支出', '1,000.00', '600.00', '400.00'],
          ['2010301', '行政运行', '600.00', '600.00', ''],
        ]),
      ),
      'expenditure',
    );
    expect(t.reading?.method).toBe('guessed');
    expect(t.reading?.confidence).toBe('low');
  });
});
