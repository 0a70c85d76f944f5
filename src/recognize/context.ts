// What every recogniser step shares for one document: the layout, the vocabulary in force, the import notes
// collected so far, and how a layout position becomes a SourceRef.
import type { LayoutDocument, LayoutLine } from '../layout/types.js';
import type { ImportNote, SourceRef } from '../model/schema.js';
import type { Vocabulary } from './family.js';

export class Context {
  readonly notes: ImportNote[] = [];

  constructor(
    readonly layout: LayoutDocument,
    readonly vocab: Vocabulary,
  ) {}

  /**
   * Position of a line (and optionally one of its cells). Plain text has no pages: its `page` is the line number,
   * as INTERFACES.md says for `--format cells`.
   */
  source(line: LayoutLine, cell?: number): SourceRef {
    const text = this.layout.format === 'txt';
    const ref: SourceRef = { page: text ? line.line : line.page, line: line.line };
    const c = cell === undefined ? undefined : line.cells[cell];
    if (c?.x0 !== undefined) ref.x = c.x0;
    if (line.y !== undefined) ref.y = line.y;
    if (line.sheet !== undefined) {
      ref.sheet = line.sheet;
      if (line.row !== undefined) ref.cell = `${columnLetters(cell ?? 0)}${line.row}`;
    }
    return ref;
  }

  note(level: ImportNote['level'], code: string, message: string, line?: LayoutLine): void {
    this.notes.push(line ? { level, code, message, source: this.source(line) } : { level, code, message });
  }
}

/** Spreadsheet column letters of a 0-based index (0 → A, 26 → AA). */
function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
