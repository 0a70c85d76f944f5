// What a layout of no known family is read with (recognize's `families: false`, family `unknown`): header words
// nobody listed beside known ones, the national 决算 wording, 财政拨款 vs 一般公共预算 titles, and the grand total
// of a 决算 总表, on small synthetic sheets.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognize/index.js';
import { sheetLayout, table, values } from './helpers.js';

const read = (rows: string[][]) => recognize(sheetLayout(rows), { families: false });

describe('the common vocabulary on a layout of no known family', () => {
  it('reads a header with a word nobody listed when most of its words are known', () => {
    const doc = read([
      ['XX大学2024年部门预算'],
      ['支出预算总表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上缴财政专户支出'],
      ['201', '一般公共服务支出', '100.00', '60.00', '30.00', '10.00'],
    ]);
    expect(doc.metadata.family).toBe('unknown');
    const t = table(doc, 'expenditure');
    expect(t.columns.map((c) => c.id)).toEqual(['total', 'basic', 'project', 'other:上缴财政专户支出']);
    expect(values(t, '201', ['total', 'basic', 'other:上缴财政专户支出'])).toEqual([
      '100.00',
      '60.00',
      '10.00',
    ]);
  });

  it('does not take a line of mostly unknown words, or with a row label, for a header', () => {
    const doc = read([
      ['XX大学2024年部门预算'],
      ['支出预算总表'],
      ['单位：万元'],
      ['合计', '教学科研经费', '后勤保障经费', '其他经费甲'],
      ['100.00', '60.00', '30.00', '10.00'],
    ]);
    const t = table(doc, 'expenditure');
    expect(t.columns).toEqual([]);
    expect(t.reading?.confidence).toBe('low');
  });

  it('reads the national 决算 column and row words', () => {
    const doc = read([
      ['XX学院2024年度部门决算'],
      ['收入决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '其他收入'],
      ['205', '教育支出', '120.00', '100.00', '', '15.00', '5.00'],
      ['政府性基金预算财政拨款收入支出决算表'],
      ['单位：万元'],
      ['科目名称', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['', '', '', '小计', '基本支出', '项目支出', ''],
      ['合计', '1.00', '2.00', '2.50', '0.50', '2.00', '0.50'],
    ]);
    const revenue = table(doc, 'revenue');
    expect(revenue.columns.map((c) => c.id)).toEqual([
      'total',
      'fiscal',
      'superior_subsidy',
      'business_income',
      'other_income',
    ]);
    expect(values(revenue, '205', ['total', 'fiscal', 'business_income'])).toEqual([
      '120.00',
      '100.00',
      '15.00',
    ]);
    const fund = table(doc, 'gov_fund_expenditure');
    // 本年收入 with nothing under it names a column (no income side), as a row-spanning grid cell does
    expect(fund.columns.map((c) => c.id)).toEqual([
      'carryover',
      'other:本年收入',
      'total',
      'basic',
      'project',
      'other:年末结转和结余',
    ]);
    expect(values(fund, '合计', ['carryover', 'other:本年收入', 'total', 'basic', 'project'])).toEqual([
      '1.00',
      '2.00',
      '2.50',
      '0.50',
      '2.00',
    ]);
  });

  it('types 财政拨款基本支出 titles as fiscal_basic and 一般公共预算 ones as general_basic_economic', () => {
    const doc = read([
      ['XX厅2019年部门预算'],
      ['财政拨款基本支出预算表（经济科目）'],
      ['单位：万元'],
      ['科目编码', '科目名称', '金额'],
      ['301', '工资福利支出', '80.00'],
      ['一般公共预算基本支出预算表（经济科目）'],
      ['单位：万元'],
      ['科目编码', '科目名称', '金额'],
      ['301', '工资福利支出', '70.00'],
    ]);
    expect(doc.tables.map((t) => t.kind)).toEqual(['fiscal_basic', 'general_basic_economic']);
  });

  it('takes a bare 总计 under the side’s 本年收入合计 / 本年支出合计 for the grand total', () => {
    const doc = read([
      ['XX学院2024年度部门决算'],
      ['收入支出决算总表'],
      ['单位：万元'],
      ['收入', '', '支出', ''],
      ['项目', '决算数', '项目', '决算数'],
      ['一般公共预算财政拨款收入', '100.00', '教育支出', '104.00'],
      ['本年收入合计', '100.00', '本年支出合计', '104.00'],
      ['年初结转和结余', '5.00', '年末结转和结余', '1.00'],
      ['总计', '105.00', '总计', '105.00'],
    ]);
    const t = table(doc, 'summary');
    const roles = t.rows.map((r) => [r.side, r.name, r.role]);
    expect(roles).toContainEqual(['income', '年初结转和结余', 'carryover']);
    expect(roles).toContainEqual(['expenditure', '年末结转和结余', 'year_end_carryover']);
    expect(roles).toContainEqual(['income', '总计', 'grand_total']);
    expect(roles).toContainEqual(['expenditure', '总计', 'grand_total']);
  });
});
