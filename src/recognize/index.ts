// layout → model: recognises the document's family, sections, tables and forms from any reader's layout.
import type { LayoutDocument } from '../layout/types.js';
import type { Disclosure } from '../model/schema.js';
import { ReadError } from '../read/errors.js';

/** Turns one file's layout into a disclosure. Throws ReadError when the content is not a disclosure at all. */
export function recognize(layout: LayoutDocument): Disclosure {
  throw new ReadError(layout.file, '识别器尚未实现', 'not_implemented');
}
