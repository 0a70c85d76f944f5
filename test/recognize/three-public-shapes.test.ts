// The 三公 transposer (recognize/three-public.ts) on shapes that neither of the two former readers took alone: a
// header stacked over many lines (captions over captions, words wrapped mid-word, 会议费 / 培训费 beside a grand
// total) whose items each head a 预算数 | 决算数 pair, read from a PDF layout (positions) and from a spreadsheet
// (column indices only).
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognize/index.js';
import {
  transposeThreePublic,
  type HeaderFragment,
  type ValueCell,
} from '../../src/recognize/three-public.js';
import { sheetLayout, table } from './helpers.js';

// Nine items in ruled cells 80 pt wide from x = 50: 合计 | "三公"经费 (小计 | 因公出国（境）费 | 公务用车购置及运行维护费
// (小计 | 购置费 | 运行维护费) | 公务接待费) | 会议费 | 培训费, each over 预算数 | 决算数 (40 pt each). As the grid reader gives
// them: a word in one cell has the extent of its text (10 pt a character, centred), a caption spanning several
// cells the extent of the whole cell.
const f = (text: string, k: number, line: number, span = 1): HeaderFragment => {
  const y = 100 + 12 * line;
  if (span > 1) return { text, x0: 50 + 80 * k, x1: 50 + 80 * (k + span), y };
  const centre = 90 + 80 * k;
  const half = 5 * [...text].length;
  return { text, x0: centre - half, x1: centre + half, y };
};
const STACKED: HeaderFragment[] = [
  f('合计', 0, 0),
  f('“三公”经费', 1, 0, 6),
  f('会议费', 7, 0),
  f('培训费', 8, 0),
  f('小计', 1, 1),
  f('因公出国', 2, 1),
  f('（境）费', 2, 2),
  f('公务用车购置及运行维护费', 3, 1, 3),
  f('公务接', 6, 1),
  f('待费', 6, 2),
  f('小计', 3, 2),
  f('公务', 4, 2),
  f('用车', 4, 3),
  f('购置费', 4, 4),
  f('运行维', 5, 2),
  f('护费', 5, 3),
];
for (let k = 0; k < 9; k++)
  STACKED.push(
    { text: '预算数', x0: 55 + 80 * k, x1: 85 + 80 * k, y: 160 },
    { text: '决算数', x0: 95 + 80 * k, x1: 125 + 80 * k, y: 160 },
  );

/** An amount right-aligned in the 预算数 (or 决算数) cell of item k. */
const v = (text: string, k: number, final = false): ValueCell => {
  const right = 88 + 80 * k + (final ? 40 : 0);
  return { text, x0: right - 5 * text.length, x1: right, source: { page: 2, x: right - 5 * text.length } };
};

const NAMES = [
  '合计',
  '“三公”经费小计',
  '因公出国（境）费',
  '公务接待费',
  '公务用车购置及运行维护费小计',
  '公务用车购置费',
  '公务用车运行维护费',
  '会议费',
  '培训费',
];

describe('a stacked 三公 header over 预算数 | 决算数 pairs', () => {
  // 预算数: 100 = 60 + 25 + 15, 60 = 10 + 30 + 20; 决算数: 90 = 54 + 22 + 14, 54 = 8 + 28 + 18; 购置费 blank
  const budget = ['100.00', '60.00', '10.00', '30.00', '', '30.00', '20.00', '25.00', '15.00'];
  const final = ['90.00', '54.00', '8.00', '28.00', '', '28.00', '18.00', '22.00', '14.00'];
  const values = budget.flatMap((b, k) => [v(b, k), v(final[k], k, true)]).filter((x) => x.text !== '');

  it('reads every item into columns budget and final, the grand total and the memo items included', () => {
    const t = transposeThreePublic(STACKED, values)!;
    expect(t.columns).toEqual([
      { id: 'budget', label: '预算数' },
      { id: 'final', label: '决算数' },
    ]);
    expect(t.rows.map((r) => [r.name, r.role, r.cells.budget.value, r.cells.final.value])).toEqual([
      ['合计', 'grand_total', '100.00', '90.00'],
      ['“三公”经费小计', 'total', '60.00', '54.00'],
      ['因公出国（境）费', 'item', '10.00', '8.00'],
      ['公务接待费', 'item', '20.00', '18.00'],
      ['公务用车购置及运行维护费小计', 'item', '30.00', '28.00'],
      ['公务用车购置费', 'item', null, null],
      ['公务用车运行维护费', 'item', '30.00', '28.00'],
      ['会议费', 'memo', '25.00', '22.00'],
      ['培训费', 'memo', '15.00', '14.00'],
    ]);
    expect(t.rows[6].parent).toBe('公务用车购置及运行维护费小计');
    expect(t.rows[2].cells.final.source).toEqual({ page: 2, x: 268 });
  });

  it('refuses the table when an item heads only one of the two measures', () => {
    const header = STACKED.filter((x) => !(x.text === '决算数' && x.x0 === 95 + 80 * 7));
    expect(transposeThreePublic(header, values)).toBeNull();
  });

  it('refuses amounts placed in doubt whose identities fail', () => {
    // 10.00 printed half-way between 因公出国 预算数 (centre 230) and its 决算数 (270), and 8.00 missing
    const doubtful = values
      .filter((x) => x.text !== '8.00')
      .map((x) => (x.text === '10.00' ? { ...x, x0: 240, x1: 260 } : x));
    expect(transposeThreePublic(STACKED, doubtful)).toBeNull();
  });
});

describe('a stacked 三公 决算 table in a spreadsheet (no positions: column indices)', () => {
  it('reads the items, the pairs and the amounts by column', () => {
    const blank = (n: number) => Array.from({ length: n }, () => '');
    const doc = recognize(
      sheetLayout([
        ['2024年度“三公”经费、会议费、培训费支出决算表'],
        ['单位：万元'],
        ['合计', '', '“三公”经费', ...blank(11), '会议费', '', '培训费', ''],
        [
          '',
          '',
          '小计',
          '',
          '因公出国（境）费',
          '',
          '公务用车购置及运行费',
          ...blank(5),
          '公务接待费',
          '',
          '',
          '',
          '',
          '',
        ],
        [...blank(6), '小计', '', '购置费', '', '运行费', ...blank(7)],
        [...Array.from({ length: 9 }, () => ['预算数', '决算数']).flat()],
        ['50', '45', '30', '27', '10', '9', '15', '13', '', '', '15', '13', '5', '5', '12', '11', '8', '7'],
      ]),
    );
    const t = table(doc, 'three_public');
    expect(t.unit).toBe('万元');
    expect(t.columns.map((c) => c.id)).toEqual(['budget', 'final']);
    expect(t.rows.map((r) => [r.name, r.role, r.cells.budget.value, r.cells.final.value])).toEqual([
      ['合计', 'grand_total', '50', '45'],
      ['“三公”经费小计', 'total', '30', '27'],
      ['因公出国（境）费', 'item', '10', '9'],
      ['公务接待费', 'item', '5', '5'],
      ['公务用车购置及运行费小计', 'item', '15', '13'],
      ['公务用车购置费', 'item', null, null],
      ['公务用车运行费', 'item', '15', '13'],
      ['会议费', 'memo', '12', '11'],
      ['培训费', 'memo', '8', '7'],
    ]);
    expect(t.rows.map((r) => r.name)).toEqual(NAMES.map((n) => n.replace('运行维护费', '运行费')));
  });
});
