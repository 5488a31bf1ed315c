import type { Locator, Page } from '@playwright/test';
import { DIAGRAM, VIEWER } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';

/** A student on a phone taps a diagram whose labels are ~6 px: it opens full-screen, legible, pannable. */

const lineage = (page: Page) => page.locator(`#slide-8 figure${DIAGRAM.selector}`);
const viewer = (page: Page) => page.locator(`dialog.${VIEWER.dialog}`);
const canvas = (page: Page) => viewer(page).locator('.lectern-dv-canvas');

/** The size on screen, in px, of the diagram's label font. */
const labelPx = (svg: Locator) =>
  svg.evaluate((s) => {
    const text = s.querySelector('g.node .nodeLabel, g.node text');
    const scale = s.getBoundingClientRect().width / ((s as SVGSVGElement).viewBox.baseVal.width || 1);
    return text ? Number.parseFloat(getComputedStyle(text).fontSize) * scale : 0;
  });

const canvasBox = async (page: Page) => (await canvas(page).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a tap opens the diagram full-screen at a legible size; drag pans; Back closes without moving the page', async ({ page }) => {
    await openDeck(page, 'reasoning-origins-en', '?view=read');
    const figure = lineage(page);
    // Scrolled to by hand, mid-slide: the address follows the reader, not to the top of a slide.
    await figure.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
    await figure.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#slide-\d+$/);
    const inPage = await labelPx(figure.locator('svg'));
    expect(inPage).toBeGreaterThan(0);
    expect(inPage, 'labels in the page are too small to read').toBeLessThan(10);
    const scrolled = await page.evaluate(() => scrollY);
    const url = page.url();

    await figure.locator(DIAGRAM.svg).tap();
    await expect(viewer(page)).toBeVisible();
    const box = await viewer(page).boundingBox();
    expect(box?.width).toBe(390);
    expect(box?.height).toBe(844);
    expect(await labelPx(viewer(page).locator('.lectern-dv-canvas svg'))).toBeGreaterThanOrEqual(14);

    // Drag moves it (the diagram is wider than the phone at that size).
    const before = await canvasBox(page);
    expect(before.width).toBeGreaterThan(390);
    await page.mouse.move(200, 400);
    await page.mouse.down();
    await page.mouse.move(320, 420, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await canvasBox(page)).x - before.x).toBeGreaterThan(60);
    // The zoom buttons work and are finger-sized.
    for (const b of await viewer(page).locator('.lectern-dv-bar button').all()) {
      const size = await b.boundingBox();
      expect(size?.width).toBeGreaterThanOrEqual(44);
      expect(size?.height).toBeGreaterThanOrEqual(44);
    }
    const wide = (await canvasBox(page)).width;
    await viewer(page).getByRole('button', { name: 'Zoom in' }).tap();
    await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(wide * 1.1);
    await viewer(page).getByRole('button', { name: 'Whole diagram' }).tap();
    await expect.poll(async () => (await canvasBox(page)).width).toBeLessThanOrEqual(391);

    await page.goBack();
    await expect(viewer(page)).toHaveCount(0);
    expect(page.url()).toBe(url);
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(2);
  });

  test('presenting on a touch screen: a tap on a diagram opens it too, and keys no longer move the slides', async ({ page }) => {
    await page.setViewportSize({ width: 844, height: 390 });
    await openDeck(page, 'demo', '?transition=none#/4/0');
    await page.evaluate(async () => (await window.lecternInspector?.())?.settle(30_000));
    const index = () => page.evaluate(() => window.lectern?.deck.getIndices().h);
    await page.locator(`.present ${DIAGRAM.svg}`).tap();
    await expect(viewer(page)).toBeVisible();
    await page.keyboard.press('ArrowRight');
    expect(await index()).toBe(4);
    await page.keyboard.press('Escape');
    await expect(viewer(page)).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelector('.reveal.overview'))).toBeNull();
  });
});

test('keyboard: the Enlarge button opens the viewer, focus stays inside, keys pan and zoom, Esc returns to the button', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDeck(page, 'reasoning-origins-en', '?view=read#slide-8');
  await expect(lineage(page)).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
  const button = page.locator(`#slide-8 .${VIEWER.button}`);
  await expect(button).toHaveAccessibleName(/^Enlarge diagram: Figure 1/);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(viewer(page)).toBeVisible();
  await expect(viewer(page)).toHaveAccessibleName(/^Diagram: Figure 1/);
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
  }
  const start = await canvasBox(page);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await canvasBox(page)).x - start.x).toBeGreaterThan(30);
  await page.keyboard.press('+');
  await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(start.width * 1.1);
  // The page behind did not move with the keys.
  expect(await page.evaluate(() => location.hash)).toBe('#slide-8');
  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press('Escape');
  await expect(viewer(page)).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.waitForTimeout(200);
  expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(2);
  // A mouse click on the diagram opens it as well; the close button closes it.
  await lineage(page).locator(DIAGRAM.svg).click();
  await viewer(page).getByRole('button', { name: 'Close' }).click();
  await expect(viewer(page)).toHaveCount(0);
});

test('presenting with a mouse: a click on a diagram opens nothing, and no Enlarge button is on the slide', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/4/0');
  await page.evaluate(async () => (await window.lecternInspector?.())?.settle(30_000));
  await page.locator(`.present ${DIAGRAM.svg}`).click();
  await expect(page.locator(`.${VIEWER.button}`)).toHaveCount(0);
  await page.waitForTimeout(300);
  await expect(viewer(page)).toHaveCount(0);
});
