// XLSX (exceljs): one sheet per table (and per performance form), amounts stored as numbers with the printed
// number format, header rows merged as printed, the unit and notes beside the table.
import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/schema.js';
import { planDocument } from './document.js';
import { placeCells, type TableGrid } from './grid.js';
import { layoutFor } from './layouts/index.js';
import type { Layout } from './layouts/types.js';

export interface XlsxOptions {
  layout?: Layout;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const FONT = { name: '宋体', size: 10 };

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
  let name = clean;
  for (let i = 2; used.has(name); i++) name = `${clean.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
}

/** Number format of amounts printed with `scale` decimals. */
export const numberFormat = (scale: number) => (scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0');

function writeGrid(sheet: ExcelJS.Worksheet, grid: TableGrid, unitNameLabel: string): void {
  const n = grid.columnCount;
  sheet.mergeCells(1, 1, 1, n);
  const title = sheet.getCell(1, 1);
  title.value = grid.title;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 26;
  let top = 2;
  if (grid.kind !== 'performance_form') {
    sheet.getCell(2, 1).value = `${unitNameLabel}${grid.unitName ?? ''}`;
    sheet.getCell(2, n).value = `单位：${grid.unit ?? ''}`;
    sheet.getCell(2, n).alignment = { horizontal: 'right' };
    if (grid.number) sheet.getCell(2, Math.max(2, Math.ceil(n / 2))).value = grid.number;
    top = 3;
  }
  const place = (rows: TableGrid['header'], start: number, header: boolean) => {
    for (const { row, col, cell } of placeCells(rows)) {
      const r = start + row;
      const c = col + 1;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      if (cs > 1 || rs > 1) sheet.mergeCells(r, c, r + rs - 1, c + cs - 1);
      const target = sheet.getCell(r, c);
      if (cell.amount !== undefined) {
        target.value = cell.amount == null ? null : Number(cell.amount);
        target.numFmt = numberFormat(grid.scale);
        target.alignment = { horizontal: 'right', vertical: 'middle' };
      } else {
        target.value = cell.text;
        target.alignment = {
          horizontal: header || cell.align === 'center' ? 'center' : 'left',
          vertical: 'middle',
          wrapText: true,
        };
      }
      target.font = { ...FONT, bold: header || cell.strong };
      if (header) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) sheet.getCell(r + dr, c + dc).border = BORDER;
    }
  };
  place(grid.header, top, true);
  const bodyTop = top + grid.header.length;
  place(grid.body, bodyTop, false);
  let next = bodyTop + grid.body.length + 1;
  for (const note of grid.notes) sheet.getCell(next++, 1).value = note;
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  grid.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = Math.max(6, Math.round((w / sum) * 110))));
  // Header rows repeat on every printed page, as in the PDF.
  if (grid.header.length) sheet.pageSetup.printTitlesRow = `${top}:${top + grid.header.length - 1}`;
  sheet.pageSetup.paperSize = 9; // A4
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
}

/** The disclosure's tables (and performance forms) as a workbook. */
export async function renderXlsx(doc: Disclosure, options: XlsxOptions = {}): Promise<Uint8Array> {
  const layout = options.layout ?? layoutFor(doc.metadata.family);
  const plan = planDocument(doc, layout, { charts: false });
  const book = new ExcelJS.Workbook();
  book.creator = 'yusuan';
  book.title = plan.title;
  const used = new Set<string>();
  let t = 0;
  let f = 0;
  for (const block of plan.blocks) {
    if (block.type === 'table') {
      t++;
      const short = block.grid.title.replace(/^\d{4}年(度)?/, '');
      writeGrid(book.addWorksheet(sheetName(`${t} ${short}`, used)), block.grid, layout.unitNameLabel);
    } else if (block.type === 'form') {
      f++;
      const form = block.grid.body[0]?.cells[1]?.text ?? '';
      writeGrid(book.addWorksheet(sheetName(`绩效${f} ${form}`, used)), block.grid, layout.unitNameLabel);
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
