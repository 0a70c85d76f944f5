// model → documents: one entry point for every output format. Heavy libraries (Chromium, docx, exceljs) load
// only when their format is asked for.
import type { Disclosure } from '../model/schema.js';
import type { RenderBrowser } from './browser.js';
import { isLayoutName, layoutFor } from './layouts/index.js';
import type { Layout } from './layouts/types.js';

export type RenderFormat = 'html' | 'pdf' | 'docx' | 'xlsx' | 'txt';
export const RENDER_FORMATS: readonly RenderFormat[] = ['html', 'pdf', 'docx', 'xlsx', 'txt'];

export interface RenderOptions {
  /** A layout or a family name ("shanxi", "shanghai"); by default the document's own family. */
  layout?: Layout | string;
  /** One Chromium shared by a batch (PDF, and DOCX charts); see `withBrowser`. */
  browser?: RenderBrowser;
  /** Draw charts (HTML, PDF; DOCX when a browser is given). Default true. */
  charts?: boolean;
}

/** A format that cannot be produced here (no Chromium, no text renderer); the message is Chinese. */
export class RenderUnavailable extends Error {
  constructor(
    readonly format: RenderFormat,
    message: string,
  ) {
    super(message);
  }
}

export function resolveLayout(doc: Disclosure, layout?: Layout | string): Layout {
  if (layout && typeof layout === 'object') return layout;
  if (layout && !isLayoutName(layout))
    throw new RenderUnavailable('html', `未知的版式：${layout}（可选 shanxi、shanghai）`);
  return layoutFor(layout ?? doc.metadata.family);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Renders a complete disclosure document in one format. */
export async function renderDocument(
  doc: Disclosure,
  format: RenderFormat,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const layout = resolveLayout(doc, options.layout);
  switch (format) {
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return utf8(renderHtml(doc, { layout, charts: options.charts }));
    }
    case 'pdf': {
      const { chromiumMissing } = await import('./browser.js');
      const missing = chromiumMissing();
      if (missing) throw new RenderUnavailable('pdf', missing);
      const { renderPdf } = await import('./pdf.js');
      return renderPdf(doc, { layout, browser: options.browser, charts: options.charts });
    }
    case 'docx': {
      const { renderDocx } = await import('./docx.js');
      if (options.charts === false) return renderDocx(doc, { layout });
      if (options.browser) return renderDocx(doc, { layout, browser: options.browser });
      // Charts are drawn to PNG by Chromium; without it the document is still written, without charts.
      const { chromiumMissing, withBrowser } = await import('./browser.js');
      if (chromiumMissing()) return renderDocx(doc, { layout });
      return withBrowser((browser) => renderDocx(doc, { layout, browser }));
    }
    case 'xlsx': {
      const { renderXlsx } = await import('./xlsx.js');
      return renderXlsx(doc, { layout });
    }
    case 'txt': {
      const { renderText } = await import('./txt.js');
      // The text format is the Shanxi one whatever the layout (src/render/txt.ts).
      return utf8(renderText(doc));
    }
  }
}

export { withBrowser, RenderBrowser, chromiumMissing } from './browser.js';
export { renderHtml } from './html.js';
