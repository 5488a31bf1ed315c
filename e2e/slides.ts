import type { Page } from '@playwright/test';
import type { Overflow } from '../src/model/page';

/** Reveal's own navigation, from the page: used to visit every slide in order. */
export async function totalSlides(page: Page): Promise<number> {
  return page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
}

export async function indices(page: Page): Promise<{ h: number; v: number; f?: number }> {
  return page.evaluate(() => window.lectern?.deck.getIndices() ?? { h: -1, v: -1 });
}

/** Waits until every diagram and image on the current slide is drawn (or failed visibly). */
export async function diagramsOnCurrentSlide(page: Page): Promise<void> {
  const drawn = await page.evaluate(async () => (await window.lecternInspector?.())?.untilDrawn(30_000));
  if (!drawn) throw new Error('the current slide was not drawn within 30 s');
}

/** Shows every step of the current slide once it is drawn (diagram steps become steps when drawn). */
export async function everyStepOfCurrentSlide(page: Page): Promise<void> {
  await page.evaluate(async () => (await window.lecternInspector?.())?.settle(30_000));
}

/** Goes to the first slide that has `selector` (a leaf slide), with every step shown and its diagrams drawn. */
export async function slideWith(page: Page, selector: string): Promise<void> {
  const found = await page.evaluate((sel) => {
    const deck = window.lectern?.deck;
    const slide = deck?.getSlides().find((s) => s.querySelector(sel) && !s.querySelector(':scope > section'));
    if (!deck || !slide) return false;
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v, Number.MAX_SAFE_INTEGER);
    return true;
  }, selector);
  if (!found) throw new Error(`no slide with ${selector}`);
  await diagramsOnCurrentSlide(page);
  await page.evaluate(() => {
    const deck = window.lectern?.deck;
    const { h, v } = deck?.getIndices() ?? { h: 0, v: 0 };
    deck?.slide(h, v, Number.MAX_SAFE_INTEGER);
  });
}

/** Overflow of the current slide: how far its content reaches past the slide, in slide pixels (the checker's measurement). */
export async function overflowOfCurrentSlide(page: Page): Promise<Overflow & { id: string; source: string }> {
  const o = await page.evaluate(async () => (await window.lecternInspector?.())?.overflow());
  if (!o) throw new Error('no inspection API on the page');
  return o;
}

/** Every slide of the deck, in the order shown, with all fragments shown and its diagrams drawn. */
export async function visitEverySlide(page: Page, onSlide: (n: number) => Promise<void>): Promise<number> {
  const slides = await page.evaluate(async () => (await window.lecternInspector?.())?.slides() ?? []);
  for (const [n, slide] of slides.entries()) {
    await page.evaluate(async (s) => (await window.lecternInspector?.())?.show(s, 30_000), slide);
    await diagramsOnCurrentSlide(page);
    await onSlide(n);
  }
  return slides.length;
}
