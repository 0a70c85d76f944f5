// Client islands: small TypeScript modules under src/web/client, bundled for the browser with esbuild on first
// use and kept in memory. The prepare island bundles the project's own model, generator and auditor, so the
// browser computes exactly what the server would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export const ISLANDS = ['document', 'upload', 'prepare'] as const;
export type Island = (typeof ISLANDS)[number];

const cache = new Map<Island, Promise<string>>();

export function islandSource(name: Island): string {
  return join(packageRoot, 'src', 'web', 'client', `${name}.ts`);
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
