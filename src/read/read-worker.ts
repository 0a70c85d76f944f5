// The reading worker (see isolate.ts): reads files in-process on its own thread and posts the layout back.
import { parentPort } from 'node:worker_threads';
import { ReadError } from './errors.js';
import { readLayoutBytesInProcess } from './index.js';
import { containPdfjsRejections } from './contain.js';
import type { WorkerReply, WorkerRequest } from './isolate.js';

containPdfjsRejections();

parentPort?.on('message', (request: WorkerRequest) => {
  readLayoutBytesInProcess(request.file, request.bytes).then(
    (layout) => parentPort?.postMessage({ id: request.id, layout } satisfies WorkerReply),
    (e: unknown) => {
      const error =
        e instanceof ReadError
          ? { reason: e.reason, code: e.code }
          : { message: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200) };
      parentPort?.postMessage({ id: request.id, error } satisfies WorkerReply);
    },
  );
});
