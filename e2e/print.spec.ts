import { DIAGRAM, diagramsIn, PAGE, printQuery, SLIDE_SIZE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';

/** Someone presses Ctrl+P on the presentation: the printout is the exported PDF's, not the screen's one slide. */

test('Ctrl+P while presenting prints the deck laid out as npm run pdf lays it out', async ({ page }) => {
  // The print dialog cannot be driven here: record what the page looked like when it was asked to print.
  const names = {
    step: DIAGRAM.step,
    size: `${SLIDE_SIZE.width}px ${SLIDE_SIZE.height}px`,
    notDrawn: `${DIAGRAM.selector}:not(${diagramsIn('rendered')})`,
    drawn: `.reveal .pdf-page ${DIAGRAM.selector} svg`,
  };
  await page.addInitScript((n) => {
    window.print = () => {
      const steps = [...document.querySelectorAll(n.step)];
      document.documentElement.dataset.printed = JSON.stringify({
        query: location.search,
        pages: document.querySelectorAll('.reveal .pdf-page').length,
        pageRule: [...document.styleSheets].some((s) =>
          [...s.cssRules].some((r) => r.cssText.includes('@page') && r.cssText.includes(n.size)),
        ),
        pending: document.querySelectorAll(n.notDrawn).length,
        drawn: document.querySelectorAll(n.drawn).length,
        hiddenSteps: steps.filter((s) => getComputedStyle(s).opacity === '0').length,
        steps: steps.length,
        formulas: document.querySelectorAll('.reveal .pdf-page .katex').length,
      });
    };
  }, names);
  await openDeck(page, 'reasoning-origins-en', '#/5/0');
  const slides = await page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
  await page.keyboard.press('Control+p');
  await expect(page.locator('.lectern-print-status')).toHaveText('Preparing every slide for printing…');
  const printed = page.frameLocator('iframe.lectern-print-frame').locator('html[data-printed]');
  await expect(printed).toHaveCount(1, { timeout: 60_000 });
  const report = JSON.parse((await printed.getAttribute('data-printed')) ?? '{}');
  expect(report).toMatchObject({ query: printQuery('slides', false), pages: slides, pageRule: true, pending: 0, hiddenSteps: 0 });
  expect(report.drawn).toBeGreaterThanOrEqual(5);
  expect(report.steps).toBeGreaterThan(0);
  expect(report.formulas).toBeGreaterThan(3);
  // The presentation did not move, and the frame goes away after printing.
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(5);
  await expect(page.locator('iframe.lectern-print-frame')).toHaveCount(0);
  await expect(page.locator('.lectern-print-status')).toBeHidden();
});

test("printing from the browser's menu says how to print every slide instead of printing a cut-off screen", async ({ page }) => {
  await openDeck(page, 'reasoning-origins', '#/5/0');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.lectern-print-hint')).toBeVisible();
  await expect(page.locator('.lectern-print-hint')).toContainText('Ctrl+P');
  await expect(page.locator('.reveal')).toBeHidden();
  // The exported print view itself is untouched by this.
  await page.goto(`/reasoning-origins/${printQuery('slides', false)}`);
  await page.waitForSelector(PAGE.readySelector);
  await expect(page.locator('.reveal .pdf-page').first()).toBeVisible();
  await expect(page.locator('.lectern-print-hint')).toHaveCount(0);
});
