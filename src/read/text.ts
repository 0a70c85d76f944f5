// Plain text in any common Chinese encoding → layout lines (tab-separated cells, as text extracted from a
// published file). Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM, GB18030/GBK/GB2312,
// Big5. chardet guesses among legacy encodings; iconv-lite decodes them.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ReadError } from './errors.js';
import type { LayoutDocument, LayoutLine } from '../layout/types.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Detects the encoding of a text file's bytes; null when the bytes are not text. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bom: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const sample = bytes.subarray(0, 1 << 16);
  if (sample.indexOf(0) >= 0) {
    // UTF-16 without BOM: every ASCII character (tabs, digits, line breaks) leaves a zero byte on one parity;
    // binary data has zeros on both.
    let zeroEven = 0;
    let zeroOdd = 0;
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] === 0) {
        if (i % 2 === 0) zeroEven++;
        else zeroOdd++;
      }
    }
    const pairs = Math.floor(sample.length / 2);
    if (zeroOdd >= pairs * 0.01 && zeroEven <= zeroOdd * 0.25) return { encoding: 'utf-16le', bom: 0 };
    if (zeroEven >= pairs * 0.01 && zeroOdd <= zeroEven * 0.25) return { encoding: 'utf-16be', bom: 0 };
    return null;
  }
  if (sample.every((b) => b < 0x80) || isUtf8(sample.length === bytes.length ? sample : trimUtf8(sample)))
    return { encoding: 'utf-8', bom: 0 };
  const guess = chardet.detect(sample);
  if (guess === 'Big5') return { encoding: 'big5', bom: 0 };
  return { encoding: 'gb18030', bom: 0 };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Most files are UTF-8 without BOM: one strict decode both recognises and decodes them. */
function utf8Whole(bytes: Uint8Array): { text: string } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bom === 0 && bytes.subarray(0, 1 << 16).indexOf(0) >= 0) return null;
  try {
    return { text: strictUtf8.decode(bytes.subarray(bom)) };
  } catch {
    return null;
  }
}

/** Drops a UTF-8 sequence cut at the end of a sample so that validation does not fail on it. */
function trimUtf8(sample: Uint8Array): Uint8Array {
  const end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = sample[end - i];
    if ((b & 0xc0) === 0xc0) return sample.subarray(0, end - i);
    if ((b & 0x80) === 0) break;
  }
  return sample;
}

/** Decodes text bytes; throws ReadError when they are not text. */
export function decodeText(file: string, bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  let encoding: TextEncoding = 'utf-8';
  let text: string;
  const whole = utf8Whole(bytes);
  if (whole) text = whole.text;
  else {
    const detected = detectEncoding(bytes);
    if (!detected) throw new ReadError(file, '不是文本文件（含二进制内容），无法识别', 'binary');
    // UTF-8 at the start only (utf8Whole failed on the whole file): a legacy encoding after all
    encoding = detected.encoding === 'utf-8' ? 'gb18030' : detected.encoding;
    const body = bytes.subarray(detected.bom);
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
  }
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (controls > Math.max(8, text.length * 0.01)) {
    throw new ReadError(file, '不是文本文件（含大量控制字符或无法解码的字节），无法识别', 'binary');
  }
  return { text, encoding };
}

/** Reads a plain-text disclosure into layout lines: one line per text line, cells split at tabs. */
// The largest published disclosure text is well under 1 MB and a few thousand lines; a 40 MB file of 2 million
// lines took 111 s to recognise, so anything far beyond the normal size is refused before recognising.
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;
export const MAX_TEXT_LINES = 200_000;

function tooLarge(size: string): string {
  return `文本文件过大（${size}），超出预算公开文件的正常规模，已拒绝`;
}

export function readText(file: string, bytes: Uint8Array): LayoutDocument {
  if (bytes.byteLength === 0) throw new ReadError(file, '文件为空', 'empty');
  if (bytes.byteLength > MAX_TEXT_BYTES)
    throw new ReadError(file, tooLarge(`${(bytes.byteLength / 1048576).toFixed(1)} MB`), 'too_large');
  const { text, encoding } = decodeText(file, bytes);
  const lines: LayoutLine[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  const count = raw.length - (raw[raw.length - 1] === '' ? 1 : 0);
  if (count > MAX_TEXT_LINES) throw new ReadError(file, tooLarge(`${count}行`), 'too_large');
  for (let i = 0; i < raw.length; i++) {
    const content = raw[i].includes('\u00a0') ? raw[i].replace(/\u00a0/g, ' ') : raw[i];
    if (content.trim() === '') continue;
    lines.push({ cells: content.split('\t').map((t) => ({ text: t })), page: 1, line: i + 1 });
  }
  if (lines.length === 0) throw new ReadError(file, '文件只有空白，没有内容', 'empty');
  return { file, format: 'txt', pages: 1, lines, notes: [`编码：${encoding}`] };
}
