// A 收支预算总表 printed in three panels (Jiangsu: income | spending by function | spending by use) on a small
// synthetic grid: the by-use rows are a second breakdown of the same total (memo rows, never added to the function
// rows), labels wrapped inside one panel's cell are put back together, and the year total printed once across the
// two spending panels keeps its amount. The auditor checks each breakdown against the total on its own.
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { recognize } from '../../src/recognize/index.js';
import { sheetLayout } from './helpers.js';

const layout = (rows: string[][]) => sheetLayout(rows, 'summary.xlsx');

function summary(basic = '70.00'): Disclosure {
  return recognize(
    layout([
      ['XX厅2018年度部门预算'],
      ['收支预算总表', '', '', '', '', ''],
      ['部门：XX厅', '', '', '', '', '单位：万元'],
      ['收入', '', '支出', '', '', ''],
      ['', '', '功能分类', '', '支出用途', ''],
      ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'],
      ['一、财政拨款', '100.00', '一、一般公共服务支出', '60.00', '一、基本支出', basic],
      ['', '', '二、公共安全支出', '40.00', '二、项目支出', '20.00'],
      ['', '', '三、医疗卫生与计划生育', '', '三、单位预留机动', ''],
      ['', '', '', '', '', '10.00'],
      ['', '', '支出', '', '经费', ''],
      ['当年收入小计', '100.00', '当年支出小计', '', '', '100.00'],
      ['收入合计', '100.00', '支出合计', '100.00', '', ''],
    ]),
  );
}

describe('three-panel 收支预算总表', () => {
  it('reads the by-use panel as memo rows beside the function rows', () => {
    const t = summary().tables.find((x) => x.kind === 'summary')!;
    const exp = t.rows.filter((r) => r.side === 'expenditure');
    expect(exp.map((r) => [r.name, r.role, r.cells.amount?.value ?? null])).toEqual([
      ['一般公共服务支出', 'item', '60.00'],
      ['基本支出', 'memo', '70.00'],
      ['公共安全支出', 'item', '40.00'],
      ['项目支出', 'memo', '20.00'],
      ['医疗卫生与计划生育支出', 'item', null],
      ['单位预留机动经费', 'memo', '10.00'],
      ['当年支出小计', 'item', '100.00'],
      ['支出合计', 'total', '100.00'],
    ]);
    expect(t.columns.map((c) => `${c.id}/${c.side}/${c.label}`)).toEqual([
      'amount/income/收入/金额',
      'amount/expenditure/支出/金额',
      'amount/expenditure/支出/支出用途/金额',
    ]);
  });

  it('balances without adding the two breakdowns together', () => {
    const errors = auditDisclosure(summary()).findings.filter(
      (f) => f.severity === 'error' && f.rule === 'table.summary-balance',
    );
    expect(errors).toEqual([]);
  });

  it('checks the by-use breakdown against the year total on its own', () => {
    const errors = auditDisclosure(summary('71.00')).findings.filter(
      (f) => f.severity === 'error' && f.rule === 'table.summary-balance',
    );
    expect(errors.map((e) => [e.row_name, e.expected, e.actual])).toEqual([
      ['当年支出小计', '101.00', '100.00'],
    ]);
    expect(errors[0].message).toContain('基本支出 + 项目支出 + 单位预留机动经费');
  });
});
