import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/index.js';
import { generate } from '../../src/generate/index.js';
import type { GenerateInputRaw } from '../../src/generate/input-schema.js';
import { plantErrors, syntheticInput } from '../../src/generate/synthetic.js';
import { auditDisclosure } from '../../src/audit/index.js';
import { Decimal } from '../../src/model/money.js';

const input = JSON.parse(
  readFileSync(new URL('./fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
);

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

describe('audit of generated documents', () => {
  it('finds no error and no warning in the document generated from the sample data', () => {
    const r = generate(input);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('accepts leaves typed to 0.01 whose sums differ by rounding, with warnings, and still refuses a real gap', () => {
    // The preparer types what the printed tables show: the sample's exact economic lines rounded to 0.01 add to
    // 2,011.95 where the function table's 基本支出 is 2,011.93, as the published economic table's items do.
    const typed: GenerateInputRaw = structuredClone(input);
    for (const e of typed.economic ?? []) e.amount = new Decimal(e.amount).toFixed(2, Decimal.ROUND_HALF_UP);
    const r = generate(typed);
    expect(r.ok).toBe(true);
    const rounding = r.findings.filter((f) =>
      f.message.endsWith('（差额不超过明细金额的舍入误差，按舍入处理）'),
    );
    expect(rounding.map((f) => `${f.severity} ${f.rule} ${f.expected} ${f.actual}`).sort()).toEqual([
      'warning cross.general-basic 2011.93 2011.95',
      'warning cross.operating-costs 331.75 331.73',
      'warning narrative.amount 2011.93 2011.95',
    ]);
    const off = structuredClone(typed);
    off.economic![0].amount = new Decimal(off.economic![0].amount).plus('0.50').toFixed(2);
    const refused = generate(off);
    expect(refused.ok).toBe(false);
    expect(errors(refused.findings).map((f) => f.rule)).toContain('input.economic');
  });

  it('finds no error in sixty synthetic documents, half of them with 上年结转', () => {
    let withCarry = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const input = syntheticInput({
        seed,
        govFund: seed % 3 === 0,
        carryoverProjects: seed % 2 ? 0 : 1 + (seed % 3),
      });
      if (input.projects?.some((p) => p.carryover)) withCarry++;
      const { disclosure } = generate(input, { audit: false });
      expect(errors(auditDisclosure(disclosure).findings), `seed ${seed}`).toEqual([]);
    }
    expect(withCarry).toBe(30);
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

  it('accepts 上年结转 money: the expenditure table covers it, the 不含上年结转 tables do not', () => {
    const r = generate(syntheticInput({ seed: 4, carryoverProjects: 2 }));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    const table = (kind: string) => r.disclosure.tables.find((t) => t.kind === kind)!;
    const total = (kind: string, row: string, column: string) =>
      table(kind).rows.find((x) => x.name === row)!.cells[column]?.value;
    const carry = total('summary', '上年结转', 'amount');
    expect(Number(carry)).toBeGreaterThan(0);
    expect(total('expenditure', '合计', 'total')).toBe(total('summary', '本年支出合计', 'total'));
    expect(total('revenue', '合计', 'carryover')).toBe(carry);
    expect(total('revenue', '合计', 'total')).toBe(total('summary', '本年收入合计', 'amount'));
  });

  it('finds planted errors in a document with 上年结转', () => {
    const { disclosure } = generate(syntheticInput({ seed: 4, carryoverProjects: 2 }), { audit: false });
    for (let seed = 1; seed <= 20; seed++) {
      const { document, truth } = plantErrors(disclosure, seed, 1);
      const found = errors(auditDisclosure(document).findings);
      expect(found.length, JSON.stringify(truth)).toBeGreaterThan(0);
      if (truth[0].kind === 'table_cell') expect(found.some((f) => f.table === truth[0].table)).toBe(true);
    }
  });
});
