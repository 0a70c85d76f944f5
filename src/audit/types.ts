// The shapes every audit rule shares: a finding (data first, text second), a rule's metadata and its context.
import type { Disclosure, Table, Section } from '../model/schema.js';
import type { Claim } from '../narrative/claims.js';
import type { Facts } from './facts.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One finding, positioned as precisely as the model allows (INTERFACES.md `audit --format json`). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  table: string | null;
  row_code?: string;
  row_name?: string;
  column?: string;
  expected?: string;
  actual?: string;
  page?: number;
  line?: number;
  section?: string;
  excerpt?: string;
  /** The second place of a disagreement between two printed cells (the finding itself is at the first). */
  also?: { table: string; row_name?: string; column?: string; page?: number };
}

export type RuleCategory =
  | 'table' // arithmetic within one table
  | 'cross' // identities across tables
  | 'narrative' // claims of the explanation vs the tables
  | 'performance' // 绩效目标申报表
  | 'completeness'
  | 'codes' // classification codes and names
  | 'text' // wording and text quality
  | 'prior'; // year over year

export interface RuleMeta {
  /** Stable id: `table.row-sum`, `cross.summary-revenue` … */
  id: string;
  category: RuleCategory;
  /** Severity of a proven violation; rounding differences are always reported as info. */
  severity: Severity;
  /** Chinese title. */
  title: string;
  /** Where the rule comes from: arithmetic, 财预〔2016〕143号, practice … (Chinese). */
  basis: string;
}

/** What a rule reports; the engine adds the rule id and the default severity. */
export type FindingInput = Omit<Finding, 'rule' | 'severity' | 'table'> & {
  severity?: Severity;
  table?: string | null;
};

export interface AuditOptions {
  /** The same unit's document of the previous year. */
  prior?: Disclosure;
}

export interface RuleContext {
  doc: Disclosure;
  prior?: Disclosure;
  /** Tables of a kind, in document order (empty list when absent). */
  tables(kind: string): Table[];
  /** The first table of a kind. */
  table(kind: string): Table | undefined;
  /** Narrative claims of every section (computed once). */
  claims(): Claim[];
  /** Named facts of the tables (computed once). */
  facts(): Facts;
  /** Facts of the prior document, when given. */
  priorFacts(): Facts | undefined;
  report(finding: FindingInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Section };
