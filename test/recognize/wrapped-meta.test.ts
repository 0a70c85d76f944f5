// A table's meta lines wrapped by a narrow page: the unit name's end printed beside 单位：万元 on the next line
// ("部门名称：江苏省高级人民法" / "院 | 单位：万元"), and a money unit broken as 单位：万 / 元 (never a unit named "万").
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognize/index.js';
import { pdfCell, pdfLayout } from './helpers.js';

const HEADER = {
  y: 100,
  cells: [pdfCell('科目编码', 50, 110), pdfCell('科目名称', 120, 300), pdfCell('金额', 320, 400)],
};
const BODY = [
  { y: 120, cells: [pdfCell('', 50, 110), pdfCell('合计', 120, 300), pdfCell('1,000.00', 320, 400)] },
  {
    y: 140,
    cells: [pdfCell('204', 50, 110), pdfCell('公共安全支出', 120, 300), pdfCell('1,000.00', 320, 400)],
  },
];
const TITLE = { y: 40, cells: [pdfCell('一般公共预算支出预算表（功能科目）', 150, 350)] };

describe('wrapped meta lines', () => {
  it('joins the end of a unit name printed beside the money unit', () => {
    const d = recognize(
      pdfLayout([
        TITLE,
        { y: 60, cells: [pdfCell('部门名称：江苏省高级人民法', 50, 250)] },
        { y: 75, cells: [pdfCell('院', 50, 62), pdfCell('单位：万元', 330, 400)] },
        HEADER,
        ...BODY,
      ]),
    );
    expect(d.tables[0].unitName).toBe('江苏省高级人民法院');
    expect(d.tables[0].unit).toBe('万元');
    expect(d.tables[0].rows.map((r) => r.name)).toEqual(['合计', '公共安全支出']);
  });

  it('reads 单位：万 / 元 as the money unit 万元, not as a unit name', () => {
    const d = recognize(
      pdfLayout([
        TITLE,
        { y: 60, cells: [pdfCell('单位：万', 330, 390)] },
        { y: 75, cells: [pdfCell('部门名称：江苏省高级人民法院', 50, 250), pdfCell('元', 380, 392)] },
        HEADER,
        ...BODY,
      ]),
    );
    expect(d.tables[0].unitName).toBe('江苏省高级人民法院');
    expect(d.tables[0].unit).toBe('万元');
    expect(d.tables[0].rows.map((r) => r.cells.amount?.value)).toEqual(['1000.00', '1000.00']);
  });

  // The project's own XLSX output prints the table number in the meta row ("编制单位：… | 1. | 单位：元"); other
  // layouts print "公开01表" there. Read as a meta line with a number, not as the first header row.
  for (const number of ['1.', '公开01表', '表3']) {
    it(`reads a meta line with the table number "${number}" between its cells`, () => {
      const d = recognize(
        pdfLayout([
          TITLE,
          {
            y: 60,
            cells: [
              pdfCell('编制单位：江苏省高级人民法院', 50, 250),
              pdfCell(number, 260, 290),
              pdfCell('单位：万元', 330, 400),
            ],
          },
          HEADER,
          ...BODY,
        ]),
      );
      expect(d.tables[0].unitName).toBe('江苏省高级人民法院');
      expect(d.tables[0].unit).toBe('万元');
      expect(d.tables[0].columns.map((c) => c.id)).toEqual(['amount']);
      expect(d.tables[0].rows.map((r) => r.cells.amount?.value)).toEqual(['1000.00', '1000.00']);
    });
  }
});
