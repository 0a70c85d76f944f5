import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { syntheticInput } from '../../src/generate/synthetic.js';
import { Decimal } from '../../src/model/money.js';
import type { Disclosure, Table } from '../../src/model/schema.js';
import { sharedRoot } from '../../src/paths.js';
import { renderText } from '../../src/render/txt.js';

const input = JSON.parse(
  readFileSync(new URL('./fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
);
const sampleText = readFileSync(
  join(sharedRoot, 'samples', 'xinzhou-govoffice-2023-unit-budget.txt'),
  'utf8',
);

const tableOf = (doc: Disclosure, kind: string) => doc.tables.find((t) => t.kind === kind)!;
const rowOf = (t: Table, key: string) => t.rows.find((r) => r.code === key || r.name === key)!;
const v = (t: Table, key: string, col: string) => rowOf(t, key).cells[col]?.value ?? null;

/** The lines of one table in a text, from its title to the next blank-line-separated title. */
function tableBody(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^\d{4}年.*表/.test(l) || /^(预算|部门)公开表/.test(l) || l.startsWith('第三部分')) break;
    if (l.trim() && !l.startsWith('单位')) out.push(l);
  }
  return out;
}

describe('derivation from the sample leaf data', () => {
  const { disclosure: doc, findings, ok } = generate(input);

  it('accepts consistent input without any finding', () => {
    expect(findings).toEqual([]);
    expect(ok).toBe(true);
  });

  it('derives the 类/款 rows and the totals of the expenditure table exactly as published', () => {
    const t = tableOf(doc, 'expenditure');
    expect([v(t, '2010301', 'total'), v(t, '2010301', 'basic'), v(t, '2010301', 'project')]).toEqual([
      '1361.58',
      '1357.12',
      '4.46',
    ]);
    expect([v(t, '20103', 'total'), v(t, '20103', 'basic'), v(t, '20103', 'project')]).toEqual([
      '2561.73',
      '1612.37',
      '949.36',
    ]);
    expect([v(t, '合计', 'total'), v(t, '合计', 'basic'), v(t, '合计', 'project')]).toEqual([
      '2979.49',
      '2011.93',
      '967.56',
    ]);
    expect(rowOf(t, '20103')).toMatchObject({
      level: 2,
      parent: '201',
      name: '政府办公厅（室）及相关机构事务',
    });
  });

  it('prints the function tables line for line as the published document does', () => {
    const out = renderText(doc);
    for (const title of [
      '2023年预算支出总表',
      '2023年一般公共预算支出预算表（不含上年结转）',
      '2023年一般公共预算安排基本支出分经济科目表（不含上年结转）',
      '2023年机关运行经费预算财政拨款情况统计表',
    ]) {
      const published = tableBody(sampleText, title);
      const generated = tableBody(out, title);
      expect(generated).toEqual(published);
    }
  });

  it('derives the summary tables from the leaves', () => {
    const s = tableOf(doc, 'summary');
    const inc = s.rows.find((r) => r.side === 'income' && r.role === 'grand_total')!;
    const exp = s.rows.find((r) => r.side === 'expenditure' && r.name === '卫生健康支出')!;
    expect(inc.cells.amount.value).toBe('2979.49');
    expect(exp.cells).toMatchObject({
      total: { value: '74.90', printed: '74.90' },
      carryover: { value: null },
    });
    const f = tableOf(doc, 'fiscal_summary');
    expect(f.rows.filter((r) => r.side === 'expenditure' && r.role === 'item')).toHaveLength(30);
    expect(f.rows.find((r) => r.name === '住房保障支出')!.cells.general_public.value).toBe('153.45');
  });

  it('marks tables without data as empty with the family note', () => {
    const empty = doc.tables.filter((t) => t.empty).map((t) => t.kind);
    expect(empty).toEqual([
      'gov_fund_revenue',
      'gov_fund_expenditure',
      'state_capital',
      'three_public',
      'projects_carryover',
    ]);
    expect(tableOf(doc, 'three_public').notes).toEqual(['注：本表无数据']);
  });

  it('refuses input whose projects do not add up to 项目支出', () => {
    const bad = structuredClone(input);
    bad.projects[0].amounts.general_public = '11.00';
    const r = generate(bad);
    expect(r.ok).toBe(false);
    expect(r.findings.find((f) => f.rule === 'input.projects')).toMatchObject({
      severity: 'error',
      table: 'projects',
      expected: '967.56',
      actual: '968.56',
    });
  });

  it('refuses a performance form whose annual funding differs from its project', () => {
    const bad = structuredClone(input);
    bad.performanceForms = [
      {
        project: '法律顾问费',
        funding: { period: { total: '700000' }, year: { total: '110000' } },
        goals: {},
        indicators: { period: [], year: [] },
        contacts: {},
      },
    ];
    const r = generate(bad);
    expect(r.findings.find((f) => f.rule === 'input.form-funding')).toMatchObject({
      severity: 'error',
      row_name: '法律顾问费',
    });
    expect(r.findings.filter((f) => f.rule === 'input.form-missing')).toHaveLength(10);
  });

  it('refuses a 款 without a name', () => {
    const bad = structuredClone(input);
    bad.functions.push({ code: '2990101', name: '某项', basic: { general_public: '1' } });
    bad.economic[0].amount = new Decimal(bad.economic[0].amount).plus(1).toFixed(2);
    const r = generate(bad, { audit: false });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'input.function-name',
      'input.function-name',
    ]);
  });
});

describe('synthetic disclosures', () => {
  it('pass the input checks for many seeds and balance their summary table', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { disclosure: doc, ok, findings } = generate(syntheticInput({ seed }), { audit: false });
      expect(ok, `seed ${seed}: ${JSON.stringify(findings)}`).toBe(true);
      const s = tableOf(doc, 'summary');
      const grand = s.rows.filter((r) => r.role === 'grand_total');
      expect(grand[0].cells.amount.value).toBe(grand[1].cells.total.value);
      const e = tableOf(doc, 'expenditure');
      const classes = e.rows.filter((r) => r.code?.length === 3);
      const sum = classes.reduce((a, r) => a.plus(r.cells.total.value ?? 0), new Decimal(0));
      expect(sum.toFixed(2)).toBe(v(e, '合计', 'total'));
    }
  });
  it('are reproducible from the seed and scale to 200 项', () => {
    expect(syntheticInput({ seed: 42 })).toEqual(syntheticInput({ seed: 42 }));
    const big = generate(syntheticInput({ seed: 5, functions: 200, projects: 40 }), { audit: false });
    expect(big.ok).toBe(true);
    expect(
      tableOf(big.disclosure, 'expenditure').rows.filter((r) => r.code?.length === 7).length,
    ).toBeGreaterThan(150);
  });
});

describe('Shanghai family from the same leaves', () => {
  const { disclosure: doc, ok } = generate(syntheticInput({ seed: 9, family: 'shanghai', govFund: true }), {
    audit: false,
  });

  it('uses the Shanghai titles and leaves out the 政府性基金收入 table', () => {
    expect(ok).toBe(true);
    expect(doc.tables.slice(0, 9).map((t) => `${t.number} ${t.title}`)).toEqual([
      `1. ${doc.metadata.year}年预算单位财务收支预算总表`,
      `2. ${doc.metadata.year}年预算单位收入预算总表`,
      `3. ${doc.metadata.year}年预算单位支出预算总表`,
      `4. ${doc.metadata.year}年预算单位财政拨款收支预算总表`,
      `5. ${doc.metadata.year}年预算单位一般公共预算支出功能分类预算表`,
      `6. ${doc.metadata.year}年预算单位政府性基金预算支出功能分类预算表`,
      `7. ${doc.metadata.year}年预算单位国有资本经营预算支出功能分类预算表`,
      `8. ${doc.metadata.year}年预算单位一般公共预算基本支出部门预算经济分类预算表`,
      `9. ${doc.metadata.year}年单位“三公”经费和机关运行经费预算表`,
    ]);
    expect(doc.tables.some((t) => t.kind === 'gov_fund_revenue')).toBe(false);
  });

  it('splits summary expenditure by 基本/项目 and adds 财政拨款 to the revenue table', () => {
    const s = tableOf(doc, 'summary');
    expect(s.columns.filter((c) => c.side === 'expenditure').map((c) => c.id)).toEqual([
      'total',
      'basic',
      'project',
    ]);
    const e = tableOf(doc, 'expenditure');
    const exp = s.rows.find((r) => r.side === 'expenditure' && r.role === 'year_total')!;
    expect([exp.cells.basic.value, exp.cells.project.value]).toEqual([
      v(e, '合计', 'basic'),
      v(e, '合计', 'project'),
    ]);
    const r = tableOf(doc, 'revenue');
    for (const row of r.rows) {
      const fiscal = ['general_public', 'gov_fund', 'state_capital'].reduce(
        (a, k) => a.plus(row.cells[k]?.value ?? 0),
        new Decimal(0),
      );
      expect(new Decimal(row.cells.fiscal.value ?? 0).toFixed(2)).toBe(fiscal.toFixed(2));
    }
    expect(r.columns.map((c) => c.id).slice(0, 3)).toEqual(['total', 'fiscal', 'general_public']);
  });
});
