// Security at the edge of every request: headers (CSP, nosniff, frame-ancestors), the session cookie, CSRF
// checks for requests that change something, and the upload size limit.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Accounts, SessionUser } from './accounts.js';

export interface WebVariables {
  user: SessionUser | null;
  csrf: string;
  sessionToken: string | null;
}
export type WebEnv = { Variables: WebVariables };

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // ECharts' SVG carries presentation in style attributes; attributes cannot run script.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};

const COOKIE = 'yusuan_session';

/** Loopback over plain HTTP (development, tests) is the one place a session cookie may go without TLS. */
function secureRequest(c: Context): boolean {
  const url = new URL(c.req.url);
  if (url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https') return true;
  return !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
}

export function setSessionCookie(c: Context, token: string, expires: Date): void {
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureRequest(c),
    path: '/',
    expires,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, COOKIE, { path: '/', secure: secureRequest(c) });
}

export function sessions(accounts: Accounts): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const token = getCookie(c, COOKIE) ?? null;
    const session = token ? await accounts.session(token) : undefined;
    c.set('user', session?.user ?? null);
    c.set('csrf', session?.csrf ?? '');
    c.set('sessionToken', session ? token : null);
    await next();
  };
}

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/**
 * A request that changes something must come from our own pages: never from another site (Origin,
 * Sec-Fetch-Site), and, when it rides on a session, it must carry that session's CSRF token (form field `_csrf`
 * or header `X-CSRF-Token`). Requests without a session carry no authority to forge.
 */
export const csrfProtection: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (SAFE.test(c.req.method)) return next();
  const origin = c.req.header('origin');
  const own = new URL(c.req.url).origin;
  const site = c.req.header('sec-fetch-site');
  if ((origin && origin !== own && origin !== 'null') || site === 'cross-site' || origin === 'null')
    return forbidden(c);
  if (c.get('sessionToken')) {
    let token = c.req.header('x-csrf-token');
    const type = c.req.header('content-type') ?? '';
    if (!token && /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type)) {
      const body = await c.req.parseBody({ all: true });
      token = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
    if (!token || token !== c.get('csrf')) return forbidden(c);
  }
  return next();
};

function forbidden(c: Context) {
  const message = '请求来源无法验证（可能是跨站请求），请刷新页面后重试';
  if (c.req.path.startsWith('/api/')) return c.json({ error: message }, 403);
  return c.text(message, 403);
}
