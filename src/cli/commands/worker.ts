// `yusuan worker [--db postgres://…] [--threads N] [--until-empty]`: takes ingestion jobs from the queue.
import { availableParallelism } from 'node:os';
import { flushVolumes, openQueue, pendingJobs, work } from '../../store/queue.js';
import type { IngestEvent } from '../../store/ingest.js';
import { UsageError, warn } from '../io.js';
import { open, positive } from './ingest.js';

export interface WorkerCommandOptions {
  db?: string;
  threads?: string;
  retries?: string;
  jobTimeout?: string;
  retryDelay?: string;
  untilEmpty?: boolean;
}

export async function workerCommand(opts: WorkerCommandOptions): Promise<number> {
  const threads = opts.threads === undefined ? availableParallelism() : positive(opts.threads, '--threads');
  const store = await open(opts.db);
  const boss = await openQueue(store, {
    retries: opts.retries === undefined ? undefined : positive(opts.retries, '--retries'),
    jobTimeoutSeconds: opts.jobTimeout === undefined ? undefined : positive(opts.jobTimeout, '--job-timeout'),
    retryDelaySeconds: opts.retryDelay === undefined ? undefined : positive(opts.retryDelay, '--retry-delay'),
  }).catch(async (e: unknown) => {
    await store.close();
    throw new UsageError(e instanceof Error ? e.message : String(e));
  });
  warn(`任务处理进程已启动（${threads} 个线程，数据库 ${store.display}）`);
  const onEvent = (e: IngestEvent) =>
    warn(
      e.outcome === 'failed'
        ? `失败 ${e.file}：${e.reason}`
        : e.outcome === 'skipped'
          ? `跳过 ${e.file}（${e.reason ?? '已入库'}）`
          : `入库 ${e.file} → 文件 #${e.documentId}`,
    );
  const stop = await work(store, boss, { threads, onJob: (file) => warn(`处理 ${file}`), onEvent });
  // A long-running worker stores volumes left without a partner once the queue has been empty for a while.
  let idle = 0;
  const flusher = setInterval(() => {
    void pendingJobs(boss)
      .then(async (n) => {
        idle = n === 0 ? idle + 1 : 0;
        if (idle >= 6) await flushVolumes(store, { onEvent });
      })
      .catch(() => undefined);
  }, 10_000);
  await new Promise<void>((resolve) => {
    const finish = () => resolve();
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    if (opts.untilEmpty) {
      // Two empty looks in a row: a job that failed is back in the queue (retry) before the second look.
      let empty = 0;
      const timer = setInterval(() => {
        void pendingJobs(boss).then((n) => {
          empty = n === 0 ? empty + 1 : 0;
          if (empty >= 2) {
            clearInterval(timer);
            resolve();
          }
        });
      }, 1000);
    }
  });
  clearInterval(flusher);
  await stop();
  // The queue is empty (or this worker stops): volumes still waiting for a partner are stored alone.
  if (opts.untilEmpty) await flushVolumes(store, { onEvent });
  await boss.stop({ graceful: true, wait: true });
  await store.close();
  warn('任务处理进程已停止');
  return 0;
}
