// A unit's name too long for one line of the cover is printed over two ("中共上海市普陀区委" / "宣传部"): the second
// line is the name's end (no year, no 预算/决算, an organ's last word), not the beginning of the title below it.
import { describe, expect, it } from 'vitest';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';

/** One small 决算 table whose meta line names no unit: the cover is the only place the unit is printed. */
const TABLE = [
  '一般公共预算财政拨款支出决算表',
  '金额单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '\t合计\t10.00\t6.00\t4.00',
  '201\t一般公共服务支出\t10.00\t6.00\t4.00',
];

async function read(cover: string[]) {
  const text = [...cover, '', ...TABLE].join('\n');
  return recognize(await readLayoutBytes('cover.txt', new TextEncoder().encode(text)));
}

describe('a unit name wrapped on the cover', () => {
  it('joins the name wrapped above the title line', async () => {
    const d = await read(['中共上海市普陀区委', '宣传部', '2024年度部门决算']);
    expect(d.metadata).toMatchObject({
      unit: '中共上海市普陀区委宣传部',
      year: 2024,
      kind: 'department_final',
      title: '中共上海市普陀区委宣传部2024年度部门决算',
    });
  });

  it('joins the name wrapped after its label below the title', async () => {
    const d = await read([
      '上海市普陀区2024年区级部门预算',
      '预算主管部门：上海市普陀区规划和自然',
      '资源局',
    ]);
    expect(d.metadata).toMatchObject({
      unit: '上海市普陀区规划和自然资源局',
      year: 2024,
      kind: 'department_budget',
      title: '上海市普陀区2024年区级部门预算',
    });
  });

  it('leaves a name printed whole, and a title printed over two lines, as they are', async () => {
    const whole = await read(['上海市普陀区财政局', '2024年度部门决算']);
    expect([whole.metadata.unit, whole.metadata.title]).toEqual([
      '上海市普陀区财政局',
      '上海市普陀区财政局2024年度部门决算',
    ]);
    const twoLines = await read(['江苏省政协办公厅2018年度', '部门预算公开']);
    expect([twoLines.metadata.unit, twoLines.metadata.title]).toEqual([
      '江苏省政协办公厅',
      '江苏省政协办公厅2018年度部门预算公开',
    ]);
  });
});
