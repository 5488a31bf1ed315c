/**
 * The deck page while it is printed: the address that puts it in print layout, waiting until it is
 * ready, and what it reports about itself (slides, pages, diagrams, overflow).
 */
import type { Page } from 'playwright-core';

export type PdfKind = 'slides' | 'handout';

/** The slide as reveal lays it out, and the PDF page size of the slides kind. */
export const SLIDE = { width: 1280, height: 720 };

/** Thrown for failures the user can act on (no browser, unknown deck, page never ready, page count wrong). */
export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

/** What the page reports once laid out: used to check the PDF and to warn. */
export interface PageReport {
  title: string;
  author: string;
  lang: string;
  slides: number;
  /** Pages the layout asks for (reveal's `.pdf-page`s or the handout's sheets); 0 = unknown. */
  layoutPages: number;
  diagrams: { state: string; width: number; height: number; where: string }[];
  overflowing: string[];
  /** `--fragments`: diagram steps were drawn after reveal's print layout, so they are not separate pages. */
  lateSteps: boolean;
}

/** The query that puts a deck page in the wanted print layout. */
export function queryFor(kind: PdfKind, fragments: boolean): string {
  if (kind === 'handout') return '?view=handout';
  // margin=0: the page is exactly the 1280×720 slide. pdfMaxPagesPerSlide=1: an overflowing slide
  // stays one page (reported as a warning) instead of silently adding pages.
  return `?view=print&margin=0&pdfMaxPagesPerSlide=1${fragments ? '&fragments' : ''}`;
}

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
        await page.waitForSelector('html[data-lectern-ready="true"]', { state: 'attached', timeout: timeoutMs });
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
      .evaluate(() => ({
        ready: document.documentElement.dataset.lecternReady ?? 'unset',
        diagrams: [...document.querySelectorAll<HTMLElement>('.lectern-diagram')].map((f) => f.dataset.state),
      }))
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
  return page.evaluate(
    ({ kind, fragments, slide }) => {
      // No named inner functions here: tsx would wrap them in a `__name` helper the page does not have.
      const leafSections = [...document.querySelectorAll<HTMLElement>('section[data-source]')].filter(
        (s) => !s.querySelector(':scope > section'),
      );
      // Diagram steps drawn after reveal's print layout are missing from every page's step sequence.
      const diagramSteps = [...document.querySelectorAll('.reveal .pdf-page .lectern-diagram-step')];
      const lateSteps =
        kind === 'slides' && fragments && diagramSteps.length > 0 && !diagramSteps.some((e) => e.classList.contains('visible'));
      if (kind === 'slides' && !fragments) {
        // reveal shows every fragment in this layout, but diagram steps become fragments only when the
        // diagram is drawn; if that happened after the layout, show them too (idempotent otherwise).
        for (const f of document.querySelectorAll('.reveal .pdf-page .fragment:not(.fade-out)')) f.classList.add('visible');
      }
      const diagrams = [...document.querySelectorAll<HTMLElement>('.lectern-diagram')].map((f) => {
        const box = f.querySelector('.lectern-diagram-svg svg')?.getBoundingClientRect();
        const where = f.closest<HTMLElement>('[data-source]')?.dataset.source ?? '?';
        return { state: f.dataset.state ?? '?', width: box?.width ?? 0, height: box?.height ?? 0, where };
      });
      const overflowing =
        kind === 'slides'
          ? [...document.querySelectorAll<HTMLElement>('.reveal .pdf-page > section')]
              .filter((s) => s.scrollHeight > slide.height + 2)
              .map((s) => s.dataset.source ?? s.id)
          : [...document.querySelectorAll<HTMLElement>('.handout-item')]
              .filter((s) => s.scrollHeight > s.clientHeight + 2)
              .map((s) => s.dataset.source ?? s.id);
      const layoutPages =
        kind === 'slides' ? document.querySelectorAll('.reveal .pdf-page').length : Number(document.body.dataset.sheets ?? 0);
      return {
        title: document.title,
        author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
        lang: document.documentElement.lang,
        slides: leafSections.length,
        layoutPages,
        diagrams,
        overflowing: [...new Set(overflowing)],
        lateSteps,
      };
    },
    { kind, fragments, slide: SLIDE },
  );
}
