// The layout stage: what a reader extracts from bytes before any interpretation. Every reader (text, PDF,
// spreadsheet, Word) produces the same shape, so that one recogniser turns any of them into the model.

/** One cell of a line. For table rows the cell's index in `LayoutLine.cells` is its column index. */
export interface LayoutCell {
  text: string;
  /**
   * Horizontal extent in PDF points (PDF only): of the printed text, or of the column when the cell is empty; a
   * ruled cell spanning several grid columns gives the extent of the whole cell.
   */
  x0?: number;
  x1?: number;
  /**
   * PDF only: the separately printed pieces a cell was joined from when several fell into one column
   * ("小计" and "购置费" of a header row whose columns the body does not separate), with their own extents.
   */
  parts?: { text: string; x0: number; x1: number }[];
  /**
   * Ruled grids only: the number of grid columns (rows) this cell spans when an inner rule is missing. The cell sits
   * at the index of its first column; the spanned indices that follow hold empty cells.
   */
  colSpan?: number;
  rowSpan?: number;
}

/** A line of the document: a paragraph line (one cell) or a table row (several cells, empties kept). */
export interface LayoutLine {
  cells: LayoutCell[];
  /** 1-based page (1 for plain text). */
  page: number;
  /** 1-based line number in the source (plain text), or running line index within the page. */
  line: number;
  /** Top of the line in PDF points from the page top (PDF only). */
  y?: number;
  /** Spreadsheet sheet name and 1-based row (spreadsheets only). */
  sheet?: string;
  row?: number;
  /** Set by readers that know a wrapped line continues the previous paragraph (PDF, Word). */
  continues?: boolean;
  /** Set by readers that know the line belongs to a table grid (spreadsheets, Word tables, PDF grids). */
  inTable?: boolean;
  /**
   * How a table row's columns were found: `ruled` from the drawn grid (PDF vector rules; spreadsheet and Word grids
   * count as ruled), `projection` from the positions of the text. Absent on prose lines and plain text.
   */
  grid?: 'ruled' | 'projection';
  /** Ruled grids: an id shared by every row of one drawn grid (page-scoped), so a recogniser can tell grids apart. */
  gridId?: string;
}

export type SourceFormat = 'txt' | 'pdf' | 'xlsx' | 'xls' | 'docx';

export interface LayoutDocument {
  /** Path as given by the user. */
  file: string;
  format: SourceFormat;
  /** Number of pages (sheets for spreadsheets, 1 for text). */
  pages: number;
  lines: LayoutLine[];
  /** Reader remarks (encoding detected, OCR used …). */
  notes: string[];
  /** True when text came from OCR (lower confidence). */
  ocr?: boolean;
}

/** Joins a line's cells as the tab-separated text the sample family uses. */
export function lineText(line: LayoutLine): string {
  return line.cells.map((c) => c.text).join('\t');
}
