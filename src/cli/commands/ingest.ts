// `yusuan ingest PATH… [--db URL] [--threads N] [--retry-failed] [--reaudit] [--enqueue]`
import cliProgress from 'cli-progress';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { openStore, StoreError, type Store } from '../../store/index.js';
import { ingestPaths, type IngestEvent, type IngestSummary } from '../../store/ingest.js';
import { enqueuePaths, openQueue } from '../../store/queue.js';
import { UsageError } from '../io.js';

export interface IngestCommandOptions {
  db?: string;
  threads?: string;
  retryFailed?: boolean;
  reaudit?: boolean;
  enqueue?: boolean;
  retries?: string;
  jobTimeout?: string;
  retryDelay?: string;
  progress?: boolean;
}

/** Exit code 2 when a file could not be stored (the others are), 0 otherwise. */
export async function ingestCommand(paths: string[], opts: IngestCommandOptions): Promise<number> {
  if (!paths.length && !opts.reaudit)
    throw new UsageError('请给出要入库的文件或文件夹（或用 --reaudit 重新审核已入库的文件）');
  const threads = opts.threads === undefined ? availableParallelism() : positive(opts.threads, '--threads');
  const store = await open(opts.db);
  try {
    if (opts.enqueue) return await enqueue(store, paths, opts);
    let code = 0;
    if (paths.length) {
      const bar = progressBar(opts.progress !== false);
      const summary = await ingestPaths(store, paths, {
        threads,
        retryFailed: opts.retryFailed,
        onStart: bar.start,
        onEvent: bar.event,
      });
      bar.stop();
      process.stdout.write(summaryTable(summary, store.display));
      code = summary.failed ? 2 : 0;
    }
    if (opts.reaudit) {
      const total = (await store.stats()).documents;
      const bar = progressBar(opts.progress !== false);
      bar.start(total);
      const n = await store.reaudit({}, () => bar.event({ file: '', outcome: 'stored' }));
      bar.stop();
      process.stdout.write(`重新审核：${n} 份文件（${store.display}）\n`);
    }
    return code;
  } finally {
    await store.close();
  }
}

export async function open(db: string | undefined): Promise<Store> {
  try {
    return await openStore(db);
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw e;
  }
}

export function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} 应为非负整数，而不是 ${value}`);
  return n;
}

async function enqueue(store: Store, paths: string[], opts: IngestCommandOptions): Promise<number> {
  const boss = await openQueue(store, {
    retries: opts.retries === undefined ? undefined : positive(opts.retries, '--retries'),
    jobTimeoutSeconds: opts.jobTimeout === undefined ? undefined : positive(opts.jobTimeout, '--job-timeout'),
    retryDelaySeconds: opts.retryDelay === undefined ? undefined : positive(opts.retryDelay, '--retry-delay'),
  }).catch((e: unknown) => {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  });
  try {
    const summary = await enqueuePaths(store, boss, paths);
    const lines = [
      `加入任务队列：共 ${summary.files} 个文件，新任务 ${summary.queued} 个，已入库或已在队列中 ${summary.skipped} 个，失败 ${summary.failed.length} 个`,
      ...summary.failed.map((f) => `  ${f.file}：${f.reason}`),
      `由 yusuan worker --db … 处理（数据库：${store.display}）`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return summary.failed.length ? 2 : 0;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** A progress bar on a terminal with counts, failures and the time left; silent otherwise. */
function progressBar(enabled: boolean) {
  const counts = { stored: 0, exists: 0, skipped: 0, failed: 0 };
  if (!enabled || !process.stderr.isTTY)
    return { start: (_n: number) => {}, event: (_e: IngestEvent) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format:
        '入库 [{bar}] {value}/{total} 新存 {stored} 跳过 {skipped} 失败 {failed} 剩余 {eta_formatted} {name}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total: number) => bar.start(total, 0, { ...counts, name: '' }),
    event: (e: IngestEvent) => {
      counts[e.outcome]++;
      bar.increment(1, { ...counts, stored: counts.stored + counts.exists, name: shortName(e.file) });
    },
    stop: () => bar.stop(),
  };
}

function shortName(file: string): string {
  const rel = relative(process.cwd(), file) || file;
  return rel.length > 40 ? '…' + rel.slice(-39) : rel;
}

export function summaryTable(s: IngestSummary, where: string): string {
  const seconds = s.ms / 1000;
  const rate = seconds > 0 ? (s.documents / seconds).toFixed(2) : '0';
  const rows: [string, number][] = [
    ['新入库的文件', s.stored],
    ['已入库（同一文件组）', s.exists],
    ['跳过（已入库或此前失败）', s.skipped],
    ['失败', s.failed],
    ['合计', s.files],
  ];
  const width = Math.max(...rows.map(([k]) => displayWidth(k)));
  const lines = [
    `入库完成：新存 ${s.documents} 份公开文件，用时 ${seconds.toFixed(1)} 秒，${rate} 份/秒；数据库 ${where}`,
    ...rows.map(([k, v]) => `  ${k}${' '.repeat(width - displayWidth(k))}  ${String(v).padStart(6)}`),
  ];
  if (s.failures.length) {
    lines.push('失败的文件：');
    for (const f of s.failures) lines.push(`  ${f.file}：${f.reason}`);
  }
  return lines.join('\n') + '\n';
}

/** Terminal columns: CJK characters take two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}
