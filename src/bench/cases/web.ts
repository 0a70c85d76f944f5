// Load on the web application over loopback (autocannon, bounded by request count): the document page and
// POST /api/audit. The server runs as `yusuan serve` in its own process on a throwaway database loaded with the
// sample and the corpus, so the load generator does not share its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerBench } from '../registry.js';
import { bundledSamplePath, packageRoot } from '../../paths.js';

interface LoadRun {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Autocannon {
  (opts: Record<string, unknown>): {
    on(event: 'response', f: (client: unknown, status: number, bytes: number, ms: number) => void): void;
    then: Promise<{ duration: number; non2xx: number; errors: number; requests: { total: number } }>['then'];
  };
}

/** Starts `yusuan serve` on a free loopback port and waits until the first-start loading is done. */
async function startServe(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-bench-web-'));
  const child = spawn(
    process.execPath,
    [join(packageRoot, 'bin', 'yusuan.js'), 'serve', '--port', '0', '--db', join(dir, 'y.db')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, YUSUAN_ADMIN_PASSWORD: 'bench-admin-pass' },
    },
  );
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`服务未能启动：${err}`)), 120_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const address = /请在浏览器中打开 (http:\/\/[^/\s]+)\//.exec(err)?.[1];
      if (address && /已载入/.test(err)) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    child.on('exit', (code) => reject(new Error(`服务已退出（${code}）：${err}`)));
  });
  return { url, child, dir };
}

function load(opts: Record<string, unknown>): () => Promise<LoadRun> {
  return async () => {
    const autocannon = (await import('autocannon' as string)).default as Autocannon;
    const times: number[] = [];
    const instance = autocannon({ ...opts, timeout: 60 });
    instance.on('response', (_c, _s, _b, ms) => times.push(ms));
    const result = await instance;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return {
      requests: result.requests.total,
      rps: Math.round((result.requests.total / (result.duration || 1)) * 10) / 10,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      non2xx: result.non2xx,
      errors: result.errors,
    };
  };
}

function webCase(
  id: string,
  title: string,
  request: (url: string) => Promise<Record<string, unknown>>,
): void {
  let server: Awaited<ReturnType<typeof startServe>> | undefined;
  let last: LoadRun | undefined;
  registerBench({
    id,
    title,
    repeat: { full: 1, quick: 1 },
    setup: async () => {
      server = await startServe();
      const run = load(await request(server.url));
      return async () => {
        last = await run();
      };
    },
    extra: async () => ({
      requests: last?.requests ?? 0,
      rps: last?.rps ?? 0,
      p50Ms: last?.p50 ?? 0,
      p95Ms: last?.p95 ?? 0,
      p99Ms: last?.p99 ?? 0,
      failed: (last?.non2xx ?? 0) + (last?.errors ?? 0),
    }),
    teardown: async () => {
      if (!server) return;
      const { child, dir } = server;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

webCase('web.document_page', '网页：文件页（样本，含审核发现标注），2000 次请求，8 个连接', async (url) => {
  const res = await fetch(`${url}/api/documents?kind=unit_budget&year=2023`);
  const { documents } = (await res.json()) as { documents: { id: string; unit: string }[] };
  const sample = documents.find((d) => d.unit.includes('忻州')) ?? documents[0];
  return { url: `${url}/documents/${sample.id}`, connections: 8, amount: 2000 };
});

webCase(
  'web.audit_post',
  '网页：POST /api/audit（上传样本并审核，不保存），200 次请求，4 个连接',
  async (url) => {
    const boundary = '----yusuanbench';
    const file = readFileSync(bundledSamplePath());
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="sample.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return {
      url: `${url}/api/audit`,
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      connections: 4,
      amount: 200,
    };
  },
);
