// Findings that rest on a table read with low confidence become one reading note for that table.
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import type { Disclosure, TableReading } from '../../src/model/schema.js';
import { row, sampleCopy, setCell, table } from './helpers.js';

const LOW: TableReading = {
  method: 'projection',
  confidence: 'low',
  placed: 40,
  printed: 52,
  identities: { checked: 6, held: 2 },
  reasons: ['12个金额未能归入栏目'],
};

/** The sample with one wrong cell in the expenditure table (an error of table.row-sum and of two cross rules). */
async function withWrongCell(): Promise<Disclosure> {
  const doc = await sampleCopy();
  setCell(row(table(doc, 'expenditure'), '2010301'), 'total', '1361.68');
  return doc;
}

describe('findings on a low-confidence table', () => {
  it('are errors when the table was read with confidence', async () => {
    const doc = await withWrongCell();
    table(doc, 'expenditure').reading = { ...LOW, confidence: 'high', reasons: [] };
    const errors = auditDisclosure(doc).findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.table === 'expenditure').length).toBeGreaterThan(0);
    expect(auditDisclosure(doc).findings.some((f) => f.rule === 'table.reading')).toBe(false);
  });

  it('become one reading note (info) that gives the reasons and what was held back', async () => {
    const doc = await withWrongCell();
    table(doc, 'expenditure').reading = LOW;
    const { findings, summary } = auditDisclosure(doc);
    expect(findings.filter((f) => f.table === 'expenditure' && f.severity !== 'info')).toEqual([]);
    // The disagreements with other tables rest on the misread table too.
    expect(summary.error).toBe(0);
    const notes = findings.filter((f) => f.rule === 'table.reading');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', table: 'expenditure' });
    expect(notes[0].message).toMatch(
      /识别置信度低（12个金额未能归入栏目），依据该表的\d+项错误(、\d+项警告)?未作为问题报告/,
    );
    expect(summary.info).toBe(findings.filter((f) => f.severity === 'info').length);
  });

  it('hold back the empty-table note of a table that may have been misread as empty', async () => {
    const doc = await sampleCopy();
    const fund = table(doc, 'gov_fund_revenue');
    fund.notes = [];
    doc.sections.forEach((s) =>
      s.paragraphs.forEach((p) => (p.text = p.text.replace('无政府性基金收支预算', ''))),
    );
    expect(auditDisclosure(doc).findings.some((f) => f.rule === 'completeness.empty-note')).toBe(true);
    fund.reading = LOW;
    const { findings } = auditDisclosure(doc);
    expect(findings.some((f) => f.rule === 'completeness.empty-note')).toBe(false);
    expect(findings.filter((f) => f.rule === 'table.reading' && f.table === 'gov_fund_revenue')).toHaveLength(
      1,
    );
  });

  it('leave a low-confidence table with no findings as a plain note', async () => {
    const doc = await sampleCopy();
    table(doc, 'three_public').reading = LOW;
    const notes = auditDisclosure(doc).findings.filter((f) => f.rule === 'table.reading');
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('该表的数据未作为审核依据');
  });
});
