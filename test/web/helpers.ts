// A web application over a real repository (SQLite in a temporary folder) holding the bundled sample, and
// helpers to sign in and to send forms the way the pages do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { parseFile } from '../../src/parse.js';
import { bundledSamplePath } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { openAccounts, openDrafts, type Drafts } from '../../src/web/accounts-db.js';
import type { Accounts } from '../../src/web/accounts.js';
import { createApp, type AppOptions } from '../../src/web/app.js';
import { StoreRepository } from '../../src/web/store-repository.js';
import { readFileSync } from 'node:fs';

export const ORIGIN = 'http://127.0.0.1';

export interface TestSite {
  app: ReturnType<typeof createApp>;
  repository: StoreRepository;
  accounts: Accounts;
  drafts: Drafts;
  sample: Disclosure;
  sampleId: string;
  close(): Promise<void>;
}

export async function parsedSample(): Promise<Disclosure> {
  const outcome = await parseFile(bundledSamplePath());
  if ('error' in outcome) throw new Error(outcome.error.message);
  return outcome.disclosure;
}

/** A site over a fresh repository: SQLite in a temporary folder, or the database `db` names (PostgreSQL). */
export async function testSite(options: Partial<AppOptions> = {}, db?: string): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-web-'));
  const store = await openStore(db ?? join(dir, 'y.db'));
  const repository = new StoreRepository(store);
  const accounts = await openAccounts(store.db as unknown as Kysely<unknown>, store.dialect === 'postgres');
  const drafts = await openDrafts(store.db as unknown as Kysely<unknown>);
  const sample = await parsedSample();
  const sampleId = await repository.put({
    disclosure: sample,
    files: [{ name: 'xinzhou-govoffice-2023-unit-budget.txt', bytes: readFileSync(bundledSamplePath()) }],
  });
  const app = createApp({ repository, accounts, drafts, ...options });
  return {
    app,
    repository,
    accounts,
    drafts,
    sample,
    sampleId,
    close: async () => {
      await repository.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in user's cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(site: TestSite, login: string, password: string): Promise<Session> {
  const res = await site.app.request(`${ORIGIN}/login`, {
    method: 'POST',
    body: new URLSearchParams({ login, password }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const page = await (await site.app.request(`${ORIGIN}/`, { headers: { cookie } })).text();
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

export function form(fields: Record<string, string>, session?: Session, extra: Record<string, string> = {}) {
  return {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      ...(session ? { cookie: session.cookie } : {}),
      ...extra,
    },
  };
}
