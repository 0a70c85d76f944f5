// The web application as one Hono app: pages, the JSON API and static assets. It opens no port (server.ts does),
// so every handler is testable in-process with `app.request()`.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Accounts } from './accounts.js';
import type { Drafts } from './accounts-db.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { accountRoutes } from './routes/accounts.js';
import { prepareRoutes } from './routes/prepare.js';
import { staticRoutes } from './routes/static.js';
import type { Repository } from './repository.js';
import { csrfProtection, securityHeaders, sessions, type WebEnv } from './security.js';
import { messagePage } from './layout.js';
import type { Logger } from './log.js';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle.js';

export interface AppOptions {
  repository: Repository;
  accounts: Accounts;
  drafts: Drafts;
  logger?: Logger;
  /** Largest request body (uploads), in bytes. */
  maxUploadBytes?: number;
  /** Limits on failed logins (defaults: 5 in a row per login and address, 50 an hour per address; 15 min block). */
  loginThrottle?: LoginThrottleOptions;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export interface AppContext {
  repository: Repository;
  accounts: Accounts;
  drafts: Drafts;
  maxUploadBytes: number;
  loginThrottle: LoginThrottle;
}

export function createApp(options: AppOptions): Hono<WebEnv> {
  const ctx: AppContext = {
    repository: options.repository,
    accounts: options.accounts,
    drafts: options.drafts,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    loginThrottle: new LoginThrottle(options.loginThrottle),
  };
  const app = new Hono<WebEnv>();
  if (options.logger) app.use('*', options.logger.middleware);
  app.use('*', securityHeaders);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.maxUploadBytes,
      onError: (c) => tooLarge(c, ctx.maxUploadBytes),
    }),
  );
  app.use('*', sessions(ctx.accounts));
  app.use('*', csrfProtection);
  app.route('/static', staticRoutes());
  app.route('/api', apiRoutes(ctx));
  app.route('/', accountRoutes(ctx));
  app.route('/', prepareRoutes(ctx));
  app.route('/', pageRoutes(ctx));
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: '没有这个地址' }, 404)
      : c.html(messagePage('找不到页面', '没有这个页面，或它已被删除。', c.get('user')).value, 404),
  );
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    options.logger?.error('unhandled', {
      path: c.req.path,
      error: err instanceof Error ? err.message : String(err),
    });
    const message = '服务器内部错误，请稍后重试；如问题持续，请联系管理员。';
    return c.req.path.startsWith('/api/')
      ? c.json({ error: message }, 500)
      : c.html(messagePage('出错了', message, c.get('user')).value, 500);
  });
  return app;
}

export function tooLarge(c: Context, max: number) {
  const message = `上传内容过大：每次最多 ${Math.floor(max / 1024 / 1024)} MB`;
  return c.req.path.startsWith('/api/') ? c.json({ error: message }, 413) : c.text(message, 413);
}
