// A finding's identity across re-audits: what it is about and where, not its position in the list. Pure code
// (no node:crypto) because the pages that use it are also bundled for the browser.

/** FNV-1a over UTF-16 code units, two independent 32-bit lanes: 64 bits, ample to tell one document's findings apart. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function findingKey(f: {
  rule: string;
  table: string | null;
  row_code?: string;
  row_name?: string;
  column?: string;
  section?: string;
  excerpt?: string;
}): string {
  return `${f.rule}:${fnv64([f.table, f.row_code, f.row_name, f.column, f.section, f.excerpt].map((x) => x ?? '').join('\u0001'))}`;
}
