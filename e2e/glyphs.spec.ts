import type { Page } from '@playwright/test';
import { DIAGRAM, printQuery } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { slideWith } from './slides';

/**
 * Every character a viewer sees is drawn from a bundled font: each view of the lectures is walked and
 * Chromium is asked (DevTools `CSS.getPlatformFontsForNode`) which fonts it really drew each visible
 * element's text with. A system font there (`isCustomFont: false`) fails: this machine has DejaVu and
 * Liberation, a lecturer's laptop or a student's phone may have neither, and a PDF would embed them.
 */

const PROBE = 'data-glyph-probe';

/** Elements whose own visible text was drawn (in part) with a system font: their text and the font. */
async function systemFontText(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  const marked = await page.evaluate((probe) => {
    let n = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.hasAttribute(probe)) continue;
      if (el.closest('script, style, template, .katex-mathml')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden, for screen readers
      el.setAttribute(probe, String(n++));
    }
    return n;
  }, PROBE);
  expect(marked, 'the view shows text').toBeGreaterThan(0);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[${PROBE}]` });
    const found: string[] = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const system = fonts.filter((f) => !f.isCustomFont);
      if (!system.length) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push(`${system.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ')}: ${outerHTML.slice(0, 120)}`);
    }
    return found;
  } finally {
    await cdp.detach();
    await page.evaluate((probe) => {
      for (const el of document.querySelectorAll(`[${probe}]`)) el.removeAttribute(probe);
    }, PROBE);
  }
}

/** The lectures, each with a slide full of what a font plan can miss: a diagram's labels, a table's marks. */
const DECKS = [
  ['Chinese', 'reasoning-origins', DIAGRAM.selector],
  ['English', 'reasoning-origins-en', DIAGRAM.selector],
  ['Chinese, part II', 'reasoning-origins-2', 'table'],
  ['English, part II', 'reasoning-origins-2-en', 'table'],
] as const;

for (const [language, slug, busy] of DECKS) {
  test.describe(`${language} lecture: every visible character has a bundled glyph`, () => {
    test('presenting: the title, a diagram or table slide, the help overlay', async ({ page }) => {
      await openDeck(page, slug, '?transition=none');
      expect(await systemFontText(page)).toEqual([]);
      await slideWith(page, busy);
      expect(await systemFontText(page)).toEqual([]);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await systemFontText(page)).toEqual([]);
      // The jump box (G) with titles listed, and the search panel with results (their marks and hints).
      await page.keyboard.press('Escape');
      await page.keyboard.press('g');
      await page.locator('.lectern-jump input').fill('1');
      await expect(page.locator('.lectern-jump [role="option"]').first()).toBeVisible();
      expect(await systemFontText(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+F');
      await page.locator('.lectern-search input').fill('GPT');
      await expect(page.locator('.lectern-search [role="option"]').first()).toBeVisible();
      expect(await systemFontText(page)).toEqual([]);
    });

    test('reading mode on a phone, every slide laid out, contents open', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openDeck(page, slug, '?view=read');
      // Every card and every diagram drawn: scroll to the end in screens.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.getByRole('button', { name: /contents|目录/i }).click();
      expect(await systemFontText(page)).toEqual([]);
    });

    test('speaker view', async ({ page }) => {
      await openDeck(page, slug, '?view=speaker');
      expect(await systemFontText(page)).toEqual([]);
    });

    test('handout and the print layout', async ({ page }) => {
      await openDeck(page, slug, printQuery('handout', false));
      expect(await systemFontText(page)).toEqual([]);
      await openDeck(page, slug, printQuery('slides', false));
      expect(await systemFontText(page)).toEqual([]);
    });
  });
}

test('course home and the 404 page: every visible character has a bundled glyph', async ({ page }) => {
  for (const path of ['/', '/404.html']) {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    expect(await systemFontText(page), path).toEqual([]);
  }
});
