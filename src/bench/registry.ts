// Benchmark cases register here; `yusuan bench` runs them all and reports time per operation and peak memory.

export interface BenchCase {
  /** Stable id ("parse.sample_txt"). */
  id: string;
  /** Chinese description. */
  title: string;
  /** Target in milliseconds per operation, when an issue sets one. */
  targetMs?: number;
  /** Prepare once (load files, warm caches); returns the operation to time. */
  setup: () => Promise<() => unknown | Promise<unknown>>;
  /** Operations per timed call (for batch cases), default 1. */
  opsPerCall?: number;
  /** Extra figures measured by the case itself (ratios against other tools …); `timedRuns` is the number of
   * timed calls (after the warm-up ones). */
  extra?: (timedRuns: number) => Promise<Record<string, number | string>>;
  /** Repetitions in full and quick mode. */
  repeat?: { full: number; quick: number };
  /** Cleanup after timing. */
  teardown?: () => Promise<void>;
}

const cases: BenchCase[] = [];

export function registerBench(c: BenchCase): void {
  cases.push(c);
}

export function benchCases(): readonly BenchCase[] {
  return cases;
}
