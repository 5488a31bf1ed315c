/**
 * Where `exportPdf` opens its pages. Two ways, one interface:
 *
 * - **shared** (the browser `exportPdf` launched itself): one context per page size, kept until its last deck
 *   is printed, so the files every deck loads (the runtime, Mermaid's modules, the fonts) come from the browser's
 *   cache after the first deck instead of the server, and their compiled code is reused. Its pages are reused
 *   too: the next deck of that size opens in a page a printed deck left (its renderer keeps decoded fonts and
 *   compiled code: 30 lectures' slides and handouts took 37 s against 48–56 s with a new page per deck). Nothing may leave
 *   the host all the same: the browser was launched with every request outside loopback sent to a proxy that
 *   does not exist (`OFF_HOST_PROXY`), which needs no request interception — Playwright's `route` turns the
 *   HTTP cache off, and printing 30 lectures took twice as long with it.
 * - **isolated** (a browser handed in, e.g. by the tests): a fresh context per deck with `route` blocking,
 *   as before.
 *
 * Either way a page reports the requests it tried outside the site (`blocked`).
 */
import type { Browser, BrowserContext, LaunchOptions, Page, Request } from 'playwright-core';
import { SLIDE_SIZE } from '../model/page.js';
import { blockOffHost, offSite } from './browser.js';
import type { PdfKind } from './print-page.js';

/** A proxy nothing listens on, bypassed for loopback only: every request that leaves the host fails. */
export const OFF_HOST_PROXY: NonNullable<LaunchOptions['proxy']> = {
  server: 'http://127.0.0.1:9',
  bypass: '127.0.0.1,localhost,[::1]',
};

export interface PrintPage {
  page: Page;
  /** URLs outside the site the page asked for (none was loaded). */
  blocked: string[];
  close: () => Promise<void>;
}

export interface PrintContexts {
  open(kind: PdfKind): Promise<PrintPage>;
  /** No more pages of `kind` will be opened: its shared context (and the memory it holds) can go. */
  release(kind: PdfKind): Promise<void>;
  close(): Promise<void>;
}

const contextOptions = (kind: PdfKind) => ({
  viewport: kind === 'slides' ? { ...SLIDE_SIZE } : { width: 794, height: 1123 },
  deviceScaleFactor: 1,
  reducedMotion: 'reduce' as const,
  serviceWorkers: 'block' as const,
});

export function printContexts(browser: Browser, baseUrl: string, shared: boolean): PrintContexts {
  const origin = new URL(baseUrl).origin;
  if (!shared) {
    return {
      async open(kind) {
        const context = await browser.newContext(contextOptions(kind));
        const blocked = await blockOffHost(context, baseUrl);
        return { page: await context.newPage(), blocked, close: () => context.close() };
      },
      async release() {},
      async close() {},
    };
  }
  const contexts = new Map<PdfKind, Promise<BrowserContext>>();
  /** Pages done with, per kind: the next deck of that kind is opened in one (a new page costs ~0.1 s). */
  const spare = new Map<PdfKind, Page[]>();
  return {
    async open(kind) {
      let context = contexts.get(kind);
      if (!context) {
        context = browser.newContext(contextOptions(kind));
        contexts.set(kind, context);
      }
      const page = spare.get(kind)?.pop() ?? (await (await context).newPage());
      const blocked: string[] = [];
      const onFailed = (r: Request) => {
        if (offSite(new URL(r.url()), origin)) blocked.push(r.url());
      };
      page.on('requestfailed', onFailed);
      return {
        page,
        blocked,
        close: async () => {
          page.off('requestfailed', onFailed);
          // What the deck's export listened to goes with it; the page itself is kept for the next deck.
          page.removeAllListeners('pageerror');
          page.removeAllListeners('console');
          spare.set(kind, [...(spare.get(kind) ?? []), page]);
        },
      };
    },
    async release(kind) {
      const context = contexts.get(kind);
      contexts.delete(kind);
      spare.delete(kind);
      await (await context?.catch(() => undefined))?.close();
    },
    async close() {
      await Promise.all([...contexts.values()].map(async (c) => (await c.catch(() => undefined))?.close()));
    },
  };
}
