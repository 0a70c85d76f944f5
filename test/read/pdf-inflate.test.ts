import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withSyncInflate } from '../../src/read/pdf/inflate.js';

/** The way pdfjs (FlateStream.asyncGetBytes) drives a DecompressionStream. */
async function inflateLikePdfjs(bytes: Uint8Array): Promise<Uint8Array> {
  const { readable, writable } = new DecompressionStream('deflate');
  const writer = writable.getWriter();
  await writer.ready;
  writer
    .write(bytes)
    .then(async () => {
      await writer.ready;
      await writer.close();
    })
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('synchronous inflate while pdfjs reads', () => {
  const text = new TextEncoder().encode('BT /FT16 240 Tf <0985>Tj ET\r'.repeat(500));
  const deflated = new Uint8Array(deflateSync(text));

  it('gives the bytes and the errors of the native DecompressionStream', async () => {
    const native = await inflateLikePdfjs(deflated);
    const truncated = deflated.subarray(0, deflated.length - 7);
    const nativeError = await inflateLikePdfjs(truncated).catch((e: Error) => e.message);
    const nativeClass = globalThis.DecompressionStream;
    await withSyncInflate(async () => {
      expect(globalThis.DecompressionStream).not.toBe(nativeClass);
      expect(await inflateLikePdfjs(deflated)).toEqual(native);
      expect(await inflateLikePdfjs(truncated).catch((e: Error) => e.message)).toBe(nativeError);
      // Other formats keep the native class.
      expect(new DecompressionStream('gzip')).toBeInstanceOf(nativeClass);
    });
    expect(native).toEqual(text);
    expect(nativeError).toBe('unexpected end of file');
  });

  it('puts the native class back after the last overlapping read', async () => {
    const native = globalThis.DecompressionStream;
    let release!: () => void;
    const first = withSyncInflate(() => new Promise<void>((r) => (release = r)));
    await withSyncInflate(async () => undefined);
    expect(globalThis.DecompressionStream).not.toBe(native);
    release();
    await first;
    expect(globalThis.DecompressionStream).toBe(native);
  });
});
