// Broken files for ingestion batches, built the way test/read builds them.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { blankPdf, declareSize } from '../read/broken-files.js';
import { corpus } from './helpers.js';

export { blankPdf };

/** A .docx whose document part declares 300 MB uncompressed, as a ZIP bomb does. */
export function zipBomb(): Uint8Array {
  const zip = zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    ),
  });
  return declareSize(zip, 'word/document.xml', 300 * 1024 * 1024);
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
