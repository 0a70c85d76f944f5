// RFC 4180 CSV writing.

export function csvField(value: string | number | null | undefined): string {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}
