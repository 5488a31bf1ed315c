import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAM as FIGURE, PAGE } from '../src/model/page';
import { devServerFor } from './dev-server';
import { devPort, expect, test } from './fixtures';
import { solidPng } from './temp-course';

const diagramDeck = (label: string, footer: string) =>
  `---\ntitle: Dev diagram\n---\n\n# One\n\n---\n\n## Tree\n\n\`\`\`mermaid caption="Tree"\nflowchart LR\n  a[${label}] --> b[End]\n\`\`\`\n\n---\n\n## ${footer}\n`;
const deck = (word: string) =>
  `---\ntitle: Dev test\n---\n\n# One\n\n---\n\n## Two\n\nThe word is ${word}.\n\n---\n\n## Three\n\nSee [the other deck](zz-dev-server-other.md).\n`;

const dev = devServerFor(devPort(14), { 'zz-dev-server-test.md': deck('alpha') });
const FILE = dev.deckFile('zz-dev-server-test.md');
const OTHER = dev.deckFile('zz-dev-server-other.md');
const DIAGRAM = dev.deckFile('zz-dev-server-diagram.md');
const IMAGE_DECK = dev.deckFile('zz-dev-server-image.md');
const IMAGE = join(FILE, '..', '..', 'assets', 'dev-plot.png');

/** A solid grey PNG of `width` × 1 pixels (its width tells which version the page shows). */
const png = (width: number): Buffer => solidPng(width, 1, [128, 128, 128]);

test('editing a slide updates the open deck in place and keeps the current slide', async ({ page }) => {
  await page.goto(`${dev.base}/zz-dev-server-test/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  await expect(page.locator('section.present')).toContainText('The word is alpha.');
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 42; // survives only if the page does not reload
  });
  writeFileSync(FILE, deck('beta'));
  await expect(page.locator('section.present')).toContainText('The word is beta.', { timeout: 5000 });
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('the deck list at / serves on loopback and lists a new deck without a restart', async ({ page }) => {
  await page.goto(`${dev.base}/`);
  await expect(page.locator('.deck-card', { hasText: 'Dev test' })).toHaveCount(1);
  expect(dev.server().config.server.host).toBe('127.0.0.1');
});

test('adding another deck does not reload the open one; its link to that deck comes alive', async ({ page }) => {
  rmSync(OTHER, { force: true });
  await page.goto(`${dev.base}/zz-dev-server-test/#/slide-3`);
  await page.waitForSelector(PAGE.readySelector);
  const link = page.locator('section.present a', { hasText: 'the other deck' });
  await expect(link).toHaveAttribute('href', 'zz-dev-server-other.md'); // reported as a broken deck link
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 7;
  });
  writeFileSync(OTHER, '---\ntitle: Other\n---\n\n# Other\n');
  await expect(link).toHaveAttribute('href', '../zz-dev-server-other/', { timeout: 5000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(2);
});

test('an edited diagram is redrawn at once; an edit elsewhere leaves the drawn slide alone', async ({ page }) => {
  writeFileSync(DIAGRAM, diagramDeck('Alpha', 'Last'));
  await page.goto(`${dev.base}/zz-dev-server-diagram/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  const figure = page.locator(`section.present ${FIGURE.selector}`);
  await expect(figure).toHaveAttribute(FIGURE.stateAttr, 'rendered');
  await expect(figure.locator('svg')).toContainText('Alpha');

  writeFileSync(DIAGRAM, diagramDeck('Beta', 'Last'));
  await expect(figure.locator('svg')).toContainText('Beta', { timeout: 5000 });
  await expect(figure).toHaveAttribute(FIGURE.stateAttr, 'rendered');

  // Only the edited slide is replaced: the drawn diagram on this one is the same element afterwards.
  await figure.evaluate((f) => {
    (f as HTMLElement & { keep?: boolean }).keep = true;
  });
  writeFileSync(DIAGRAM, diagramDeck('Beta', 'Last, edited'));
  await expect(page.locator(PAGE.slides)).toContainText('Last, edited', { timeout: 5000 });
  expect(await figure.evaluate((f) => (f as HTMLElement & { keep?: boolean }).keep)).toBe(true);
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(1);
});

test('a slide inserted before the current one keeps the lecturer on their slide, not its number', async ({ page }) => {
  writeFileSync(FILE, deck('gamma'));
  await page.goto(`${dev.base}/zz-dev-server-test/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  await expect(page.locator('section.present')).toContainText('The word is gamma.');
  writeFileSync(FILE, deck('gamma').replace('## Two', '## Inserted\n\nA new slide.\n\n---\n\n## Two'));
  await expect(page.locator(PAGE.slides)).toContainText('A new slide.', { timeout: 5000 });
  await expect(page.locator('section.present')).toContainText('The word is gamma.');
  await expect(page).toHaveURL(/#\/slide-3$/);
  // Deleting it again: still on the same slide, now number 2.
  writeFileSync(FILE, deck('gamma'));
  await expect(page.locator(PAGE.slides)).not.toContainText('A new slide.', { timeout: 5000 });
  await expect(page.locator('section.present')).toContainText('The word is gamma.');
  await expect(page).toHaveURL(/#\/slide-2$/);
});

test('an image added to or edited in assets/ shows in the open deck at once, without a reload', async ({ page }) => {
  rmSync(IMAGE, { force: true });
  writeFileSync(IMAGE_DECK, '---\ntitle: Dev image\n---\n\n# One\n\n---\n\n## Plot\n\n![A plot](../assets/dev-plot.png)\n');
  await page.goto(`${dev.base}/zz-dev-server-image/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 7;
  });
  const img = page.locator('section.present img[alt="A plot"]');
  // Added: the slide showed the missing image's error; now the image.
  writeFileSync(IMAGE, png(3));
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 8000 }).toBe(3);
  // Edited: same name, new picture.
  writeFileSync(IMAGE, png(5));
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 8000 }).toBe(5);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(1);
});

test('a deck folder in a section (slides/part-1/lec/slides.md + figs/) is served at its path and updates in place', async ({ page }) => {
  const deckFile = dev.deckFile('part-1/zz-lec/slides.md');
  const figure = dev.deckFile('part-1/zz-lec/figs/plot.png');
  mkdirSync(join(figure, '..'), { recursive: true });
  writeFileSync(figure, png(3));
  writeFileSync(deckFile, '---\ntitle: Dev folder\n---\n\n# One\n\n---\n\n## Plot\n\nFolder word alpha.\n\n![A plot](figs/plot.png)\n');
  // The address without its slash is sent to the deck (relative addresses resolve from there).
  await expect
    .poll(async () => (await page.request.get(`${dev.base}/part-1/zz-lec`, { maxRedirects: 0 })).headers().location)
    .toBe('/part-1/zz-lec/');
  await page.goto(`${dev.base}/part-1/zz-lec/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 9;
  });
  const img = page.locator('section.present img[alt="A plot"]');
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 8000 }).toBe(3);
  writeFileSync(deckFile, '---\ntitle: Dev folder\n---\n\n# One\n\n---\n\n## Plot\n\nFolder word beta.\n\n![A plot](figs/plot.png)\n');
  await expect(page.locator('section.present')).toContainText('Folder word beta.', { timeout: 5000 });
  // The figure beside the deck, edited: the open slide shows the new one.
  writeFileSync(figure, png(5));
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 8000 }).toBe(5);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(9);
  // The home lists it in its section.
  await page.goto(`${dev.base}/`);
  await expect(page.locator('h2')).toContainText(['Part 1']);
  await expect(page.locator('a.lecture-title[href="./part-1/zz-lec/"]')).toBeVisible();
});
