// Grid rows printed over several lines (recognize/split-rows.ts) and panels printed side by side without sides
// (the Shanghai 决算 economic table: 人员经费 | 公用经费, each with 科目编码 / 科目名称 / 决算数), on synthetic layouts.
import type { LayoutLine } from '../../src/layout/types.js';
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognize/index.js';
import { pdfCell, pdfLayout } from './helpers.js';

const c = pdfCell;

describe('the recogniser on grid rows split over lines and on side-by-side panels', () => {
  // column extents of the reader: 类 | 款 | 科目名称 | 决算数 || 类 | 款 | 科目名称 | 决算数
  const X: [number, number][] = [
    [20, 40],
    [60, 75],
    [90, 200],
    [210, 260],
    [300, 320],
    [340, 355],
    [370, 480],
    [490, 540],
  ];
  const row = (y: number, texts: string[]) => ({ y, cells: texts.map((t, k) => c(t, X[k][0], X[k][1])) });

  it('folds the lines of one grid row and reads each panel as a list of its own', () => {
    const doc = recognize(
      pdfLayout([
        // the Shanghai 决算 family (its PDFs split grid rows over lines)
        {
          y: 20,
          cells: [c('上海市XX局2024年度部门决算（收入支出决算总表、财政拨款收入支出决算总表）', 50, 500)],
        },
        { y: 40, cells: [c('一般公共预算财政拨款基本支出决算表', 150, 400)] },
        { y: 60, cells: [c('单位：万元', 480, 540)] },
        row(80, ['科目编码', '', '科目名称', '决算数', '科目编码', '', '科目名称', '决算数']),
        row(95, ['类', '款', '', '', '类', '款', '', '']),
        // amounts and 类 codes above the names, the right 款 code on the names' line (as ONLYOFFICE prints them)
        row(120, ['301', '', '', '100.00', '302', '', '', '30.00']),
        row(127, ['', '', '工资福利支出', '', '', '', '商品和服务支出', '']),
        row(150, ['301', '01', '', '100.00', '302', '', '', '']),
        row(157, ['', '', '基本工资', '', '', '01', '办公费', '30.00']),
        row(180, ['303', '', '', '5.00', '310', '', '', '10.00']),
        row(187, ['', '', '对个人和家庭的补助', '', '', '', '资本性支出', '']),
        row(210, ['303', '02', '其他对个人和家庭的', '5.00', '310', '', '', '']),
        row(217, ['', '', '', '', '', '02', '办公设备购置', '10.00']),
        row(224, ['', '', '补助', '', '', '', '', '']),
        row(250, ['', '', '人员经费合计', '105.00', '', '', '公用经费合计', '40.00']),
      ]),
    );
    const t = doc.tables.find((x) => x.kind === 'general_basic_economic')!;
    expect(t.columns.map((x) => x.id)).toEqual(['final', 'final']);
    expect(
      t.rows.map((r) => [r.code ?? null, r.name, r.role, r.parent ?? null, r.cells.final.value]),
    ).toEqual([
      ['301', '工资福利支出', 'item', '人员经费合计', '100.00'],
      ['30101', '基本工资', 'item', '301', '100.00'],
      ['303', '对个人和家庭的补助', 'item', '人员经费合计', '5.00'],
      ['30302', '其他对个人和家庭的补助', 'item', '303', '5.00'],
      [null, '人员经费合计', 'subtotal', null, '105.00'],
      ['302', '商品和服务支出', 'item', '公用经费合计', '30.00'],
      ['30201', '办公费', 'item', '302', '30.00'],
      ['310', '资本性支出', 'item', '公用经费合计', '10.00'],
      ['31002', '办公设备购置', 'item', '310', '10.00'],
      [null, '公用经费合计', 'subtotal', null, '40.00'],
    ]);
  });

  it('leaves lines of sources without positions as they are', () => {
    const lines = [
      ['一般公共预算财政拨款基本支出决算表'],
      ['科目编码', '', '科目名称', '决算数'],
      ['类', '款', '', ''],
      ['301', '', '', '100.00'],
      ['', '', '工资福利支出', ''],
    ].map((cells, i): LayoutLine => ({
      cells: cells.map((text) => ({ text })),
      page: 1,
      line: i + 1,
      sheet: 'S',
      row: i + 1,
      inTable: cells.length > 1,
    }));
    const doc = recognize({ file: 'x.xlsx', format: 'xlsx', pages: 1, lines, notes: [] });
    const t = doc.tables.find((x) => x.kind === 'general_basic_economic')!;
    expect(t.rows.map((r) => [r.code ?? null, r.name])).toEqual([
      ['301', ''],
      [null, '工资福利支出'],
    ]);
  });
});
