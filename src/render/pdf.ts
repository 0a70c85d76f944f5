// PDF through headless Chromium. Printed twice: the first print tells on which page each heading landed (read
// back from the named destinations Chromium makes of the contents' links), the second fills in the contents'
// page numbers. Room for the numbers is reserved in the first pass so that nothing moves between the two.
import type { Disclosure } from '../model/schema.js';
import { RenderBrowser } from './browser.js';
import { planDocument } from './document.js';
import { planHtml } from './html.js';
import { layoutFor } from './layouts/index.js';
import type { Layout } from './layouts/types.js';

export interface PdfOptions {
  layout?: Layout;
  /** A browser shared by a batch; without one, a browser is launched and closed for this document. */
  browser?: RenderBrowser;
  charts?: boolean;
}

/** Page (1-based) of every named destination: Chromium turns the contents' `#id` links into them. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages = new Map<string, number>();
    const dests = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, dest] of Object.entries(dests)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object')
        pages.set(name, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The disclosure as a PDF document. */
export async function renderPdf(doc: Disclosure, options: PdfOptions = {}): Promise<Uint8Array> {
  const layout = options.layout ?? layoutFor(doc.metadata.family);
  const plan = planDocument(doc, layout, { charts: options.charts });
  const own = options.browser ? null : new RenderBrowser();
  const browser = options.browser ?? own!;
  try {
    const first = await browser.print(planHtml(plan, { reservePageNumbers: true }));
    const pages = await destinationPages(first);
    if (pages.size === 0) return first;
    return await browser.print(planHtml(plan, { pageNumbers: pages }));
  } finally {
    await own?.close();
  }
}
