import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import type { Section } from '../../src/model/schema.js';
import { writeExplanation, type ExplanationFacts } from '../../src/narrative/write.js';
import { sharedRoot } from '../../src/paths.js';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';

const samplePath = join(sharedRoot, 'samples', 'xinzhou-govoffice-2023-unit-budget.txt');

/**
 * Facts of the sample's 第三部分 that no table holds: last year's totals (2,979.49 + 726.75), last year's
 * 机关运行经费 (331.73 + 19.6), the reasons, procurement and assets. In use they come from the preparer's input
 * or last year's document.
 */
const facts: ExplanationFacts = {
  prior: { total: '3706.24', generalCurrent: '3706.24', operatingCosts: '351.33' },
  reasons: { total: '公用经费及忻州市政府信息化项目运维费减少', operatingCosts: '在职人员减少' },
  procurement: { goods: '30.8', works: '10', services: '488.7' },
  assets: {
    vehicles: '单位无车辆。',
    buildings: '办公用房由忻州市直属机关事务服务中心统一管理。',
    other: '无',
  },
};

/** Punctuation and spacing as preparers vary it (半角/全角, stray spaces); figures untouched. */
const normal = (s: string) =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/,(?!\d{3})/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/。；/g, '；');

function figures(text: string) {
  const amounts = [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)万元/g)].map((m) =>
    new Decimal(m[1].replace(/,/g, '')).toFixed(),
  );
  const percents = [...text.matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => m[1]);
  const counts = [...text.matchAll(/(\d+)个/g)].map((m) => m[1]);
  return { amounts: amounts.sort(), percents: percents.sort(), counts: counts.sort() };
}

const key = (s: Section) => `${s.kind}:${s.level}:${s.title.replace(/[：:]$/, '')}`;

describe('the explanation written from the parsed sample', async () => {
  const parsed = recognize(await readLayoutBytes(samplePath, new Uint8Array(readFileSync(samplePath))));
  const published = parsed.sections.filter((s) => s.part?.startsWith('第三部分') && s.level >= 2);
  const written = writeExplanation(parsed, facts);

  it('has the twelve items with their sub-items, as published', () => {
    expect(written.map(key)).toEqual(published.map(key));
  });

  it('reproduces every amount, percentage and count of every item', () => {
    const attached = 'performance:4:绩效目标情况（附表说明）';
    for (const p of published) {
      const w = written.find((s) => key(s) === key(p))!;
      const text = (s: Section) => s.paragraphs.map((x) => x.text).join('');
      // The sample attaches 10 forms to 11 projects: the writer says so, the preparer wrote "（详见以下附表）".
      const expected = figures(text(p));
      if (key(p) === attached) expected.counts = ['10', ...expected.counts];
      expect(figures(text(w)), key(p)).toEqual(expected);
    }
    expect(written.find((s) => key(s) === attached)!.paragraphs[0].text).toMatch(
      /驻村帮扶干部补助经费。以下附表列示其中10个项目的绩效目标申报表。$/,
    );
  });

  it('lists the same 人员经费 and 公用经费 items and the same projects (the published order is arbitrary)', () => {
    const items = (s: Section, i: number) =>
      s.paragraphs[i].text
        .replace(/^.*主要包括[:：]/, '')
        .replace(/(等)?[。；;]$/, '')
        .split('、')
        .sort();
    const p = published.find((s) => s.kind === 'general_basic')!;
    const w = written.find((s) => s.kind === 'general_basic')!;
    expect(items(w, 1)).toEqual(items(p, 1));
    expect(items(w, 2)).toEqual(items(p, 2));
    const projects = (s: Section) =>
      s.paragraphs[0].text
        .replace(/^.*分别为[:：]/, '')
        .replace(/。.*$/, '')
        .split('、')
        .sort();
    const title = '绩效目标情况（附表说明）';
    expect(projects(written.find((s) => s.title === title)!)).toEqual(
      projects(published.find((s) => s.title === title)!),
    );
  });

  it('writes most sentences exactly as the preparer did (after punctuation width)', () => {
    const same: string[] = [];
    const differ: string[] = [];
    for (const p of published) {
      const w = written.find((s) => key(s) === key(p))!;
      p.paragraphs.forEach((para, i) =>
        (normal(para.text) === normal(w.paragraphs[i]?.text ?? '') ? same : differ).push(`${key(p)}#${i}`),
      );
    }
    // The five that differ: 四 puts 当年/上年结转 right after the total they divide (the published order makes
    // "其中" follow the 一般公共预算 amount, wrong as soon as there is 政府性基金 or 结转); the 人员/公用经费 lists and
    // the list of projects (published in an arbitrary order; the writer follows the tables); and 九's wording
    // "部门各单位" in a 单位 budget, which reviewers flag; 八 prints "减少19.60万元" where the preparer typed 19.6.
    expect(differ).toEqual([
      'fiscal:2:财政拨款收支预算总体情况说明#0',
      'general_basic:2:一般公共预算基本支出情况说明#1',
      'general_basic:2:一般公共预算基本支出情况说明#2',
      'operating_costs:2:机关运行经费增减变动原因说明#0',
      'procurement:2:政府采购情况#0',
      'performance:4:绩效目标情况（附表说明）#0',
    ]);
    expect(same.length).toBe(14);
  });

  it('prints every amount with two decimals, typed ones too', () => {
    const text = (k: string) => written.find((s) => key(s) === k)!.paragraphs[0].text;
    expect(text('operating_costs:2:机关运行经费增减变动原因说明')).toContain(
      '比2022年预算同口径减少19.60万元，下降5.58%',
    );
    expect(text('procurement:2:政府采购情况')).toBe(
      '2023年忻州市人民政府办公室单位政府采购预算总额529.50万元。其中：政府采购货物预算30.80万元、' +
        '政府采购工程预算10.00万元、政府采购服务预算488.70万元。',
    );
  });
});
