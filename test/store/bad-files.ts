// Broken files for ingestion batches, built the way test/read builds them.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { corpus } from './helpers.js';

/** A one-page PDF with no text at all (what a scanner without OCR produces, minus the image). */
export function blankPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A .docx whose document part declares 300 MB uncompressed, as a ZIP bomb does. */
export function zipBomb(): Uint8Array {
  const name = 'word/document.xml';
  const zip = zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    [name]: strToU8(
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    ),
  });
  const view = new DataView(zip.buffer);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    const central = view.getUint32(i, true) === 0x02014b50;
    const local = view.getUint32(i, true) === 0x04034b50;
    if (!central && !local) continue;
    const at = central ? i + 46 : i + 30;
    const length = view.getUint16(central ? i + 28 : i + 26, true);
    if (length === nameBytes.length && Buffer.from(zip.subarray(at, at + length)).equals(nameBytes))
      view.setUint32(central ? i + 24 : i + 22, 300 * 1024 * 1024, true);
  }
  return zip;
}

/** The first 3,000 bytes of a real PDF. */
export function truncatedPdf(): Uint8Array {
  return new Uint8Array(readFileSync(corpus('江苏_省人民检察院_2017_部门预算.pdf')).subarray(0, 3000));
}

/** Deterministic noise. */
export function randomBytes(length = 4096): Uint8Array {
  let seed = 7;
  return Uint8Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
}
