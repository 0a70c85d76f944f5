// Mutation test (issue 3), part 1 of 2 (split so that the two halves run in parallel): every amount of every table,
// altered in the TEXT by +1 in its last printed digit and by a large change, re-parsed and audited. Each mutant must
// produce an error naming the table of the altered number. Part 2: mutation-swap-narrative.test.ts.
import { describe, expect, it } from 'vitest';
import { mutants, runAll } from './mutation-lib.js';

describe('mutation test on the sample: table amounts', () => {
  it('detects every small and large change of a table amount', async () => {
    const list = (await mutants()).filter((m) => m.where === 'table' && m.kind !== 'swap');
    expect(list.length).toBe(2 * 259);
    const outcomes = await runAll(list);
    expect(
      outcomes.filter((o) => !o.detected).map((o) => `${o.kind} L${o.line} ${o.text}->${o.mutated}`),
    ).toEqual([]);
  }, 600_000);
});
