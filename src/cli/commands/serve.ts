// `yusuan serve [--port N] [--host H] [--db URL] [--no-seed]`: the web application.
import { UsageError } from '../io.js';

export interface ServeCommandOptions {
  port?: string;
  host?: string;
  db?: string;
  seed?: boolean;
}

/** Runs until SIGINT/SIGTERM; then stops accepting, lets requests in flight finish and closes the database. */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const port = opts.port === undefined ? Number(process.env.PORT ?? 8080) : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口号无效：${opts.port}`);
  const { startServer } = await import('../../web/server.js');
  const { StoreError } = await import('../../store/index.js');
  let server;
  try {
    server = await startServer({ port, host: opts.host, db: opts.db, seed: opts.seed });
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    if ((e as { code?: string }).code === 'EADDRINUSE')
      throw new UsageError(`端口 ${port} 已被占用，请用 --port 换一个`);
    throw e;
  }
  process.stderr.write(`预算公开审核平台已启动：请在浏览器中打开 ${server.url}/\n按 Ctrl+C 停止。\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('正在停止……\n');
  await server.close();
  return 0;
}
