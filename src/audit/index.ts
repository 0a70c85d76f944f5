// The auditor's public API: audit a disclosure with every rule of the catalogue, list the rules.
import type { Disclosure } from '../model/schema.js';
import { runRules, type AuditResult } from './engine.js';
import { RULES } from './rules/index.js';
import { noteLowConfidence, READING_RULE } from './reading.js';
import { isPartial } from './tables.js';
import type { AuditOptions, RuleMeta, Severity } from './types.js';

export type { Finding, RuleMeta, Severity, Rule, RuleContext, AuditOptions } from './types.js';
export type { AuditResult } from './engine.js';

/** Checks one disclosure against the whole catalogue. `prior` is the same unit's previous-year document. */
export function auditDisclosure(doc: Disclosure, options: AuditOptions = {}): AuditResult {
  const result = noteLowConfidence(doc, runRules(RULES, doc, options));
  return isPartial(doc) ? softenTruncated(doc, result) : result;
}

/**
 * In a document read only in part, the last table read may be cut off: its sums cannot prove an error. Its
 * arithmetic errors become warnings that say so.
 */
function softenTruncated(doc: Disclosure, result: AuditResult): AuditResult {
  const last = doc.tables[doc.tables.length - 1];
  if (!last) return result;
  const summary = { ...result.summary };
  const findings = result.findings.map((f) => {
    if (f.severity !== 'error' || f.table !== last.kind || !/^(table|cross)\./.test(f.rule)) return f;
    summary.error--;
    summary.warning++;
    return { ...f, severity: 'warning' as const, message: `${f.message}（文件不完整，该表可能未读全）` };
  });
  return { findings, summary };
}

/** What each severity promises, stated once (`yusuan audit --rules`, README). */
export const SEVERITY_POLICY: Record<Severity, string> = {
  error: '错误：文件确有错误，差异超出四舍五入范围；只依据识别可靠的表格和对应无歧义的说明得出',
  warning: '警告：很可能有误，或违反了编报、排版规则，需人工确认',
  info: '提示：无法核对（表格识别不可靠、说明对应不到报表），或差异在四舍五入范围内',
};

/** Metadata of every rule, in catalogue order. */
export function listRules(): RuleMeta[] {
  return [...RULES.map((r) => r.meta), READING_RULE];
}
