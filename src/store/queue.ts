// Ingestion across machines: a PostgreSQL job queue (pg-boss). `enqueue` keeps each file in the store and sends
// one job per file; any number of `work` processes, on any number of machines, take jobs, parse on their threads
// and store. A job whose process dies is expired by the queue and retried with backoff; once its retries are spent
// it moves to a dead-letter queue, and the next worker records the file as failed with the reason.
import { basename } from 'node:path';
import PgBoss from 'pg-boss';
import { ReadError } from '../read/errors.js';
import { collectFiles, readSource, type IngestEvent } from './ingest.js';
import { sha256 } from './blobs.js';
import { ParsePool, type Parsed } from './pool.js';
import { sql } from 'kysely';
import { isVolume, joinParts } from '../recognize/join.js';
import type { ParseOutcome } from '../parse.js';
import type { Disclosure } from '../model/schema.js';
import { StoreError } from './connect.js';
import type { Store } from './store.js';

export const INGEST_QUEUE = 'yusuan-ingest';
export const FAILED_QUEUE = 'yusuan-ingest-failed';
/** Advisory lock key of the volume staging (any constant shared by all workers). */
const VOLUME_LOCK = 7_210_119;

export interface QueueOptions {
  /** Attempts after the first (default 2). */
  retries?: number;
  /** Seconds a job may stay active before it counts as crashed (default 900: a large PDF on a busy machine). */
  jobTimeoutSeconds?: number;
  /** Seconds before the first retry, doubled each time (default 30). */
  retryDelaySeconds?: number;
}

interface JobData {
  sha256: string;
  name: string;
}

export async function openQueue(store: Store, options: QueueOptions = {}): Promise<PgBoss> {
  if (store.dialect !== 'postgres')
    throw new StoreError('任务队列需要 PostgreSQL 数据库（请用 --db postgres://… 或设置 DATABASE_URL）');
  const timeout = options.jobTimeoutSeconds ?? 900;
  const boss = new PgBoss({
    connectionString: store.location.url,
    max: 3,
    // Expired jobs are found by the queue's maintenance: often enough that a crash is noticed soon after.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeout / 4))),
  });
  boss.on('error', (e: Error) => process.stderr.write(`任务队列错误：${e.message.split('\n')[0]}\n`));
  await boss.start();
  const queueOptions = {
    policy: 'short' as const,
    retryLimit: options.retries ?? 2,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: timeout,
    deadLetter: FAILED_QUEUE,
  };
  await ensureQueue(boss, FAILED_QUEUE, { policy: 'standard' });
  await ensureQueue(boss, INGEST_QUEUE, queueOptions);
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) {
    await boss.updateQueue(name, { name, ...options });
    return;
  }
  // Two processes may create it at once: the loser finds it created.
  await boss.createQueue(name, { name, ...options }).catch(async (e: unknown) => {
    if (!(await boss.getQueue(name))) throw e;
  });
}

export interface EnqueueSummary {
  files: number;
  queued: number;
  skipped: number;
  failed: { file: string; reason: string }[];
}

/** Keeps every file in the store and sends one job per file not stored yet. */
export async function enqueuePaths(
  store: Store,
  boss: PgBoss,
  paths: readonly string[],
  onFile?: (file: string) => void,
): Promise<EnqueueSummary> {
  const { files, missing } = await collectFiles(paths);
  const summary: EnqueueSummary = {
    files: files.length + missing.length,
    queued: 0,
    skipped: 0,
    failed: missing.map((file) => ({ file, reason: '文件不存在或无法打开' })),
  };
  for (const file of files) {
    try {
      const bytes = await readSource(file);
      const sha = sha256(bytes);
      const { stored } = await store.known([sha]);
      if (stored.has(sha)) {
        summary.skipped++;
      } else {
        await store.putFile({ name: basename(file), bytes });
        const id = await boss.send(INGEST_QUEUE, { sha256: sha, name: basename(file) } satisfies JobData, {
          singletonKey: sha,
        });
        if (id) summary.queued++;
        else summary.skipped++;
      }
    } catch (e) {
      summary.failed.push({ file, reason: e instanceof ReadError ? e.reason : String(e) });
    }
    onFile?.(file);
  }
  return summary;
}

export interface WorkOptions {
  threads?: number;
  /** A job was taken (before its file is parsed). */
  onJob?: (file: string) => void;
  onEvent?: (event: IngestEvent) => void;
}

/** Takes jobs until stopped; returns a function that stops taking jobs and waits for those running. */
export async function work(
  store: Store,
  boss: PgBoss,
  options: WorkOptions = {},
): Promise<() => Promise<void>> {
  const pool = new ParsePool(options.threads);
  const handle = async ([job]: PgBoss.Job<JobData>[]) => {
    const { sha256: sha, name } = job.data;
    options.onJob?.(name);
    const bytes = await store.getFile(sha);
    if (!bytes) throw new Error(`原始文件 ${name} 不在数据库中`);
    const { stored } = await store.known([sha]);
    if (stored.has(sha)) {
      options.onEvent?.({ file: name, outcome: 'skipped' });
      return { outcome: 'skipped' };
    }
    let parsed;
    try {
      parsed = await pool.parse(name, bytes);
    } catch (e) {
      const error = e instanceof ReadError ? e : new ReadError(name, String(e), 'internal');
      // A file that cannot be read is an outcome, not a job failure: retrying would read it the same way.
      await store.recordFailure({ name, sha256: sha, reason: error.reason, code: error.code });
      options.onEvent?.({ file: name, outcome: 'failed', reason: error.reason });
      return { outcome: 'failed', reason: error.reason };
    }
    if (isVolume(parsed.disclosure)) return joinVolume(store, { sha, name, parsed }, options);
    const r = await store.ingest({
      disclosure: parsed.disclosure,
      files: [{ name, bytes }],
      parseMs: parsed.ms,
      audit: parsed.audit,
    });
    options.onEvent?.({ file: name, outcome: r.status, documentId: r.documentId });
    return { outcome: r.status, documentId: r.documentId };
  };
  const onDead = async ([job]: PgBoss.Job<JobData>[]) => {
    const reason = '处理该文件的任务多次失败（处理进程崩溃或超时），已放弃';
    await store.recordFailure({ name: job.data.name, sha256: job.data.sha256, reason, code: 'job_failed' });
    options.onEvent?.({ file: job.data.name, outcome: 'failed', reason });
  };
  const ids: string[] = [];
  for (let i = 0; i < pool.size; i++)
    ids.push(await boss.work<JobData>(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, handle));
  ids.push(await boss.work<JobData>(FAILED_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, onDead));
  return async () => {
    for (const id of ids) await boss.offWork({ id });
    await pool.close();
  };
}

/**
 * A text or tables volume: staged, then joined with a staged partner when one matches (joinParts decides). Staging
 * and the search for a partner run under one lock, so two workers reading the two halves at once still meet. A
 * volume whose partner never comes is stored alone by flushVolumes.
 */
async function joinVolume(
  store: Store,
  volume: { sha: string; name: string; parsed: Parsed },
  options: WorkOptions,
): Promise<{ outcome: string; documentId?: number }> {
  const partner = await store.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${VOLUME_LOCK})`.execute(trx);
    await trx
      .insertInto('staged_volumes')
      .values({
        sha256: volume.sha,
        name: volume.name,
        model: JSON.stringify(volume.parsed.disclosure),
        parse_ms: Math.round(volume.parsed.ms),
        staged_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const staged = await trx
      .selectFrom('staged_volumes')
      .selectAll()
      .where('sha256', '!=', volume.sha)
      .execute();
    const outcomes: ParseOutcome[] = [
      { file: volume.sha, files: [volume.sha], disclosure: volume.parsed.disclosure },
      ...staged.map((v) => ({
        file: v.sha256,
        files: [v.sha256],
        disclosure: JSON.parse(v.model) as Disclosure,
      })),
    ];
    const joined = joinParts(outcomes).find((o) => o.files.length > 1 && o.files.includes(volume.sha));
    return joined && 'disclosure' in joined ? { joined, staged } : undefined;
  });
  if (!partner) {
    options.onEvent?.({ file: volume.name, outcome: 'skipped', reason: '等待同一文件的另一册' });
    return { outcome: 'staged' };
  }
  const { joined, staged } = partner;
  if (!('disclosure' in joined)) return { outcome: 'staged' };
  const files = await Promise.all(
    joined.files.map(async (sha) => ({
      name: sha === volume.sha ? volume.name : staged.find((v) => v.sha256 === sha)!.name,
      bytes: (await store.getFile(sha))!,
    })),
  );
  const r = await store.ingest({ disclosure: joined.disclosure, files, parseMs: volume.parsed.ms });
  await store.db.deleteFrom('staged_volumes').where('sha256', 'in', joined.files).execute();
  for (const f of files) options.onEvent?.({ file: f.name, outcome: r.status, documentId: r.documentId });
  return { outcome: r.status, documentId: r.documentId };
}

/** Stores alone every staged volume (when the queue is empty: no partner is coming from this batch). */
export async function flushVolumes(store: Store, options: WorkOptions = {}): Promise<number> {
  const staged = await store.db.selectFrom('staged_volumes').selectAll().orderBy('staged_at').execute();
  for (const v of staged) {
    const bytes = await store.getFile(v.sha256);
    if (bytes) {
      const r = await store.ingest({
        disclosure: JSON.parse(v.model) as Disclosure,
        files: [{ name: v.name, bytes }],
        parseMs: v.parse_ms,
      });
      options.onEvent?.({ file: v.name, outcome: r.status, documentId: r.documentId });
    }
    await store.db.deleteFrom('staged_volumes').where('sha256', '=', v.sha256).execute();
  }
  return staged.length;
}

/** Jobs waiting or running (for `worker --until-empty` and progress). */
export async function pendingJobs(boss: PgBoss): Promise<number> {
  const open = { before: 'completed' } as const;
  return (await boss.getQueueSize(INGEST_QUEUE, open)) + (await boss.getQueueSize(FAILED_QUEUE, open));
}
