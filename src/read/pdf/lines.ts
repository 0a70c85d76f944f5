// Positioned runs → visual lines → segments. A segment is text that belongs together on one line (a cell, a
// sentence); segments are separated by gaps wider than ordinary letter or word spacing.
import type { TextRun } from './extract.js';

export interface Segment {
  text: string;
  x0: number;
  x1: number;
  size: number;
  /** The runs the segment was joined from (kept so that a table can split neighbouring header cells again). */
  parts?: { text: string; x0: number; x1: number }[];
}

export interface VisualLine {
  baseline: number;
  /** Top of the tallest glyph box (baseline − size). */
  top: number;
  size: number;
  segments: Segment[];
}

/** A printed amount, a count, a code or a dash standing for an empty amount. */
const NUMERIC = /^[-−+]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?%?$/;
const DASH = /^[-−—－–]{1,3}$/;

export function isNumericText(s: string): boolean {
  const t = s.trim();
  return NUMERIC.test(t) || DASH.test(t);
}

/** Horizontal weight of a character in ems: CJK and full-width forms are square, the rest about half. */
export function charWeight(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef) ? 1 : 0.5;
}

/**
 * Some producers put several cells into one run separated by spaces ("1,097,073.43 1,097,073.43"): split a run at
 * whitespace next to a number, or at two or more spaces, estimating each piece's position from character widths.
 */
function splitRun(run: TextRun): TextRun[] {
  if (!/\s/.test(run.text.trim())) return [{ ...run, text: run.text.trim() }];
  const parts = run.text.split(/(\s+)/);
  const weights = [...run.text].map(charWeight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const perWeight = (run.x1 - run.x0) / total;
  const pieces: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const part of parts) {
    const w = [...part].reduce((a, ch) => a + charWeight(ch), 0);
    if (part.trim() !== '') pieces.push({ text: part, start: pos, end: pos + w });
    pos += w;
  }
  const out: TextRun[] = [];
  let cur = pieces[0];
  for (let i = 1; i < pieces.length; i++) {
    const p = pieces[i];
    const gapChars = p.start - cur.end;
    const split = gapChars >= 1 || isNumericText(p.text) || isNumericText(lastWord(cur.text));
    if (split) {
      out.push(piece(run, cur, perWeight));
      cur = p;
    } else {
      cur = { text: `${cur.text} ${p.text}`, start: cur.start, end: p.end };
    }
  }
  out.push(piece(run, cur, perWeight));
  return out;
}

function lastWord(s: string): string {
  const words = s.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

function piece(run: TextRun, p: { text: string; start: number; end: number }, perWeight: number): TextRun {
  return { ...run, text: p.text, x0: run.x0 + p.start * perWeight, x1: run.x0 + p.end * perWeight };
}

/** Groups runs whose baselines agree into lines, top to bottom, and each line's runs into segments. */
export function buildLines(runs: readonly TextRun[]): VisualLine[] {
  const sorted = runs.flatMap(splitRun).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let base = Number.NaN;
  for (const run of sorted) {
    const tol = Math.max(1.5, 0.35 * run.size);
    if (current.length > 0 && Math.abs(run.baseline - base) <= tol) {
      current.push(run);
      // Running mean keeps a long line from drifting across rows.
      base = (base * (current.length - 1) + run.baseline) / current.length;
    } else {
      if (current.length > 0) groups.push(current);
      current = [run];
      base = run.baseline;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map(toLine);
}

function toLine(runs: TextRun[]): VisualLine {
  runs.sort((a, b) => a.x0 - b.x0);
  const segments: Segment[] = [];
  for (const run of runs) {
    const last = segments[segments.length - 1];
    if (last && joins(last, run)) {
      const gap = run.x0 - last.x1;
      const space =
        gap > 0.25 * run.size && (/[\x21-\x7e]$/.test(last.text) || /^[\x21-\x7e]/.test(run.text));
      last.text += (space ? ' ' : '') + run.text;
      last.x1 = Math.max(last.x1, run.x1);
      last.size = Math.max(last.size, run.size);
      last.parts!.push({ text: run.text, x0: run.x0, x1: run.x1 });
    } else {
      const part = { text: run.text, x0: run.x0, x1: run.x1 };
      segments.push({ text: run.text, x0: run.x0, x1: run.x1, size: run.size, parts: [part] });
    }
  }
  const size = Math.max(...runs.map((r) => r.size));
  const baseline = runs.reduce((a, r) => a + r.baseline, 0) / runs.length;
  return { baseline, top: baseline - size, size, segments };
}

/** Two neighbours on a line belong to one segment when the gap between them is ordinary spacing. */
function joins(left: Segment, right: TextRun): boolean {
  const gap = right.x0 - left.x1;
  const em = Math.min(left.size, right.size);
  const leftNum = isNumericText(left.text);
  const rightNum = isNumericText(right.text);
  // Numbers of neighbouring columns can sit closer than an em; a label may run right up to its amount. A year or
  // a count in a Latin font sits a space away from the words around it ("2018 年度", "第 1 页").
  if (leftNum && rightNum) return gap < 0.05 * em;
  if (leftNum || rightNum) {
    const amount = /[.,，]/.test(leftNum ? left.text : right.text);
    return gap < (amount ? 0.2 : 0.5) * em;
  }
  return gap < 0.8 * em;
}

/**
 * Inside a table, neighbouring header cells may be printed a third of an em apart ("政府性基金预算 国有资本经营预算"),
 * closer than the gap that separates segments in prose. Splits a segment where its runs of CJK text are apart.
 */
export function splitCells(seg: Segment): Segment[] {
  const parts = seg.parts ?? [];
  if (parts.length < 2) return [seg];
  const out: Segment[] = [];
  let cur: Segment = {
    text: parts[0].text,
    x0: parts[0].x0,
    x1: parts[0].x1,
    size: seg.size,
    parts: [parts[0]],
  };
  for (const p of parts.slice(1)) {
    const gap = p.x0 - cur.x1;
    if (gap > 0.25 * seg.size && /[^\x00-\x7f]$/.test(cur.text) && /^[^\x00-\x7f]/.test(p.text)) {
      out.push(cur);
      cur = { text: p.text, x0: p.x0, x1: p.x1, size: seg.size, parts: [p] };
    } else {
      const space = gap > 0.25 * seg.size && (/[\x21-\x7e]$/.test(cur.text) || /^[\x21-\x7e]/.test(p.text));
      cur.text += (space ? ' ' : '') + p.text;
      cur.x1 = Math.max(cur.x1, p.x1);
      cur.parts!.push(p);
    }
  }
  out.push(cur);
  return out;
}
