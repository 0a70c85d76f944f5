// The corpus PDFs parsed once per test file, and one cell of a parsed disclosure looked up the way a reader names
// it: table kind, row code (or name when the row has no code), canonical column id, and the side for two-sided
// summary tables.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Disclosure, TableKind } from '../../src/model/schema.js';
import { parseFile, type ParseOutcome } from '../../src/parse.js';
import type { RecognizeOptions } from '../../src/recognize/index.js';
import { sharedRoot } from '../../src/paths.js';

export const corpusDir = join(sharedRoot, 'corpus');
export const CORPUS_PDFS = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

/**
 * The corpus files parsed one by one (call `load` in beforeAll); `doc` throws with the reader's message. `options`:
 * `{ families: false }` reads every file as a layout of no known family.
 */
export function corpusDocuments(files: readonly string[] = CORPUS_PDFS, options: RecognizeOptions = {}) {
  const outcomes = new Map<string, ParseOutcome>();
  return {
    async load(): Promise<void> {
      for (const f of files) outcomes.set(f, await parseFile(join(corpusDir, f), options));
    },
    doc(file: string): Disclosure {
      const o = outcomes.get(file);
      if (!o || !('disclosure' in o))
        throw new Error(`${file}: ${o && 'error' in o ? o.error.message : 'not parsed'}`);
      return o.disclosure;
    },
  };
}

export type Side = 'income' | 'expenditure';

/** The rows of every table of `kind` that carry the code or name `row` (on `side`, when given). */
export function findRows(d: Disclosure, kind: TableKind, row: string, side?: Side) {
  return d.tables
    .filter((t) => t.kind === kind)
    .flatMap((t) => t.rows)
    .filter((r) => (r.code === row || (!r.code && r.name === row)) && (!side || r.side === side));
}

/** The value of one cell; throws when no such row exists, null for an empty cell or a missing column. */
export function cell(
  d: Disclosure,
  kind: TableKind,
  row: string,
  column: string,
  side?: Side,
): string | null {
  const rows = findRows(d, kind, row, side);
  if (rows.length === 0) throw new Error(`${kind}: no row ${row}${side ? ` (${side})` : ''}`);
  return rows[0].cells[column]?.value ?? null;
}
