// A subject name wrapped over two or three lines of one grid cell, its code and amount on the middle line (or the
// first): the pieces are joined into one name, and the lines do not become rows of their own.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognize/index.js';
import { pdfCell, pdfLayout } from './helpers.js';

const row = (y: number, code: string, name: string, amount: string) => ({
  y,
  cells: [pdfCell(code, 50, 110), pdfCell(name, 120, 300), pdfCell(amount, 320, 400)],
});

function read(lines: ReturnType<typeof row>[]) {
  const d = recognize(
    pdfLayout([
      { y: 40, cells: [pdfCell('XX局2024年一般公共预算支出表', 150, 350)] },
      { y: 60, cells: [pdfCell('单位：万元', 330, 400)] },
      row(80, '科目编码', '科目名称', '合计'),
      row(100, '', '合计', '1,000.00'),
      row(120, '208', '社会保障和就业支出', '1,000.00'),
      row(140, '20805', '行政事业单位养老支出', '1,000.00'),
      ...lines,
    ]),
  );
  return d.tables[0].rows.map((r) => [r.code ?? '', r.name, r.cells.total?.value ?? null]);
}

describe('wrapped subject names', () => {
  it('joins a name wrapped over three lines around its code and amount', () => {
    expect(
      read([
        row(158, '', '机关事业单位', ''),
        row(170, '2080505', '基本养老保险', '600.00'),
        row(182, '', '缴费支出', ''),
        row(200, '2080506', '机关事业单位职业年金缴费支出', '400.00'),
      ]).slice(3),
    ).toEqual([
      ['2080505', '机关事业单位基本养老保险缴费支出', '600.00'],
      ['2080506', '机关事业单位职业年金缴费支出', '400.00'],
    ]);
  });

  it('joins the second line of a name whose code and amount are on the first', () => {
    expect(
      read([
        row(160, '2080505', '机关事业单位基本养老保险缴费', '600.00'),
        row(172, '', '支出', ''),
        row(190, '2080506', '机关事业单位职业年金缴费支出', '400.00'),
      ]).slice(3),
    ).toEqual([
      ['2080505', '机关事业单位基本养老保险缴费支出', '600.00'],
      ['2080506', '机关事业单位职业年金缴费支出', '400.00'],
    ]);
  });

  it('leaves a label line a full row apart as a row of its own', () => {
    expect(
      read([
        row(160, '2080505', '机关事业单位基本养老保险缴费支出', '600.00'),
        row(180, '', '其他', ''),
        row(200, '2080506', '机关事业单位职业年金缴费支出', '400.00'),
      ]).slice(3),
    ).toEqual([
      ['2080505', '机关事业单位基本养老保险缴费支出', '600.00'],
      ['', '其他', null],
      ['2080506', '机关事业单位职业年金缴费支出', '400.00'],
    ]);
  });
});
