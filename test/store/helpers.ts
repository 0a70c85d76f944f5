// The repository's tests run on both engines: SQLite in a temp folder, and PostgreSQL when YUSUAN_TEST_PG_URL
// names a server (`npm test` starts a throwaway one; run alone, vitest skips that half and says so).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe } from 'vitest';
import { packageRoot, sharedRoot } from '../../src/paths.js';
import { parseFiles } from '../../src/parse.js';
import type { Disclosure } from '../../src/model/schema.js';
import type { SourceFile } from '../../src/store/index.js';

export const PG_URL = process.env.YUSUAN_TEST_PG_URL;
export type DialectName = 'sqlite' | 'postgres';

let counter = 0;

/** A new, empty database of the engine: a SQLite file in a temp folder, or a new PostgreSQL database. */
export async function freshUrl(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') return join(await mkdtemp(join(tmpdir(), 'yusuan-store-')), 'test.db');
  const name = `yusuan_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** describe() once per engine; the PostgreSQL half is skipped, with the reason in its title, without a server. */
export function describeStores(title: string, body: (dialect: DialectName) => void): void {
  describe(`${title} (SQLite)`, () => body('sqlite'));
  if (PG_URL) describe(`${title} (PostgreSQL)`, () => body('postgres'));
  else
    describe.skip(`${title} (PostgreSQL：未设置 YUSUAN_TEST_PG_URL，跳过；npm test 会启动临时 PostgreSQL)`, () =>
      body('postgres'));
}

export const corpus = (name: string) => join(sharedRoot, 'corpus', name);

/** Parses corpus files as one batch (volumes joined) and returns each document with its source files. */
export async function parseCorpus(
  names: readonly string[],
): Promise<{ disclosure: Disclosure; files: SourceFile[] }[]> {
  const outcomes = await parseFiles(names.map(corpus));
  const out = [];
  for (const o of outcomes) {
    if ('error' in o) throw new Error(o.error.message);
    out.push({
      disclosure: o.disclosure,
      files: await Promise.all(
        o.files.map(async (f) => ({ name: basename(f), bytes: new Uint8Array(await readFile(f)) })),
      ),
    });
  }
  return out;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line (dist/), as a user would. */
export function yusuan(
  args: string[],
  env: Record<string, string> = {},
): { done: Promise<RunResult>; kill: () => void; stderr: () => string } {
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'yusuan.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<RunResult>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { done, kill: () => child.kill('SIGKILL'), stderr: () => stderr };
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
