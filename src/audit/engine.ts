// The rule engine: runs every rule it is given over one disclosure and collects findings. It knows no rule.
import type { Disclosure } from '../model/schema.js';
import { extractClaims, type Claim } from '../narrative/claims.js';
import { computeFacts, type Facts } from './facts.js';
import type { AuditOptions, Finding, FindingInput, Rule, RuleContext, Severity } from './types.js';

export interface AuditResult {
  findings: Finding[];
  summary: Record<Severity, number>;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runRules(rules: readonly Rule[], doc: Disclosure, options: AuditOptions = {}): AuditResult {
  let claims: Claim[] | undefined;
  let facts: Facts | undefined;
  let priorFacts: Facts | undefined;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const ctx: RuleContext = {
      doc,
      prior: options.prior,
      tables: (kind) => doc.tables.filter((t) => t.kind === kind),
      table: (kind) => doc.tables.find((t) => t.kind === kind),
      claims: () => (claims ??= extractClaims(doc)),
      facts: () => (facts ??= computeFacts(doc)),
      priorFacts: () => (options.prior ? (priorFacts ??= computeFacts(options.prior)) : undefined),
      report: (input: FindingInput) => {
        const finding = toFinding(rule, input);
        // The same rule may reach one cell along two paths; report it once.
        const key = JSON.stringify(finding);
        if (seen.has(key)) return;
        seen.add(key);
        findings.push(finding);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push({
        rule: rule.meta.id,
        severity: 'warning',
        table: null,
        message: `规则“${rule.meta.title}”执行失败，未能完成该项审核（${e instanceof Error ? e.message : String(e)}）`,
      });
    }
  }
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return { findings, summary };
}

function toFinding(rule: Rule, input: FindingInput): Finding {
  const { severity, table, ...rest } = input;
  const finding: Finding = {
    rule: rule.meta.id,
    severity: severity ?? rule.meta.severity,
    message: rest.message,
    table: table ?? null,
  };
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined && k !== 'message') (finding as unknown as Record<string, unknown>)[k] = v;
  }
  return finding;
}
