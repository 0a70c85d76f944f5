// `yusuan worker [--db postgres://…] [--threads N] [--until-empty]`: takes ingestion jobs from the queue.
import { availableParallelism } from 'node:os';
import { openQueue, pendingJobs, work } from '../../store/queue.js';
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
  const stop = await work(store, boss, {
    threads,
    onJob: (file) => warn(`处理 ${file}`),
    onEvent: (e) =>
      warn(
        e.outcome === 'failed'
          ? `失败 ${e.file}：${e.reason}`
          : e.outcome === 'skipped'
            ? `跳过 ${e.file}（已入库）`
            : `入库 ${e.file} → 文件 #${e.documentId}`,
      ),
  });
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
  await stop();
  await boss.stop({ graceful: true, wait: true });
  await store.close();
  warn('任务处理进程已停止');
  return 0;
}
