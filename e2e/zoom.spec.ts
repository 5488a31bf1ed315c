import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures';

/** A reader who zooms the page to 150–200 % or sets a larger default font size in the browser. */

/** English words (letters only) that the layout broke across two lines, in every slide and its notes. */
async function brokenWords(page: Page): Promise<string[]> {
  const items = page.locator('article.lectern-ritem');
  const broken: string[] = [];
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    await items.nth(i).evaluate((e) => e.scrollIntoView());
    broken.push(
      ...(await items.nth(i).evaluate((item) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || parent.closest('pre, code, .katex, svg, .lectern-table-scroll') || !parent.checkVisibility()) continue;
          for (const m of (node.textContent ?? '').matchAll(/[A-Za-z]{4,}/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
        return out;
      })),
    );
  }
  return broken;
}

for (const [zoom, width, height] of [
  [150, 853, 533],
  [200, 640, 400],
] as const) {
  test.describe(`page zoom ${zoom}% of a 1280×800 window`, () => {
    test.use({ viewport: { width, height }, deviceScaleFactor: zoom / 100 });

    test('reading mode: no sideways drift, a readable header title, no word broken mid-word', async ({ page }) => {
      await openDeck(page, 'reasoning-origins-en', '?view=read');
      expect(await brokenWords(page)).toEqual([]);
      const drift = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(drift, 'the page scrolls sideways').toBeLessThanOrEqual(0);
      // The header's title keeps room for words, not a letter and an ellipsis.
      const title = page.locator('.lectern-rtitle').first();
      const box = await title.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(width * 0.3);
    });
  });
}

test('on a 360 px phone, English reading mode breaks no word mid-word', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openDeck(page, 'reasoning-origins-en', '?view=read');
  expect(await brokenWords(page)).toEqual([]);
});

test('a larger default font size in the browser makes reading mode larger', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const size = async () => {
    await openDeck(page, 'reasoning-origins-en', '?view=read');
    return page
      .locator('.lectern-commentary p')
      .first()
      .evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize));
  };
  const normal = await size();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  const large = await size();
  expect(large / normal).toBeGreaterThan(1.4);
});
