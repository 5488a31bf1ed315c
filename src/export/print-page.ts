/**
 * The deck page while it is printed: the address that puts it in print layout, waiting until it is
 * ready, and what it reports about itself (slides, pages, diagrams, overflow).
 */
import type { Page } from 'playwright-core';
import { DIAGRAM, PAGE, type PageReport, type PdfKind, printQuery } from '../model/page.js';

export type { PageReport, PdfKind };

/** Thrown for failures the user can act on (no browser, unknown deck, page never ready, page count wrong). */
export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

/** The query that puts a deck page in the wanted print layout (defined in the page contract). */
export const queryFor = printQuery;

/**
 * Waits for Lectern's ready signal (fonts, KaTeX, every diagram drawn) and, in reveal's print view,
 * for its print layout to be finished. Fails fast if the page throws.
 */
export async function waitUntilReady(page: Page, kind: PdfKind, timeoutMs: number, errors: string[]): Promise<void> {
  let onError: (e: Error) => void = () => {};
  const crashed = new Promise<never>((_, fail) => {
    onError = (e) => fail(new PdfExportError(`the page threw: ${e.message}`));
    page.on('pageerror', onError);
  });
  try {
    await Promise.race([
      crashed,
      (async () => {
        await page.waitForSelector(PAGE.readySelector, { state: 'attached', timeout: timeoutMs });
        if (kind === 'slides') {
          // reveal lays out the print view asynchronously; it ends by dropping `loading-scroll-mode`.
          await page.waitForFunction(
            () =>
              document.documentElement.classList.contains('reveal-print') &&
              document.querySelector('.reveal .pdf-page') !== null &&
              document.querySelector('.reveal-viewport.loading-scroll-mode') === null,
            undefined,
            { timeout: timeoutMs, polling: 'raf' },
          );
        }
        // Print layout may show glyphs not laid out before (unicode-range font chunks load lazily).
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
      })(),
    ]);
  } catch (err) {
    if (err instanceof PdfExportError) throw err;
    const state = await page
      .evaluate(
        ({ readyAttr, diagram }) => ({
          ready: document.documentElement.getAttribute(readyAttr) ?? 'unset',
          diagrams: [...document.querySelectorAll<HTMLElement>(diagram)].map((f) => f.dataset.state),
        }),
        { readyAttr: PAGE.readyAttr, diagram: DIAGRAM.selector },
      )
      .catch(() => undefined);
    const detail = state ? ` (ready=${state.ready}, diagrams: ${state.diagrams.join(', ') || 'none'})` : '';
    const logged = errors.length ? `\n  page errors:\n    ${errors.slice(0, 5).join('\n    ')}` : '';
    throw new PdfExportError(`the page did not become ready within ${timeoutMs / 1000} s${detail}${logged}`);
  } finally {
    page.off('pageerror', onError);
    crashed.catch(() => {});
  }
}

/** Looks at the laid-out page; in the one-page-per-slide print also shows late-drawn diagram steps. */
export async function inspect(page: Page, kind: PdfKind, fragments: boolean): Promise<PageReport> {
  const report = await page.evaluate(async ({ kind, fragments }) => (await window.lecternInspector?.())?.printReport(kind, fragments), {
    kind,
    fragments,
  });
  if (!report) throw new PdfExportError('the page has no inspection API (is it a Lectern deck page?)');
  return report;
}
