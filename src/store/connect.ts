// Where the repository lives: a SQLite file (the default, ./data/yusuan.db, nothing to set up) or a PostgreSQL
// server (`postgres://…`, from --db or DATABASE_URL). One Kysely instance over either; a URL is only ever shown
// with its password masked.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export const DEFAULT_DB = './data/yusuan.db';

export interface Location {
  dialect: Dialect;
  /** The URL or path as given (may hold a password: never print it, print `display`). */
  url: string;
  /** SQLite: absolute path of the file, or ':memory:'. */
  path?: string;
  display: string;
}

export class StoreError extends Error {}

/** Resolves --db / DATABASE_URL / the default into a location. */
export function locate(url?: string): Location {
  const given = url || process.env.DATABASE_URL || DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(given))
    return { dialect: 'postgres', url: given, display: maskPassword(given) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given) && !/^sqlite:/i.test(given))
    throw new StoreError(`不支持的数据库地址：${maskPassword(given)}（可用 SQLite 文件路径或 postgres://…）`);
  const raw = given.replace(/^sqlite:(\/\/)?/i, '');
  const path = raw === ':memory:' ? raw : resolve(raw);
  return { dialect: 'sqlite', url: given, path, display: path };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db */
export function maskPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const key of [...u.searchParams.keys()]) if (/pass/i.test(key)) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

export async function connect(location: Location): Promise<Kysely<Database>> {
  if (location.dialect === 'postgres') {
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: location.url, max: 4 });
    // A pool error (server gone) must not crash the process with an unhandled 'error' event; queries fail instead.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const BetterSqlite = (await import('better-sqlite3')).default;
  const path = location.path!;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db;
  try {
    db = new BetterSqlite(path);
  } catch (e) {
    throw new StoreError(`无法打开数据库文件 ${path}（${e instanceof Error ? e.message : String(e)}）`);
  }
  // WAL: readers (the web application) never wait for the ingesting writer; a writer waits for another.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 30000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
}
