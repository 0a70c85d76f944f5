import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/index.js';
import { generate } from '../../src/generate/index.js';
import { plantErrors, syntheticInput } from '../../src/generate/synthetic.js';
import { auditDisclosure } from '../../src/audit/index.js';

const input = JSON.parse(
  readFileSync(new URL('./fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
);

/**
 * The auditor binds the fact "公务用车运行维护费" with /运行(维护)?费$/, which also matches the row
 * 公务用车购置及运行费 printed before it (src/audit/facts.ts); until that is fixed, this one false alarm is set aside
 * here and listed in docs/notes/issue-5-generate.md.
 */
const knownFalseAlarm = (f: Finding) =>
  f.rule === 'narrative.amount' && f.row_name === '公务用车购置及运行费' && /运行维护费/.test(f.message);

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error' && !knownFalseAlarm(f));

describe('audit of generated documents', () => {
  it('finds no error and no warning in the document generated from the sample data', () => {
    const r = generate(input);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('finds no error in sixty synthetic documents', () => {
    for (let seed = 1; seed <= 60; seed++) {
      // 上年结转 is left out: the auditor compares 财政拨款收支总表 classes with the 不含上年结转 tables.
      const { disclosure } = generate(
        syntheticInput({ seed, govFund: seed % 3 === 0, carryoverProjects: 0 }),
        {
          audit: false,
        },
      );
      expect(errors(auditDisclosure(disclosure).findings), `seed ${seed}`).toEqual([]);
    }
  });

  it('refuses input whose derived document the auditor rejects, and finds planted errors', () => {
    const { disclosure } = generate(syntheticInput({ seed: 11, carryoverProjects: 0 }), { audit: false });
    for (let seed = 1; seed <= 30; seed++) {
      const { document, truth } = plantErrors(disclosure, seed, 1);
      const found = errors(auditDisclosure(document).findings);
      expect(found.length, JSON.stringify(truth)).toBeGreaterThan(0);
      if (truth[0].kind === 'table_cell') {
        expect(found.some((f) => f.table === truth[0].table)).toBe(true);
        expect(truth[0].rules.every((rule) => found.some((f) => f.rule === rule))).toBe(true);
      } else
        expect(
          found.some((f) => truth[0].rules.includes(f.rule)),
          JSON.stringify(truth),
        ).toBe(true);
    }
  });

  it('accepts 上年结转 money: the auditor identities that ignore it become warnings', () => {
    const r = generate(syntheticInput({ seed: 4, carryoverProjects: 2 }));
    expect(r.ok).toBe(true);
    const carry = r.findings.filter((f) => f.message.endsWith('（含上年结转，口径待定）'));
    expect(carry.length).toBeGreaterThan(0);
    expect(carry.every((f) => f.severity === 'warning')).toBe(true);
  });
});
