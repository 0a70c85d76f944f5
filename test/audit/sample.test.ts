// The bundled sample (a real 2023 unit budget) audits with zero errors: its rounding differences are info and the
// genuine inconsistencies of its performance forms are warnings. Every finding is listed in docs/notes/issue-3-audit.md.
import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import { jsonReport } from '../../src/report/index.js';
import { parsedSample } from './helpers.js';

describe('audit of the bundled sample', () => {
  it('finds no error, and exactly the known warnings and infos', async () => {
    const doc = await parsedSample();
    const { findings, summary } = auditDisclosure(doc);
    expect(summary).toEqual({ error: 0, warning: 12, info: 15 });
    const short = findings.map((f) => [
      f.severity,
      f.rule,
      f.row_name ?? f.section ?? '',
      f.expected ?? '',
      f.actual ?? '',
    ]);
    expect(short).toEqual([
      ['warning', 'performance.form-per-project', '驻村帮扶干部补助经费', '', ''],
      ['warning', 'performance.indicator-tree', '领导调研经费', '', ''],
      ['warning', 'performance.duplicate-indicator', '领导调研经费', '', ''],
      ['warning', 'performance.duplicate-indicator', '领导调研经费', '', ''],
      ['warning', 'performance.cost-indicator', '法律顾问费', '', '≥95百分号'],
      ['warning', 'performance.cost-indicator', '法律顾问费', '', '≥95百分号'],
      ['warning', 'performance.cost-indicator', '领导调研经费', '≤54万元', '64万元'],
      ['warning', 'performance.cost-indicator', '领导调研经费', '54万元', '64万元'],
      ['warning', 'performance.cost-indicator', '忻州市老区建设促进会经费', '', '≥70%'],
      ['warning', 'performance.cost-indicator', '忻州市老区建设促进会经费', '', '≥70%'],
      ['warning', 'completeness.import', '', '', ''],
      ['warning', 'text.wording', '九、政府采购情况', '', '部门各单位'],
      ['info', 'table.row-sum', '合计', '2011.92', '2011.93'],
      ['info', 'table.economic-groups', '商品和服务支出', '296.75', '296.73'],
      ['info', 'table.economic-groups', '商品和服务支出', '296.75', '296.73'],
      ['info', 'table.economic-groups', '对个人和家庭的补助', '154.05', '154.04'],
      ['info', 'table.economic-groups', '对个人和家庭的补助', '154.05', '154.04'],
      ['info', 'table.economic-groups', '合计', '2011.92', '2011.93'],
      ['info', 'cross.economic-function', '机关事业单位基本养老保险缴费', '171.21', '171.20'],
      ['info', 'narrative.unbound', '九、政府采购情况', '', '529.5'],
      ['info', 'narrative.unbound', '九、政府采购情况', '', '30.8'],
      ['info', 'narrative.unbound', '九、政府采购情况', '', '10'],
      ['info', 'narrative.unbound', '九、政府采购情况', '', '488.7'],
      ['info', 'performance.annual-amount', '遗属生活补助', '4.4600', '4.4608'],
      ['info', 'performance.cost-indicator', '护林防火、生态环境媒体暗访专项经费', '178.2万元', '≤50万元'],
      ['info', 'performance.cost-indicator', '护林防火、生态环境媒体暗访专项经费', '178.2万元', '≤50万元'],
      ['info', 'completeness.import', '', '', ''],
    ]);
  });

  it('points each finding at its line of the source', async () => {
    const { findings } = auditDisclosure(await parsedSample());
    const line = (rule: string, name: string) =>
      findings.find((f) => f.rule === rule && (f.row_name ?? f.section) === name)?.line;
    expect(line('performance.form-per-project', '驻村帮扶干部补助经费')).toBe(405);
    expect(line('table.economic-groups', '商品和服务支出')).toBe(294);
    expect(line('text.wording', '九、政府采购情况')).toBe(473);
  });

  it('writes the JSON report in the shape INTERFACES.md fixes', async () => {
    const doc = await parsedSample();
    const result = auditDisclosure(doc);
    const json = JSON.parse(
      jsonReport([
        { file: 'sample.txt', document: doc, ...result },
        { file: 'bad.pdf', error: '文件为空' },
      ]),
    );
    expect(json.files[0].document).toEqual({
      unit: '忻州市人民政府办公室',
      year: 2023,
      kind: 'unit_budget',
      family: 'shanxi',
    });
    expect(json.files[0].summary).toEqual({ error: 0, warning: 12, info: 15 });
    expect(Object.keys(json.files[0].findings[0])).toEqual(
      expect.arrayContaining(['rule', 'severity', 'message', 'table']),
    );
    expect(json.files[1]).toEqual({ file: 'bad.pdf', error: '文件为空' });
  });
});

describe('audit of a document read only in part', () => {
  it('audits what was read and says what is missing, without proving errors from a cut-off table', async () => {
    const { parseText, sampleText } = await import('./mutation-lib.js');
    const half = sampleText().split('\n').slice(0, 300).join('\n');
    const doc = await parseText(half);
    const { findings, summary } = auditDisclosure(doc);
    expect(summary.error).toBe(0);
    // The importer's note on what the contents list but the body lacks is passed on as a warning.
    expect(findings.some((f) => f.rule === 'completeness.import' && f.severity === 'warning')).toBe(true);
    // The family's 13 tables (recognize/families/shanxi.ts) in its order; the cut-off text holds tables 1–6.
    expect(findings.filter((f) => f.rule === 'completeness.tables').map((f) => f.table)).toEqual([
      'gov_fund_revenue',
      'gov_fund_expenditure',
      'state_capital',
      'three_public',
      'operating_costs',
      'projects',
      'projects_carryover',
    ]);
    // The economic table is cut after line 300: its sums are warnings that say so.
    const cut = findings.filter((f) => f.rule === 'table.economic-groups' && f.severity === 'warning');
    expect(cut.length).toBe(5);
    expect(cut[0].message).toContain('文件不完整，该表可能未读全');
  });
});
