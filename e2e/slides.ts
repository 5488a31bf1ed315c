import type { Page } from '@playwright/test';

/** Reveal's own navigation, from the page: used to visit every slide in order. */
export async function totalSlides(page: Page): Promise<number> {
  return page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
}

export async function indices(page: Page): Promise<{ h: number; v: number; f?: number }> {
  return page.evaluate(() => window.lectern?.deck.getIndices() ?? { h: -1, v: -1 });
}

/** Waits until every diagram on the current slide is drawn (or failed visibly). */
export async function diagramsOnCurrentSlide(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.reveal .slides section.present .lectern-diagram')].every(
      (f) => f.dataset.state === 'rendered' || f.dataset.state === 'error',
    ),
  );
}

/** Overflow of the current slide: how far its content reaches past the 1280×720 slide, in slide pixels. */
export async function overflowOfCurrentSlide(
  page: Page,
): Promise<{ id: string; source: string; right: number; bottom: number; culprit: string }> {
  return page.evaluate(() => {
    const deck = window.lectern?.deck;
    const slide = deck?.getCurrentSlide() as HTMLElement;
    const scale = deck?.getScale() ?? 1;
    const box = slide.getBoundingClientRect();
    const slideRight = box.left + 1280 * scale;
    const slideBottom = box.top + 720 * scale;
    let right = 0;
    let bottom = 0;
    let culprit = '';
    for (const el of slide.querySelectorAll<HTMLElement>('h1,h2,h3,h4,p,li,table,pre,figure,img,blockquote,.katex-display,svg')) {
      if (el.closest('aside.notes')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const dr = (r.right - slideRight) / scale;
      const db = (r.bottom - slideBottom) / scale;
      if (dr > right || db > bottom) culprit = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      right = Math.max(right, dr);
      bottom = Math.max(bottom, db);
    }
    return { id: slide.id, source: slide.dataset.source ?? '', right, bottom, culprit };
  });
}

/** Every slide of the deck, by reveal indices, with all fragments shown. */
export async function visitEverySlide(page: Page, onSlide: (n: number) => Promise<void>): Promise<number> {
  const slides = await page.evaluate(() => (window.lectern?.deck.getSlides() ?? []).map((s) => window.lectern?.deck.getIndices(s)));
  for (const [n, idx] of slides.entries()) {
    await page.evaluate(({ h, v }) => window.lectern?.deck.slide(h, v, Number.MAX_SAFE_INTEGER), { h: idx?.h ?? 0, v: idx?.v ?? 0 });
    await diagramsOnCurrentSlide(page);
    await page.evaluate(() => {
      const deck = window.lectern?.deck;
      const { h, v } = deck?.getIndices() ?? { h: 0, v: 0 };
      deck?.slide(h, v, Number.MAX_SAFE_INTEGER);
    });
    await onSlide(n);
  }
  return slides.length;
}
