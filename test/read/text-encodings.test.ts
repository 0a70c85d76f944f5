// The text importer reads the sample in every common Chinese encoding to the same data.
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/read/index.js';
import { decodeText, detectEncoding } from '../../src/read/text.js';
import { recognize } from '../../src/recognize/index.js';
import { samplePath } from '../recognize/helpers.js';

async function parseAs(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(join(dir, name));
  const file = join(dir, name, 'sample.txt');
  await writeFile(file, bytes);
  const doc = recognize(await readLayout(file));
  return JSON.stringify({ ...doc, metadata: { ...doc.metadata, sources: [] } });
}

describe('text encodings', () => {
  it('GB18030, UTF-16 LE with BOM, UTF-16 BE without BOM and UTF-8 with BOM parse to identical JSON', async () => {
    const text = await readFile(samplePath, 'utf8');
    const dir = await mkdtemp(join(tmpdir(), 'yusuan-enc-'));
    const utf8 = await parseAs(dir, 'utf8', Buffer.from(text, 'utf8'));
    const variants: [string, Buffer][] = [
      ['gb18030', iconv.encode(text, 'gb18030')],
      ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      ['utf16be', iconv.encode(text, 'utf-16be')],
      ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ];
    expect(JSON.parse(utf8).tables).toHaveLength(13);
    for (const [name, bytes] of variants) {
      expect(await parseAs(dir, name, bytes), name).toBe(utf8);
    }
  });

  it('detects each encoding from the bytes', async () => {
    const text = (await readFile(samplePath, 'utf8')).slice(0, 3000);
    expect(detectEncoding(iconv.encode(text, 'gb18030'))).toEqual({ encoding: 'gb18030', bom: 0 });
    expect(detectEncoding(iconv.encode(text, 'utf-16le'))).toEqual({ encoding: 'utf-16le', bom: 0 });
    expect(detectEncoding(iconv.encode(text, 'utf-16be'))).toEqual({ encoding: 'utf-16be', bom: 0 });
    expect(decodeText('x.txt', iconv.encode(text, 'gb18030')).text).toBe(text);
    expect(decodeText('x.txt', iconv.encode(text, 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('refuses binary content with a Chinese reason naming the file', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    expect(() => decodeText('图.png', png)).toThrow('图.png：不是文本文件（含二进制内容），无法识别');
    let seed = 7;
    const random = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23,
    );
    expect(() => decodeText('r.bin', random)).toThrow(/^r\.bin：不是文本文件/);
  });
});
