// `yusuan ingest` as a user runs it (the built command line), on both engines: bad files recorded with their
// reasons while the others are stored; a batch killed with SIGKILL leaves whole documents only, and a rerun
// finishes it without storing anything twice.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellRecords } from '../../src/export/cells.js';
import { openStore, type Store } from '../../src/store/index.js';
import { bundledSamplePath } from '../../src/paths.js';
import { blankPdf, randomBytes, truncatedPdf, zipBomb } from './bad-files.js';
import { corpus, describeStores, freshUrl, until, yusuan } from './helpers.js';

const BATCH = [
  '江苏_省人民检察院_2017_部门预算.pdf',
  '江苏_省人民检察院_2018_部门预算.pdf',
  '江苏_省人民检察院_2019_部门预算.pdf',
  '江苏_省高级人民法院_2017_部门预算.pdf',
  '江苏_省高级人民法院_2018_部门预算.pdf',
  '上海_普陀区社会福利院_2024_单位预算.pdf',
];

async function folderOf(files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-ingest-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    if (typeof content === 'string') await copyFile(content, join(dir, name));
    else await writeFile(join(dir, name), content);
  }
  return dir;
}

/** Every stored document holds every cell of its own model: none is stored in part. */
async function expectWhole(store: Store): Promise<void> {
  for (const d of await store.documents({ limit: 1000 })) {
    const detail = await store.document(d.id);
    const cells = await store.db
      .selectFrom('facts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(Number(cells.n)).toBe(cellRecords(detail!.model).length);
    expect(detail!.files.length).toBe(1);
  }
}

describe('ingest without a database argument', () => {
  it('refuses an unsupported URL with a Chinese message that hides the password', async () => {
    const r = await yusuan(['ingest', bundledSamplePath(), '--db', 'mysql://root:secret@db/yusuan']).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '错误：不支持的数据库地址：mysql://root:***@db/yusuan（可用 SQLite 文件路径或 postgres://…）\n',
    );
  });
});

describeStores('yusuan ingest', (dialect) => {
  it('records bad files with their reasons and stores the others', async () => {
    const dir = await folderOf({
      'good/sample.txt': bundledSamplePath(),
      'good/普陀区财政局_2024_决算.pdf': corpus('上海_普陀区财政局_2024_决算.pdf'),
      'bad/truncated.pdf': truncatedPdf(),
      'bad/random.pdf': randomBytes(),
      'bad/bomb.docx': zipBomb(),
      'bad/scan.pdf': blankPdf(),
      'bad/notes.md': new TextEncoder().encode('not a disclosure format: never read'),
    });
    const db = await freshUrl(dialect);
    const r = await yusuan(['ingest', dir, '--db', db, '--threads', '2']).done;
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${join(dir, 'bad/bomb.docx')}：`);
    const store = await openStore(db);
    try {
      expect((await store.documents()).map((d) => d.unitName).sort()).toEqual([
        '上海市普陀区财政局',
        '忻州市人民政府办公室',
      ]);
      const failures = await store.failures();
      expect(Object.fromEntries(failures.map((f) => [f.name, f.code]))).toEqual({
        'bomb.docx': 'zip_bomb',
        'random.pdf': 'binary',
        'scan.pdf': 'scanned',
        'truncated.pdf': 'corrupt',
      });
      for (const f of failures) expect(f.reason).toMatch(/[\u4e00-\u9fff]/);
      // The failed originals are kept too, under their hash.
      expect(await store.getFile(failures.find((f) => f.name === 'random.pdf')!.sha256)).toEqual(
        randomBytes(),
      );
    } finally {
      await store.close();
    }
    // A rerun skips everything: the stored files and the files that failed before.
    const again = await yusuan(['ingest', dir, '--db', db]).done;
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/跳过（已入库或此前失败）\s+6\n/);
  }, 240_000);

  it('survives SIGKILL in the middle of a batch: whole documents only, and a rerun finishes it', async () => {
    const dir = await folderOf(Object.fromEntries(BATCH.map((f) => [f, corpus(f)])));
    const db = await freshUrl(dialect);
    const run = yusuan(['ingest', dir, '--db', db, '--threads', '1']);
    const store = await openStore(db);
    try {
      await until(async () => (await store.stats()).documents >= 2, 180_000);
      run.kill();
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
      const before = (await store.stats()).documents;
      expect(before).toBeGreaterThanOrEqual(2);
      expect(before).toBeLessThan(BATCH.length);
      await expectWhole(store);

      const rerun = await yusuan(['ingest', dir, '--db', db, '--threads', '2']).done;
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toMatch(new RegExp(`新入库的文件\\s+${BATCH.length - before}\\n`));
      expect(await store.stats()).toMatchObject({ documents: BATCH.length, failures: 0 });
      await expectWhole(store);
    } finally {
      await store.close();
    }
  }, 300_000);
});
