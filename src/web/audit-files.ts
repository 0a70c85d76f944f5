// Uploaded files → audit results: written to a private temporary folder under their own names (the readers
// sniff the content; the name is what messages cite), parsed together so that text and tables volumes of one
// document are joined, audited, and removed again.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { auditDisclosure, type Finding } from '../audit/index.js';
import type { Disclosure } from '../model/schema.js';
import { parseFiles } from '../parse.js';
import type { Repository } from './repository.js';

/** Extensions the readers accept; anything else is refused with 415 before it is read. */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.xlsx', '.xls', '.docx', '.txt'];

export class UnsupportedFile extends Error {}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export type FileResult =
  | {
      file: string;
      disclosure: Disclosure;
      findings: Finding[];
      summary: Record<'error' | 'warning' | 'info', number>;
      stored?: string;
      storeError?: string;
    }
  | { file: string; error: string };

/** A name safe to write in our own folder: no directories, no control characters, a bounded length. */
export function safeName(name: string, index: number): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .slice(-120);
  return base && base !== '.' && base !== '..' ? base : `file-${index + 1}`;
}

export function checkExtension(name: string): void {
  const lower = name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((e) => lower.endsWith(e)))
    throw new UnsupportedFile(
      `不支持的文件类型：${name}（可上传 ${ACCEPTED_EXTENSIONS.map((e) => e.slice(1).toUpperCase()).join('、')}）`,
    );
}

/** Audits uploads; stores them too when a repository is given. Never throws for a bad file. */
export async function auditUploads(uploads: readonly Upload[], store?: Repository): Promise<FileResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-upload-'));
  try {
    const byPath = new Map<string, Upload>();
    for (const [i, u] of uploads.entries()) {
      let name = safeName(u.name, i);
      if ([...byPath.keys()].some((p) => basename(p) === name)) name = `${i + 1}-${name}`;
      const path = join(dir, name);
      await writeFile(path, u.bytes);
      byPath.set(path, u);
    }
    const started = performance.now();
    const outcomes = await parseFiles([...byPath.keys()]);
    const parseMs = (performance.now() - started) / Math.max(1, outcomes.length);
    const results: FileResult[] = [];
    for (const o of outcomes) {
      const sources = o.files
        .map((f) => byPath.get(f)!)
        .map((u) => ({ name: basename(u.name), bytes: u.bytes }));
      const file = sources.map((s) => s.name).join(' + ');
      if ('error' in o) {
        results.push({ file, error: o.error.reason });
        continue;
      }
      const { findings, summary } = auditDisclosure(o.disclosure);
      let stored: string | undefined;
      let storeError: string | undefined;
      if (store) {
        try {
          stored = await store.put({ disclosure: o.disclosure, files: sources, parseMs });
        } catch (e) {
          storeError = `保存失败（${e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : String(e)}）`;
        }
      }
      results.push({ file, disclosure: o.disclosure, findings, summary, stored, storeError });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
