// pdfjs-dist prefetches page dictionaries it may never await (Catalog.getPageDict caches `xref.fetchAsync(kid)`
// for every top-level kid); on a damaged PDF such a prefetch rejects with nobody listening, after the awaited call
// has already failed and been reported as a ReadError. Node's default for an unhandled rejection is to crash the
// process, which would take the other files of the same `yusuan parse` call with it and print a stack trace.
// This handler drops only rejections raised inside pdfjs-dist; any other unhandled rejection keeps Node's default.

let installed = false;

/** True for a rejection whose error was raised by pdfjs-dist's own code. */
export function isPdfjsRejection(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  return /[\\/]pdfjs-dist[\\/]/.test(reason.stack ?? '');
}

function onUnhandledRejection(reason: unknown): void {
  if (isPdfjsRejection(reason)) return;
  // Another listener (a test runner, a server) decides what to do with the rest; alone, keep Node's default.
  if (process.listenerCount('unhandledRejection') > 1) return;
  throw reason;
}

/** Installs the handler once per process. */
export function containPdfjsRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', onUnhandledRejection);
}
