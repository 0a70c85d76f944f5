// DOCX with real Word tables (the `docx` package): the same plan as the HTML, tables with repeated header rows,
// merged header cells, right-aligned amounts, a page break before each table and page numbers in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalAlignSection,
  WidthType,
  type IRunOptions,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Disclosure } from '../model/schema.js';
import type { RenderBrowser } from './browser.js';
import type { Chart } from './charts.js';
import { planDocument, type Block, type DocumentPlan } from './document.js';
import type { GridCell, GridRow, TableGrid } from './grid.js';
import { layoutFor } from './layouts/index.js';
import type { Layout } from './layouts/types.js';

export interface DocxOptions {
  layout?: Layout;
  /** Used to rasterise the charts' PNG fallback that Word requires beside an SVG; without it charts are left out. */
  browser?: RenderBrowser;
}

// 宋体 for Chinese text where Word has it; viewers without it fall back to their CJK font.
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
/** Usable width of an A4 page with 2 cm margins, in twentieths of a point. */
const PAGE_WIDTH_TWIPS = 9638;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const run = (text: string, options: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: FONT, ...options });

function cell(c: GridCell, header: boolean, width: number): TableCell {
  const alignment =
    c.amount !== undefined || c.align === 'right'
      ? AlignmentType.RIGHT
      : c.align === 'center' || header
        ? AlignmentType.CENTER
        : AlignmentType.LEFT;
  return new TableCell({
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    shading: header ? { fill: 'F2F2F2' } : undefined,
    children: [new Paragraph({ alignment, children: [run(c.text, { size: 18, bold: header || c.strong })] })],
  });
}

function gridTable(grid: TableGrid): Table {
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => Math.round((w / sum) * PAGE_WIDTH_TWIPS));
  const rowOf = (row: GridRow, header: boolean, skip: Set<number>) => {
    // Width of a cell = the columns it covers; columns covered by a merged cell above are skipped.
    let col = 0;
    const cells: TableCell[] = [];
    for (const c of row.cells) {
      while (skip.has(col)) col++;
      const span = c.colSpan ?? 1;
      cells.push(
        cell(
          c,
          header,
          widths.slice(col, col + span).reduce((a, b) => a + b, 0),
        ),
      );
      col += span;
    }
    return new TableRow({ tableHeader: header, cantSplit: true, children: cells });
  };
  const rows: TableRow[] = [];
  // Track columns occupied by row spans from previous rows.
  const pending: number[] = new Array(grid.columnCount).fill(0);
  const build = (row: GridRow, header: boolean) => {
    const skip = new Set<number>();
    pending.forEach((n, i) => n > 0 && skip.add(i));
    let col = 0;
    for (const c of row.cells) {
      while (skip.has(col)) col++;
      const span = c.colSpan ?? 1;
      if ((c.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) pending[k] = c.rowSpan!;
      col += span;
    }
    rows.push(rowOf(row, header, skip));
    for (let i = 0; i < pending.length; i++) if (pending[i] > 0) pending[i]--;
  };
  for (const r of grid.header) build(r, true);
  for (const r of grid.body) build(r, false);
  return new Table({ rows, width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: widths });
}

const centred = (text: string, size: number, bold = true, pageBreakBefore = false) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: { after: 120 },
    children: [new TextRun({ text, font: HEADING_FONT, size, bold })],
  });

async function chartImage(chart: Chart, browser: RenderBrowser | undefined): Promise<Paragraph[]> {
  if (!browser) return [];
  const page = await browser.page();
  await page.setContent(`<html><body style="margin:0">${chart.svg}</body></html>`);
  const png = await page.locator('svg').first().screenshot({ type: 'png' });
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(chart.svg) ?? ['', '640', '340'];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(chart.svg, 'utf8'),
          transformation: { width: Number(w) * 0.75, height: Number(h) * 0.75 },
          fallback: { type: 'png', data: png },
          altText: {
            name: chart.title,
            title: chart.title,
            description: chart.slices.map((s) => `${s.name}${s.amount}`).join('；'),
          },
        }),
      ],
    }),
  ];
}

async function blockChildren(
  block: Block,
  plan: DocumentPlan,
  options: DocxOptions,
): Promise<(Paragraph | Table | TableOfContents)[]> {
  switch (block.type) {
    case 'cover':
      // The cover is a section of its own, centred vertically on its page.
      return [centred(block.title, 52), new Paragraph({ children: [] }), centred(block.subtitle, 44)];
    case 'contents':
      // A real TOC field over the headings (parts, table titles, items), with page numbers Word can update.
      return [
        centred('目录', 36, true),
        new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-3', tabLeader: 'dot' }),
      ];
    case 'part':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          alignment: AlignmentType.CENTER,
          pageBreakBefore: true,
          children: [
            new TextRun({ text: block.text, font: HEADING_FONT, size: 32, bold: true, color: '000000' }),
          ],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          // Levels 2 and 3 are listed in the contents, as in HTML; "1、…" items are not.
          heading:
            block.level <= 2
              ? HeadingLevel.HEADING_2
              : block.level === 3
                ? HeadingLevel.HEADING_3
                : HeadingLevel.HEADING_4,
          spacing: { before: 160, after: 80 },
          children: [
            new TextRun({
              text: block.text,
              font: HEADING_FONT,
              size: block.level <= 2 ? 26 : 24,
              bold: true,
              color: '000000',
            }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: 480 },
          spacing: { line: 360 },
          children: [run(block.text, { size: 24 })],
        }),
      ];
    case 'table': {
      const g = block.grid;
      return [
        ...(g.number
          ? [new Paragraph({ pageBreakBefore: true, children: [run(g.number, { size: 20 })] })]
          : []),
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          alignment: AlignmentType.CENTER,
          pageBreakBefore: !g.number,
          spacing: { after: 120 },
          children: [
            new TextRun({ text: g.title, font: HEADING_FONT, size: 30, bold: true, color: '000000' }),
          ],
        }),
        new Paragraph({
          tabStops: [{ type: 'right', position: PAGE_WIDTH_TWIPS }],
          children: [
            run(`${plan.layout.unitNameLabel}${g.unitName ?? ''}\t单位：${g.unit ?? ''}`, { size: 20 }),
          ],
        }),
        gridTable(g),
        ...g.notes.map((n) => new Paragraph({ children: [run(n, { size: 20 })] })),
      ];
    }
    case 'chart':
      return chartImage(block.chart, options.browser);
    case 'form':
      return [
        centred(block.grid.title, 30, true, true),
        centred(block.subtitle, 22, false),
        gridTable(block.grid),
      ];
  }
}

/** The disclosure as a Word document. */
export async function renderDocx(doc: Disclosure, options: DocxOptions = {}): Promise<Uint8Array> {
  const layout = options.layout ?? layoutFor(doc.metadata.family);
  const plan = planDocument(doc, layout, { charts: Boolean(options.browser) });
  const cover: (Paragraph | Table | TableOfContents)[] = [];
  const children: (Paragraph | Table | TableOfContents)[] = [];
  for (const block of plan.blocks)
    (block.type === 'cover' ? cover : children).push(...(await blockChildren(block, plan, options)));
  const page = {
    size: { width: 11906, height: 16838 },
    margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
  };
  const document = new Document({
    creator: 'yusuan',
    title: plan.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    // Page numbers of the contents worked out as Word lays the pages out; Chinese text is measured by a best guess.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    sections: [
      { properties: { page, verticalAlign: VerticalAlignSection.CENTER }, children: cover },
      {
        properties: { page: { ...page, pageNumbers: { start: 2 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
