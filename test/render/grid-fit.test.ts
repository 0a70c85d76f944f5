// Amount columns are never narrower than their longest amount: an amount that runs into the next cell reads back
// as one number ("5,633,800.005,633,800.00"). Label columns share the rest; the font steps down when needed.
import { describe, expect, it } from 'vitest';
import { gridFit, gridHtml } from '../../src/render/html.js';
import type { GridCell, TableGrid } from '../../src/render/grid.js';

const amount = (text: string): GridCell => ({ text, amount: text.replace(/,/g, ''), align: 'right' });

function grid(amounts: number, text: string): TableGrid {
  const widths = [0.62, 0.62, 0.62, 2.4, ...Array<number>(amounts).fill(1.2)];
  const row = {
    cells: [
      { text: '212' },
      { text: '05' },
      { text: '01' },
      { text: '城乡社区环境卫生' },
      ...Array.from({ length: amounts }, () => amount(text)),
    ],
  };
  return {
    kind: 'revenue',
    title: '收入预算总表',
    scale: 2,
    columnCount: widths.length,
    widths,
    header: [],
    body: [row],
    notes: [],
    empty: false,
    twoSided: false,
  };
}

const mm = (percent: number) => (percent / 100) * 174;

describe('table column widths', () => {
  it('keeps the template’s proportions when the amounts fit', () => {
    const { percents, pt } = gridFit(grid(3, '5,633,800'), 9);
    expect(pt).toBe(9);
    expect(percents.map((p) => p.toFixed(2))).toEqual([
      '7.89',
      '7.89',
      '7.89',
      '30.53',
      '15.27',
      '15.27',
      '15.27',
    ]);
  });

  it('widens six columns of 元 amounts with decimals, at a smaller size, and gives each its longest amount', () => {
    const g = grid(6, '91,016,775.35');
    const { percents, pt } = gridFit(g, 9);
    expect(pt).toBe(7.5);
    // 13 characters at 7.5 pt: 13 × 0.55 × 7.5 × 0.3528 + 2.5 = 21.42 mm (six of them leave 45 mm to the labels)
    for (const p of percents.slice(4)) expect(mm(p)).toBeCloseTo(21.42, 1);
    expect(gridHtml(g)).toContain('<table class="grid" style="--fit:7.5pt">');
  });
});
