// A 收入预算总表 printed with two label columns under one 项目名称 header (Jiangsu): the group label stands once in a
// merged cell over its group's rows, the item label names each row. On a small synthetic grid: rows are named by
// the item, the group is their parent (from its 小计 to the row before the next 小计), wherever the reader puts
// the header word (over the group column or over the item column).
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/schema.js';
import { recognize } from '../../src/recognize/index.js';
import { sheetLayout } from './helpers.js';

function revenue(rows: string[][]): Table {
  const doc = sheetLayout(rows, 'revenue.xlsx');
  const t = recognize(doc).tables.find((x) => x.kind === 'revenue');
  if (!t) throw new Error('no revenue table');
  return t;
}

const body = (header: string[]) => [
  ['XX厅2018年度部门预算'],
  ['收入预算总表', '', ''],
  ['部门：XX厅', '', '单位：万元'],
  header,
  ['', '收入总计', '110.00'],
  ['', '小计', '100.00'],
  ['一般公共预算资金', '公共财政拨款(补助)资金', '100.00'],
  ['', '专项收入', ''],
  ['政府性基金', '小计', ''],
  ['', '小计', '10.00'],
  ['', '事业收入', ''],
  ['其他资金', '经营收入', ''],
  ['', '其他收入', '10.00'],
];

const expected = [
  ['收入总计', 'grand_total', undefined, '110.00'],
  ['小计', 'subtotal', '一般公共预算资金', '100.00'],
  ['公共财政拨款(补助)资金', 'item', '一般公共预算资金', '100.00'],
  ['专项收入', 'item', '一般公共预算资金', null],
  ['小计', 'subtotal', '政府性基金', null],
  ['小计', 'subtotal', '其他资金', '10.00'],
  ['事业收入', 'item', '其他资金', null],
  ['经营收入', 'item', '其他资金', null],
  ['其他收入', 'item', '其他资金', '10.00'],
];

describe('收入预算总表 with a second label column', () => {
  it.each([
    ['over the group column', ['项目名称', '', '金额']],
    ['over the item column', ['', '项目名称', '金额']],
  ])('names rows by the item and gives them their group as parent (header %s)', (_, header) => {
    const t = revenue(body(header));
    expect(t.columns.map((c) => c.id)).toEqual(['amount']);
    expect(t.rows.map((r) => [r.name, r.role, r.parent, r.cells.amount?.value ?? null])).toEqual(expected);
    expect(t.rows.filter((r) => r.role === 'subtotal').map((r) => r.level)).toEqual([1, 1, 1]);
    expect(t.rows.filter((r) => r.role === 'item').every((r) => r.level === 2)).toBe(true);
  });

  it('leaves a table with one label column as it was', () => {
    const t = revenue([
      ['XX厅2018年度部门预算'],
      ['收入预算总表', ''],
      ['部门：XX厅', '单位：万元'],
      ['项目名称', '金额'],
      ['收入总计', '110.00'],
      ['一般公共预算资金', '100.00'],
      ['其他资金', '10.00'],
    ]);
    expect(t.rows.map((r) => [r.name, r.role, r.parent])).toEqual([
      ['收入总计', 'grand_total', undefined],
      ['一般公共预算资金', 'item', undefined],
      ['其他资金', 'item', undefined],
    ]);
  });
});
