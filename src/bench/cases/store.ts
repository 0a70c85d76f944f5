// Repository benchmarks: documents per second into SQLite and PostgreSQL (the corpus through the whole pipeline on
// one thread and on every core; 10,000 synthetic documents into the store), memory at 1,000 and 10,000 documents,
// and the latency of a year's comparison and of a unit's history at 10,000 and 100,000 documents. PostgreSQL
// cases need YUSUAN_BENCH_PG_URL (or DATABASE_URL) naming a server whose user may create databases.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { registerBench } from '../registry.js';
import { sharedRoot } from '../../paths.js';
import { openStore, type Store } from '../../store/index.js';
import { ingestPaths } from '../../store/ingest.js';
import { FIRST_YEAR, replicate, syntheticBases, syntheticDocument } from '../../store/synthetic.js';

type Engine = 'sqlite' | 'postgres';
const ENGINES: Engine[] = ['sqlite', 'postgres'];
const COMPARE_FACTS = [
  'three_public.total',
  'three_public.abroad',
  'three_public.reception',
  'three_public.vehicles',
  'operating_costs.total',
  'share.basic',
];

// The runner does not pass its mode to setup: `yusuan bench --quick` is read from the arguments.
const quick = process.argv.includes('--quick');
const cleanups: (() => Promise<void>)[] = [];

/** A new empty database of the engine. */
async function freshDatabase(engine: Engine, label: string): Promise<string> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), `yusuan-bench-${label}-`));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return join(dir, 'bench.db');
  }
  const admin = process.env.YUSUAN_BENCH_PG_URL || process.env.DATABASE_URL;
  if (!admin || !/^postgres/.test(admin))
    throw new Error('未设置 YUSUAN_BENCH_PG_URL（PostgreSQL 服务器地址），跳过');
  const pg = (await import('pg')).default;
  const name = `yusuan_bench_${label}_${process.pid}_${Date.now()}`;
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: admin, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(db);
  cleanups.push(async () => {
    await sql`drop database if exists ${sql.id(name)}`.execute(db);
    await db.destroy();
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

const corpusDir = () => join(sharedRoot, 'corpus');

async function ingestCorpus(engine: Engine, threads: number): Promise<{ documents: number; ms: number }> {
  const store = await openStore(await freshDatabase(engine, 'corpus'));
  try {
    const s = await ingestPaths(store, [corpusDir()], { threads });
    return { documents: s.documents, ms: s.ms };
  } finally {
    await store.close();
  }
}

for (const engine of ENGINES) {
  let last = { documents: 0, ms: 0 };
  registerBench({
    id: `store.ingest_corpus_${engine}`,
    title: `语料全部文件入库 ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}（读取、审核、入库；全部核心），每次全部入库的耗时`,
    repeat: { full: 2, quick: 1 },
    setup: async () => {
      last = await ingestCorpus(engine, availableParallelism());
      return async () => {
        last = await ingestCorpus(engine, availableParallelism());
      };
    },
    opsPerCall: 1,
    teardown: cleanup,
    extra: async () => {
      const one = await ingestCorpus(engine, 1);
      return {
        documents: last.documents,
        'documents/s (all cores)': round(last.documents / (last.ms / 1000)),
        'documents/s (1 thread)': round(one.documents / (one.ms / 1000)),
        'speed-up': round(one.ms / last.ms),
        cores: availableParallelism(),
      };
    },
  });
}

/** Synthetic stores, built once per engine and size class; shared by the latency cases. */
interface Built {
  store: Store;
  extra: Record<string, number>;
}
const built = new Map<string, Promise<Built>>();

function syntheticStore(engine: Engine, size: 10_000 | 100_000): Promise<Built> {
  const key = `${engine}:${size}`;
  let p: Promise<Built> | undefined = built.get(key);
  if (!p) {
    p = (async () => {
      if (size === 100_000) {
        // The 10,000-document store grown tenfold inside the database (see replicate()).
        const { store } = await syntheticStore(engine, 10_000);
        built.delete(`${engine}:10000`);
        const t0 = performance.now();
        await replicate(store, 10);
        const extra: Record<string, number> = { 'replicate ms': Math.round(performance.now() - t0) };
        return { store, extra };
      }
      const store = await openStore(await freshDatabase(engine, 'synthetic'));
      cleanups.push(() => store.close());
      const n = quick ? 1_000 : 10_000;
      const bases = syntheticBases();
      global.gc?.();
      const rssAt: Record<string, number> = {};
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        await store.ingest(syntheticDocument(bases, i));
        if (i + 1 === 1_000 || i + 1 === n)
          rssAt[`RSS MB at ${i + 1}`] = Math.round(process.memoryUsage().rss / 1048576);
      }
      const ms = performance.now() - t0;
      const extra: Record<string, number> = { documents: n, 'documents/s': round(n / (ms / 1000)), ...rssAt };
      return { store, extra };
    })();
    built.set(key, p);
  }
  return p;
}

for (const engine of ENGINES) {
  let extra: Record<string, number> = {};
  registerBench({
    id: `store.ingest_synthetic_${engine}`,
    title: `10,000 份合成文件入库 ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}（已审核的模型，单进程），内存与速度`,
    repeat: { full: 1, quick: 1 },
    setup: async () => {
      extra = (await syntheticStore(engine, 10_000)).extra;
      return () => undefined;
    },
    extra: async () => extra,
  });
  for (const size of [10_000, 100_000] as const) {
    const label = size === 10_000 ? '10k' : '100k';
    let n = 0;
    let setupExtra: Record<string, number> = {};
    registerBench({
      id: `store.compare_${label}_${engine}`,
      title: `比较查询（某年度全部单位第一页200个，6个数据项），${label} 份文件，${engine}`,
      targetMs: 100,
      repeat: { full: 100, quick: 20 },
      setup: async () => {
        const built = await syntheticStore(engine, size);
        setupExtra = built.extra;
        return async () => {
          const year = FIRST_YEAR + (n++ % 5);
          await built.store.compare({ year, facts: COMPARE_FACTS, limit: 200 });
        };
      },
      extra: async () => setupExtra,
    });
    registerBench({
      id: `store.history_${label}_${engine}`,
      title: `单位历年数据（6个数据项），${label} 份文件，${engine}`,
      targetMs: 100,
      repeat: { full: 200, quick: 40 },
      setup: async () => {
        const { store } = await syntheticStore(engine, size);
        const units = await store.units({ search: '合成市第', limit: 500 });
        return async () => {
          await store.history(units[n++ % units.length].id, COMPARE_FACTS);
        };
      },
      teardown: size === 100_000 && engine === 'postgres' ? cleanup : undefined,
    });
  }
}

async function cleanup(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  built.clear();
}

const round = (n: number) => Math.round(n * 100) / 100;
