// The auditor's public API: audit a disclosure with every rule of the catalogue, list the rules.
import type { Disclosure } from '../model/schema.js';
import { runRules, type AuditResult } from './engine.js';
import { RULES } from './rules/index.js';
import type { AuditOptions, RuleMeta } from './types.js';

export type { Finding, RuleMeta, Severity, Rule, RuleContext, AuditOptions } from './types.js';
export type { AuditResult } from './engine.js';

/** Checks one disclosure against the whole catalogue. `prior` is the same unit's previous-year document. */
export function auditDisclosure(doc: Disclosure, options: AuditOptions = {}): AuditResult {
  return runRules(RULES, doc, options);
}

/** Metadata of every rule, in catalogue order. */
export function listRules(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}
