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

/**
 * Paginates the loaded document as Chromium's print will (forced breaks before parts and tables, rows that do not
 * split, headers repeated on continued tables, headings kept with what follows) and writes the page numbers into
 * the contents. Runs in the page; returns the page of every anchor. An estimate: renderPdf checks it against the
 * printed PDF and prints again in the rare case it was wrong.
 */
export const PAGINATE = `(pageHeight) => {
  const body = document.body;
  body.style.width = '174mm';
  const rect = (el) => el.getBoundingClientRect();
  // A form or a two-sided summary table a little taller than a page is set tighter rather than split.
  for (const el of body.querySelectorAll('.form-block, .table-block:has(table.two-sided)'))
    for (const step of ['tight', 'tighter'])
      if (rect(el).height > pageHeight) el.classList.add(step);
  const units = [];
  const add = (el, extra) => { const r = rect(el); if (r.height > 0) units.push({ top: r.top, bottom: r.bottom, ...extra }); };
  let forceNext = false;
  let previous = null;
  for (const el of body.children) {
    const cls = el.classList;
    const forced = forceNext || cls.contains('part') ||
      ((cls.contains('table-block') && !(previous && previous.classList.contains('part'))) || cls.contains('form-block'));
    forceNext = false;
    const first = units.length;
    if (cls.contains('cover')) { add(el, {}); forceNext = true; }
    else if (cls.contains('contents')) { for (const c of el.querySelectorAll('h1, li')) add(c, {}); forceNext = true; }
    else if (el.tagName === 'SECTION') {
      for (const c of el.children) {
        if (c.tagName !== 'TABLE') { add(c, { keep: c.tagName === 'H2' }); continue; }
        const head = c.tHead ? rect(c.tHead).height : 0;
        for (const tr of c.tBodies[0].rows) {
          // A row kept with the one before it (a form's signature row) moves with it.
          if (tr.classList.contains('keep') && units.length) units[units.length - 1].keep = true;
          add(tr, { head });
        }
      }
    } else if (el.tagName === 'P') {
      const r = rect(el);
      const line = parseFloat(getComputedStyle(el).lineHeight) || r.height;
      const n = Math.max(1, Math.round(r.height / line));
      for (let i = 0; i < n; i++) units.push({ top: r.top + (i * r.height) / n, bottom: r.top + ((i + 1) * r.height) / n });
    } else add(el, { keep: /^H[1-4]$/.test(el.tagName) });
    if (units.length > first) { units[first].forced = forced; if (el.id) units[first].id = el.id; }
    previous = el;
  }
  const pages = {};
  let page = 1;
  let start = null;
  units.forEach((u, i) => {
    if (start === null) start = u.top;
    else if (u.forced) { page++; start = u.top; }
    else {
      const next = units[i + 1];
      const end = u.keep && next && !next.forced ? next.bottom : u.bottom;
      if (end - start > pageHeight + 0.5 && u.top > start) { page++; start = u.top - (u.head || 0); }
    }
    if (u.id) pages[u.id] = page;
  });
  return pages;
}`;

/** A4 (297 mm) less the @page margins (22 mm + 20 mm), in CSS pixels. */
export const PAGE_CONTENT_HEIGHT_PX = ((297 - 42) / 25.4) * 96;

const FILL_CONTENTS = `(pages) => {
  for (const li of document.querySelectorAll('.toc li')) {
    const id = li.querySelector('a').getAttribute('href').slice(1);
    li.querySelector('.page').textContent = pages[id] === undefined ? '' : String(pages[id]);
  }
}`;

/** The disclosure as a PDF document. */
export async function renderPdf(doc: Disclosure, options: PdfOptions = {}): Promise<Uint8Array> {
  const layout = options.layout ?? layoutFor(doc.metadata.family);
  const plan = planDocument(doc, layout, { charts: options.charts });
  const own = options.browser ? null : new RenderBrowser();
  const browser = options.browser ?? own!;
  try {
    const page = await browser.load(planHtml(plan, { reservePageNumbers: true }));
    const estimate = (await page.evaluate(`(${PAGINATE})(${PAGE_CONTENT_HEIGHT_PX})`)) as Record<
      string,
      number
    >;
    await page.evaluate(`(${FILL_CONTENTS})(${JSON.stringify(estimate)})`);
    const pdf = await browser.pdf();
    const actual = await destinationPages(pdf);
    const wrong = plan.contents.filter((e) => actual.has(e.id) && actual.get(e.id) !== estimate[e.id]);
    if (wrong.length === 0) return pdf;
    await page.evaluate(`(${FILL_CONTENTS})(${JSON.stringify(Object.fromEntries(actual))})`);
    return await browser.pdf();
  } finally {
    await own?.close();
  }
}
