// A document read from a layout we do not render (Jiangsu) is printed in the Shanxi layout. Where its tables
// carry their amounts in columns the template lacks (Jiangsu's 一般公共预算支出预算表 prints one 金额 column, the
// template 合计 | 基本支出 | 项目支出), the table keeps its own columns: the template's would stand empty beside them,
// and a reader of the printed document would take the blanks for zeros.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseFile } from '../../src/parse.js';
import { tableGrid } from '../../src/render/grid.js';
import { layoutFor } from '../../src/render/layouts/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { corpusDir } from '../corpus/lookup.js';

let doc: Disclosure;

beforeAll(async () => {
  const outcome = await parseFile(join(corpusDir, '江苏_省高级人民法院_2019_部门预算.pdf'));
  if ('error' in outcome) throw new Error(outcome.error.message);
  doc = outcome.disclosure;
});

const gridOf = (kind: string) => {
  const layout = layoutFor(doc.metadata.family);
  const template = layout.tables.find((t) => t.kind === kind)!;
  return tableGrid(doc, layout, template, 1);
};
const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

describe('a Jiangsu document printed in the Shanxi layout', () => {
  it('prints 一般公共预算支出预算表 with its own 金额 column, not the template’s empty 合计/基本/项目', () => {
    const grid = gridOf('general_expenditure');
    const header = grid.header.flatMap((r) => texts(r.cells));
    expect(header).toContain('金额');
    expect(header).not.toContain('基本支出');
    const row = grid.body.find((r) => r.cells[0].text === '2040501')!;
    expect(texts(row.cells).filter(Boolean)).toEqual(['2040501', '行政运行', '17,279.29']);
  });

  it('keeps the template where the table fills its columns (预算支出总表: 合计, 基本支出, 项目支出)', () => {
    const grid = gridOf('expenditure');
    const header = grid.header.flatMap((r) => texts(r.cells));
    expect(header).toEqual(expect.arrayContaining(['合计', '基本支出', '项目支出']));
  });
});

describe('a Shanghai 2023 document printed in the Shanghai layout of 2025', () => {
  let wanli: Disclosure;
  beforeAll(async () => {
    const outcome = await parseFile(join(corpusDir, '上海_普陀区万里街道办事处_2023_部门预算.pdf'));
    if ('error' in outcome) throw new Error(outcome.error.message);
    wanli = outcome.disclosure;
  });

  // The 2025 template prints the economic classification by name (部门 and 政府 names); the 2023 document prints
  // 类/款 codes and no 政府 names. Printed without its codes the table would lose its hierarchy.
  it('keeps the economic codes and leaves out the 政府预算经济分类 column no row fills', () => {
    const layout = layoutFor('shanghai');
    const template = layout.tables.find((t) => t.kind === 'general_basic_economic')!;
    const grid = tableGrid(wanli, layout, template, 8);
    const header = grid.header.flatMap((r) => texts(r.cells));
    expect(header).toContain('科目编码');
    expect(header).not.toContain('政府预算经济分类科目名称');
    const row = grid.body.find((r) => r.cells[0].text === '30101')!;
    expect(texts(row.cells)).toEqual(['30101', '基本工资', '5,668,416.00', '5,668,416.00', '']);
  });
});
