// `yusuan bench [cases...] [--quick] [--json]`
import { runBench } from '../../bench/run.js';
import { benchCases } from '../../bench/registry.js';
import { emit, UsageError } from '../io.js';

export async function benchCommand(opts: {
  quick?: boolean;
  json?: boolean;
  cases?: string[];
}): Promise<number> {
  const only = opts.cases?.length ? new Set(opts.cases) : undefined;
  if (only) {
    const known = new Set(benchCases().map((c) => c.id));
    const unknown = [...only].filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UsageError(`没有这个基准用例：${unknown.join('、')}`);
  }
  const report = await runBench(
    !!opts.quick,
    (c) => {
      if (!opts.json) process.stderr.write(`运行 ${c.id} …\n`);
    },
    only,
  );
  if (opts.json) {
    await emit(undefined, JSON.stringify(report, null, 2) + '\n');
  } else {
    let out = `yusuan 性能基准（Node ${report.node}，${report.platform}${report.quick ? '，快速模式' : ''}）\n`;
    for (const r of report.results) {
      if (r.error) {
        out += `  ${r.id.padEnd(32)} 失败：${r.error}\n`;
        continue;
      }
      const target =
        r.targetMs === undefined ? '' : `  目标 ≤${r.targetMs} ms ${r.meetsTarget ? '达到' : '未达到'}`;
      out += `  ${r.id.padEnd(32)} 中位数 ${r.medianMs.toFixed(3)} ms  p95 ${r.p95Ms.toFixed(3)} ms  (${r.runs} 次)${target}  ${r.title}\n`;
      if (r.extra) for (const [k, v] of Object.entries(r.extra)) out += `      ${k}: ${v}\n`;
    }
    out += `  峰值内存：RSS ${report.peakRssMb} MB，堆 ${report.peakHeapMb} MB\n`;
    await emit(undefined, out);
  }
  return report.results.some((r) => r.error) ? 1 : 0;
}
