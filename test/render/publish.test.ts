// What a finance bureau would publish as it is (issue 13): complete tables, one numbering, forms as the family
// prints them, nothing printed twice. Checked on the HTML every format shares the grid of; page-level checks are in
// pdf.test.ts.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { filingDateText, formGrid, indicatorRows } from '../../src/render/grid.js';
import { labelWords, renderHtml } from '../../src/render/html.js';
import { shanxi } from '../../src/render/layouts/shanxi.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { bodyRows, headerRows, parsedSample, tableSection } from './helpers.js';

const leafInput = JSON.parse(
  readFileSync(new URL('../generate/fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
);

let sample: Disclosure;
let html: string;

beforeAll(async () => {
  sample = await parsedSample();
  html = renderHtml(sample);
});

const count = (text: string, part: string) => text.split(part).length - 1;
const formSections = (h: string) =>
  [...h.matchAll(/<section class="form-block"[\s\S]*?<\/section>/g)].map((m) => m[0]);

describe('国有资本经营预算收支预算表', () => {
  const header = [
    ['国有资本经营预算收入', '国有资本经营预算支出'],
    ['项目', '国有资本经营收入预算', '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['收入科目编码', '科目名称'],
  ];

  it('prints its 收入 half beside the 支出 half, as the sample does', () => {
    const section = tableSection(html, 'state_capital');
    expect(headerRows(section)).toEqual(header);
    // The sample prints the income side's 合计 only; the expenditure side stays blank.
    expect(bodyRows(section)).toEqual([['合计', '', '', '', '', '', '']]);
  });

  it('prints one 合计 line for the generated table (a 合计 on each side, not two rows)', () => {
    const { disclosure } = generate(leafInput, { audit: false });
    const section = tableSection(renderHtml(disclosure), 'state_capital');
    expect(headerRows(section)).toEqual(header);
    expect(bodyRows(section)).toEqual([['合计', '', '合计', '', '', '']]);
  });

  it('keeps the 收入 headers in the workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderXlsx(sample)) as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.name.includes('国有资本经营'))!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['收入科目编码', '国有资本经营收入预算', '基本支出']));
  });
});

describe('numbers and words', () => {
  it('numbers the thirteen tables in one scheme, whatever the source printed (部门公开表9)', () => {
    const numbers = [...html.matchAll(/<div class="number">([^<]*)<\/div>/g)].map((m) => m[1]);
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => `预算公开表${i + 1}`));
  });

  it('heads the 机关运行经费 table with 2023年预算数', () => {
    expect(headerRows(tableSection(html, 'operating_costs'))[0]).toEqual(['单位名称', '2023年预算数']);
  });
});

describe('nothing printed twice', () => {
  it('lists the included units once, inside 机构设置', () => {
    expect(count(html, '<p>忻州市政府信息中心</p>')).toBe(1);
    expect(count(html, '纳入忻州市人民政府办公室预算的单位包括')).toBe(1);
  });

  it('lists the included units when the 机构设置 text does not', () => {
    const doc = structuredClone(sample);
    doc.overview.organisation = doc.overview.organisation.slice(0, 2);
    const h = renderHtml(doc);
    expect(count(h, '纳入忻州市人民政府办公室预算的单位包括：')).toBe(1);
    expect(count(h, '<p>忻州市政府信息中心</p>')).toBe(1);
  });

  it('prints a chart title once: the source’s caption paragraph gives way to the drawn chart', () => {
    expect(count(html, '<p>一般公共预算当年拨款结构图</p>')).toBe(0);
    expect(count(html, '一般公共预算当年拨款结构图')).toBe(1);
    expect(html).toMatch(/<figure class="chart" data-chart="general_structure"><svg/);
  });
});

describe('performance forms as the family prints them', () => {
  it('keep the issuer in the title', () => {
    const forms = formSections(html);
    expect(forms).toHaveLength(10);
    for (const f of forms) expect(f).toContain('<h2>忻州市市级预算部门（单位）项目支出绩效目标申报表</h2>');
  });

  it('name the issuer from the region for forms without a title (generated documents)', () => {
    const form = { ...sample.performanceForms[0], title: undefined };
    expect(formGrid(form, shanxi, '忻州市').title).toBe('忻州市市级预算部门（单位）项目支出绩效目标申报表');
    expect(formGrid(form, shanxi).title).toBe('项目支出绩效目标申报表');
  });

  it('merge 一级指标 over its rows and keep the standard blank rows', () => {
    const form = sample.performanceForms.find((f) => f.project === '对外交流与合作洽谈项目经费')!;
    const groups = indicatorRows(form, shanxi);
    expect(
      groups.map((g) => g.map((r) => `${r.level1}/${r.level2}${r.period || r.year ? '' : '（空）'}`)),
    ).toEqual([
      ['产出指标/数量指标', '产出指标/质量指标', '产出指标/时效指标', '产出指标/成本指标'],
      [
        '效益指标/经济效益指标',
        '效益指标/社会效益指标',
        '效益指标/生态效益指标（空）',
        '效益指标/可持续影响指标（空）',
      ],
      ['满意度指标/服务对象满意度'],
    ]);
    const section = formSections(html)[0];
    expect(section).toContain('<td rowspan="4">产出指标</td>');
    expect(section).toContain('<td rowspan="4">效益指标</td>');
    expect(count(section, '>产出指标<')).toBe(1);
    expect(count(section, '<td>生态效益指标</td>')).toBe(2);
    expect(count(section, '<td>可持续影响指标</td>')).toBe(2);
    // 绩效指标 spans the header row and the nine indicator rows.
    expect(section).toMatch(/<td rowspan="10" class="c strong">绩效<wbr>指标<\/td>/);
  });

  it('print 填报日期 as a date and keep the signature row with the row before it', () => {
    expect(filingDateText('20221103153701')).toBe('2022-11-03');
    expect(filingDateText('2022年11月3日')).toBe('2022年11月3日');
    const section = formSections(html)[0];
    expect(section).toMatch(
      /<tr class="keep"><td class="c strong">负责人：<\/td>[\s\S]*<td class="nw">2022-11-03<\/td><\/tr>/,
    );
    expect(section).not.toContain('20221103153701');
  });
});

describe('typography', () => {
  it('sets the body in Song and headings, table headers and totals in Hei, TrueType copies first', () => {
    expect(html).toMatch(/html \{ font: 12pt\/1\.75 "Noto Serif CJK SC TT", "Noto Serif CJK SC", serif; /);
    expect(html).toMatch(
      /h1, h2, h3, h4, th,[^{]*\{\s*font-family: "Noto Sans CJK SC TT", "Noto Sans CJK SC", sans-serif;/,
    );
  });

  it('breaks header labels only between words', () => {
    expect(labelWords('2023年合计')).toEqual(['2023年', '合计']);
    expect(labelWords('科目编码')).toEqual(['科目', '编码']);
    expect(labelWords('一般公共预算')).toEqual(['一般', '公共', '预算']);
    expect(labelWords('上年结转安排')).toEqual(['上年结转', '安排']);
    expect(labelWords('财政专户管理资金')).toEqual(['财政专户', '管理', '资金']);
    expect(labelWords('其中：中央财政资金')).toEqual(['其中：', '中央', '财政', '资金']);
    expect(headerRows(tableSection(html, 'summary'))[1]).toEqual([
      '项目',
      '2023年',
      '项目',
      '2023年合计',
      '当年预算安排',
      '上年结转安排',
    ]);
    expect(tableSection(html, 'summary')).toContain('<th class="c">2023年<wbr>合计</th>');
  });
});
