// A stored document in every format a reader may want: the original file, the model as JSON, the cells as CSV,
// the audit report, and documents generated from the model (PDF, DOCX, XLSX through src/render).
import { cellsCsv } from '../export/cells.js';
import { htmlReport } from '../report/html.js';
import { renderDocument, RenderUnavailable, type RenderFormat } from '../render/index.js';
import type { Repository, StoredDocument } from './repository.js';

export const DOWNLOAD_FORMATS = [
  'original',
  'json',
  'cells',
  'checklist',
  'report',
  'pdf',
  'docx',
  'xlsx',
  'html',
] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export interface Download {
  body: Uint8Array | string;
  type: string;
  filename: string;
}

const TYPES: Record<RenderFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

export class DownloadUnavailable extends Error {}

export function baseName(doc: StoredDocument): string {
  return `${doc.unit}_${doc.year}_${doc.kind}`;
}

export async function download(
  repository: Repository,
  doc: StoredDocument,
  format: DownloadFormat,
): Promise<Download> {
  const base = baseName(doc);
  switch (format) {
    case 'original': {
      const original = await repository.original(doc.id);
      if (!original) throw new DownloadUnavailable('原始文件未保存（该文件由网页编制生成）');
      return { body: original.bytes, type: 'application/octet-stream', filename: original.name };
    }
    case 'json':
      return {
        body: JSON.stringify(doc.disclosure, null, 2),
        type: 'application/json; charset=utf-8',
        filename: `${base}.json`,
      };
    case 'cells':
      return {
        body: cellsCsv([{ file: doc.files[0] ?? base, disclosure: doc.disclosure }]),
        type: 'text/csv; charset=utf-8',
        filename: `${base}_cells.csv`,
      };
    case 'report':
      return {
        body: htmlReport([
          {
            file: doc.files.join(' + '),
            document: doc.disclosure,
            findings: doc.findings,
            summary: doc.summary,
          },
        ]),
        type: 'text/html; charset=utf-8',
        filename: `${base}_审核报告.html`,
      };
    case 'checklist': {
      const { buildChecklist } = await import('../report/checklist.js');
      const { checklistWorkbook } = await import('../report/checklist-xlsx.js');
      const checklist = buildChecklist(doc.files[0] ?? base, doc.disclosure, doc.findings);
      return {
        body: await checklistWorkbook([{ checklist }]),
        type: TYPES.xlsx,
        filename: `${base}_检查表.xlsx`,
      };
    }
    default: {
      try {
        const bytes = await renderDocument(doc.disclosure, format);
        return { body: bytes, type: TYPES[format], filename: `${base}.${format}` };
      } catch (e) {
        if (e instanceof RenderUnavailable) throw new DownloadUnavailable(e.message);
        throw e;
      }
    }
  }
}

/** Content-Disposition with the UTF-8 file name (RFC 6266) and an ASCII fallback. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
