import { rmSync, writeFileSync } from 'node:fs';
import { DIAGRAM as FIGURE, PAGE } from '../src/model/page';
import { devServerFor } from './dev-server';
import { devPort, expect, test } from './fixtures';

const diagramDeck = (label: string, footer: string) =>
  `---\ntitle: Dev diagram\n---\n\n# One\n\n---\n\n## Tree\n\n\`\`\`mermaid caption="Tree"\nflowchart LR\n  a[${label}] --> b[End]\n\`\`\`\n\n---\n\n## ${footer}\n`;
const deck = (word: string) =>
  `---\ntitle: Dev test\n---\n\n# One\n\n---\n\n## Two\n\nThe word is ${word}.\n\n---\n\n## Three\n\nSee [the other deck](zz-dev-server-other.md).\n`;

const dev = devServerFor(devPort(14), { 'zz-dev-server-test.md': deck('alpha') });
const FILE = dev.deckFile('zz-dev-server-test.md');
const OTHER = dev.deckFile('zz-dev-server-other.md');
const DIAGRAM = dev.deckFile('zz-dev-server-diagram.md');

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
  await expect(figure).toHaveAttribute('data-state', 'rendered');
  await expect(figure.locator('svg')).toContainText('Alpha');

  writeFileSync(DIAGRAM, diagramDeck('Beta', 'Last'));
  await expect(figure.locator('svg')).toContainText('Beta', { timeout: 5000 });
  await expect(figure).toHaveAttribute('data-state', 'rendered');

  // Only the edited slide is replaced: the drawn diagram on this one is the same element afterwards.
  await figure.evaluate((f) => {
    (f as HTMLElement & { keep?: boolean }).keep = true;
  });
  writeFileSync(DIAGRAM, diagramDeck('Beta', 'Last, edited'));
  await expect(page.locator('.reveal .slides')).toContainText('Last, edited', { timeout: 5000 });
  expect(await figure.evaluate((f) => (f as HTMLElement & { keep?: boolean }).keep)).toBe(true);
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(1);
});
