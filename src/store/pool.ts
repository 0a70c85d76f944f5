// Parsing on all cores: a pool of worker threads, one file at a time each, with the reader's time and heap limits
// (src/read/isolate.ts). A thread that exceeds them, or crashes, is terminated and replaced; the file fails with
// a reason and the batch goes on. From the TypeScript sources (tests) the entry does not exist: files are then
// parsed in-process, one at a time.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditResult } from '../audit/index.js';
import { auditDisclosure } from '../audit/index.js';
import type { Disclosure } from '../model/schema.js';
import { READ_HEAP_MB, READ_TIMEOUT_MS, READ_YOUNG_MB } from '../read/isolate.js';
import { ReadError } from '../read/errors.js';
import { readLayoutBytes } from '../read/index.js';
import { recognize } from '../recognize/index.js';

export interface ParseRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
}

export type ParseReply =
  | { id: number; disclosure: Disclosure; audit: AuditResult; ms: number }
  | { id: number; error: { reason: string; code: string } };

export type Parsed = { disclosure: Disclosure; audit: AuditResult; ms: number };

const entry = new URL('./parse-worker.js', import.meta.url);

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

interface Task {
  file: string;
  bytes: Uint8Array;
  resolve: (p: Parsed) => void;
  reject: (e: ReadError) => void;
}

export class ParsePool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private readonly threaded: boolean;

  constructor(size = availableParallelism()) {
    this.threaded = existsSync(fileURLToPath(entry));
    this.size = this.threaded ? Math.max(1, size) : 1;
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, busy: false }));
  }

  /** Parses and audits one file; rejects with a ReadError (never anything else). */
  parse(file: string, bytes: Uint8Array): Promise<Parsed> {
    if (!this.threaded) return parseInProcess(file, bytes);
    return new Promise((resolve, reject) => {
      this.waiting.push({ file, bytes, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
    for (const s of this.slots) s.worker = null;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const task = this.waiting.shift();
      if (!task) return;
      this.run(slot, task);
    }
  }

  private run(slot: Slot, task: Task): void {
    slot.busy = true;
    const w = (slot.worker ??= new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: READ_HEAP_MB, maxYoungGenerationSizeMb: READ_YOUNG_MB },
    }));
    const id = this.nextId++;
    const done = (discard: boolean) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (discard) {
        if (slot.worker === w) slot.worker = null;
        void w.terminate();
      }
      slot.busy = false;
      this.dispatch();
    };
    const timer = setTimeout(() => {
      done(true);
      task.reject(
        new ReadError(
          task.file,
          `读取超时（超过 ${Math.round(READ_TIMEOUT_MS / 1000)} 秒），疑似异常文件，已放弃`,
          'timeout',
        ),
      );
    }, READ_TIMEOUT_MS);
    const onMessage = (reply: ParseReply) => {
      if (reply.id !== id) return;
      done(false);
      if ('error' in reply) task.reject(new ReadError(task.file, reply.error.reason, reply.error.code));
      else task.resolve({ disclosure: reply.disclosure, audit: reply.audit, ms: reply.ms });
    };
    const onError = (e: Error) => {
      done(true);
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      task.reject(
        oom
          ? new ReadError(
              task.file,
              `读取时内存超过 ${READ_HEAP_MB} MB 上限，疑似异常文件，已放弃`,
              'too_large',
            )
          : new ReadError(task.file, `读取失败（${e.message.split('\n')[0].slice(0, 160)}）`, 'internal'),
      );
    };
    const onExit = () => {
      done(true);
      task.reject(new ReadError(task.file, '读取线程意外退出，无法读取', 'internal'));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    // A copy of its own, transferred: the caller's buffer is never detached.
    const copy = new Uint8Array(task.bytes);
    w.postMessage({ id, file: task.file, bytes: copy } satisfies ParseRequest, [copy.buffer]);
  }
}

async function parseInProcess(file: string, bytes: Uint8Array): Promise<Parsed> {
  const start = performance.now();
  try {
    const disclosure = recognize(await readLayoutBytes(file, bytes));
    return { disclosure, audit: auditDisclosure(disclosure), ms: performance.now() - start };
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(
      file,
      `读取失败（${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}）`,
      'internal',
    );
  }
}
