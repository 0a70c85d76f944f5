// Original files, content-addressed by SHA-256 and never altered: on disk beside a SQLite file
// (<name>-files/ab/abcdef…), in the file_contents table otherwise (PostgreSQL, or SQLite in memory).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { Location } from './connect.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BlobStore {
  put(db: Kysely<Database> | Transaction<Database>, sha: string, bytes: Uint8Array): Promise<void>;
  get(db: Kysely<Database>, sha: string): Promise<Uint8Array | undefined>;
}

export function blobStore(location: Location): BlobStore {
  if (location.dialect === 'sqlite' && location.path !== ':memory:')
    return diskBlobs(blobFolder(location.path!));
  return tableBlobs;
}

/** data/yusuan.db → data/yusuan-files */
export function blobFolder(dbPath: string): string {
  return join(dirname(dbPath), basename(dbPath, extname(dbPath)) + '-files');
}

function diskBlobs(root: string): BlobStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  return {
    async put(_db, sha, bytes) {
      const path = pathOf(sha);
      if (existsSync(path)) return;
      await mkdir(dirname(path), { recursive: true });
      // Written under a temporary name and renamed: a killed process never leaves a partial file under the hash.
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    async get(_db, sha) {
      return readFile(pathOf(sha)).then(
        (b) => new Uint8Array(b),
        () => undefined,
      );
    },
  };
}

const tableBlobs: BlobStore = {
  async put(db, sha, bytes) {
    await db
      .insertInto('file_contents')
      .values({ sha256: sha, content: bytes })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  },
  async get(db, sha) {
    const row = await db
      .selectFrom('file_contents')
      .select('content')
      .where('sha256', '=', sha)
      .executeTakeFirst();
    return row ? new Uint8Array(row.content) : undefined;
  },
};
