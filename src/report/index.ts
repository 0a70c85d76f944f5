// Audit reports: one data shape (INTERFACES.md `audit --format json`), rendered as text, JSON, CSV or HTML.
import type { Finding, Severity } from '../audit/index.js';
import type { Disclosure } from '../model/schema.js';
import { buildChecklist, checklistJson, type ChecklistOptions } from './checklist.js';

export interface FileAudit {
  file: string;
  /** Absent when the file could not be read. */
  document?: Disclosure;
  findings?: Finding[];
  summary?: Record<Severity, number>;
  /** Why the file could not be read (Chinese). */
  error?: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const KIND_LABEL: Record<string, string> = {
  unit_budget: '单位预算',
  department_budget: '部门预算',
  unit_final: '单位决算',
  department_final: '部门决算',
};

/**
 * The JSON report as INTERFACES.md specifies it, extended with each file's reviewer's checklist (`checklist`: one
 * entry per item, 符合要求 as `conforms`, the problems in the reviewers' words).
 */
export function jsonReport(
  files: readonly FileAudit[],
  checklistOptions: (index: number) => ChecklistOptions = () => ({}),
): string {
  const out = files.map((f, i) => {
    if (f.error !== undefined || !f.document) return { file: f.file, error: f.error ?? '无法读取' };
    const m = f.document.metadata;
    return {
      file: f.file,
      document: { unit: m.unit, year: m.year, kind: m.kind, family: m.family },
      findings: f.findings ?? [],
      summary: f.summary ?? { error: 0, warning: 0, info: 0 },
      checklist: checklistJson(buildChecklist(f.file, f.document, f.findings ?? [], checklistOptions(i))),
    };
  });
  return JSON.stringify({ files: out }, null, 2) + '\n';
}

/** Where a finding belongs in a grouped report: its table or its section. */
export function groupOf(f: Finding, doc?: Disclosure): string {
  if (f.section && (!f.table || f.rule.startsWith('narrative.') || f.rule.startsWith('text.')))
    return `说明：${f.section}`;
  if (f.table) {
    const t = doc?.tables.find((x) => x.kind === f.table);
    if (f.table === 'performance_targets') return '绩效目标申报表';
    return `表：${t ? t.title : f.table}`;
  }
  if (f.section) return `说明：${f.section}`;
  return '全文';
}
