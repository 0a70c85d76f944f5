// One headless Chromium (Debian's, driven by playwright-core) shared by a batch of documents: launching costs far
// more than printing, so a batch opens it once, reuses one page, and closes it at the end.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.YUSUAN_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why PDF output is impossible on this machine, or null when Chromium is there. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `未找到 Chromium（${CHROMIUM_PATH}），无法生成 PDF；请安装 Debian 软件包 chromium（scripts/setup.sh）`;
}

export class ChromiumUnavailable extends Error {}

export class RenderBrowser {
  private browser: Browser | null = null;
  private current: Page | null = null;

  /** The shared page, launching Chromium on first use. */
  async page(): Promise<Page> {
    if (this.current && !this.current.isClosed()) return this.current;
    const missing = chromiumMissing();
    if (missing) throw new ChromiumUnavailable(missing);
    if (!this.browser) {
      const { chromium } = await import('playwright-core');
      this.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
    }
    const context = await this.browser.newContext({ offline: true });
    // Everything is inline: refuse any request so a stray URL can never reach the network.
    await context.route('**/*', (route) => route.abort());
    this.current = await context.newPage();
    // Continuous layout with print styles, so that the page can be measured before it is printed.
    await this.current.emulateMedia({ media: 'print' });
    return this.current;
  }

  /** Loads self-contained HTML into the shared page, laid out for print. */
  async load(html: string): Promise<Page> {
    const page = await this.page();
    await page.setContent(html, { waitUntil: 'load' });
    return page;
  }

  /** Prints what the shared page holds. */
  async pdf(): Promise<Uint8Array> {
    const page = await this.page();
    // Tagged: headings, paragraphs and tables are marked up for screen readers and text extraction; the outline
    // gives the reader's bookmarks.
    return new Uint8Array(
      await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    );
  }

  /** Prints self-contained HTML to PDF bytes. */
  async print(html: string): Promise<Uint8Array> {
    await this.load(html);
    return this.pdf();
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.current = null;
    if (b) await b.close();
  }
}

/** Runs `fn` with a browser that is closed afterwards, whatever happens. */
export async function withBrowser<T>(fn: (browser: RenderBrowser) => Promise<T>): Promise<T> {
  const browser = new RenderBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}
