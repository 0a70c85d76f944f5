// The checklist workbook read back with exceljs (merged title and group cells, wrapped text, row heights that fit
// the text, pictures anchored in their rows), the 问题截图 cropped by pdf.js in Chromium, and the command line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import { auditCommand } from '../../src/cli/commands/audit.js';
import type { Disclosure } from '../../src/model/schema.js';
import { parseFile } from '../../src/parse.js';
import { sharedRoot } from '../../src/paths.js';
import { withBrowser } from '../../src/render/browser.js';
import { buildChecklist, type Checklist } from '../../src/report/checklist.js';
import { checklistPictures } from '../../src/report/checklist-crop.js';
import { checklistHtml } from '../../src/report/checklist-html.js';
import { checklistWorkbook, wrappedLines, type ChecklistPictures } from '../../src/report/checklist-xlsx.js';

const FULI = join(sharedRoot, 'corpus', '上海_普陀区社会福利院_2024_单位预算.pdf');
const URL_FULI = 'https://www.shpt.gov.cn/shpt/zwgk-czyjs/20240201/xxx.html';

let doc: Disclosure;
let checklist: Checklist;
let pictures: ChecklistPictures;

beforeAll(async () => {
  const o = await parseFile(FULI);
  if (!('disclosure' in o)) throw new Error(o.error.message);
  doc = o.disclosure;
  checklist = buildChecklist(FULI, doc, auditDisclosure(doc).findings, { url: URL_FULI });
  pictures = await withBrowser((b) => checklistPictures(b, checklist, doc));
}, 120_000);

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('问题截图', () => {
  it('one picture per item with problems, cropped around the row or sentence, PNG', () => {
    const withProblems = checklist.items.filter((i) => i.problems.length).map((i) => i.id);
    expect([...pictures.keys()]).toEqual(withProblems);
    for (const [id, p] of pictures) {
      expect([...p.png.slice(0, 4)], id).toEqual(PNG);
      // A band of 90 points around one line at 2 pixels per point, cut to the printed width of the landscape page.
      expect([180, 181], id).toContain(p.height);
      expect(p.width, id).toBeGreaterThan(600);
      expect(p.width, id).toBeLessThan(842 * 2);
    }
  });
});

describe('checklist workbook', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const bytes = await checklistWorkbook([{ checklist, pictures }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    ws = wb.worksheets[0];
  });

  it('has the title merged over the five columns, then unit, address and the header', () => {
    expect(ws.name).toBe('上海市普陀区社会福利院');
    expect(ws.getCell('A1').value).toBe('2024年度普陀区单位预算公开情况检查表');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A1:E1');
    expect(merges).toContain('B2:E2');
    expect(merges).toContain('B3:E3');
    // 内容规范性 is one cell over its 16 items (rows 6–21); 及时性 stands alone in row 5.
    expect(merges).toContain('A6:A21');
    expect(ws.getCell('B2').value).toBe('上海市普陀区社会福利院');
    expect(ws.getCell('B3').value).toBe(URL_FULI);
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(4).getCell(c).value)).toEqual([
      '检查项目',
      '检查内容',
      '符合要求（是/否）',
      '问题',
      '问题截图',
    ]);
  });

  it('writes one row per item with 是/否 and the numbered problems, wrapped', () => {
    const rows = checklist.items.map((_, i) => ws.getRow(5 + i));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(
      checklist.items.map((i) => (i.conforms ? '是' : '否')),
    );
    const other = rows[checklist.items.findIndex((i) => i.id === 'other_notes')];
    expect(other.getCell(2).value).toBe('其他相关说明');
    expect(other.getCell(4).value).toBe('1.“主要原因是”之后没有内容，原因或内容未填写（第16页第5行）');
    for (const r of rows) for (const c of [2, 4]) expect(r.getCell(c).alignment?.wrapText).toBe(true);
  });

  it('gives each row the height of its wrapped text and of its picture', () => {
    const width = ws.getColumn(4).width!;
    checklist.items.forEach((item, i) => {
      const row = ws.getRow(5 + i);
      const text = String(row.getCell(4).value ?? '');
      expect(row.height, item.id).toBeGreaterThanOrEqual(wrappedLines(text, width) * 15);
    });
    const images = ws.getImages();
    expect(images).toHaveLength(pictures.size);
    const ids = checklist.items.map((i) => i.id);
    for (const image of images) {
      const row = image.range.tl.nativeRow;
      // Anchored in the picture column of its item's row, and the row is as tall as the picture.
      expect(image.range.tl.nativeCol).toBe(4);
      expect(pictures.has(ids[row - 4])).toBe(true);
      const ext = (image.range as unknown as { ext: { height: number } }).ext;
      expect(ws.getRow(row + 1).height).toBeGreaterThanOrEqual(ext.height * 0.75);
    }
  });
});

describe('HTML checklist', () => {
  it('is one table with the group cells spanning their rows, 否 marked and the pictures inline', () => {
    const html = checklistHtml(checklist, pictures);
    expect(html).toContain('<caption>2024年度普陀区单位预算公开情况检查表</caption>');
    expect(html).toContain('<td class="c" rowspan="16">内容规范性</td>');
    expect(html.match(/<td class="no">否<\/td>/g)).toHaveLength(4);
    expect(html.match(/<img /g)).toHaveLength(4);
  });
});

describe('yusuan audit --format checklist', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-checklist-'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes one sheet per document (XLSX) and the HTML page, exit code as --fail-on says', async () => {
    const caizheng = join(sharedRoot, 'corpus', '上海_普陀区财政局_2025_部门预算.pdf');
    const out = join(dir, '检查表.xlsx');
    const opts = { format: 'checklist', output: out, pictures: false, url: ['', URL_FULI] };
    expect(await auditCommand([caizheng, FULI], opts)).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['上海市普陀区财政局', '上海市普陀区社会福利院']);
    expect(wb.worksheets[0].getCell('A1').value).toBe('2025年度普陀区部门预算公开情况检查表');
    expect(wb.worksheets[1].getCell('B3').value).toBe(URL_FULI);
    const html = join(dir, '检查表.html');
    expect(await auditCommand([caizheng], { ...opts, output: html, failOn: 'never' })).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<caption>2025年度普陀区部门预算公开情况检查表</caption>');
  });

  it('refuses a publication date that is not YYYY-MM-DD', async () => {
    await expect(
      auditCommand([FULI], { format: 'checklist', output: join(dir, 'x.xlsx'), published: '2024/2/1' }),
    ).rejects.toThrow('--published 应为日期 YYYY-MM-DD，而不是 2024/2/1');
  });
});
