// Findings that rest on a table read with low confidence are not findings about the document: the reading may be
// wrong. Each such table gets one reading note (info) that says why and what could not be checked.
import type { Disclosure, Table } from '../model/schema.js';
import type { AuditResult } from './engine.js';
import { tableLabel } from './tables.js';
import type { Finding, RuleMeta, Severity } from './types.js';

export const READING_RULE: RuleMeta = {
  id: 'table.reading',
  category: 'table',
  severity: 'info',
  title: '识别置信度低的表：其上的审核发现合并为一条提示',
  basis: '错误必须确定：表格读取不可靠时，基于该表的算术、对应关系和说明核对都不能证明文件有错',
};

/** The low-confidence table a finding rests on, if any. */
function restsOn(finding: Finding, low: readonly Table[], all: readonly Table[]): Table | undefined {
  const places = [{ kind: finding.table, page: finding.page }];
  // A disagreement between two cells rests on both tables.
  if (finding.also) places.push({ kind: finding.also.table, page: finding.also.page });
  for (const place of places) {
    const candidates = low.filter((t) => t.kind === place.kind);
    if (!candidates.length) continue;
    if (all.filter((t) => t.kind === place.kind).length === 1) return candidates[0];
    // Several tables of one kind: the page tells which.
    const found = candidates.find((t) => t.source?.page !== undefined && t.source.page === place.page);
    if (found) return found;
  }
  return undefined;
}

/** Replaces the errors and warnings placed on low-confidence tables by one reading note per table. */
export function noteLowConfidence(doc: Disclosure, result: AuditResult): AuditResult {
  const low = doc.tables.filter((t) => t.reading?.confidence === 'low');
  if (!low.length) return result;
  const held = new Map<Table, Finding[]>();
  const kept: Finding[] = [];
  for (const f of result.findings) {
    // What the importer says about the file is not a finding on the table's data; an empty-table note is.
    const table =
      f.severity === 'info' || f.rule === 'completeness.import' ? undefined : restsOn(f, low, doc.tables);
    if (!table) {
      kept.push(f);
      continue;
    }
    held.set(table, [...(held.get(table) ?? []), f]);
  }
  for (const table of low) {
    const findings = held.get(table) ?? [];
    const reasons = table.reading!.reasons.length
      ? table.reading!.reasons.join('；')
      : '读取结果未通过表内核对';
    const counts = countBySeverity(findings);
    const what = findings.length
      ? `，依据该表的${counts}未作为问题报告，请对照原表人工核对`
      : '，该表的数据未作为审核依据';
    const note: Finding = {
      rule: READING_RULE.id,
      severity: 'info',
      table: table.kind,
      message: `${tableLabel(table)}识别置信度低（${reasons}）${what}`,
    };
    if (table.source?.page !== undefined) note.page = table.source.page;
    if (findings.length) note.excerpt = findings.map((f) => f.message).join('\n');
    kept.push(note);
  }
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of kept) summary[f.severity]++;
  return { findings: kept, summary };
}

function countBySeverity(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return [errors ? `${errors}项错误` : '', warnings ? `${warnings}项警告` : ''].filter(Boolean).join('、');
}
