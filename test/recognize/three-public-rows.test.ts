// A 三公 table printed in row form that lists more than the 三公 (Jiangsu's "三公"经费、会议费、培训费 table as a
// sheet: one row per item, 合计 over "三公"经费 小计 and 会议费 / 培训费): the roles the column-form reading gives
// the same table, so that the auditor adds up the 三公 under their 小计, not under the 合计.
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import { recognize } from '../../src/recognize/index.js';
import { sheetLayout } from './helpers.js';

const sheet = (rows: string[][]) =>
  recognize(
    sheetLayout([
      ['2019年“三公”经费、会议费、培训费支出预算表'],
      ['单位名称：江苏省高级人民法院', '', '单位：万元'],
      ['项目', '金额'],
      ...rows,
    ]),
  );

describe('三公 tables in row form', () => {
  it('reads 合计 as the grand total, the "三公"经费 小计 as the 三公 total and 会议费 / 培训费 as memo rows', () => {
    const d = sheet([
      ['合计', '2,382.02'],
      ['“三公”经费/小计', '513.75'],
      ['因公出国（境）费', '160.00'],
      ['公务接待费', '86.95'],
      ['公务用车购置及运行维护费/小计', '266.80'],
      ['公务用车购置费', ''],
      ['公务用车运行维护费', '266.80'],
      ['会议费', '271.02'],
      ['培训费', '1,597.25'],
    ]);
    const t = d.tables[0];
    expect(t.kind).toBe('three_public');
    expect(t.rows.map((r) => [r.name, r.role])).toEqual([
      ['合计', 'grand_total'],
      ['“三公”经费/小计', 'total'],
      ['因公出国（境）费', 'item'],
      ['公务接待费', 'item'],
      ['公务用车购置及运行维护费/小计', 'item'],
      ['公务用车购置费', 'item'],
      ['公务用车运行维护费', 'item'],
      ['会议费', 'memo'],
      ['培训费', 'memo'],
    ]);
    const errors = auditDisclosure(d).findings.filter(
      (f) => f.table === 'three_public' && f.severity === 'error',
    );
    expect(errors).toEqual([]);
  });

  it('still finds a wrong 小计', () => {
    const d = sheet([
      ['合计', '2,392.02'],
      ['“三公”经费/小计', '523.75'],
      ['因公出国（境）费', '160.00'],
      ['公务接待费', '86.95'],
      ['公务用车购置及运行维护费/小计', '266.80'],
      ['公务用车购置费', ''],
      ['公务用车运行维护费', '266.80'],
      ['会议费', '271.02'],
      ['培训费', '1,597.25'],
    ]);
    const errors = auditDisclosure(d).findings.filter(
      (f) => f.rule === 'table.three-public' && f.severity === 'error',
    );
    expect(errors.map((f) => [f.expected, f.actual])).toEqual([['513.75', '523.75']]);
  });

  it('leaves a table of the 三公 alone as it was (合计 is the 三公 total)', () => {
    const d = sheet([
      ['合计', '513.75'],
      ['因公出国（境）费', '160.00'],
      ['公务接待费', '86.95'],
      ['公务用车购置及运行维护费', '266.80'],
    ]);
    expect(d.tables[0].rows.map((r) => r.role)).toEqual(['total', 'item', 'item', 'item']);
  });
});
