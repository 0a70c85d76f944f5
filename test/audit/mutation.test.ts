// Mutation test (issue 3): every amount of every table and every amount and percentage of the explanation is
// altered one at a time in the TEXT of the sample (+1 in the last printed digit, a large change, two adjacent
// digits swapped), re-parsed and audited. Each mutant must produce an error naming the table or section of the
// altered number, except the few small changes that printed precision cannot reveal (listed and explained).
import { describe, expect, it } from 'vitest';
import { mutate, parseText, runMutant, sampleText, targets, type Outcome } from './mutation-lib.js';

/**
 * Small (+1 in the last digit) changes that stay within what rounding of the printed numbers allows, so that no
 * identity can prove them wrong without the prior-year document (see docs/notes/issue-3-audit.md).
 */
const UNDETECTABLE_SMALL = [
  // 比上年减少726.75万元，下降19.61%: 726.76 gives 19.609%, still 19.61%; the prior year is not in the sample.
  'L445 726.75',
  // 减少19.6万元，下降5.58%: 19.6 is printed with one decimal, so 5.56%–5.60% are all consistent with it.
  'L469 5.58',
  // 529.5 = 30.8 + 10 + 488.7: four numbers with one or no decimal; a change of 0.1 is within their rounding.
  'L473 529.5',
  'L473 30.8',
  'L473 488.7',
];

describe('mutation test on the sample', () => {
  it('detects every altered number of the tables and the explanation', async () => {
    const text = sampleText();
    const ts = targets(text, await parseText(text));
    expect(ts.filter((t) => t.where === 'table').length).toBe(259);
    expect(ts.filter((t) => t.where === 'narrative').length).toBe(64);
    const outcomes: Outcome[] = [];
    for (const t of ts) for (const m of mutate(t)) outcomes.push(await runMutant(text, m));
    const missed = outcomes.filter((o) => !o.detected);
    const stats: Record<string, string> = {};
    for (const o of outcomes) {
      const k = `${o.where}.${o.kind}`;
      const all = outcomes.filter((x) => `${x.where}.${x.kind}` === k);
      stats[k] = `${all.filter((x) => x.detected).length}/${all.length}`;
    }
    console.log('mutants', outcomes.length, stats);
    expect(
      missed.filter((o) => o.kind !== 'small').map((o) => `${o.kind} L${o.line} ${o.text}->${o.mutated}`),
    ).toEqual([]);
    expect(missed.map((o) => `L${o.line} ${o.text}`)).toEqual(UNDETECTABLE_SMALL);
  }, 600_000);
});
