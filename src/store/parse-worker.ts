// One ingestion thread (see pool.ts): reads and recognises a file, audits it (without its prior year, which only
// the store knows) and posts the model and findings back.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { auditDisclosure } from '../audit/index.js';
import { containPdfjsRejections } from '../read/contain.js';
import { ReadError } from '../read/errors.js';
import { readLayoutBytesInProcess } from '../read/index.js';
import { recognize } from '../recognize/index.js';
import type { ParseReply, ParseRequest } from './pool.js';

containPdfjsRejections();

parentPort?.on('message', (request: ParseRequest) => {
  const start = performance.now();
  readLayoutBytesInProcess(request.file, request.bytes)
    .then((layout) => {
      const disclosure = recognize(layout);
      const audit = auditDisclosure(disclosure);
      parentPort?.postMessage({
        id: request.id,
        disclosure,
        audit,
        ms: performance.now() - start,
      } satisfies ParseReply);
    })
    .catch((e: unknown) => {
      const error =
        e instanceof ReadError
          ? { reason: e.reason, code: e.code }
          : {
              reason: `读取失败（${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}）`,
              code: 'internal',
            };
      parentPort?.postMessage({ id: request.id, error } satisfies ParseReply);
    });
});
