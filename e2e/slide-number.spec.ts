import { PAGE, slideCounter } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';

/**
 * Issue 18.7: one slide number everywhere. The demo deck's sixth slide is the second of a vertical stack
 * (reveal's indices h 4, v 1): every view must call it 6, as a student and the lecturer would.
 */
test('the vertical sub-slide is slide 6 in presenting, the URL, reading mode, the speaker view and the handout', async ({
  page,
  context,
}) => {
  await openDeck(page, 'demo', '#/slide-6');
  expect(await page.evaluate(() => window.lectern?.deck.getIndices())).toMatchObject({ h: 4, v: 1 });
  const total = await page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
  expect(total).toBeGreaterThanOrEqual(6);
  const counter = slideCounter(5, total);
  await expect(page.locator('.reveal .slide-number')).toHaveText(counter);
  await expect(page.locator('.reveal .slide-number')).toBeVisible();
  // Stepping keeps the URL on the same number.
  await page.keyboard.press('ArrowUp');
  // Slide 5 is the diagram: arriving from below shows all its steps (`/2`), still slide 5.
  await expect(page).toHaveURL(/#\/slide-5(\/\d+)?$/);
  await expect(page.locator('.reveal .slide-number')).toHaveText(slideCounter(4, total));
  await page.evaluate(() => window.lectern?.deck.slide(4, 1));
  await expect(page).toHaveURL(/#\/slide-6$/);
  await expect(page.locator('.reveal .slide-number')).toHaveText(counter);

  const reading = await context.newPage();
  await openDeck(reading, 'demo', '?view=read#slide-6');
  await expect(reading.locator('#slide-6 .lectern-rnum')).toHaveText('6');
  await expect(reading.locator('.lectern-rcount-now')).toHaveText('6');
  await expect(reading.locator('.lectern-rcount')).toContainText(`/ ${total}`);
  await expect(reading.locator('.lectern-toc-list a[data-target="slide-6"] .lectern-toc-num')).toHaveText('6');
  // Every card is numbered 1…N in order, with no gaps and no "4.2".
  expect(await reading.locator('.lectern-rnum').allTextContents()).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));

  const speaker = await context.newPage();
  await openDeck(speaker, 'demo', '?view=speaker');
  await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
  await expect(speaker.locator('.lectern-sv-position')).toHaveText(counter);
  await expect(speaker.locator('.lectern-sv-slide-title')).toContainText('6. ');

  const handout = await context.newPage();
  await openDeck(handout, 'demo', '?view=handout');
  await handout.waitForSelector(PAGE.readySelector, { state: 'attached' });
  await expect(handout.locator('.handout-number').nth(5)).toHaveText(counter);
});

test('an address #/6 opens the slide numbered 6; a link inside a deck keeps reveal.js’s index', async ({ page }) => {
  await openDeck(page, 'demo', '#/6');
  expect(await page.evaluate(() => window.lectern?.deck.getIndices())).toMatchObject({ h: 4, v: 1 });
  await expect(page).toHaveURL(/#\/slide-6$/);
  const total = await page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
  await expect(page.locator('.reveal .slide-number')).toHaveText(slideCounter(5, total));
  // Typed while presenting.
  await page.evaluate(() => {
    location.hash = '#/3';
  });
  await expect(page.locator('.reveal .slide-number')).toHaveText(slideCounter(2, total));
  await expect(page).toHaveURL(/#\/slide-3(\/\d+)?$/);
  // A reveal-md deck's `[see](#/4)` means horizontal index 4 (slide 5 here), as reveal.js documents.
  await page.evaluate((slides) => {
    const a = Object.assign(document.createElement('a'), { href: '#/4', textContent: 'see' });
    document.querySelector(`${slides} section.present`)?.append(a);
  }, PAGE.slides);
  await page.getByRole('link', { name: 'see' }).click();
  await expect.poll(() => page.evaluate(() => window.lectern?.deck.getIndices())).toMatchObject({ h: 4, v: 0 });
  await expect(page.locator('.reveal .slide-number')).toHaveText(slideCounter(4, total));
});

test('R, then "Present" in reading mode, comes back at the same step of the slide', async ({ page }) => {
  await openDeck(page, 'demo', '#/slide-3');
  await page.keyboard.press('ArrowRight');
  const before = await page.evaluate(() => window.lectern?.deck.getIndices());
  expect(before?.f).toBe(0);
  await page.keyboard.press('r');
  await page.waitForURL(/view=read/);
  await page.waitForSelector(PAGE.readySelector);
  await page.locator('.lectern-rpresent-now').click();
  await page.waitForSelector(PAGE.readySelector);
  await expect.poll(() => page.evaluate(() => window.lectern?.deck.getIndices())).toEqual(before);
});
