// Shared by the renderer tests: the sample parsed by the project's own importer, and a reader of the rows that
// an HTML rendering prints for one table.
import { parseFile } from '../../src/parse.js';
import { bundledSamplePath } from '../../src/paths.js';
import type { Disclosure } from '../../src/model/schema.js';

let cached: Disclosure | undefined;

export async function parsedSample(): Promise<Disclosure> {
  if (!cached) {
    const outcome = await parseFile(bundledSamplePath());
    if (!('disclosure' in outcome)) throw new Error(outcome.error.message);
    cached = outcome.disclosure;
  }
  return structuredClone(cached);
}

const unescape = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The HTML of the table block of `kind`. */
export function tableSection(html: string, kind: string): string {
  const m = new RegExp(`<section class="table-block"[^>]*data-kind="${kind}">([\\s\\S]*?)</section>`).exec(
    html,
  );
  if (!m) throw new Error(`no table ${kind}`);
  return m[1];
}

/** Cell texts of every body row of a table block. */
export function bodyRows(section: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) => unescape(td[1])),
  );
}

/** Cell texts of every header row. */
export function headerRows(section: string): string[][] {
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(section)?.[1] ?? '';
  return [...head.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((th) => unescape(th[1])),
  );
}
