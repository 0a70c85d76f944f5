// pdfjs-dist decodes every Flate stream (content streams, fonts, object streams) through the web
// `DecompressionStream('deflate')`. In Node that is zlib on the thread pool behind several layers of web streams:
// ~10 promises and a thread hop per stream, which for a 21-page disclosure cost more than the inflating itself and
// left the thread idle while waiting. While pdfjs reads a PDF, `DecompressionStream('deflate')` is served by the
// same zlib synchronously (`inflateSync`): same bytes out, same errors ("unexpected end of file" on a truncated
// stream, after which pdfjs falls back to its own tolerant decoder), one chunk instead of many. Only the part of
// the API pdfjs uses exists (`writable.getWriter()`, async iteration of `readable`); other formats, and any use
// outside a PDF read, get the native class.
import { inflateSync } from 'node:zlib';

type DecompressionCtor = typeof globalThis.DecompressionStream;

const native: DecompressionCtor | undefined = globalThis.DecompressionStream;
let users = 0;

interface SyncWriter {
  ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

function syncInflateStream(): { writable: { getWriter(): SyncWriter }; readable: AsyncIterable<Uint8Array> } {
  const input: Uint8Array[] = [];
  let closed!: () => void;
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));
  const writer: SyncWriter = {
    ready: Promise.resolve(),
    write: async (chunk) => void input.push(chunk),
    close: async () => closed(),
  };
  return {
    writable: { getWriter: () => writer },
    readable: {
      async *[Symbol.asyncIterator]() {
        await whenClosed;
        yield inflateSync(input.length === 1 ? input[0] : Buffer.concat(input));
      },
    },
  };
}

/** The constructor installed while a PDF is read: 'deflate' inflated synchronously, other formats native. */
const SyncDecompressionStream = function (this: unknown, format: string) {
  if (format !== 'deflate' && native) return new native(format as 'deflate');
  return syncInflateStream();
} as unknown as DecompressionCtor;

/** Runs `read` with the synchronous inflater installed (reference-counted, so overlapping reads are safe). */
export async function withSyncInflate<T>(read: () => Promise<T>): Promise<T> {
  if (users++ === 0) globalThis.DecompressionStream = SyncDecompressionStream;
  try {
    return await read();
  } finally {
    if (--users === 0 && native) globalThis.DecompressionStream = native;
  }
}
