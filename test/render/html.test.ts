import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/schema.js';
import { renderHtml } from '../../src/render/html.js';
import { shanghai } from '../../src/render/layouts/shanghai.js';
import { generalStructureChart, compositionChart } from '../../src/render/charts.js';
import { sampleDisclosure } from './fixtures.js';
import { bodyRows, headerRows, parsedSample, tableSection } from './helpers.js';

let sample: Disclosure;
let html: string;

beforeAll(async () => {
  sample = await parsedSample();
  html = renderHtml(sample);
});

describe('HTML of the parsed sample (Shanxi layout)', () => {
  it('prints the 预算支出总表 row 2010301 with 1,361.58 / 1,357.12 / 4.46 in 合计 / 基本支出 / 项目支出', () => {
    const section = tableSection(html, 'expenditure');
    expect(headerRows(section)).toEqual([
      ['项目', '2023年预算数'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ]);
    const rows = bodyRows(section);
    expect(rows[0]).toEqual(['合计', '2,979.49', '2,011.93', '967.56']);
    expect(rows).toContainEqual(['2010301', '行政运行', '1,361.58', '1,357.12', '4.46']);
    expect(rows).toContainEqual(['2010302', '一般行政管理事务', '944.90', '', '944.90']);
    expect(rows).toHaveLength(19);
  });

  it('pairs the two sides of the 收支总表, totals on the last rows', () => {
    const rows = bodyRows(tableSection(html, 'summary'));
    expect(rows[0]).toEqual([
      '一、一般公共预算',
      '2,979.49',
      '一、一般公共服务支出',
      '2,561.73',
      '2,561.73',
      '',
    ]);
    expect(rows[4]).toEqual(['五、单位资金', '', '五、教育支出', '', '', '']);
    expect(rows[29]).toEqual(['', '', '三十、抗疫特别国债安排的支出', '', '', '']);
    expect(rows.slice(30)).toEqual([
      ['本年收入合计', '2,979.49', '本年支出合计', '2,979.49', '2,979.49', ''],
      ['上年结转', '', '年终结转', '', '', ''],
      ['收入总计', '2,979.49', '支出总计', '2,979.49', '2,979.49', ''],
    ]);
  });

  it('prints the economic table with its pairs of names and group subtotals', () => {
    const rows = bodyRows(tableSection(html, 'general_basic_economic'));
    expect(rows[0]).toEqual(['合计', '', '2,011.93', '1,680.19', '331.73']);
    expect(rows).toContainEqual(['商品和服务支出', '', '296.73', '', '296.73']);
    expect(rows).toContainEqual(['办公设备购置', '设备购置', '35.00', '', '35.00']);
  });

  it('prints every table of the family in order, empty ones with their note', () => {
    const kinds = [...html.matchAll(/data-kind="([a-z_]+)"/g)].map((m) => m[1]);
    expect(kinds).toEqual([
      'summary',
      'revenue',
      'expenditure',
      'fiscal_summary',
      'general_expenditure',
      'general_basic_economic',
      'gov_fund_revenue',
      'gov_fund_expenditure',
      'state_capital',
      'three_public',
      'operating_costs',
      'projects',
      'projects_carryover',
    ]);
    expect(tableSection(html, 'three_public')).toContain('注：本表无数据');
    expect(tableSection(html, 'projects')).toContain('<td data-value="562.90" class="num">562.90</td>');
  });

  it('has a title page, contents with every part and table, and the four parts in order', () => {
    expect(html).toContain(
      '<div class="unit">忻州市人民政府办公室</div><div class="subtitle">2023年度单位预算公开</div>',
    );
    const toc = /<ol class="toc[^"]*">([\s\S]*?)<\/ol>/.exec(html)![1];
    for (const title of [
      '第一部分 概况',
      '2023年预算收支总表',
      '2023年项目支出预算表（上年结转）',
      '第四部分 名词解释',
    ])
      expect(toc).toContain(`>${title}</a>`);
    const parts = [...html.matchAll(/<h1 class="part"[^>]*>([^<]+)<\/h1>/g)].map((m) => m[1]);
    expect(parts).toEqual([
      '第一部分 概况',
      '第二部分 2023年单位预算报表',
      '第三部分 2023年度单位预算情况说明',
      '第四部分 名词解释',
    ]);
    expect(html).toContain('<h2 id="h-');
    expect(html).toContain('>一、单位预算收支数据变动情况及原因</h2>');
    expect(html).toContain(
      '<p>一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。</p>',
    );
  });

  it('prints every performance form after 绩效管理情况 with the annual funding in 元', () => {
    expect(html.match(/class="form-block"/g)).toHaveLength(sample.performanceForms.length);
    expect(sample.performanceForms.length).toBeGreaterThan(0);
    const forms = html.slice(
      html.indexOf('>十、绩效管理情况</h2>'),
      html.indexOf('>十一、国有资产占有使用情况</h2>'),
    );
    expect(forms.match(/class="form-block"/g)).toHaveLength(sample.performanceForms.length);
    expect(forms).toContain('<td colspan="2" data-value="600000" class="num">600,000</td>');
  });

  it('is self-contained and prints with repeated headers and page numbers', () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src="http/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('counter(page)');
    expect(html.match(/<svg /g)).toHaveLength(2);
  });
});

describe('charts', () => {
  it('splits the 一般公共预算 by function class with the shares the sample prints', async () => {
    const chart = generalStructureChart(await parsedSample())!;
    expect(chart.slices).toEqual([
      { name: '一般公共服务支出', amount: '2,561.73万元', percent: '85.98%' },
      { name: '社会保障和就业支出', amount: '171.21万元', percent: '5.75%' },
      { name: '卫生健康支出', amount: '74.90万元', percent: '2.51%' },
      { name: '农林水支出', amount: '18.20万元', percent: '0.61%' },
      { name: '住房保障支出', amount: '153.45万元', percent: '5.15%' },
    ]);
    expect(chart.svg).toMatch(/^<svg[^>]+width="640"/);
    expect(chart.svg).toContain('一般公共服务支出');
  });

  it('splits expenditure into 基本支出 67.53% and 项目支出 32.47%', async () => {
    expect(compositionChart(await parsedSample())!.slices.map((s) => s.percent)).toEqual([
      '67.53%',
      '32.47%',
    ]);
  });
});

describe('Shanghai layout', () => {
  let sh: string;
  beforeAll(async () => {
    sh = renderHtml(await parsedSample(), { layout: shanghai });
  });

  it('prints tables in 元 with 类/款/项 columns and the 合计 row last', () => {
    const section = tableSection(sh, 'expenditure');
    expect(section).toContain('<span>单位：元</span>');
    expect(headerRows(section)[0]).toEqual(['功能分类科目编码', '功能分类科目名称', '支出预算']);
    const rows = bodyRows(section);
    expect(rows).toContainEqual([
      '201',
      '03',
      '01',
      '行政运行',
      '13,615,800.00',
      '13,571,200.00',
      '44,600.00',
    ]);
    expect(rows.at(-1)).toEqual(['合计', '29,794,900.00', '20,119,300.00', '9,675,600.00']);
  });

  it('puts 名词解释 before the tables and numbers the parts flat', () => {
    const parts = [...sh.matchAll(/<h1 class="part"[^>]*>([^<]+)<\/h1>/g)].map((m) => m[1]);
    expect(parts).toEqual([
      '一、单位主要职能',
      '二、单位机构设置',
      '三、名词解释',
      '四、单位预算编制说明',
      '五、单位预算表',
      '六、其他相关情况说明',
    ]);
    expect(sh).toContain('<p>（一）基本支出：');
  });

  it('folds 机关运行经费 into the 三公 table, in 万元', () => {
    const section = tableSection(sh, 'three_public');
    expect(section).toContain('2023年单位“三公”经费和机关运行经费预算表');
    expect(section).toContain('<span>单位：万元</span>');
    expect(bodyRows(section)).toContainEqual(['机关运行经费', '331.73', '331.73']);
  });
});

describe('hand-built fixture', () => {
  it('renders a disclosure that did not come from the importer', () => {
    const out = renderHtml(sampleDisclosure());
    expect(bodyRows(tableSection(out, 'expenditure'))).toContainEqual([
      '2010301',
      '行政运行',
      '1,361.58',
      '1,357.12',
      '4.46',
    ]);
    // Columns the fixture lacks are printed empty as the layout's form requires, not dropped.
    expect(headerRows(tableSection(out, 'revenue'))[1]).toContain('单位资金');
  });
});
