import { SLIDE_SIZE } from '../src/model/page';
import { deckSlugs, expect, openDeck, test } from './fixtures';
import { overflowOfCurrentSlide, visitEverySlide } from './slides';

/** Nothing overflows a slide, in any deck, at the two common projector sizes (all fragments shown). */
for (const viewport of [{ ...SLIDE_SIZE }, { width: 1920, height: 1080 }]) {
  test(`no slide of any deck overflows at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    const problems: string[] = [];
    for (const slug of await deckSlugs(page)) {
      await openDeck(page, slug, '?transition=none');
      await visitEverySlide(page, async () => {
        const o = await overflowOfCurrentSlide(page);
        if (o.right > 1 || o.bottom > 1)
          problems.push(`${o.source} (${o.id}): ${o.culprit} overflows by ${Math.round(o.right)}px right, ${Math.round(o.bottom)}px down`);
      });
    }
    expect(problems).toEqual([]);
  });
}
