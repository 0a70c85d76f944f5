// Word reader: documents built in the test with the `docx` package (what a preparer's Word file contains) and a
// few hand-written document.xml parts for what Word itself writes (recorded page breaks, text boxes, revisions).
import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayoutBytes } from '../../src/read/index.js';
import { lineText, type LayoutDocument } from '../../src/layout/types.js';

const cell = (text: string, options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)), ...options });

function summary(doc: LayoutDocument): [number, number, boolean, string][] {
  return doc.lines.map((l) => [l.page, l.line, l.inTable ?? false, lineText(l)]);
}

describe('a small disclosure written with the docx package', () => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('忻州市人民政府办公室2023年单位预算'),
            new Paragraph({
              children: [new TextRun('第一部分\t概况'), new TextRun({ text: '一、主要职能', break: 1 })],
            }),
            new Paragraph({
              children: [
                new TextRun('本单位2023年收入预算'),
                new DeletedTextRun({ text: '3,000.00', id: 1, author: 'a', date: '2023-01-01T00:00:00Z' }),
                new InsertedTextRun({ text: '2,979.49', id: 2, author: 'a', date: '2023-01-01T00:00:00Z' }),
                new TextRun('万元。'),
              ],
            }),
            new Paragraph({ children: [new PageBreak()] }),
            new Paragraph('3.预算支出总表'),
            new Paragraph('单位：万元'),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('科目编码', { verticalMerge: VerticalMergeType.RESTART }),
                    cell('科目名称', { verticalMerge: VerticalMergeType.RESTART }),
                    cell('支出预算', { columnSpan: 3 }),
                  ],
                }),
                new TableRow({
                  children: [
                    cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
                    cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
                    cell('合计'),
                    cell('基本\n支出'),
                    cell('项目支出'),
                  ],
                }),
                new TableRow({
                  children: [
                    cell('2010301'),
                    cell('行政运行'),
                    cell('1,361.58'),
                    cell('1,357.12'),
                    cell('4.46'),
                  ],
                }),
                new TableRow({
                  children: [cell('合计', { columnSpan: 2 }), cell('2,011.93'), cell(''), cell('')],
                }),
              ],
            }),
            new Paragraph('注：本表无数据'),
            new Paragraph({ text: '4.财政拨款收支总表', pageBreakBefore: true }),
          ],
        },
      ],
    });
    doc = await readLayoutBytes('disclosure.docx', new Uint8Array(await Packer.toBuffer(document)));
  });

  it('reads paragraphs as lines, splitting line breaks and tabs, skipping deleted revisions', () => {
    expect(doc.format).toBe('docx');
    expect(summary(doc).slice(0, 4)).toEqual([
      [1, 1, false, '忻州市人民政府办公室2023年单位预算'],
      [1, 2, false, '第一部分\t概况'],
      [1, 3, false, '一、主要职能'],
      [1, 4, false, '本单位2023年收入预算2,979.49万元。'],
    ]);
  });

  it('reads table rows with cells at their grid column (gridSpan and vMerge)', () => {
    expect(summary(doc).slice(4, 11)).toEqual([
      [2, 1, false, '3.预算支出总表'],
      [2, 2, false, '单位：万元'],
      [2, 3, true, '科目编码\t科目名称\t支出预算'],
      [2, 4, true, '\t\t合计\t基本支出\t项目支出'],
      [2, 5, true, '2010301\t行政运行\t1,361.58\t1,357.12\t4.46'],
      [2, 6, true, '合计\t\t2,011.93'],
      [2, 7, false, '注：本表无数据'],
    ]);
  });

  it('starts a new page at explicit page breaks and pageBreakBefore', () => {
    expect(summary(doc).at(-1)).toEqual([3, 1, false, '4.财政拨款收支总表']);
    expect(doc.pages).toBe(3);
  });
});

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docxWith(body: string): Uint8Array {
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(xml),
  });
}

const p = (text: string, extra = '') =>
  `<w:p>${extra}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('what Word itself writes', () => {
  it('counts the page breaks Word recorded, once even after an explicit break', async () => {
    const body =
      p('第一页') +
      `<w:p><w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r></w:p>` +
      `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
      `<w:p><w:r><w:lastRenderedPageBreak/><w:t>第三页</w:t></w:r></w:p>`;
    const doc = await readLayoutBytes('word.docx', docxWith(body));
    expect(summary(doc)).toEqual([
      [1, 1, false, '第一页'],
      [2, 1, false, '第二页'],
      [3, 1, false, '第三页'],
    ]);
  });

  it('reads text boxes once (not their fallback copy) and ignores field codes', async () => {
    const box = `<w:txbxContent>${p('封面标题')}</w:txbxContent>`;
    const body =
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>` +
      `<w:r><w:t>一、主要职能</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>3</w:t></w:r></w:p>`;
    const doc = await readLayoutBytes('word.docx', docxWith(body));
    expect(summary(doc)).toEqual([
      [1, 1, false, '封面标题'],
      [1, 2, false, '一、主要职能\t3'],
    ]);
  });

  it('honours gridBefore and puts a nested table into its cell', async () => {
    const tc = (t: string) => `<w:tc>${p(t)}</w:tc>`;
    const body =
      `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('合计')}${tc('基本支出')}</w:tr>` +
      `<w:tr>${tc('2010301')}<w:tc><w:tbl><w:tr>${tc('行政')}${tc('运行')}</w:tr></w:tbl>${p('')}</w:tc>${tc('4.46')}</w:tr></w:tbl>`;
    const doc = await readLayoutBytes('word.docx', docxWith(body));
    expect(summary(doc)).toEqual([
      [1, 1, true, '\t合计\t基本支出'],
      [1, 2, true, '2010301\t行政 运行\t4.46'],
    ]);
  });
});

describe('the main part named by the package relationships', () => {
  it('reads a document whose main part is not word/document.xml', async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>` +
      `${p('2023年单位预算')}</w:body></w:document>`;
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      'Target="word/document2.xml"/></Relationships>';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8(rels),
      'word/document2.xml': strToU8(xml),
    });
    const doc = await readLayoutBytes('main.docx', bytes);
    expect(summary(doc)).toEqual([[1, 1, false, '2023年单位预算']]);
  });
});
