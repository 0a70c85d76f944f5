// `yusuan audit … --format checklist`: every readable file's checklist, with its pictures when the file is a PDF
// and Chromium is there, as one workbook (or one HTML page when the output ends in .html).
import { chromiumMissing, withBrowser } from '../render/browser.js';
import { buildChecklist, type Checklist, type ChecklistOptions } from './checklist.js';
import { checklistPictures } from './checklist-crop.js';
import { checklistPage } from './checklist-html.js';
import { checklistWorkbook, type ChecklistPictures } from './checklist-xlsx.js';
import type { FileAudit } from './index.js';

export interface ChecklistWriteOptions {
  output?: string;
  /** 发布地址 per file, in the order of the files. */
  url?: string[];
  published?: string;
  approved?: string;
  /** Render 问题截图 (default true). */
  pictures?: boolean;
}

/** Checklist options of the i-th file. */
export function checklistOptionsOf(opts: ChecklistWriteOptions, index: number): ChecklistOptions {
  return {
    ...(opts.url?.[index] ? { url: opts.url[index] } : {}),
    ...(opts.published ? { published: opts.published } : {}),
    ...(opts.approved ? { approved: opts.approved } : {}),
  };
}

export async function writeChecklists(
  reports: readonly FileAudit[],
  opts: ChecklistWriteOptions,
  warn: (message: string) => void = () => {},
): Promise<Uint8Array | string> {
  const lists: { checklist: Checklist; pictures?: ChecklistPictures; report: FileAudit }[] = [];
  reports.forEach((r, i) => {
    if (!r.document) return;
    lists.push({
      checklist: buildChecklist(r.file, r.document, r.findings ?? [], checklistOptionsOf(opts, i)),
      report: r,
    });
  });
  if (opts.pictures !== false && lists.some((l) => l.checklist.items.some((i) => i.problems.length))) {
    const missing = chromiumMissing();
    if (missing) warn(`注意：${missing}；检查表不附问题截图`);
    else
      await withBrowser(async (browser) => {
        for (const l of lists) {
          try {
            l.pictures = await checklistPictures(browser, l.checklist, l.report.document!);
          } catch (e) {
            warn(`注意：${l.report.file}：未能生成问题截图（${e instanceof Error ? e.message : String(e)}）`);
          }
        }
      });
  }
  if (opts.output && /\.html?$/i.test(opts.output)) return checklistPage(lists);
  return checklistWorkbook(lists);
}
