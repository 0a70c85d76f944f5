// Running the web application: open the repository, create the first administrator, serve on a port, load the
// bundled sample (and ../shared/corpus) into an empty repository in the background, log as JSON lines, and
// shut down gracefully on SIGINT/SIGTERM (stop accepting, finish requests in flight, close the database).
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { bundledSamplePath, sharedRoot } from '../paths.js';
import { openStore } from '../store/index.js';
import { ingestPaths } from '../store/ingest.js';
import { openAccounts, openDrafts, type Drafts } from './accounts-db.js';
import type { Accounts } from './accounts.js';
import { createApp } from './app.js';
import { createLogger, type Logger } from './log.js';
import type { Repository } from './repository.js';
import { StoreRepository } from './store-repository.js';

export interface ServeOptions {
  port?: number;
  host?: string;
  db?: string;
  /** Load the sample and the corpus into an empty repository (default true). */
  seed?: boolean;
  logger?: Logger;
  /** Where messages for the person who started the server go (standard error by default). */
  print?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  repository: Repository;
  accounts: Accounts;
  drafts: Drafts;
  /** Resolves when the first-start loading has finished (immediately when there was nothing to load). */
  seeded: Promise<void>;
  close(): Promise<void>;
}

/** What an empty repository is loaded with: the bundled sample, and ../shared/corpus when present. */
export function seedPaths(): string[] {
  const corpus = join(sharedRoot, 'corpus');
  return existsSync(corpus) ? [bundledSamplePath(), corpus] : [bundledSamplePath()];
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const print = options.print ?? ((line: string) => process.stderr.write(line));
  const store = await openStore(options.db);
  const repository = new StoreRepository(store);
  const accounts = await openAccounts(store.db as unknown as Kysely<unknown>, store.dialect === 'postgres');
  const drafts = await openDrafts(store.db as unknown as Kysely<unknown>);

  if ((await accounts.countUsers()) === 0) {
    const password = process.env.YUSUAN_ADMIN_PASSWORD || randomBytes(9).toString('base64url');
    await accounts.createUser({ login: 'admin', name: '系统管理员', role: 'admin', password });
    print(
      `已创建管理员账号 admin，初始密码：${process.env.YUSUAN_ADMIN_PASSWORD ? '（YUSUAN_ADMIN_PASSWORD 所设）' : password}\n请登录后在“用户与单位”页开设其他账号。\n`,
    );
  }

  const app = createApp({ repository, accounts, drafts, logger });
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info('listening', { url, db: store.display });

  let seeded: Promise<void> = Promise.resolve();
  if (options.seed !== false && (await repository.counts()).documents === 0) {
    print('资料库为空：正在后台载入示例文件和语料，页面可先打开浏览。\n');
    seeded = ingestPaths(store, seedPaths(), { threads: 1 }).then(
      (summary) => {
        logger.info('seed.done', { documents: summary.documents, failed: summary.failed, ms: summary.ms });
        print(
          `已载入 ${summary.documents} 份文件${summary.failed ? `，${summary.failed} 个文件无法读取` : ''}。\n`,
        );
      },
      (e) => logger.error('seed.error', { error: e instanceof Error ? e.message : String(e) }),
    );
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await seeded;
      await repository.close();
      logger.info('stopped');
    })());
  return { url, repository, accounts, drafts, seeded, close };
}
