// Runs benchmark cases: warm-up, repeated timing, median and p95 per operation, peak memory.
import { performance } from 'node:perf_hooks';
import { benchCases, type BenchCase } from './registry.js';
import './cases/index.js';

export interface BenchResult {
  id: string;
  title: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  targetMs?: number;
  meetsTarget?: boolean;
  extra?: Record<string, number | string>;
  error?: string;
}

export interface BenchReport {
  node: string;
  platform: string;
  quick: boolean;
  results: BenchResult[];
  peakRssMb: number;
  peakHeapMb: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function runBenchCase(c: BenchCase, quick: boolean, sample: () => void): Promise<BenchResult> {
  try {
    const op = await c.setup();
    const reps = quick ? (c.repeat?.quick ?? 5) : (c.repeat?.full ?? 30);
    const warm = Math.max(1, Math.ceil(reps / 5));
    for (let i = 0; i < warm; i++) await op();
    const times: number[] = [];
    const per = c.opsPerCall ?? 1;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await op();
      times.push((performance.now() - t0) / per);
      sample();
    }
    times.sort((a, b) => a - b);
    const medianMs = quantile(times, 0.5);
    const extra = c.extra ? await c.extra(reps) : undefined;
    await c.teardown?.();
    return {
      id: c.id,
      title: c.title,
      runs: reps,
      medianMs: round(medianMs),
      p95Ms: round(quantile(times, 0.95)),
      minMs: round(times[0]),
      targetMs: c.targetMs,
      meetsTarget: c.targetMs === undefined ? undefined : medianMs <= c.targetMs,
      extra,
    };
  } catch (e) {
    return {
      id: c.id,
      title: c.title,
      runs: 0,
      medianMs: NaN,
      p95Ms: NaN,
      minMs: NaN,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}

export async function runBench(
  quick: boolean,
  onCase?: (c: BenchCase) => void,
  only?: ReadonlySet<string>,
): Promise<BenchReport> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const results: BenchResult[] = [];
  for (const c of benchCases()) {
    if (only && !only.has(c.id)) continue;
    onCase?.(c);
    results.push(await runBenchCase(c, quick, sample));
    sample();
  }
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    quick,
    results,
    peakRssMb: round(peakRss / 1048576),
    peakHeapMb: round(peakHeap / 1048576),
  };
}
