// The corpus's text document (重庆市交通委员会 2018, the explanation only, extracted from a web page): read as a
// disclosure of sections and glossary, without tables.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { sharedRoot } from '../../src/paths.js';

const file = join(sharedRoot, 'corpus', '重庆_市交通委员会_2018_预算_情况说明.txt');

describe('重庆 text document', () => {
  it('reads metadata, sections with kinds, the 概况 and the glossary', async () => {
    const doc = recognize(await readLayoutBytes(file, new Uint8Array(await readFile(file))));
    expect(doc.metadata).toMatchObject({
      unit: '重庆市交通委员会',
      year: 2018,
      kind: 'department_budget',
      title: '重庆市交通委员会2018年部门预算情况说明',
    });
    expect(doc.tables).toEqual([]);
    expect(doc.sections.map((s) => [s.level, s.number, s.title, s.kind])).toEqual([
      [2, '一', '单位基本情况', 'other'],
      [3, '（一）', '职能职责', 'duties'],
      [3, '（二）', '单位构成', 'organisation'],
      [2, '二', '部门预算情况说明', 'other'],
      [2, '三', '“三公”经费情况说明', 'three_public'],
      [2, '四', '其他重要事项的情况说明', 'other_notes'],
      [2, '五', '专业性名词解释', 'glossary'],
    ]);
    expect(doc.overview.duties).toHaveLength(13);
    expect(doc.overview.duties[1].text).toMatch(/^１、负责推进综合交通运输体系建设/);
    expect(doc.sections[4].paragraphs[0].text).toMatch(
      /^2018年“三公”经费预算2800.68万元,比2017年减少295.18万元。/,
    );
    expect(doc.glossary.map((g) => g.term)).toEqual([
      '财政拨款收入',
      '其他收入',
      '基本支出',
      '项目支出',
      '“三公”经费',
    ]);
    expect(doc.glossary[2].definition).toMatch(/^指为保障机构正常运转/);
  });
});
