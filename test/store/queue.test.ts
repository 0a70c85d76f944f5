// The job queue (PostgreSQL only): two workers share a queue, one is killed with SIGKILL in the middle of a job,
// its job is retried by the other and every document is stored once; a job whose retries are spent by crashes is
// marked failed with its reason.
import { mkdtemp, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cellRecords } from '../../src/export/cells.js';
import { openStore } from '../../src/store/index.js';
import { corpus, describeStores, freshUrl, until, yusuan } from './helpers.js';

const BATCH = [
  '江苏_省人民检察院_2017_部门预算.pdf',
  '江苏_省人民检察院_2018_部门预算.pdf',
  '江苏_省人民检察院_2019_部门预算.pdf',
  '江苏_省高级人民法院_2017_部门预算.pdf',
  '江苏_省高级人民法院_2018_部门预算.pdf',
  '上海_普陀区社会福利院_2024_单位预算.pdf',
];

async function folderOf(names: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-queue-'));
  for (const n of names) await copyFile(corpus(n), join(dir, n));
  return dir;
}

describeStores('ingestion job queue', (dialect) => {
  if (dialect === 'sqlite') {
    it('refuses to enqueue into SQLite, saying why', async () => {
      const db = await freshUrl('sqlite');
      const r = await yusuan(['ingest', '--enqueue', corpus(BATCH[0]), '--db', db]).done;
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        '错误：任务队列需要 PostgreSQL 数据库（请用 --db postgres://… 或设置 DATABASE_URL）\n',
      );
    });
    return;
  }

  const options = ['--job-timeout', '8', '--retry-delay', '1'];

  it('stores every document once when one of two workers is killed in the middle of a job', async () => {
    const db = await freshUrl('postgres');
    const volumes = ['江苏_省政协办公厅_2018_部门预算_文字.pdf', '江苏_省政协办公厅_2018_部门预算_报表.pdf'];
    const dir = await folderOf([...BATCH, ...volumes]);
    const enqueued = await yusuan(['ingest', '--enqueue', dir, '--db', db, ...options]).done;
    expect(enqueued.code).toBe(0);
    expect(enqueued.stdout).toContain(`新任务 ${BATCH.length + 2} 个`);

    const a = yusuan(['worker', '--db', db, '--threads', '1', ...options]);
    const b = yusuan(['worker', '--db', db, '--threads', '1', '--until-empty', ...options]);
    await until(() => /处理 /.test(a.stderr()), 120_000);
    a.kill();
    expect((await a.done).signal).toBe('SIGKILL');
    const finished = await b.done;
    expect(finished.code).toBe(0);

    const store = await openStore(db);
    try {
      // The text and tables volumes, read by different jobs, are joined into one document.
      expect(await store.stats()).toMatchObject({ documents: BATCH.length + 1, failures: 0 });
      for (const d of await store.documents()) {
        const detail = await store.document(d.id);
        expect(detail!.files.map((f) => f.name)).toEqual(
          d.unitName === '江苏省政协办公厅' ? volumes : [expect.any(String)],
        );
        const n = await store.db
          .selectFrom('facts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('document_id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(cellRecords(detail!.model).length);
      }
      expect(await store.db.selectFrom('staged_volumes').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('marks a job failed with its reason once crashes have used up its retries', async () => {
    const db = await freshUrl('postgres');
    const dir = await folderOf([BATCH[0]]);
    const noRetry = ['--job-timeout', '5', '--retries', '0'];
    expect((await yusuan(['ingest', '--enqueue', dir, '--db', db, ...noRetry]).done).code).toBe(0);
    const a = yusuan(['worker', '--db', db, '--threads', '1', ...noRetry]);
    await until(() => /处理 /.test(a.stderr()), 120_000);
    a.kill();
    await a.done;
    const b = await yusuan(['worker', '--db', db, '--threads', '1', '--until-empty', ...noRetry]).done;
    expect(b.code).toBe(0);
    const store = await openStore(db);
    try {
      expect((await store.stats()).documents).toBe(0);
      expect((await store.failures()).map((f) => [f.name, f.code, f.reason])).toEqual([
        [BATCH[0], 'job_failed', '处理该文件的任务多次失败（处理进程崩溃或超时），已放弃'],
      ]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
