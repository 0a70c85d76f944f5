// The 三公 transposition (recognize/three-public.ts, one caption level) on small synthetic layouts: items printed as columns become
// rows, values are placed by their horizontal position (not their order), wrapped header words are joined, 预算数 |
// 决算数 pairs become two columns, and anything that cannot be placed unambiguously gives no table at all.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognize/index.js';
import { pdfCell, pdfLayout } from './helpers.js';
import {
  transposeThreePublic,
  type HeaderFragment as HeaderPiece,
  type ValueCell as ValuePiece,
} from '../../src/recognize/three-public.js';

/** A header word centred at `cx` (12 pt CJK text), on the line at `y`. */
function h(text: string, cx: number, y: number): HeaderPiece {
  const w = [...text].length * 12;
  return { text, index: 0, x0: cx - w / 2, x1: cx + w / 2, y };
}

/** An amount right-aligned at `right`. */
function v(text: string, right: number): ValuePiece {
  return {
    text,
    index: 0,
    x0: right - text.length * 6,
    x1: right,
    source: { page: 3, x: right - text.length * 6 },
  };
}

// Seven cells 100 pt wide from x = 50: 合计 | 因公出国(境)费 | 公务接待费 | 小计 | 购置费 | 运行费 | 机关运行经费预算数
const HEADER: HeaderPiece[] = [
  h('“三公”经费预算数', 350, 100),
  h('机关运行经费预算', 700, 120),
  h('公务用车购置及运行费', 500, 125),
  h('数', 700, 134),
  h('合计', 100, 145),
  h('因公出国(境)费', 200, 145),
  h('公务接待费', 300, 145),
  h('小计', 400, 160),
  h('购置费', 500, 160),
  h('运行费', 600, 160),
];

describe('transposeThreePublic', () => {
  it('turns the column form into rows, placing each amount by its position', () => {
    // 因公出国 empty: the second amount lies under 公务接待费 although it is printed second
    const t = transposeThreePublic(HEADER, [
      v('12.50', 146),
      v('2.50', 346),
      v('10.00', 446),
      v('10.00', 646),
      v('88.00', 746),
    ]);
    expect(t).not.toBeNull();
    expect(t!.columns).toEqual([{ id: 'total', label: '“三公”经费预算数' }]);
    expect(t!.rows.map((r) => [r.name, r.role, r.parent ?? null, r.cells.total.value])).toEqual([
      ['合计', 'total', null, '12.50'],
      ['因公出国(境)费', 'item', null, null],
      ['公务接待费', 'item', null, '2.50'],
      ['公务用车购置及运行费', 'item', null, '10.00'],
      ['公务用车购置费', 'item', '公务用车购置及运行费', null],
      ['公务用车运行费', 'item', '公务用车购置及运行费', '10.00'],
      ['机关运行经费', 'memo', null, '88.00'],
    ]);
    // labels as printed; 机关运行经费预算 / 数 joined
    expect(t!.rows.map((r) => r.label)).toEqual([
      '合计',
      '因公出国(境)费',
      '公务接待费',
      '公务用车购置及运行费/小计',
      '购置费',
      '运行费',
      '机关运行经费预算数',
    ]);
    expect(t!.rows[2].cells.total.source).toEqual({ page: 3, x: 322 });
  });

  it('reads 预算数 | 决算数 pairs under each item (决算) into columns budget and final', () => {
    const items = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'];
    const header: HeaderPiece[] = [h('财政拨款“三公”经费', 400, 90), h('公务用车购置及运行费', 500, 100)];
    items.forEach((name, i) => header.push(h(name, 100 + 130 * i, i >= 2 && i <= 4 ? 115 : 108)));
    items.forEach((_, i) => header.push(h('预算数', 68 + 130 * i, 140), h('决算数', 133 + 130 * i, 140)));
    // 合计 5.00 | 4.00, 公务接待费 5.00 | 4.00 (amounts centred in their 65 pt cells)
    const t = transposeThreePublic(header, [v('5.00', 80), v('4.00', 145), v('5.00', 730), v('4.00', 795)]);
    expect(t!.columns.map((c) => c.id)).toEqual(['budget', 'final']);
    expect(t!.rows.map((r) => [r.name, r.cells.budget.value, r.cells.final.value])).toEqual([
      ['合计', '5.00', '4.00'],
      ['因公出国（境）费', null, null],
      ['公务接待费', '5.00', '4.00'],
      ['公务用车购置及运行费', null, null],
      ['公务用车购置费', null, null],
      ['公务用车运行费', null, null],
    ]);
  });

  it('joins header words wrapped inside their cell (因公出国 / （境）费)', () => {
    const header = HEADER.filter((p) => p.text !== '因公出国(境)费');
    header.push(h('因公出国', 200, 140), h('（境）费', 200, 154));
    const t = transposeThreePublic(header, [v('1.00', 246)]);
    expect(t!.rows[1]).toMatchObject({ name: '因公出国（境）费', label: '因公出国（境）费' });
    expect(t!.rows[1].cells.total.value).toBe('1.00');
  });

  it('places by column index when the source has no positions (spreadsheets)', () => {
    const at = (text: string, index: number, y: number): HeaderPiece => ({ text, index, y });
    const header = [
      at('“三公”经费预算数', 0, 0),
      at('机关运行经费预算数', 6, 0),
      at('合计', 0, 1),
      at('因公出国(境)费', 1, 1),
      at('公务接待费', 2, 1),
      at('公务用车购置及运行费', 3, 1),
      at('小计', 3, 2),
      at('购置费', 4, 2),
      at('运行费', 5, 2),
    ];
    const t = transposeThreePublic(header, [
      { text: '3', index: 0 },
      { text: '3', index: 2 },
      { text: '7', index: 6 },
    ]);
    expect(t!.rows.map((r) => r.cells.total.value)).toEqual(['3', null, '3', null, null, null, '7']);
  });

  it('gives nothing when an amount cannot be placed or a header word is unknown', () => {
    // exactly between 合计 (centre 100) and 因公出国 (centre 200)
    expect(transposeThreePublic(HEADER, [{ text: '1.00', index: 0, x0: 140, x1: 160 }])).toBeNull();
    // two amounts under one header
    expect(transposeThreePublic(HEADER, [v('1.00', 120), v('2.00', 146)])).toBeNull();
    // a word that is no header of the column form (会议费 and 培训费 are: Jiangsu prints them as memo columns)
    expect(transposeThreePublic([...HEADER, h('其他费用', 800, 145)], [v('1.00', 146)])).toBeNull();
    // the items printed as rows (the Shanxi form) are not this form
    expect(transposeThreePublic([h('项目', 100, 100), h('合计', 200, 100)], [v('1.00', 246)])).toBeNull();
  });
});

const c = pdfCell;

describe('the recogniser on the 三公 column form', () => {
  it('reads the table from the layout, splitting a cell the reader joined into its printed pieces', () => {
    // columns of the reader: 合计 | 因公出国 | 公务接待 | (小计 + 购置费 joined, nothing below 购置费) | 运行费 | 机关
    const empty = (x0: number, x1: number) => c('', x0, x1);
    const doc = recognize(
      pdfLayout([
        { y: 40, cells: [c('XX局2025年部门预算', 200, 400)] },
        { y: 60, cells: [c('2025年部门“三公”经费和机关运行经费预算表', 200, 500)] },
        { y: 80, cells: [c('编制部门：XX局', 50, 200), c('单位:万元', 700, 760)] },
        {
          y: 100,
          cells: [
            empty(80, 146),
            empty(180, 246),
            c('“三公”经费预算数', 300, 408),
            empty(388, 536),
            empty(620, 646),
            c('机关运行经费预算数', 646, 754),
          ],
        },
        {
          y: 125,
          cells: [
            empty(80, 146),
            empty(180, 246),
            empty(320, 346),
            c('公务用车购置及运行费', 440, 560),
            empty(620, 646),
            empty(720, 746),
          ],
        },
        {
          y: 145,
          cells: [
            c('合计', 88, 112),
            c('因公出国(境)费', 158, 242),
            c('公务接待费', 270, 330),
            empty(388, 536),
            empty(620, 646),
            empty(720, 746),
          ],
        },
        {
          y: 160,
          cells: [
            empty(80, 146),
            empty(180, 246),
            empty(320, 346),
            c('小计购置费', 388, 518, [
              { text: '小计', x0: 388, x1: 412 },
              { text: '购置费', x0: 482, x1: 518 },
            ]),
            c('运行费', 582, 618),
            empty(720, 746),
          ],
        },
        {
          y: 190,
          cells: [
            c('3.00', 122, 146),
            empty(180, 246),
            c('1.00', 322, 346),
            c('2.00', 422, 446),
            c('2.00', 622, 646),
            c('50.00', 716, 746),
          ],
        },
      ]),
    );
    const t = doc.tables.find((x) => x.kind === 'three_public')!;
    expect(t.columns.map((x) => x.id)).toEqual(['total']);
    expect(t.rows.map((r) => [r.name, r.cells.total.value])).toEqual([
      ['合计', '3.00'],
      ['因公出国(境)费', null],
      ['公务接待费', '1.00'],
      ['公务用车购置及运行费', '2.00'],
      ['公务用车购置费', null],
      ['公务用车运行费', '2.00'],
      ['机关运行经费', '50.00'],
    ]);
    expect(t.unit).toBe('万元');
    expect(t.empty).toBe(false);
  });
});
