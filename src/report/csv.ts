// CSV report: one row per finding (UTF-8 with header), for spreadsheets and scripts.
import { csvLine } from '../export/csv.js';
import type { FileAudit } from './index.js';

const HEADER = [
  'file',
  'rule',
  'severity',
  'table',
  'section',
  'row_code',
  'row_name',
  'column',
  'expected',
  'actual',
  'page',
  'line',
  'message',
  'excerpt',
] as const;

export function csvReport(files: readonly FileAudit[]): string {
  let out = csvLine(HEADER);
  for (const f of files) {
    if (f.error !== undefined || !f.document) {
      out += csvLine([
        f.file,
        'read',
        'error',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        f.error ?? '无法读取',
        '',
      ]);
      continue;
    }
    for (const x of f.findings ?? []) {
      out += csvLine([
        f.file,
        x.rule,
        x.severity,
        x.table ?? '',
        x.section,
        x.row_code,
        x.row_name,
        x.column,
        x.expected,
        x.actual,
        x.page,
        x.line,
        x.message,
        x.excerpt,
      ]);
    }
  }
  return out;
}
