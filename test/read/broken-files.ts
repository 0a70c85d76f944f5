// Broken and degenerate files the readers must refuse with a clear reason (shared by the reader and ingestion tests).

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

/** Rewrites one entry's declared uncompressed size (central directory and local header), as a bomb would. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const central = view.getUint32(i, true) === 0x02014b50;
    const local = view.getUint32(i, true) === 0x04034b50;
    if (!central && !local) continue;
    const nameAt = central ? i + 46 : i + 30;
    const nameLength = view.getUint16(central ? i + 28 : i + 26, true);
    if (
      nameLength !== nameBytes.length ||
      !Buffer.from(out.subarray(nameAt, nameAt + nameLength)).equals(nameBytes)
    ) {
      continue;
    }
    view.setUint32(central ? i + 24 : i + 22, size, true);
  }
  return out;
}
