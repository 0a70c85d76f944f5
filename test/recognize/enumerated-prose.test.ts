// Items numbered 1、2、… inside a section are paragraphs of that section (主要职能 lists duties; a numbered sentence
// wrapped at the margin is no title), while short numbered titles elsewhere stay headings.
import { describe, expect, it } from 'vitest';
import type { LayoutDocument, LayoutLine } from '../../src/layout/types.js';
import { recognize } from '../../src/recognize/index.js';

function page(texts: string[]): LayoutDocument {
  const lines: LayoutLine[] = texts.map((text, i) => ({
    cells: [{ text, x0: 90, x1: 90 + 14 * [...text].length }],
    page: 1,
    line: i + 1,
    y: 80 + 20 * i,
    // the PDF reader marks a line that continues the paragraph above (wrapped at the margin)
    ...(text.startsWith('人员渎职') ? { continues: true } : {}),
  }));
  return { file: 'x.pdf', format: 'pdf', pages: 1, lines, notes: [] };
}

describe('enumerated items in prose', () => {
  const d = recognize(
    page([
      'XX检察院2019年度部门预算',
      '第一部分 XX检察院概况',
      '一、主要职责',
      '其主要职责有：',
      '1、依法向省人民代表大会及其常务委员会提出议案。',
      '2、依法对国家工作人员贪污贿赂犯罪、国家机关工作',
      '人员渎职犯罪立案侦查。',
      '3、依法决定国家赔偿。',
      '二、部门预算单位构成',
      '第三部分 2019年度部门预算情况说明',
      '一、收支预算总体情况说明',
      '1、收入预算情况',
      '收入预算合计100.00万元。',
    ]),
  );

  it('keeps the duties as paragraphs of 主要职责, a wrapped item joined', () => {
    const duties = d.sections.find((s) => s.kind === 'duties');
    expect(duties?.paragraphs.map((p) => p.text)).toEqual([
      '其主要职责有：',
      '1、依法向省人民代表大会及其常务委员会提出议案。',
      '2、依法对国家工作人员贪污贿赂犯罪、国家机关工作人员渎职犯罪立案侦查。',
      '3、依法决定国家赔偿。',
    ]);
    expect(d.sections.filter((s) => s.level === 4).map((s) => s.title)).toEqual(['收入预算情况']);
  });

  it('keeps a short numbered title outside the duties a heading', () => {
    const s = d.sections.find((x) => x.title === '收入预算情况');
    expect(s?.paragraphs.map((p) => p.text)).toEqual(['收入预算合计100.00万元。']);
  });
});
