// Files → disclosures: read each file's layout, recognise it, and join documents published in parts
// (a text volume and a tables volume of the same unit and year).
import { readLayout, ReadError } from './read/index.js';
import { recognize, type RecognizeOptions } from './recognize/index.js';
import type { Disclosure } from './model/schema.js';

export type ParseOutcome =
  | { file: string; files: string[]; disclosure: Disclosure }
  | { file: string; files: string[]; error: ReadError };

export interface ParseOptions extends RecognizeOptions {
  /** Called after each file, for progress display. */
  onFile?: (file: string) => void;
}

/** Parses one file; never throws for a bad file (the error is returned). */
export async function parseFile(file: string, options: RecognizeOptions = {}): Promise<ParseOutcome> {
  try {
    const layout = await readLayout(file);
    return { file, files: [file], disclosure: recognize(layout, options) };
  } catch (e) {
    return { file, files: [file], error: toReadError(file, e) };
  }
}

/** Parses several files in one process; documents that belong together are joined (see join.ts). */
export async function parseFiles(
  files: readonly string[],
  options: ParseOptions = {},
): Promise<ParseOutcome[]> {
  const outcomes: ParseOutcome[] = [];
  for (const file of files) {
    outcomes.push(await parseFile(file, { families: options.families }));
    options.onFile?.(file);
  }
  const { joinParts } = await import('./recognize/join.js');
  return joinParts(outcomes);
}

/** Any failure while reading one file becomes a one-line Chinese reason, never a stack trace. */
export function toReadError(file: string, e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : String(e);
  return new ReadError(file, `读取失败（${detail}）`, 'internal');
}
