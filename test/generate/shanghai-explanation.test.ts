// The Shanghai wording checked against a real Shanghai document paragraph by paragraph: the corpus's
// 普陀区人民政府办公室 2025 单位预算 is parsed, its explanation written again from its own tables plus the facts no
// table holds (prior-year figures, the reason, procurement, the uses of each 项, assets), and compared.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Section } from '../../src/model/schema.js';
import { writeShanghaiExplanation } from '../../src/narrative/write-shanghai.js';
import { parseFile } from '../../src/parse.js';
import { sharedRoot } from '../../src/paths.js';

const file = join(sharedRoot, 'corpus', '上海_普陀区人民政府办公室_2025_单位预算.pdf');
const KINDS = ['changes', 'three_public', 'operating_costs', 'procurement', 'performance', 'assets'];
const normal = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/,(?!\d{3})/g, '，')
    .replace(/\((.*?)\)/g, '（$1）');

describe.skipIf(!existsSync(file))('Shanghai explanation against 普陀区人民政府办公室 2025', () => {
  let published: Section[];
  let written: Section[];

  beforeAll(async () => {
    const outcome = await parseFile(file);
    if (!('disclosure' in outcome)) throw new Error(outcome.error.message);
    const doc: Disclosure = outcome.disclosure;
    published = doc.sections.filter((s) => KINDS.includes(s.kind));
    const changes = published.find((s) => s.kind === 'changes')!;
    // What each 项 is used for is the preparer's text: taken from the published item of the same 项.
    const uses: Record<string, string> = {};
    for (const r of doc.tables.find((t) => t.kind === 'general_expenditure')!.rows) {
      const p = r.code?.length === 7 && changes.paragraphs.find((x) => x.text.includes(`-${r.name}”`));
      const m = p ? /主要用于(.*?)。?$/.exec(p.text) : null;
      if (m && r.code) uses[r.code] = m[1];
    }
    const assets = published.find((s) => s.kind === 'assets')!.paragraphs.map((p) => p.text);
    written = writeShanghaiExplanation(doc, {
      // 9,101.68 + 2,389.52 (the published decrease); the other budgets and 三公 as published (持平).
      prior: {
        total: '11491.20',
        generalCurrent: '11491.20',
        govFund: '0',
        stateCapital: '0',
        threePublic: '867.50',
      },
      reasons: { total: '项目调整' },
      procurement: { services: '34' },
      performance: { projects: 11, amount: '6626' },
      uses,
      assets: { vehicles: assets[0], other: assets[1] },
    });
  });

  it('writes the items in the published order, 编制说明 first', () => {
    expect(written.map((s) => s.kind)).toEqual(published.map((s) => s.kind));
    expect(written[0].paragraphs[0].text).toBe(
      '2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，' +
        '比2024年预算减少2,389.52万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。',
    );
  });

  it('writes 19 of the 25 published paragraphs word for word; the six others lack facts the tables do not hold', () => {
    const differ: string[] = [];
    let same = 0;
    for (const p of published) {
      const w = written.find((s) => s.kind === p.kind)!;
      expect(w.paragraphs.length, p.kind).toBe(p.paragraphs.length);
      p.paragraphs.forEach((para, i) =>
        normal(para.text) === normal(w.paragraphs[i].text) ? same++ : differ.push(`${p.kind}#${i}`),
      );
    }
    // 三公 sub-items: the prior year of each item ("与2024年预算持平"); 机关运行经费: "下属1家机关和1家事业单位";
    // 政府采购: the 中小企业 reservation sentence; 绩效目标: "6626万元" printed without a thousands separator.
    expect(differ).toEqual([
      'three_public#1',
      'three_public#2',
      'three_public#3',
      'operating_costs#0',
      'procurement#0',
      'performance#0',
    ]);
    expect(same).toBe(19);
  });
});
