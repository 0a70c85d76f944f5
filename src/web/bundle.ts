// Client islands: small TypeScript modules under src/web/client, bundled for the browser with esbuild on first
// use and kept in memory. The prepare island bundles the project's own model, generator and auditor, so the
// browser computes exactly what the server would.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export const ISLANDS = ['document', 'upload', 'prepare'] as const;
export type Island = (typeof ISLANDS)[number];

const cache = new Map<Island, Promise<string>>();

export function islandSource(name: Island): string {
  return join(packageRoot, 'src', 'web', 'client', `${name}.ts`);
}

/**
 * The auditor reads the classification catalogs (data/catalogs/*.csv) with node:fs. In the browser the same code
 * runs over shims: node:fs answers from the catalogs embedded in the bundle, node:path and node:url do string work.
 */
const BROWSER_SHIMS: Record<string, string> = {
  'node:path': `export const join = (...p) => p.filter(Boolean).join('/');
export const dirname = (p) => p.replace(/\\/[^/]*$/, '');
export const resolve = (...p) => p.filter(Boolean).join('/');
export const basename = (p) => p.split('/').pop();`,
  'node:url': `export const fileURLToPath = (u) => String(u);`,
};

async function catalogShim(): Promise<string> {
  const dir = join(packageRoot, 'data', 'catalogs');
  const files: Record<string, string> = {};
  for (const name of await readdir(dir))
    if (name.endsWith('.csv')) files[name] = await readFile(join(dir, name), 'utf8');
  return `const files = ${JSON.stringify(files)};
export function readFileSync(path) {
  const name = String(path).split('/').pop();
  if (name in files) return files[name];
  throw new Error('浏览器中无法读取文件：' + path);
}`;
}

async function build(name: Island): Promise<string> {
  const entry = islandSource(name);
  if (!existsSync(entry)) throw new Error(`缺少前端源文件：${entry}`);
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-shims',
        setup(b) {
          b.onResolve({ filter: /^node:(fs|path|url)$/ }, (args) => ({ path: args.path, namespace: 'shim' }));
          b.onLoad({ filter: /.*/, namespace: 'shim' }, async (args) => ({
            contents: args.path === 'node:fs' ? await catalogShim() : BROWSER_SHIMS[args.path],
            loader: 'js',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

export function island(name: Island): Promise<string> {
  let p = cache.get(name);
  if (!p) {
    p = build(name);
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}
