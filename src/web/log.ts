// Structured logs: one JSON object per line on stdout (request method, path, status, duration, user), easy for
// journald or any collector to parse.
import type { MiddlewareHandler } from 'hono';
import type { WebEnv } from './security.js';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  middleware: MiddlewareHandler<WebEnv>;
}

export function createLogger(write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const emit = (level: string, message: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }) + '\n');
  return {
    info: (m, f) => emit('info', m, f),
    error: (m, f) => emit('error', m, f),
    middleware: async (c, next) => {
      const start = performance.now();
      await next();
      emit('info', 'request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
        user: c.get('user')?.login,
      });
    },
  };
}
