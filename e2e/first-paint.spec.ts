import type { Page } from '@playwright/test';
import { PAGE } from '../src/model/page';
import { expect, test } from './fixtures';

/**
 * Reading mode is painted from the page's HTML and CSS: readable before its script arrives (on a slow
 * phone that is a further round trip) and with JavaScript off.
 */

async function readable(page: Page): Promise<void> {
  const title = page.locator(`${PAGE.slides} > section`).first().locator('h1');
  await expect(title).toBeVisible();
  await expect(title).toContainText('Where LLM Complex Reasoning Comes From');
  const width = page.viewportSize()?.width ?? 0;
  const box = await title.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
  // Body text at reading size, every step shown, the notes as commentary, nothing sideways.
  const para = page.locator(`${PAGE.slides} section:not(.stack) p`).nth(3);
  await para.scrollIntoViewIfNeeded();
  await expect(para).toBeVisible();
  expect(await para.evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(16);
  await expect(page.locator(`.reveal ${PAGE.fragment}`).first()).toBeVisible();
  await expect(page.locator(`.reveal ${PAGE.notes}`).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  // Slides follow each other down the page.
  const tops = await page.locator(`${PAGE.slides} > section`).evaluateAll((s) => s.slice(0, 4).map((e) => e.getBoundingClientRect().top));
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
  expect(new Set(tops).size).toBe(tops.length);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('reading mode before its script has arrived: the lecture is already laid out to read', async ({ page }) => {
    await page.route(/\.js(\?|$)/, (route) => route.abort());
    await page.goto('/reasoning-origins-en/?view=read');
    await readable(page);
  });

  test.describe('JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('reading mode is readable', async ({ page }) => {
      await page.goto('/reasoning-origins-en/?view=read');
      await readable(page);
    });
    test('the presenting address shows the lecture as a page too, not a blank screen', async ({ page }) => {
      await page.goto('/reasoning-origins-en/');
      await readable(page);
    });
  });
});
