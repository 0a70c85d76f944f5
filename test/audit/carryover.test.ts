// 上年结转 and the identities (lead's decision, docs/notes/issue-3-audit.md): valid and invalid cases on a generated
// document with carryover money, and the two false alarms of issues 3 and 5 (公务用车运行维护费, one-column tables).
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/audit/engine.js';
import { computeFacts } from '../../src/audit/facts.js';
import type { Finding, Rule } from '../../src/audit/index.js';
import { CROSS_RULES } from '../../src/audit/rules/cross.js';
import { NARRATIVE_RULES } from '../../src/audit/rules/narrative.js';
import { generate } from '../../src/generate/index.js';
import { syntheticInput } from '../../src/generate/synthetic.js';
import type { Disclosure, Row, Table } from '../../src/model/schema.js';
import { editProse, row, sampleCopy, setCell, table } from './helpers.js';

const rule = (rules: Rule[], id: string) => rules.find((r) => r.meta.id === id)!;
const fiscalSummary = rule(CROSS_RULES, 'cross.fiscal-summary');
const projectsTotal = rule(CROSS_RULES, 'cross.projects-total');
const functionRows = rule(CROSS_RULES, 'cross.function-rows');
const summaryExpenditure = rule(CROSS_RULES, 'cross.summary-expenditure');
const narrativeAmount = rule(NARRATIVE_RULES, 'narrative.amount');

const notInfo = (rules: Rule[], doc: Disclosure): Finding[] =>
  runRules(rules, doc, {}).findings.filter((f) => f.severity !== 'info');

/** A generated document with 上年结转 projects (一般公共预算 money only). */
function withCarryover(): Disclosure {
  return structuredClone(
    generate(syntheticInput({ seed: 4, carryoverProjects: 2 }), { audit: false }).disclosure,
  );
}

const value = (r: Row, column: string) => Number(r.cells[column]?.value ?? 0);
const fixed = (n: number) => n.toFixed(2);

/** The fiscal summary's expenditure classes with money, and the general-budget table's classes by name. */
function classes(doc: Disclosure): { fiscal: Table; general: Table; withMoney: Row[] } {
  const fiscal = table(doc, 'fiscal_summary');
  const general = table(doc, 'general_expenditure');
  const withMoney = fiscal.rows.filter(
    (r) => r.side === 'expenditure' && r.role === 'item' && value(r, 'general_public'),
  );
  return { fiscal, general, withMoney };
}

describe('上年结转: a generated document with carryover', () => {
  it('has carryover money and passes every cross-table and narrative rule', () => {
    const doc = withCarryover();
    expect(value(row(table(doc, 'summary'), '上年结转'), 'amount')).toBe(260.95);
    // cross.economic-function (pension items vs 2080505, a warning on practice) is left out: synthetic economic
    // lines are not tied to those codes.
    const rules = [...CROSS_RULES, ...NARRATIVE_RULES].filter((r) => r.meta.id !== 'cross.economic-function');
    expect(notInfo(rules, doc)).toEqual([]);
  });

  it('expenditure table 合计 = summary 本年支出合计 (current + carryover)', () => {
    const doc = withCarryover();
    const year = row(table(doc, 'summary'), '本年支出合计');
    expect(value(year, 'carryover')).toBe(260.95);
    // The old derivation: the expenditure table without 上年结转安排.
    const current = fixed(value(year, 'total') - 260.95);
    setCell(row(table(doc, 'expenditure'), '合计'), 'total', current);
    const found = notInfo([summaryExpenditure], doc);
    expect(found.map((f) => [f.severity, f.table, f.actual, f.expected, f.also?.table])).toEqual([
      ['error', 'summary', fixed(value(year, 'total')), current, 'expenditure'],
    ]);
  });

  it('支出总表 项目支出 = 本年 + 上年结转 project tables', () => {
    const doc = withCarryover();
    const carry = table(doc, 'projects_carryover');
    // No 合计 row: the projects are summed.
    const project = carry.rows.find((r) => value(r, 'total'))!;
    setCell(project, 'total', fixed(value(project, 'total') + 1));
    const found = notInfo([projectsTotal], doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', table: 'expenditure', column: 'project' });
    expect(Number(found[0].expected) - Number(found[0].actual)).toBeCloseTo(1, 6);
  });

  it('expenditure table rows = revenue 本年收入 + 上年结转 columns', () => {
    const doc = withCarryover();
    const revenue = table(doc, 'revenue');
    const r = revenue.rows.find((x) => x.code?.length === 7 && value(x, 'carryover'))!;
    setCell(r, 'carryover', fixed(value(r, 'carryover') + 5));
    const found = notInfo([functionRows], doc);
    expect(found.map((f) => [f.severity, f.table, f.row_code])).toEqual([['error', 'expenditure', r.code]]);
  });

  it('fiscal classes exceed the general-budget table by exactly the 一般公共预算 carryover', () => {
    const doc = withCarryover();
    const { fiscal, withMoney } = classes(doc);
    const r = withMoney[0];
    setCell(r, 'general_public', fixed(value(r, 'general_public') + 10));
    const found = notInfo([fiscalSummary], doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      table: 'fiscal_summary',
      column: 'amount',
      actual: '260.95',
    });
    expect(found[0].expected).toBe('270.95');
    expect(fiscal.rows.some((x) => x.parent === '上年财政拨款结转' && x.name === '一般公共预算')).toBe(true);
  });

  it('a class below its 不含上年结转 amount is a warning when the total still agrees', () => {
    const doc = withCarryover();
    const { general, withMoney } = classes(doc);
    const generalOf = (name: string) =>
      value(
        general.rows.find((x) => x.name === name && x.level === 1)!,
        'total',
      );
    // The carryover class gives up more than its carryover to another class: Σ unchanged.
    const carried = withMoney.find((r) => value(r, 'general_public') > generalOf(r.name))!;
    const other = withMoney.find((r) => r !== carried)!;
    const shift = value(carried, 'general_public') - generalOf(carried.name) + 1;
    setCell(carried, 'general_public', fixed(value(carried, 'general_public') - shift));
    setCell(other, 'general_public', fixed(value(other, 'general_public') + shift));
    const found = notInfo([fiscalSummary], doc);
    expect(found.map((f) => [f.severity, f.row_name])).toEqual([['warning', carried.name]]);
  });

  it('"收入为一般公共预算拨款X": X may be the whole (当年 + 结转) or this year only, nothing else', () => {
    const doc = withCarryover();
    const paragraph = (d: Disclosure) => d.sections.find((s) => s.kind === 'fiscal')!.paragraphs[0].text;
    expect(paragraph(doc)).toContain('收入为一般公共预算拨款4,750.01万元');
    editProse(doc, '收入为一般公共预算拨款4,750.01万元', '收入为一般公共预算拨款4,489.06万元');
    expect(notInfo([narrativeAmount], doc)).toEqual([]);
    editProse(doc, '收入为一般公共预算拨款4,489.06万元', '收入为一般公共预算拨款4,600.00万元');
    expect(notInfo([narrativeAmount], doc).map((f) => [f.severity, f.table, f.expected])).toEqual([
      ['error', 'fiscal_summary', '4489.06'],
    ]);
  });
});

describe('上年结转 zero: the fiscal classes equal the general-budget table', () => {
  it('reports a class that differs (the sample)', async () => {
    const doc = await sampleCopy();
    setCell(row(table(doc, 'fiscal_summary'), '卫生健康支出'), 'general_public', '75.90');
    expect(
      notInfo([fiscalSummary], doc).map((f) => [f.severity, f.table, f.actual, f.expected, f.also?.table]),
    ).toEqual([['error', 'fiscal_summary', '75.90', '74.90', 'general_expenditure']]);
  });
});

describe('公务用车运行维护费 is not 公务用车购置及运行费', () => {
  it('binds the fact to the 运行维护费 row', () => {
    let checked = 0;
    for (let seed = 1; seed <= 20 && checked < 3; seed++) {
      const doc = generate(syntheticInput({ seed }), { audit: false }).disclosure;
      const three = doc.tables.find((t) => t.kind === 'three_public');
      if (!three || three.empty) continue;
      const fact = computeFacts(doc).get('three_public.vehicle_operation');
      expect(fact?.row?.name, `seed ${seed}`).toMatch(/运行维护费$/);
      expect(fact?.row?.name).not.toMatch(/购置及运行/);
      checked++;
    }
    expect(checked).toBe(3);
  });
});

describe('one-column tables (Jiangsu: 金额 read as `amount`)', () => {
  /** The sample's project table and 机关运行经费 table printed with one 金额 column. */
  async function oneColumn(): Promise<Disclosure> {
    const doc = await sampleCopy();
    for (const kind of ['projects', 'operating_costs']) {
      const t = table(doc, kind);
      t.columns = [{ ...t.columns.find((c) => c.id === 'total')!, id: 'amount', label: '金额' }];
      for (const r of t.rows) r.cells = r.cells.total ? { amount: r.cells.total } : {};
    }
    const s = doc.sections.find((x) =>
      x.paragraphs.some((p) => p.text.includes('机关运行经费预算拨款331.73万元')),
    )!;
    s.paragraphs.push({ text: '其中法律顾问费10.00万元。' });
    return doc;
  }

  it('compares claims with the 金额 column', async () => {
    const doc = await oneColumn();
    expect(notInfo([narrativeAmount], doc)).toEqual([]);
    const facts = computeFacts(doc);
    expect(facts.get('operating_costs.total')?.amount?.toString()).toBe('331.73');
    expect(facts.projects.find((p) => p.name === '法律顾问费')?.amount?.toString()).toBe('10.00');
  });

  it('reports a claim that differs from it, with the printed amount', async () => {
    const doc = await oneColumn();
    editProse(doc, '其中法律顾问费10.00万元', '其中法律顾问费11.00万元');
    editProse(doc, '机关运行经费预算拨款331.73万元', '机关运行经费预算拨款341.73万元');
    const found = notInfo([narrativeAmount], doc);
    expect(found.map((f) => [f.severity, f.table, f.expected, f.actual]).sort()).toEqual([
      ['error', 'operating_costs', '331.73', '341.73'],
      ['error', 'projects', '10.00', '11.00'],
    ]);
  });
});
