// The "三公" table printed with its items as columns, transposed into the model's item rows (three-public.ts), on
// small synthetic layouts: header fragments with positions, wrapped mid-word, captions narrower than what they
// span, a column printed blank, and the cases that must not be read.
import { describe, expect, it } from 'vitest';
import {
  itemsOfHeaders,
  leavesOf,
  transposeThreePublic,
  type HeaderFragment,
  type ValueCell,
} from '../../src/recognize/three-public.js';

/** A fragment at [x0, x1] on header line `line` (10 pt apart). */
const f = (text: string, x0: number, x1: number, line: number): HeaderFragment => ({
  text,
  x0,
  x1,
  y: 100 + 10 * line,
});
const v = (printed: string, x0: number, x1: number): ValueCell => ({ text: printed, x0, x1 });

// Jiangsu's layout: 合计 | 三公 小计 | 因公出国（境）费 | 公务用车 小计 | 购置费 | 运行维护费 | 公务接待费 | 会议费 | 培训费, the
// "三公"经费 caption centred and narrower than its span, 公务用车购置及运行维护费 over its three columns.
const JIANGSU: HeaderFragment[] = [
  f('“三公”经费', 250, 300, 0),
  f('公务用车购置及运行维护费', 250, 370, 1),
  f('合计', 100, 120, 3),
  f('因公出国', 190, 230, 2),
  f('（境）费', 190, 230, 4),
  f('小计', 145, 165, 4),
  f('小计', 255, 275, 4),
  f('公务', 295, 315, 2),
  f('用车', 295, 315, 3),
  f('购置费', 295, 315, 4),
  f('公务用车运', 325, 375, 3),
  f('行维护费', 330, 370, 4),
  f('公务接', 390, 420, 3),
  f('待费', 392, 412, 4),
  f('会议费', 430, 460, 3),
  f('培训费', 480, 510, 3),
];

describe('transposeThreePublic', () => {
  it('stacks wrapped fragments into leaf headers and names the two subtotals by their neighbours', () => {
    const leaves = leavesOf(JIANGSU);
    expect(leaves.map((l) => l.text)).toEqual([
      '合计',
      '小计',
      '因公出国（境）费',
      '小计',
      '公务用车购置费',
      '公务用车运行维护费',
      '公务接待费',
      '会议费',
      '培训费',
    ]);
    expect(itemsOfHeaders(leaves)).toEqual([
      'grand_total',
      'total',
      'abroad',
      'vehicles',
      'vehicle_purchase',
      'vehicle_operation',
      'reception',
      'meeting',
      'training',
    ]);
  });

  it('gives one row per item, amounts by the nearest header, the blank 购置费 as an empty row', () => {
    const values = [
      v('2,542.60', 95, 128),
      v('833.60', 140, 168),
      v('222.50', 209, 236),
      v('183.60', 253, 281),
      v('183.60', 348, 375),
      v('427.50', 389, 417),
      v('1,305.25', 428, 461),
      v('403.75', 488, 516),
    ];
    const out = transposeThreePublic(JIANGSU, values)!;
    expect(out.columns.map((c) => c.id)).toEqual(['total']);
    const got = out.rows.map((r) => [r.name, r.role, r.cells.total.value, r.parent ?? '']);
    expect(got).toEqual([
      ['合计', 'grand_total', '2542.60', ''],
      ['“三公”经费小计', 'total', '833.60', ''],
      ['因公出国（境）费', 'item', '222.50', ''],
      ['公务接待费', 'item', '427.50', ''],
      ['公务用车购置及运行维护费小计', 'item', '183.60', ''],
      ['公务用车购置费', 'item', null, '公务用车购置及运行维护费小计'],
      ['公务用车运行维护费', 'item', '183.60', '公务用车购置及运行维护费小计'],
      ['会议费', 'memo', '1305.25', ''],
      ['培训费', 'memo', '403.75', ''],
    ]);
    expect(out.rows[1].label).toBe('“三公”经费/小计');
  });

  it('reads a 合计 without a 三公 subtotal as the 三公 total (Shanghai shape: 合计 under the caption)', () => {
    const fragments = [
      f('“三公”经费预算数', 100, 400, 0),
      f('公务用车购置及运行费', 250, 390, 1),
      f('机关运行经费预算数', 420, 480, 1),
      f('合计', 100, 130, 2),
      f('因公出国(境)费', 150, 200, 2),
      f('公务接待费', 210, 240, 2),
      f('小计', 255, 275, 2),
      f('购置费', 300, 320, 2),
      f('运行费', 350, 370, 2),
    ];
    const out = transposeThreePublic(fragments, [
      v('867.50', 100, 130),
      v('839.00', 160, 195),
      v('28.50', 212, 238),
      v('213.28', 430, 470),
    ])!;
    expect(out.rows.map((r) => [r.name, r.role, r.cells.total.value])).toEqual([
      // without a grand total the rows are named by their item, as the Shanghai corpus tables are read
      ['合计', 'total', '867.50'],
      ['因公出国(境)费', 'item', '839.00'],
      ['公务接待费', 'item', '28.50'],
      ['公务用车购置及运行费', 'item', null],
      ['公务用车购置费', 'item', null],
      ['公务用车运行费', 'item', null],
      ['机关运行经费', 'memo', '213.28'],
    ]);
  });

  it('refuses a header word that is no 三公 item', () => {
    const fragments = [...JIANGSU.filter((x) => x.text !== '培训费'), f('其他费用', 480, 510, 3)];
    expect(transposeThreePublic(fragments, [v('1.00', 95, 128)])).toBeNull();
  });

  it('refuses amounts that cannot be placed without doubt and do not add up', () => {
    // two amounts half-way between 因公出国 and the 公务用车 小计, and 合计 ≠ 小计 + 会议费 + 培训费
    const values = [v('9.00', 95, 128), v('1.00', 140, 168), v('2.00', 236, 250), v('3.00', 238, 252)];
    expect(transposeThreePublic(JIANGSU, values)).toBeNull();
  });

  it('keeps an ambiguous placement when the 三公 identities hold', () => {
    // 222.50 sits between 因公出国 (centre 210) and the vehicles 小计 (265), a little nearer the first
    const values = [
      v('2542.60', 95, 128),
      v('833.60', 140, 168),
      v('222.50', 222, 250),
      v('183.60', 262, 281),
      v('183.60', 348, 375),
      v('427.50', 389, 417),
      v('1305.25', 428, 461),
      v('403.75', 488, 516),
    ];
    const out = transposeThreePublic(JIANGSU, values)!;
    expect(out.rows.find((r) => r.name === '因公出国（境）费')?.cells.total.value).toBe('222.50');
  });
});
