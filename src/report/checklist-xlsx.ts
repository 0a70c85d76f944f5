// The checklist as a workbook, one sheet per document, in the layout reviewers fill by hand: the title merged over
// the columns, unit and address, then 检查项目 | 检查内容 | 符合要求 | 问题 | 问题截图, text wrapped and rows tall
// enough for their text and picture.
import ExcelJS from 'exceljs';
import { problemsText, type Checklist } from './checklist.js';

/** A picture of an item's problems (PNG), in pixels. */
export interface ChecklistPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Pictures of one checklist by item id. */
export type ChecklistPictures = Map<string, ChecklistPicture>;

/** Column widths in characters (Excel's unit: the width of "0" in the default font). */
const WIDTHS = [12, 34, 10, 60, 60];
const PICTURE_COLUMN = 4;
/** Pixels of one character of column width, and points of one wrapped line of 11-point text. */
const PX_PER_CHAR = 7;
const LINE_PT = 15;
const PX_TO_PT = 0.75;

/** Display width of text in column-width units: CJK and full-width characters count double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Wrapped lines of text in a column of `width` characters. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
function sheetName(c: Checklist, used: Set<string>): string {
  const base = (c.unit || c.title).replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '检查表';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 27)}(${i})`;
  used.add(name);
  return name;
}

/** Adds one document's checklist as a sheet. */
export function addChecklistSheet(
  wb: ExcelJS.Workbook,
  c: Checklist,
  pictures: ChecklistPictures = new Map(),
  used = new Set<string>(),
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(c, used), {
    // A4 landscape, as wide as the page and as many pages long as the items need.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const font = { name: 'SimSun', size: 11 };
  const wrap = { wrapText: true, vertical: 'middle' as const };

  ws.mergeCells(1, 1, 1, WIDTHS.length);
  const title = ws.getCell(1, 1);
  title.value = c.title;
  title.font = { ...font, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 32;

  const field = (r: number, label: string, value: string) => {
    ws.getCell(r, 1).value = label;
    ws.mergeCells(r, 2, r, WIDTHS.length);
    ws.getCell(r, 2).value = value;
    for (let col = 1; col <= WIDTHS.length; col++) {
      const cell = ws.getCell(r, col);
      cell.font = { ...font, bold: col === 1 };
      cell.alignment = wrap;
      cell.border = BORDER;
    }
    const width = WIDTHS.slice(1).reduce((a, b) => a + b, 0);
    ws.getRow(r).height = Math.max(20, wrappedLines(value, width) * LINE_PT + 6);
  };
  field(2, '单位名称', c.unit);
  field(3, '公开网址', c.url ?? '');

  const header = ws.getRow(4);
  header.values = ['检查项目', '检查内容', '符合要求（是/否）', '问题', '问题截图'];
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  let r = 5;
  let groupStart = r;
  c.items.forEach((item, i) => {
    const row = ws.getRow(r);
    const text = problemsText(item);
    row.values = [item.group, item.label, item.conforms ? '是' : '否', text, ''];
    for (let col = 1; col <= WIDTHS.length; col++) {
      const cell = row.getCell(col);
      cell.font = col === 3 && !item.conforms ? { ...font, bold: true, color: { argb: 'FFC00000' } } : font;
      cell.alignment = col === 1 || col === 3 ? { ...wrap, horizontal: 'center' } : wrap;
      cell.border = BORDER;
    }
    let height = Math.max(wrappedLines(text, WIDTHS[3]), wrappedLines(item.label, WIDTHS[1])) * LINE_PT + 8;
    const picture = pictures.get(item.id);
    if (picture) {
      const maxWidth = WIDTHS[PICTURE_COLUMN] * PX_PER_CHAR;
      const scale = Math.min(1, maxWidth / picture.width);
      const ext = { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) };
      const id = wb.addImage({
        buffer: Buffer.from(picture.png) as unknown as ExcelJS.Buffer,
        extension: 'png',
      });
      ws.addImage(id, { tl: { col: PICTURE_COLUMN, row: r - 1 }, ext, editAs: 'oneCell' });
      height = Math.max(height, ext.height * PX_TO_PT + 6);
    }
    row.height = Math.min(409, Math.max(22, height));
    // 检查项目 is one merged cell per group (及时性, 内容规范性).
    const next = c.items[i + 1];
    if (!next || next.group !== item.group) {
      if (r > groupStart) ws.mergeCells(groupStart, 1, r, 1);
      groupStart = r + 1;
    }
    r++;
  });
  return ws;
}

/** The workbook of several documents' checklists. */
export async function checklistWorkbook(
  lists: readonly { checklist: Checklist; pictures?: ChecklistPictures }[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';
  const used = new Set<string>();
  for (const { checklist, pictures } of lists) addChecklistSheet(wb, checklist, pictures, used);
  if (!lists.length) wb.addWorksheet('检查表');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
