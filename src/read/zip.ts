// Archive guard for ZIP containers (XLSX, DOCX): reads the central directory, refuses archives whose declared
// sizes or entry counts are out of bounds BEFORE inflating anything, and caps the bytes actually inflated, since
// declared sizes can lie (a ZIP bomb disguised as a spreadsheet). Inflation uses Node's zlib with maxOutputLength,
// so a lying entry stops at the cap instead of exhausting memory.
import { inflateRawSync } from 'node:zlib';
import { ReadError } from './errors.js';

export interface ZipLimits {
  /** Most entries an Office file may have (real ones have tens). */
  maxEntries: number;
  /** Cap on the sum of uncompressed sizes, declared and actual. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 200 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** A ZIP archive whose directory has been checked against the limits; entries are inflated on demand. */
export class ZipArchive {
  private inflatedTotal = 0;
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    readonly file: string,
    private readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    readonly limits: ZipLimits,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Reads and checks the central directory. Throws ReadError for a broken or oversized archive. */
  static open(file: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
    const entries = readCentralDirectory(file, bytes, limits);
    return new ZipArchive(file, bytes, entries, limits);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Inflates one entry, counting its bytes against the archive's cap. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name);
    if (!entry) throw corrupt(this.file, `缺少 ${name}`);
    return this.inflate(entry);
  }

  /** Inflates one entry as UTF-8 text. */
  readText(name: string): string {
    return Buffer.from(this.read(name)).toString('utf8');
  }

  /** Inflates every entry once (discarding the output), proving that the real sizes stay within the cap before
   *  the archive is handed to a library that inflates it without limits. */
  verifyAll(): void {
    for (const entry of this.entries) this.inflate(entry);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    if (entry.encrypted) throw new ReadError(this.file, '文件已加密（有密码保护），无法读取', 'encrypted');
    const data = this.entryData(entry);
    const remaining = this.limits.maxTotalBytes - this.inflatedTotal;
    // An entry may not inflate beyond what it declared (a lie is how a bomb slips past the directory check) nor
    // beyond what is left of the archive's cap. One byte more than allowed tells "at the limit" from "beyond".
    const allowed = Math.min(remaining, entry.uncompressedSize);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: allowed + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          throw oversize(this.file, entry, remaining, this.limits);
        }
        throw corrupt(this.file, `${entry.name} 解压失败`);
      }
    } else {
      throw new ReadError(this.file, `压缩方式不受支持（方法 ${entry.method}），无法读取`, 'unsupported');
    }
    if (out.byteLength > allowed) throw oversize(this.file, entry, remaining, this.limits);
    if (out.byteLength !== entry.uncompressedSize) throw corrupt(this.file, `${entry.name} 大小与声明不符`);
    this.inflatedTotal += out.byteLength;
    return out;
  }

  private entryData(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > b.byteLength || u32(b, at) !== LOCAL_SIGNATURE) throw corrupt(this.file);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.byteLength) throw corrupt(this.file);
    return b.subarray(start, end);
  }
}

/** "文件已损坏（ZIP 结构无效），无法读取" with an optional detail. */
function corrupt(file: string, detail?: string): ReadError {
  const what = detail ? `ZIP 结构无效：${detail}` : 'ZIP 结构无效';
  return new ReadError(file, `文件已损坏（${what}），无法读取`, 'corrupt');
}

function oversize(file: string, entry: ZipEntry, remaining: number, limits: ZipLimits): ReadError {
  if (entry.uncompressedSize < remaining) {
    // Damaged data also inflates past its declared size, so the message names both causes.
    return new ReadError(
      file,
      `压缩包内 ${entry.name} 解压后大小超过声明值（文件已损坏或疑似压缩炸弹），已拒绝`,
      'zip_bomb',
    );
  }
  return bomb(file, limits);
}

function bomb(file: string, limits: ZipLimits): ReadError {
  const mb = Math.round(limits.maxTotalBytes / 1048576);
  return new ReadError(file, `压缩包解压后超过 ${mb} MB 上限，疑似压缩炸弹，已拒绝`, 'zip_bomb');
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Sizes beyond 2^53 are nonsense for an Office file; they fail the limits anyway.
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

function readCentralDirectory(file: string, b: Uint8Array, limits: ZipLimits): ZipEntry[] {
  // The end-of-central-directory record sits within the last 65,557 bytes (22 bytes + a comment up to 64 KB).
  let eocd = -1;
  for (let i = b.byteLength - 22; i >= Math.max(0, b.byteLength - 65557); i--) {
    if (u32(b, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file);
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== ZIP64_LOCATOR_SIGNATURE) throw corrupt(file);
    const z64 = u64(b, locator + 8);
    if (z64 + 56 > b.byteLength || u32(b, z64) !== ZIP64_EOCD_SIGNATURE) throw corrupt(file);
    count = u64(b, z64 + 32);
    cdSize = u64(b, z64 + 40);
    cdOffset = u64(b, z64 + 48);
  }
  if (count > limits.maxEntries) {
    throw new ReadError(
      file,
      `压缩包内文件数（${count}）超过 ${limits.maxEntries} 个上限，疑似恶意文件，已拒绝`,
      'zip_entries',
    );
  }
  if (count === 0) throw corrupt(file, '压缩包为空');
  if (cdOffset + cdSize > b.byteLength) throw corrupt(file);

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.byteLength || u32(b, at) !== CENTRAL_SIGNATURE) throw corrupt(file);
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let uncompressedSize = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localHeaderOffset = u32(b, at + 42);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > b.byteLength) throw corrupt(file);
    const name = Buffer.from(b.subarray(at + 46, nameEnd)).toString('utf8');
    // ZIP64: the extended-information extra field carries the sizes marked 0xFFFFFFFF, in this order.
    let x = nameEnd;
    while (x + 4 <= nameEnd + extraLength) {
      const id = u16(b, x);
      const size = u16(b, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= x + 4 + size) {
          uncompressedSize = u64(b, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= x + 4 + size) {
          compressedSize = u64(b, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff && p + 8 <= x + 4 + size) localHeaderOffset = u64(b, p);
      }
      x += 4 + size;
    }
    declaredTotal += uncompressedSize;
    if (uncompressedSize > limits.maxTotalBytes || declaredTotal > limits.maxTotalBytes) {
      throw bomb(file, limits);
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
    });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}
