import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparableData } from '../../src/generate/compare.js';
import { generate } from '../../src/generate/index.js';
import { syntheticInput } from '../../src/generate/synthetic.js';
import type { Disclosure } from '../../src/model/schema.js';
import { sharedRoot } from '../../src/paths.js';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { renderText } from '../../src/render/txt.js';

async function parseText(text: string): Promise<Disclosure> {
  return recognize(await readLayoutBytes('generated.txt', new Uint8Array(Buffer.from(text, 'utf8'))));
}

const samplePath = join(sharedRoot, 'samples', 'xinzhou-govoffice-2023-unit-budget.txt');

describe('render --format txt → parse round trip', () => {
  it('gives back the data generated from the sample leaf input', async () => {
    const input = JSON.parse(
      readFileSync(new URL('./fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
    );
    const { disclosure } = generate(input);
    const back = await parseText(renderText(disclosure));
    expect(back.importNotes.filter((n) => n.level !== 'info')).toEqual([]);
    expect(comparableData(back)).toEqual(comparableData(disclosure));
  });

  it('gives back the parsed sample itself (tables, sections, forms, glossary)', async () => {
    const parsed = recognize(await readLayoutBytes(samplePath, new Uint8Array(readFileSync(samplePath))));
    const back = await parseText(renderText(parsed));
    const a = comparableData(parsed);
    const b = comparableData(back);
    expect(b.tables).toEqual(a.tables);
    expect(b.sections).toEqual(a.sections);
    expect(b.glossary).toEqual(a.glossary);
    expect(b.forms.map((f) => f.project)).toEqual(a.forms.map((f) => f.project));
    expect(b.forms.map((f) => f.funding)).toEqual(a.forms.map((f) => f.funding));
  });

  it('gives back hundreds of synthetic disclosures (property, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          functions: fc.integer({ min: 1, max: 40 }),
          projects: fc.integer({ min: 0, max: 15 }),
          carryoverProjects: fc.integer({ min: 0, max: 3 }),
          govFund: fc.boolean(),
        }),
        async (options) => {
          const { disclosure, ok } = generate(syntheticInput(options), { audit: false });
          expect(ok).toBe(true);
          const back = await parseText(renderText(disclosure));
          expect(comparableData(back)).toEqual(comparableData(disclosure));
        },
      ),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('carries the data of Shanghai-family documents too (the text format itself is the Shanxi one)', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { disclosure } = generate(syntheticInput({ seed, family: 'shanghai', govFund: seed % 2 === 0 }), {
        audit: false,
      });
      const back = await parseText(renderText(disclosure));
      // Sections are not compared: a Shanghai document's explanation is written in the Shanghai wording
      // (编制说明, 其他相关情况说明), which the Shanxi text format cannot carry; HTML/PDF print it in its layout.
      const { metadata: _a, sections: _sa, ...a } = comparableData(disclosure);
      const { metadata: _b, sections: _sb, ...b } = comparableData(back);
      expect(b, `seed ${seed}`).toEqual(a);
    }
  });

  it('keeps a 决算 a 决算: the Shanghai 财政局 2024 决算 read back from its text has the same kind and tables', async () => {
    const file = join(sharedRoot, 'corpus', '上海_普陀区财政局_2024_决算.pdf');
    const parsed = recognize(await readLayoutBytes(file, new Uint8Array(readFileSync(file))));
    const text = renderText(parsed);
    expect(text.split('\n')[3]).toBe('2024年度部门决算公开');
    const back = await parseText(text);
    expect(back.metadata.kind).toBe('department_final');
    // Every table and every amount comes back in place. Two readings still differ from the PDF's, and are left
    // out of this comparison: "人员经费合计" read as an item (the PDF reading has it as a subtotal), and the 三公
    // table's "公务用车购置及运行费/小计" row keeps its label path, so its two parts lose their parent.
    const amounts = (d: Disclosure) =>
      comparableData(d).tables.map((t) => ({ kind: t.kind, values: t.rows.map((r) => r.values) }));
    expect(amounts(back)).toEqual(amounts(parsed));
  });
});
