// Header words wrapped inside narrow cells over several grid lines (Jiangsu 支出预算总表), the one-row table whose
// header begins with 合计, and the 政府采购 list named by its leftmost text, on small synthetic grids.
import { describe, expect, it } from 'vitest';
import type { LayoutDocument, LayoutLine } from '../../src/layout/types.js';
import { recognize } from '../../src/recognize/index.js';

function layout(rows: string[][]): LayoutDocument {
  const lines: LayoutLine[] = rows.map((cells, i) => ({
    cells: cells.map((text) => ({ text })),
    page: 1,
    line: i + 1,
    y: 100 + 20 * i,
    inTable: cells.length > 1,
  }));
  return { file: 'grid.pdf', format: 'pdf', pages: 1, lines, notes: [] };
}

describe('wrapped header words', () => {
  it('joins a header wrapped above and below the 合计 line, and names the one row of amounts 合计', () => {
    // a Jiangsu document (结转下年资金: a header word of the common vocabulary)
    const doc = recognize(
      layout([
        ['江苏省XX厅2018年度部门预算'],
        ['单位预留机动经费是预留的机动经费。'],
        ['公开03表'],
        ['支出预算总表'],
        ['部门：XX厅', '单位：万元'],
        ['', '', '', '单位预留机动经', ''],
        ['合计', '基本支出', '项目支出', '', '结转下年资'],
        ['', '', '', '费', '金'],
        ['100.00', '60.00', '30.00', '10.00', ''],
      ]),
    );
    const t = doc.tables.find((x) => x.kind === 'expenditure')!;
    expect(t.columns.map((c) => c.id)).toEqual([
      'total',
      'basic',
      'project',
      'reserve',
      'other:结转下年资金',
    ]);
    expect(t.rows.map((r) => [r.name, r.role, r.cells.total.value, r.cells.reserve.value])).toEqual([
      ['合计', 'total', '100.00', '10.00'],
    ]);
  });

  it('leaves fragments that do not make header words alone (no columns invented)', () => {
    const doc = recognize(
      layout([
        ['江苏省XX厅2018年度部门预算'],
        ['单位预留机动经费是预留的机动经费。'],
        ['公开03表'],
        ['支出预算总表'],
        ['部门：XX厅', '单位：万元'],
        ['', '', '', '单位预留', ''],
        ['合计', '基本支出', '项目支出', '', '结转下年资'],
        ['', '', '', '甲乙', '金'],
        ['100.00', '60.00', '30.00', '10.00', ''],
      ]),
    );
    const t = doc.tables.find((x) => x.kind === 'expenditure')!;
    expect(t.columns).toEqual([]);
    // it prints amounts: not empty, although its columns are not read
    expect(t.empty).toBe(false);
  });
});

describe('政府采购 list', () => {
  it('names each row by its leftmost text (专项 before 经济科目) and nests the levels', () => {
    const doc = recognize(
      layout([
        ['XX厅2018年度部门预算'],
        ['政府采购预算表'],
        ['部门：XX厅', '单位：万元'],
        ['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'],
        ['合计', '', '', '', '', '1,000.00'],
        ['一、货物A', '', '', '', '', '400.00'],
        ['', '办公设备购置费', '办公设备购置', '', '', '400.00'],
        ['', '', '', '台式计算机', '政府集中采购', '400.00'],
        ['三、服务C', '', '', '', '', '600.00'],
        ['', '物业管理', '物业管理费', '', '', '600.00'],
        ['', '', '', '物业管理服务分散自行组织', '', '600.00'],
      ]),
    );
    const t = doc.tables.find((x) => x.kind === 'procurement')!;
    expect(t.columns.map((c) => c.id)).toEqual(['total']);
    expect(
      t.rows.map((r) => [r.name, r.role, r.level ?? null, r.parent ?? null, r.cells.total.value]),
    ).toEqual([
      ['合计', 'total', null, null, '1000.00'],
      ['货物A', 'item', 1, null, '400.00'],
      ['办公设备购置费', 'item', 2, '货物A', '400.00'],
      ['台式计算机', 'item', 4, '办公设备购置费', '400.00'],
      ['服务C', 'item', 1, null, '600.00'],
      ['物业管理', 'item', 2, '服务C', '600.00'],
      ['物业管理服务', 'item', 4, '物业管理', '600.00'],
    ]);
  });
});
