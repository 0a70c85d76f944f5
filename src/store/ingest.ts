// `yusuan ingest`: files and folders into the store. Files are parsed and audited on all cores (pool.ts), each
// document is stored in one transaction as soon as it is ready (so memory stays flat however large the batch),
// a file already stored (same SHA-256) is skipped, and a file that cannot be read is recorded with its reason.
// Volumes that may belong together (a text and a tables volume) are held until the batch is read, then joined.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ReadError } from '../read/errors.js';
import { MAX_FILE_BYTES } from '../read/index.js';
import { isVolume, joinParts } from '../recognize/join.js';
import type { ParseOutcome } from '../parse.js';
import { sha256 } from './blobs.js';
import { ParsePool, type Parsed } from './pool.js';
import type { Store } from './store.js';

/** Extensions read when a folder is walked (a file named explicitly is always tried). */
export const INGEST_EXTENSIONS = new Set(['.pdf', '.xlsx', '.xls', '.docx', '.txt']);

export type IngestOutcome = 'stored' | 'exists' | 'skipped' | 'failed';

export interface IngestEvent {
  file: string;
  outcome: IngestOutcome;
  reason?: string;
  documentId?: number;
}

export interface IngestOptions {
  /** Parsing threads (default: every core). */
  threads?: number;
  /** Try again files recorded as failed by an earlier run (default: skip them). */
  retryFailed?: boolean;
  onStart?: (total: number) => void;
  onEvent?: (event: IngestEvent) => void;
}

export interface IngestSummary {
  files: number;
  /** Documents newly stored (a text and a tables volume make one). */
  documents: number;
  stored: number;
  exists: number;
  skipped: number;
  failed: number;
  failures: { file: string; reason: string }[];
  ms: number;
}

/** Every file under the paths (folders walked recursively, hidden entries skipped), sorted, without duplicates. */
export async function collectFiles(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && INGEST_EXTENSIONS.has(extname(e.name).toLowerCase())) files.add(path);
    }
  };
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s) missing.push(p);
    else if (s.isDirectory()) await walk(p);
    else files.add(p);
  }
  return { files: [...files], missing };
}

/** Reads a file for ingestion, refusing what the readers would refuse before reading it all. */
export async function readSource(file: string): Promise<Uint8Array> {
  const s = await stat(file).catch(() => undefined);
  if (!s) throw new ReadError(file, '文件不存在或无法打开', 'missing');
  if (s.size > MAX_FILE_BYTES)
    throw new ReadError(file, `文件过大（${Math.round(s.size / 1048576)} MB），超过上限`, 'too_large');
  return new Uint8Array(await readFile(file));
}

interface Held {
  file: string;
  parsed: Parsed;
}

export async function ingestPaths(
  store: Store,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const start = Date.now();
  const { files, missing } = await collectFiles(paths);
  const summary: IngestSummary = {
    files: files.length + missing.length,
    documents: 0,
    stored: 0,
    exists: 0,
    skipped: 0,
    failed: 0,
    failures: [],
    ms: 0,
  };
  options.onStart?.(summary.files);
  const newDocuments = new Set<number>();
  const report = (event: IngestEvent) => {
    if (event.outcome === 'stored' && event.documentId !== undefined) newDocuments.add(event.documentId);
    summary.documents = newDocuments.size;
    if (event.outcome === 'failed') summary.failures.push({ file: event.file, reason: event.reason ?? '' });
    summary[event.outcome]++;
    options.onEvent?.(event);
  };
  for (const m of missing) report({ file: m, outcome: 'failed', reason: '文件不存在或无法打开' });

  const pool = new ParsePool(options.threads);
  const held: Held[] = [];
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const file = files[next++];
      await ingestFile(store, pool, file, options, held).then(
        (event) => event && report(event),
        (e: unknown) => report({ file, outcome: 'failed', reason: storeReason(e) }),
      );
    }
  };
  try {
    // One more lane than threads: a file is read and hashed while the others parse.
    await Promise.all(Array.from({ length: pool.size + 1 }, lane));
  } finally {
    await pool.close();
  }

  // Volumes: joined where a partner was read in the same batch, stored alone otherwise.
  const outcomes: ParseOutcome[] = held.map((h) => ({
    file: h.file,
    files: [h.file],
    disclosure: h.parsed.disclosure,
  }));
  const byFile = new Map(held.map((h) => [h.file, h.parsed]));
  for (const o of joinParts(outcomes)) {
    if ('error' in o) continue;
    try {
      const sources = await Promise.all(
        o.files.map(async (f) => ({ name: basename(f), bytes: await readSource(f) })),
      );
      const single = o.files.length === 1 ? byFile.get(o.file) : undefined;
      const ms = o.files.reduce((n, f) => n + (byFile.get(f)?.ms ?? 0), 0);
      const r = await store.ingest({
        disclosure: o.disclosure,
        files: sources,
        parseMs: ms,
        audit: single?.audit,
      });
      for (const f of o.files) report({ file: f, outcome: r.status, documentId: r.documentId });
    } catch (e) {
      for (const f of o.files) report({ file: f, outcome: 'failed', reason: storeReason(e) });
    }
  }
  summary.ms = Date.now() - start;
  return summary;
}

async function ingestFile(
  store: Store,
  pool: ParsePool,
  file: string,
  options: IngestOptions,
  held: Held[],
): Promise<IngestEvent | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readSource(file);
  } catch (e) {
    const error = e as ReadError;
    return { file, outcome: 'failed', reason: error.reason ?? String(e) };
  }
  const sha = sha256(bytes);
  const { stored, failed } = await store.known([sha]);
  if (stored.has(sha)) return { file, outcome: 'skipped' };
  if (failed.has(sha) && !options.retryFailed) return { file, outcome: 'skipped', reason: failed.get(sha) };
  let parsed: Parsed;
  try {
    parsed = await pool.parse(file, bytes);
  } catch (e) {
    const error = e instanceof ReadError ? e : new ReadError(file, String(e), 'internal');
    await store.recordFailure({ name: basename(file), bytes, reason: error.reason, code: error.code });
    return { file, outcome: 'failed', reason: error.reason };
  }
  if (isVolume(parsed.disclosure)) {
    held.push({ file, parsed });
    return null;
  }
  const r = await store.ingest({
    disclosure: parsed.disclosure,
    files: [{ name: basename(file), bytes }],
    parseMs: parsed.ms,
    audit: parsed.audit,
  });
  return { file, outcome: r.status, documentId: r.documentId };
}

function storeReason(e: unknown): string {
  return `入库失败（${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}）`;
}
