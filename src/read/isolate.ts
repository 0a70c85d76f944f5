// Readers whose libraries can spin synchronously for minutes on a hostile file (pdfjs on a mutated CFF font,
// SheetJS on a huge sheet) run in a worker thread with a time limit and a heap limit: a timer on the main thread
// cannot interrupt synchronous code, but terminating the worker can. One worker is kept and reused (libraries
// load once); it is replaced after a timeout or a crash. The worker entry exists only in the compiled build;
// from the TypeScript sources (tests) readers run in-process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReadError } from './errors.js';
import type { LayoutDocument } from '../layout/types.js';

/** Per-file limit on reading; YUSUAN_READ_TIMEOUT_MS overrides it (tests of the limit itself). */
export const READ_TIMEOUT_MS = Number(process.env.YUSUAN_READ_TIMEOUT_MS) || 120_000;
/** Heap of the reading worker. */
export const READ_HEAP_MB = 2048;
/**
 * Young generation of the reading worker (V8 gives a third to each semi-space: 64 MB). pdfjs allocates heavily
 * and much of it survives a page, so with the default (16 MB semi-spaces) scavenges copied the same objects again
 * and again: 7% fewer instructions per PDF parse with this size (callgrind, node --max-semi-space-size=64). The
 * space grows to it only when a read needs it.
 */
export const READ_YOUNG_MB = 192;

const entry = new URL('./read-worker.js', import.meta.url);

export function isolationAvailable(): boolean {
  return existsSync(fileURLToPath(entry));
}

export interface WorkerRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
}

export type WorkerReply =
  | { id: number; layout: LayoutDocument }
  | { id: number; error: { reason: string; code: string } | { message: string } };

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function spawn(): Worker {
  const w = new Worker(entry, {
    resourceLimits: { maxOldGenerationSizeMb: READ_HEAP_MB, maxYoungGenerationSizeMb: READ_YOUNG_MB },
  });
  w.unref();
  return w;
}

/** Reads one file in the worker; requests are served one at a time. */
export function readIsolated(file: string, bytes: Uint8Array): Promise<LayoutDocument> {
  const run = queue.then(() => readOnce(file, bytes));
  queue = run.catch(() => undefined);
  return run;
}

function readOnce(file: string, bytes: Uint8Array): Promise<LayoutDocument> {
  const w = (worker ??= spawn());
  const id = nextId++;
  return new Promise<LayoutDocument>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
    };
    const discard = () => {
      if (worker === w) worker = null;
      void w.terminate();
    };
    const timer = setTimeout(() => {
      finish();
      discard();
      reject(
        new ReadError(
          file,
          `读取超时（超过 ${Math.round(READ_TIMEOUT_MS / 1000)} 秒），疑似异常文件，已放弃`,
          'timeout',
        ),
      );
    }, READ_TIMEOUT_MS);
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      finish();
      if ('layout' in reply) resolve(reply.layout);
      else if ('reason' in reply.error) reject(new ReadError(file, reply.error.reason, reply.error.code));
      else reject(new ReadError(file, `读取失败（${reply.error.message}）`, 'internal'));
    };
    const onError = (e: Error) => {
      finish();
      discard();
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(
        oom
          ? new ReadError(file, `读取时内存超过 ${READ_HEAP_MB} MB 上限，疑似异常文件，已放弃`, 'too_large')
          : new ReadError(file, `读取失败（${e.message.split('\n')[0].slice(0, 160)}）`, 'internal'),
      );
    };
    const onExit = () => {
      finish();
      if (worker === w) worker = null;
      reject(new ReadError(file, '读取进程意外退出，无法读取', 'internal'));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref();
    // A copy of its own (new Uint8Array copies; Buffer#slice would share), so that the transfer never detaches
    // the caller's buffer or Node's pooled one.
    const copy = new Uint8Array(bytes);
    const request: WorkerRequest = { id, file, bytes: copy };
    w.postMessage(request, [copy.buffer]);
  });
}
