// DOCX → layout: every body paragraph is a line (tabs split it into cells, as in extracted text); every row of a
// real Word table is a line whose cells sit at their grid column (gridSpan fills the spanned columns with empties,
// a vMerge continuation is empty: the value stays in the first cell, as in spreadsheets). Pages follow the explicit
// page breaks, section breaks and the page breaks Word recorded when it last laid the document out.
// The XML is read with saxes (streaming, strict, no DTD entity expansion, so entity bombs cannot inflate).
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ReadError } from './errors.js';
import type { ZipArchive } from './zip.js';
import type { LayoutDocument, LayoutLine } from '../layout/types.js';

export interface DocxLimits {
  /** Characters in one paragraph or table cell. */
  maxChars: number;
  maxLines: number;
  /** Tables inside tables. */
  maxTableDepth: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = { maxChars: 100_000, maxLines: 500_000, maxTableDepth: 32 };

const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

interface Paragraph {
  /** Text segments separated by line breaks; each segment's text may contain tabs. */
  segments: string[];
  /** The paragraph's properties end a section that starts a new page. */
  sectionBreak: boolean;
}

interface Cell {
  text: string;
  span: number;
  /** A vMerge continuation: the merged value belongs to the cell above. */
  continued: boolean;
}

interface Row {
  cells: Cell[];
  gridBefore: number;
}

interface Table {
  rows: number;
  row: Row | null;
  cell: Cell | null;
}

/** Reads the main document part (word/document.xml) of a guarded archive into layout. */
export function readDocx(
  file: string,
  archive: ZipArchive,
  part = 'word/document.xml',
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): LayoutDocument {
  const xml = archive.readText(part);
  const lines = new DocxLayout(file, limits).read(xml);
  if (lines.lines.length === 0) throw new ReadError(file, '文档中没有任何文字内容', 'empty');
  return { file, format: 'docx', pages: lines.pages, lines: lines.lines, notes: [] };
}

class DocxLayout {
  private readonly lines: LayoutLine[] = [];
  private page = 1;
  /** No text yet on the current page: a recorded page break right after an explicit one is the same break. */
  private freshPage = true;
  private lineOnPage = 0;
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: Table[] = [];
  /** Text boxes open inside the current paragraph: their paragraphs are lines of their own. */
  private readonly stack: string[] = [];
  private inText = false;
  /** Depth inside content to ignore (mc:Fallback repeats a text box's content; deleted revisions). */
  private skip = 0;

  constructor(
    private readonly file: string,
    private readonly limits: DocxLimits,
  ) {}

  read(xml: string): { lines: LayoutLine[]; pages: number } {
    const parser = new SaxesParser({ xmlns: true });
    let failure: Error | null = null;
    parser.on('error', (e) => {
      failure ??= e;
    });
    parser.on('opentag', (tag) => {
      if (failure) return;
      try {
        this.open(tag);
      } catch (e) {
        failure = e as Error;
      }
    });
    parser.on('closetag', (tag) => {
      if (failure) return;
      try {
        this.close(tag);
      } catch (e) {
        failure = e as Error;
      }
    });
    parser.on('text', (text) => {
      if (this.inText && this.skip === 0) this.append(text);
    });
    try {
      parser.write(xml).close();
    } catch (e) {
      failure ??= e as Error;
    }
    if (failure) {
      if (failure instanceof ReadError) throw failure;
      throw new ReadError(this.file, '文件已损坏（DOCX 中的 XML 无效），无法读取', 'corrupt');
    }
    return { lines: this.lines, pages: this.page };
  }

  private open(tag: SaxesTagNS): void {
    const local = tag.local;
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(local);
    if (this.skip > 0 || local === 'Fallback' || local === 'del' || local === 'moveFrom') {
      if (this.skip > 0 || local === 'Fallback' || WORD_NAMESPACES.has(tag.uri)) this.skip++;
      return;
    }
    if (!WORD_NAMESPACES.has(tag.uri)) return;
    const val = attr(tag, 'val');
    switch (local) {
      case 'p':
        this.paragraphs.push({ segments: [''], sectionBreak: false });
        break;
      case 't':
        this.inText = parent === 'r';
        break;
      case 'tab':
        if (parent === 'r') this.append('\t');
        break;
      case 'noBreakHyphen':
        this.append('-');
        break;
      case 'br':
      case 'cr':
        if (local === 'br' && attr(tag, 'type') === 'page') this.pageBreak(true);
        else if (attr(tag, 'type') !== 'column') this.lineBreak();
        break;
      case 'lastRenderedPageBreak':
        this.pageBreak(false);
        break;
      case 'pageBreakBefore':
        if (val !== 'false' && val !== '0' && val !== 'off') this.pageBreak(false, true);
        break;
      case 'sectPr':
        if (parent === 'pPr' && this.paragraphs.length > 0) this.currentParagraph().sectionBreak = true;
        break;
      case 'type':
        // <w:sectPr><w:type w:val="continuous"/>: a section that does not start a new page.
        if (parent === 'sectPr' && val === 'continuous' && this.paragraphs.length > 0) {
          this.currentParagraph().sectionBreak = false;
        }
        break;
      case 'tbl':
        if (this.tables.length >= this.limits.maxTableDepth) {
          throw new ReadError(this.file, '表格嵌套层数过多，疑似异常文件，已拒绝', 'too_deep');
        }
        this.tables.push({ rows: 0, row: null, cell: null });
        break;
      case 'tr':
        if (this.tables.length > 0) this.table().row = { cells: [], gridBefore: 0 };
        break;
      case 'gridBefore':
        if (parent === 'trPr' && this.tables.length > 0 && this.table().row) {
          this.table().row!.gridBefore = boundedInt(val, 0);
        }
        break;
      case 'tc':
        if (this.tables.length > 0) this.table().cell = { text: '', span: 1, continued: false };
        break;
      case 'gridSpan':
        if (parent === 'tcPr' && this.tables.length > 0 && this.table().cell) {
          this.table().cell!.span = Math.max(1, boundedInt(val, 1));
        }
        break;
      case 'vMerge':
        if (parent === 'tcPr' && this.tables.length > 0 && this.table().cell) {
          this.table().cell!.continued = val !== 'restart';
        }
        break;
    }
  }

  private close(tag: SaxesTagNS): void {
    const local = tag.local;
    this.stack.pop();
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (!WORD_NAMESPACES.has(tag.uri)) return;
    switch (local) {
      case 't':
        this.inText = false;
        break;
      case 'p':
        this.endParagraph();
        break;
      case 'tc':
        this.endCell();
        break;
      case 'tr':
        this.endRow();
        break;
      case 'tbl':
        this.tables.pop();
        break;
    }
  }

  private currentParagraph(): Paragraph {
    return this.paragraphs[this.paragraphs.length - 1];
  }

  private table(): Table {
    return this.tables[this.tables.length - 1];
  }

  /** True when the innermost open paragraph belongs to a table cell rather than to the body or a text box. */
  private inCell(): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i] === 'tc') return true;
      if (this.stack[i] === 'txbxContent' || this.stack[i] === 'body') return false;
    }
    return false;
  }

  private append(text: string): void {
    if (this.paragraphs.length === 0) return;
    const segments = this.currentParagraph().segments;
    const last = segments.length - 1;
    if (segments[last].length + text.length > this.limits.maxChars) {
      throw new ReadError(
        this.file,
        `段落或单元格内容超过 ${this.limits.maxChars} 个字符，疑似异常文件，已拒绝`,
        'cell_too_large',
      );
    }
    segments[last] += text;
  }

  private lineBreak(): void {
    if (this.paragraphs.length > 0) this.currentParagraph().segments.push('');
  }

  /** explicit: a hard page break (always a new page); before: pageBreakBefore on a paragraph not yet written. */
  private pageBreak(explicit: boolean, before = false): void {
    if (explicit) {
      // Text before the break stays on the old page.
      if (this.paragraphs.length > 0 && !this.inCell()) {
        this.flushSegments(this.currentParagraph());
      }
      this.page++;
      this.freshPage = true;
      this.lineOnPage = 0;
      return;
    }
    if (this.freshPage) return;
    if (!before && this.paragraphs.length > 0 && !this.inCell()) this.flushSegments(this.currentParagraph());
    this.page++;
    this.freshPage = true;
    this.lineOnPage = 0;
  }

  private endParagraph(): void {
    const paragraph = this.paragraphs.pop();
    if (!paragraph) return;
    if (this.inCell()) {
      const cell = this.table().cell;
      if (cell) {
        const text = paragraph.segments.join('').replace(/\t/g, ' ').trim();
        if (cell.text.length + text.length > this.limits.maxChars) {
          throw new ReadError(
            this.file,
            `段落或单元格内容超过 ${this.limits.maxChars} 个字符，疑似异常文件，已拒绝`,
            'cell_too_large',
          );
        }
        // Paragraphs inside a cell are wrapped parts of one label or value.
        cell.text += text;
      }
    } else {
      this.flushSegments(paragraph);
    }
    if (paragraph.sectionBreak && !this.freshPage) {
      this.page++;
      this.freshPage = true;
      this.lineOnPage = 0;
    }
  }

  /** Emits a body paragraph's segments as lines and empties them (a page break may split a paragraph). */
  private flushSegments(paragraph: Paragraph): void {
    for (const segment of paragraph.segments) {
      const cells = segment.split('\t').map((t) => ({ text: t.replace(/\u00a0/g, ' ').trim() }));
      if (cells.every((c) => c.text === '')) continue;
      // Tab leaders in a table of contents give "title\t\tpage": keep the columns, drop empties at the ends.
      while (cells.length > 1 && cells[cells.length - 1].text === '') cells.pop();
      while (cells.length > 1 && cells[0].text === '') cells.shift();
      this.push({ cells, page: this.page, line: 0 });
    }
    paragraph.segments = [''];
  }

  private endCell(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.cell || !table.row) return;
    table.row.cells.push(table.cell);
    table.cell = null;
  }

  private endRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.row) return;
    const row = table.row;
    table.row = null;
    const texts: string[] = new Array(row.gridBefore).fill('');
    for (const cell of row.cells) {
      texts.push(cell.continued ? '' : cell.text);
      for (let i = 1; i < cell.span; i++) texts.push('');
    }
    if (texts.every((t) => t === '')) return;
    table.rows++;
    if (this.tables.length > 1) {
      // A table nested in a cell: its rows are part of the enclosing cell's text.
      const outer = this.tables[this.tables.length - 2].cell;
      if (outer) outer.text += texts.filter((t) => t !== '').join(' ');
      return;
    }
    while (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
    this.push({ cells: texts.map((text) => ({ text })), page: this.page, line: 0, inTable: true });
  }

  private push(line: LayoutLine): void {
    if (this.lines.length >= this.limits.maxLines) {
      throw new ReadError(
        this.file,
        `文档行数超过 ${this.limits.maxLines} 行上限，疑似异常文件，已拒绝`,
        'too_many_lines',
      );
    }
    line.line = ++this.lineOnPage;
    this.freshPage = false;
    this.lines.push(line);
  }
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local) return a.value;
  }
  return undefined;
}

function boundedInt(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  // A span of thousands of columns would only serve to blow up one row.
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : fallback;
}
