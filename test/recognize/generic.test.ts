// The recogniser on layouts other than the sample's text: spreadsheet-like grids (every row `inTable`, empty cells
// kept), codes printed in 类/款/项 columns, table numbers beside the title, tables continued on a second page.
import { describe, expect, it } from 'vitest';
import type { LayoutDocument, LayoutLine } from '../../src/layout/types.js';
import { ReadError } from '../../src/read/errors.js';
import { recognize } from '../../src/recognize/index.js';
import { normalizeTitle } from '../../src/recognize/lines.js';

function layout(rows: string[][], page = (i: number) => 1 + Math.floor(i / 9)): LayoutDocument {
  const lines: LayoutLine[] = rows.map((cells, i) => ({
    cells: cells.map((text) => ({ text })),
    page: page(i),
    line: i + 1,
    sheet: 'Sheet1',
    row: i + 1,
    inTable: cells.length > 1,
  }));
  return { file: 'grid.xlsx', format: 'xlsx', pages: 2, lines, notes: [] };
}

const HEADER = [
  ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出'],
  ['类', '款', '项', '', '', '', ''],
];

describe('generic layouts', () => {
  it('reads a spreadsheet grid with 类/款/项 code columns, continued on a second page', () => {
    const doc = recognize(
      layout([
        ['XX区财政局2024年部门预算'],
        ['表三', '', '', 'XX区财政局2024年支出预算总表', '', '', ''],
        ['编制部门：XX区财政局', '', '', '', '', '', '单位：元'],
        ...HEADER,
        ['合计', '', '', '', '1,000.00', '600.00', '400.00'],
        ['201', '', '', '一般公共服务支出', '1,000.00', '600.00', '400.00'],
        ['', '03', '', '政府办公厅（室）及相关机构事务', '1,000.00', '600.00', '400.00'],
        ['', '', '01', '行政运行', '600.00', '600.00', ''],
        ['XX区财政局2024年支出预算总表', '', '', '', '', '', ''],
        ...HEADER,
        ['', '', '02', '一般行政管理事务', '400.00', '', '400.00'],
      ]),
    );
    expect(doc.metadata).toMatchObject({ unit: 'XX区财政局', year: 2024, kind: 'department_budget' });
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect([t.kind, t.number, t.unit, t.unitName]).toEqual(['expenditure', '表三', '元', 'XX区财政局']);
    expect(t.columns.map((c) => [c.id, c.label])).toEqual([
      ['total', '合计'],
      ['basic', '基本支出'],
      ['project', '项目支出'],
    ]);
    expect(
      t.rows.map((r) => [r.code ?? null, r.name, r.level ?? null, r.parent ?? null, r.cells.total.value]),
    ).toEqual([
      [null, '合计', null, null, '1000.00'],
      ['201', '一般公共服务支出', 1, null, '1000.00'],
      ['20103', '政府办公厅（室）及相关机构事务', 2, '201', '1000.00'],
      ['2010301', '行政运行', 3, '20103', '600.00'],
      ['2010302', '一般行政管理事务', 3, '20103', '400.00'],
    ]);
    expect(t.rows[4].cells.project.source).toEqual({ page: 2, line: 13, sheet: 'Sheet1', cell: 'G13' });
  });

  it('normalises titles without year, unit-name prefix or qualifiers', () => {
    expect(normalizeTitle('XX区财政局2024年度一般公共预算支出预算表（不含上年结转）')).toBe(
      '一般公共预算支出预算表',
    );
    expect(normalizeTitle('2023年一般公共预算“三公”经费支出预算表')).toBe('一般公共预算三公经费支出预算表');
  });

  it('refuses a text that is not a disclosure', () => {
    const novel = layout([['我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。'], ['时候既然是深冬。']]);
    expect(() => recognize(novel)).toThrow(ReadError);
    try {
      recognize(novel);
    } catch (e) {
      expect((e as ReadError).code).toBe('not_disclosure');
      expect((e as ReadError).message).toMatch(/^grid\.xlsx：不是预算\/决算公开文件：/);
    }
  });
});

describe('contents against the body', () => {
  const text = (rows: string[]) =>
    recognize({
      file: 'doc.txt',
      format: 'txt',
      pages: 1,
      lines: rows.map((t, i) => ({ cells: t.split('\t').map((x) => ({ text: x })), page: 1, line: i + 1 })),
      notes: [],
    });
  const contents = [
    'XX办公厅2017年度部门预算',
    '目录',
    '第一部分 部门概况',
    '一、主要职能。',
    '二、部门收支预算编制相关依据及测算分析情况',
    '第三部分 预算情况说明',
    '一、收入预算情况说明',
    '二、支出预算情况说明',
    '第四部分 名称解释',
  ];
  const body = [
    '第一部分\t部门概况',
    '一、主要职能',
    '负责办公厅的日常工作。',
    '二、部门收支预算编制的相关依据及测算分析情况',
    '依据预算法编制。',
    '第三部分 预算情况说明',
    '一、收入预算情况说明',
    '2017年收入预算100万元。',
  ];

  it('matches entries worded slightly differently, a trailing 。, and parts by their number', () => {
    const doc = text([
      ...contents,
      ...body,
      '二、支出预算情况说明',
      '2017年支出预算100万元。',
      '第四部分 名词解释',
      '一、基本支出：指人员经费和公用经费。',
    ]);
    expect(doc.contents.map((c) => c.title)).toEqual(contents.slice(2));
    expect(doc.importNotes).toEqual([]);
    expect(doc.glossary).toEqual([
      { term: '基本支出', definition: '指人员经费和公用经费。', source: { page: 21, line: 21 } },
    ]);
  });

  it('calls a document whose contents tail is missing incomplete, and a gap a mismatch', () => {
    const cut = text([...contents, ...body]);
    // a layout of no known family: the sections not found may be the reader's miss, so a warning, not an error
    expect(cut.metadata.family).toBe('unknown');
    expect(cut.importNotes.map((n) => [n.level, n.code])).toEqual([['warning', 'incomplete']]);
    expect(cut.importNotes[0].message).toBe(
      '文件不完整：目录所列的2项内容在正文中未找到（二、支出预算情况说明、第四部分 名称解释）',
    );
    const gap = text([...contents, ...body, '第四部分 名词解释', '一、基本支出：指人员经费和公用经费。']);
    expect(gap.importNotes.map((n) => [n.level, n.code])).toEqual([['warning', 'contents_mismatch']]);
  });
});

describe('performance forms from merged cells', () => {
  it('reads funding labels and amounts that a layout merged into one cell', () => {
    const rows = [
      'XX市市级预算部门（单位）项目支出绩效目标申报表',
      '项目名称\t测试项目',
      '项目资金（元）\t实施期资金总额：\t2,400,000年度资金总额：600,000',
      '\t其中：中央财政资金0\t其中：中央财政资金0',
      '\t市县（区）财政资金\t2,400,000\t市县（区）财政资金600,000',
    ];
    const doc = recognize({
      file: 'form.pdf',
      format: 'pdf',
      pages: 1,
      lines: rows.map((t, i) => ({ cells: t.split('\t').map((x) => ({ text: x })), page: 1, line: i + 1 })),
      notes: [],
    });
    const f = doc.performanceForms[0];
    expect(f.project).toBe('测试项目');
    expect([f.funding.period.total, f.funding.year.total]).toEqual(['2400000', '600000']);
    expect([f.funding.period.central, f.funding.year.central]).toEqual(['0', '0']);
    expect([f.funding.period.local, f.funding.year.local]).toEqual(['2400000', '600000']);
  });

  it('takes a header row that begins with 合计 as the header when no amount is on it', () => {
    const doc = recognize(
      layout([
        ['XX单位2018年部门预算'],
        ['公开03表：支出预算总表'],
        ['部门：XX单位', '单位：万元'],
        ['合计', '基本支出', '项目支出', '单位预留机动经费'],
        ['21,955.35', '13,994.31', '5,573.00', '2,388.04'],
      ]),
    );
    const t = doc.tables[0];
    expect([t.kind, t.unit]).toEqual(['expenditure', '万元']);
    expect(t.columns.map((c) => c.id)).toEqual(['total', 'basic', 'project', 'reserve']);
    expect(t.rows).toHaveLength(1);
    expect(Object.fromEntries(Object.entries(t.rows[0].cells).map(([k, c]) => [k, c.value]))).toEqual({
      total: '21955.35',
      basic: '13994.31',
      project: '5573.00',
      reserve: '2388.04',
    });
  });

  it('keeps a 合计 row without amounts in the body when it is the only filled cell', () => {
    const doc = recognize(
      layout([
        ['XX单位2018年部门预算'],
        ['公开03表：支出预算总表'],
        ['部门：XX单位', '单位：万元'],
        ['项目', '合计', '基本支出', '项目支出'],
        ['合计', '', '', ''],
        ['一般公共服务支出', '10.00', '6.00', '4.00'],
      ]),
    );
    expect(doc.tables[0].rows.map((r) => r.name)).toEqual(['合计', '一般公共服务支出']);
  });
});
