// Shared fixtures for the auditor's tests: the parsed sample (once) and a RuleTester in the style of ESLint's.
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { runRules } from '../../src/audit/engine.js';
import type { Finding, Rule } from '../../src/audit/index.js';
import type { Disclosure, Row, Table } from '../../src/model/schema.js';
import { bundledSamplePath } from '../../src/paths.js';

let sample: Disclosure | undefined;

export async function parsedSample(): Promise<Disclosure> {
  if (!sample) {
    const bytes = new Uint8Array(readFileSync(bundledSamplePath()));
    sample = recognize(await readLayoutBytes('sample.txt', bytes));
  }
  return sample;
}

/** A fresh copy of the parsed sample, to edit in a test. */
export async function sampleCopy(): Promise<Disclosure> {
  return structuredClone(await parsedSample());
}

export function table(doc: Disclosure, kind: string): Table {
  const t = doc.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`no table ${kind}`);
  return t;
}

export function row(t: Table, codeOrName: string): Row {
  const r = t.rows.find((x) => x.code === codeOrName || x.name === codeOrName);
  if (!r) throw new Error(`no row ${codeOrName} in ${t.kind}`);
  return r;
}

/** Sets a cell's value and printed text as a preparer's typo would. */
export function setCell(r: Row, column: string, value: string | null): void {
  const printed = value == null ? '' : Number(value).toLocaleString('en-US', { minimumFractionDigits: 2 });
  r.cells[column] = { ...(r.cells[column] ?? {}), value, printed };
}

/** Replaces text in the paragraphs of every section. */
export function editProse(doc: Disclosure, from: string | RegExp, to: string): void {
  let changed = false;
  for (const s of doc.sections)
    for (const p of s.paragraphs) {
      const next = p.text.replace(from, to);
      if (next !== p.text) changed = true;
      p.text = next;
    }
  if (!changed) throw new Error(`text not found: ${from}`);
}

export interface InvalidCase {
  name: string;
  doc: Disclosure;
  /** Every expected finding of the rule at its severity, matched on the given fields. */
  findings: Partial<Finding>[];
}

/** ESLint-style: a rule gives no finding of `severity` on valid docs, and exactly the expected ones on invalid docs. */
export function ruleFindings(rule: Rule, doc: Disclosure, prior?: Disclosure): Finding[] {
  return runRules([rule], doc, { prior }).findings;
}

export function expectFindings(actual: Finding[], expected: Partial<Finding>[]): void {
  expect(
    actual.length,
    JSON.stringify(
      actual.map((f) => f.message),
      null,
      1,
    ),
  ).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toMatchObject(e));
}
