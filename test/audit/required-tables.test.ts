// The tables a document must publish come from the family modules (recognize/families/*), by family and kind of
// document: one list for the recogniser's notes, the auditor's completeness.tables rule and the checklist.
import { describe, expect, it } from 'vitest';
import { requiredTables } from '../../src/audit/rules/completeness.js';
import '../../src/recognize/families/index.js';
import { FINAL_TABLE_NAMES, familyRequiredTables } from '../../src/recognize/family.js';
import type { Disclosure, DocumentKind, Family } from '../../src/model/schema.js';
import { ruleFindings, sampleCopy } from './helpers.js';

const NATIONAL_FINAL = Object.keys(FINAL_TABLE_NAMES);

describe('familyRequiredTables', () => {
  it('gives a family its own list for the kind of document it is for', () => {
    // DOMAIN.md §1: the Shanxi sample's 13 tables, 政府性基金收入 and 项目支出（上年结转） included
    expect(familyRequiredTables('shanxi', 'unit_budget')).toEqual([
      'summary',
      'revenue',
      'expenditure',
      'fiscal_summary',
      'general_expenditure',
      'general_basic_economic',
      'gov_fund_revenue',
      'gov_fund_expenditure',
      'state_capital',
      'three_public',
      'operating_costs',
      'projects',
      'projects_carryover',
    ]);
    expect(familyRequiredTables('jiangsu', 'department_budget')).toContain('procurement');
    expect([...familyRequiredTables('shanghai_final', 'department_final')].sort()).toEqual(
      [...NATIONAL_FINAL].sort(),
    );
  });

  it('holds a document of the other kind to the national list of its kind', () => {
    // a Jiangsu 决算 read with the budget family's vocabulary: the nine tables of the national 决算 template
    expect(familyRequiredTables('jiangsu', 'department_final')).toEqual(NATIONAL_FINAL);
    expect(familyRequiredTables('shanghai_final', 'unit_budget')).toEqual([
      'summary',
      'revenue',
      'expenditure',
      'fiscal_summary',
      'general_expenditure',
      'general_basic_economic',
      'three_public',
    ]);
  });

  it('falls back to the national list for generic, and to none for a layout it does not know', () => {
    expect(familyRequiredTables('generic', 'unit_budget')).toHaveLength(7);
    expect(familyRequiredTables('generic', 'unit_final')).toEqual(NATIONAL_FINAL);
    expect(familyRequiredTables('unknown', 'department_budget')).toEqual([]);
    expect(familyRequiredTables('chongqing', 'department_budget')).toEqual([]);
  });
});

describe('completeness.tables asks the family registry', () => {
  const missing = async (family: Family, kind: DocumentKind) => {
    const doc: Disclosure = await sampleCopy();
    doc.metadata.family = family;
    doc.metadata.kind = kind;
    return ruleFindings(requiredTables, doc).map((f) => [f.table, f.severity]);
  };

  it('reports the tables of the family that the document lacks', async () => {
    expect(await missing('shanxi', 'unit_budget')).toEqual([]);
    // the sample has none of the three tables only Jiangsu prints
    expect(await missing('jiangsu', 'department_budget')).toEqual([
      ['fiscal_expenditure', 'error'],
      ['fiscal_basic', 'error'],
      ['procurement', 'error'],
    ]);
  });

  it('does not ask a 决算 for a budget family’s own tables', async () => {
    expect(await missing('jiangsu', 'department_final')).toEqual([]);
  });
});
