// The bundled sample (a complete Shanxi unit budget, published as extracted text) laid out as a workbook, one
// sheet row per text line with the amounts stored as numbers with a number format, must read into the same
// disclosure as the text itself: same metadata, sections, 13 tables with every value, forms and glossary.
// Only the source positions differ (sheet cells instead of text lines), and how each table was read (its method).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { bundledSamplePath } from '../../src/paths.js';
import { linesAsDocx } from '../../src/bench/docx-fixture.js';
import type { Disclosure } from '../../src/model/schema.js';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');

/** A printed amount with two decimals ("2,979.49", "4.46") becomes a number with its format. */
function amountOf(text: string): { value: number; format: string } | null {
  const t = text.trim();
  if (!/^-?\d{1,3}(,\d{3})+\.\d\d$|^-?\d+\.\d\d$/.test(t)) return null;
  return { value: Number(t.replace(/,/g, '')), format: t.includes(',') ? '#,##0.00' : '0.00' };
}

function withoutSources(d: Disclosure): unknown {
  // metadata.sources names the file and its format, and a table's reading.method says which reader read it: the
  // places where the two readings must differ.
  return JSON.parse(
    JSON.stringify(d, (key, value) =>
      key === 'source' || key === 'sources' || key === 'method' ? undefined : value,
    ),
  );
}

let text: Disclosure;
let rows: string[][];

beforeAll(async () => {
  const bytes = new Uint8Array(await readFile(bundledSamplePath()));
  text = recognize(await readLayoutBytes('sample.txt', bytes));
  rows = Buffer.from(bytes)
    .toString('utf8')
    .split(/\r?\n/)
    .map((line) => line.split('\t'));
});

describe('the sample as a workbook', () => {
  it('reads from XLSX (exceljs, number formats) into the same disclosure as the text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算');
    rows.forEach((cells, r) =>
      cells.forEach((t, c) => {
        if (t === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        const amount = amountOf(t);
        if (amount) {
          cell.value = amount.value;
          cell.numFmt = amount.format;
        } else cell.value = t;
      }),
    );
    const layout = await readLayoutBytes('sample.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheet = recognize(layout);
    expect(withoutSources(sheet)).toEqual(withoutSources(text));
    expect(sheet.metadata.sources).toEqual([{ file: 'sample.xlsx', format: 'xlsx', pages: 1 }]);

    const expenditure = sheet.tables.find((t) => t.kind === 'expenditure')!;
    const row = expenditure.rows.find((r) => r.code === '2010301')!;
    expect(row.cells.total?.value).toBe('1361.58');
    expect(row.cells.basic?.value).toBe('1357.12');
    expect(row.cells.project?.value).toBe('4.46');
    expect(row.cells.total?.source).toMatchObject({ sheet: '预算' });
    const summary = sheet.tables.find((t) => t.kind === 'summary')!;
    expect(summary.rows.find((r) => r.name === '一般公共预算')?.cells.amount?.value).toBe('2979.49');
  });

  // SheetJS writes BIFF8 text as LABEL records of at most 255 characters, so long narrative cells are cut by the
  // writer; the tables are compared (long cells of real XLS files are covered by the corpus sample sheet).
  it('reads from XLS (BIFF8 written by SheetJS) into the same 13 tables as the text', async () => {
    const ws: import('xlsx').WorkSheet = {};
    let width = 0;
    rows.forEach((cells, r) =>
      cells.forEach((t, c) => {
        if (t === '') return;
        const amount = amountOf(t);
        ws[XLSX.utils.encode_cell({ r, c })] = amount
          ? { t: 'n', v: amount.value, z: amount.format }
          : { t: 's', v: t };
        width = Math.max(width, c + 1);
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '预算');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
    const layout = await readLayoutBytes('sample.xls', bytes);
    expect(layout.format).toBe('xls');
    const tables = recognize(layout).tables;
    expect(tables).toHaveLength(13);
    expect(withoutSources({ tables } as Disclosure)).toEqual(
      withoutSources({ tables: text.tables } as Disclosure),
    );
  });
});

describe('the sample as a Word document', () => {
  it('reads paragraphs and Word tables into the same disclosure as the text', async () => {
    const bytes = await linesAsDocx(rows);
    const layout = await readLayoutBytes('sample.docx', new Uint8Array(bytes));
    expect(layout.format).toBe('docx');
    const word = recognize(layout);
    expect(withoutSources(word)).toEqual(withoutSources(text));
    const economic = word.tables.find((t) => t.kind === 'general_basic_economic')!;
    expect(economic.rows.find((r) => r.name === '商品和服务支出')?.cells.total?.value).toBe('296.73');
  });
});
