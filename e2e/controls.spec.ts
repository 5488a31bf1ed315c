import type { Page } from '@playwright/test';
import { PAGE, SLIDE_SIZE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';

/** The controls while presenting: sub-slides line up with the others, nothing covers the slide number, targets fit a finger. */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function controlBoxes(page: Page): Promise<{ controls: Box[]; number: Box | undefined }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const controls = [...document.querySelectorAll('.reveal .controls button.enabled')].filter(
      (b) => getComputedStyle(b).visibility !== 'hidden',
    );
    const number = document.querySelector('.reveal .slide-number a') ?? document.querySelector('.reveal .slide-number');
    return { controls: controls.map(box), number: number ? box(number) : undefined };
  });
}

test('a vertical sub-slide lines up with the horizontal slides', async ({ page }) => {
  await openDeck(page, 'demo');
  const left = async () => page.locator(`${PAGE.slides} section.present:not(.stack) h2`).evaluate((h) => h.getBoundingClientRect().left);
  const { h, v } = await page.evaluate((slides) => {
    const sub = document.querySelector(`${slides} > section.stack > section:nth-child(2)`);
    return window.lectern?.deck.getIndices(sub as HTMLElement) ?? { h: 0, v: 0 };
  }, PAGE.slides);
  await page.evaluate(({ h }) => window.lectern?.deck.slide(h - 1, 0), { h });
  const horizontal = await left();
  await page.evaluate(({ h, v }) => window.lectern?.deck.slide(h, v ?? 1), { h, v });
  await expect.poll(left).toBeCloseTo(horizontal, 0);
});

for (const viewport of [{ ...SLIDE_SIZE }, { width: 1024, height: 768 }, { width: 1920, height: 1080 }, { width: 844, height: 390 }]) {
  test(`at ${viewport.width}×${viewport.height} no control covers the slide number, and each is at least 44 px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openDeck(page, 'demo');
    // A sub-slide with every arrow on (left, right, up, down), then the first slide.
    const stack = await page.evaluate((slides) => {
      const sub = document.querySelector(`${slides} > section.stack > section:nth-child(2)`);
      return window.lectern?.deck.getIndices(sub as HTMLElement) ?? { h: 0, v: 0 };
    }, PAGE.slides);
    for (const at of [
      { h: stack.h, v: 1 },
      { h: 0, v: 0 },
    ]) {
      await page.evaluate(({ h, v }) => window.lectern?.deck.slide(h, v), at);
      await page.waitForTimeout(50);
      const { controls, number } = await controlBoxes(page);
      expect(number, 'the slide number is shown').toBeDefined();
      expect(controls.length).toBeGreaterThan(0);
      for (const c of controls) {
        expect(overlap(c, number as Box), `control at ${JSON.stringify(c)} covers the number at ${JSON.stringify(number)}`).toBe(false);
        expect(Math.min(c.width, c.height)).toBeGreaterThanOrEqual(44);
      }
      expect(number?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
  });
}
