// Mutation testing of the auditor on the real sample: alter one printed number of the TEXT at a time, re-parse
// (so the importer is exercised too) and audit. A mutant is detected when at least one `error` names the table or
// the section of the altered number.
import { readFileSync } from 'node:fs';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { auditDisclosure, type Finding } from '../../src/audit/index.js';
import { sectionLabel } from '../../src/audit/bind.js';
import type { Disclosure } from '../../src/model/schema.js';
import { bundledSamplePath } from '../../src/paths.js';

export type Kind = 'small' | 'large' | 'swap';

export interface Target {
  line: number; // 1-based
  start: number; // index in the line
  text: string; // the number as printed
  where: 'table' | 'narrative';
  percent: boolean;
  /** Table kind or section label the number belongs to. */
  owner: string;
}

export interface Mutant extends Target {
  kind: Kind;
  mutated: string;
}

export interface Outcome extends Mutant {
  detected: boolean;
  errors: Finding[];
}

export const sampleText = (): string => readFileSync(bundledSamplePath(), 'utf8');

export async function parseText(text: string): Promise<Disclosure> {
  return recognize(await readLayoutBytes('sample.txt', new TextEncoder().encode(text)));
}

const TABLE_AMOUNT = /^\d{1,3}(,\d{3})*\.\d+$/;
const PROSE_NUMBER = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|亿元|元|%|％)/g;

/** Every amount of every table and every amount and percentage of the explanation, with its owner. */
export function targets(text: string, doc: Disclosure): Target[] {
  const lines = text.split('\n');
  const tableOfLine = new Map<number, string>();
  for (const t of doc.tables)
    for (const r of t.rows) {
      if (r.source?.line) tableOfLine.set(r.source.line, t.kind);
      for (const c of Object.values(r.cells)) if (c.source?.line) tableOfLine.set(c.source.line, t.kind);
    }
  const sectionOfLine = new Map<number, string>();
  for (const s of doc.sections) {
    if (s.kind === 'glossary' || s.kind === 'duties' || s.kind === 'organisation') continue;
    for (const p of s.paragraphs) if (p.source?.line) sectionOfLine.set(p.source.line, sectionLabel(s));
  }
  const out: Target[] = [];
  lines.forEach((content, i) => {
    const line = i + 1;
    const table = tableOfLine.get(line);
    if (table) {
      let offset = 0;
      for (const cell of content.split('\t')) {
        const trimmed = cell.trim();
        if (TABLE_AMOUNT.test(trimmed))
          out.push({
            line,
            start: offset + cell.indexOf(trimmed),
            text: trimmed,
            where: 'table',
            percent: false,
            owner: table,
          });
        offset += cell.length + 1;
      }
      return;
    }
    const section = sectionOfLine.get(line);
    if (!section) return;
    for (const m of content.matchAll(PROSE_NUMBER)) {
      out.push({
        line,
        start: m.index!,
        text: m[1],
        where: 'narrative',
        percent: m[2] === '%' || m[2] === '％',
        owner: section,
      });
    }
  });
  return out;
}

function digitsOf(text: string): { digits: string; rebuild: (d: string) => string } {
  const positions = [...text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
  return {
    digits: positions.map((i) => text[i]).join(''),
    rebuild: (d) => {
      const chars = [...text];
      positions.forEach((p, k) => (chars[p] = d[k]));
      return chars.join('');
    },
  };
}

/** The three mutations of a number: +1 in the last printed digit, a large change, two adjacent digits swapped. */
export function mutate(t: Target): Mutant[] {
  const out: Mutant[] = [];
  const plain = t.text.replace(/,/g, '');
  const dot = plain.indexOf('.');
  const scale = dot < 0 ? 0 : plain.length - dot - 1;
  const unitStep = 10 ** -scale;
  const bump = (delta: number) => {
    const v = (Number(plain) + delta).toFixed(scale);
    return t.text.includes(',')
      ? Number(v).toLocaleString('en-US', { minimumFractionDigits: scale, maximumFractionDigits: scale })
      : v;
  };
  out.push({ ...t, kind: 'small', mutated: bump(unitStep) });
  out.push({ ...t, kind: 'large', mutated: bump(t.percent ? 10 : 100) });
  const { digits, rebuild } = digitsOf(t.text);
  for (let k = 0; k + 1 < digits.length; k++) {
    if (digits[k] === digits[k + 1]) continue;
    if (k === 0 && digits[1] === '0') continue; // no leading zero
    const swapped = digits.slice(0, k) + digits[k + 1] + digits[k] + digits.slice(k + 2);
    out.push({ ...t, kind: 'swap', mutated: rebuild(swapped) });
    break;
  }
  return out;
}

export function apply(text: string, m: Mutant): string {
  const lines = text.split('\n');
  const l = lines[m.line - 1];
  lines[m.line - 1] = l.slice(0, m.start) + m.mutated + l.slice(m.start + m.text.length);
  return lines.join('\n');
}

export function names(f: Finding, m: Mutant): boolean {
  return m.where === 'table' ? f.table === m.owner || f.also?.table === m.owner : f.section === m.owner;
}

export async function runMutant(text: string, m: Mutant): Promise<Outcome> {
  const doc = await parseText(apply(text, m));
  const { findings } = auditDisclosure(doc);
  const errors = findings.filter((f) => f.severity === 'error');
  return { ...m, detected: errors.some((f) => names(f, m)), errors };
}

/** Every mutant of the sample: three per number (fewer when no two adjacent digits differ). */
export async function mutants(): Promise<Mutant[]> {
  const text = sampleText();
  return targets(text, await parseText(text)).flatMap(mutate);
}

export async function runAll(list: readonly Mutant[]): Promise<Outcome[]> {
  const text = sampleText();
  const out: Outcome[] = [];
  for (const m of list) out.push(await runMutant(text, m));
  return out;
}
