import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures';

/** `?` shows every key of the view, in the deck's language, in presenting, reading mode and the speaker view. */

const dialog = (page: Page) => page.getByRole('dialog');
const helpRequests = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/help[-.][^/]*\.(js|css)$/.test(e.name)).length);

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('.lectern-help').analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('presenting: ? opens the help over the deck instead of pausing it, keys stay with the help, Escape closes', async ({
  page,
  watch,
}) => {
  await openDeck(page, 'reasoning-origins-en', '#/2/0');
  expect(await helpRequests(page), 'no help code before the first ?').toBe(0);
  await page.keyboard.press('?');
  await expect(dialog(page)).toBeVisible();
  expect(await helpRequests(page)).toBeGreaterThan(0);
  await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('Keyboard shortcuts');
  for (const line of [
    'Speaker view (notes, timer, next slide)',
    'Reading mode at this slide',
    'Black screen (again to come back)',
    'Overview of all slides',
    'Full screen',
  ]) {
    await expect(dialog(page).getByText(line, { exact: true })).toBeVisible();
  }
  await expect(dialog(page).locator('tr[data-action="pause"] kbd')).toHaveText(['B', '.']);
  await expect(dialog(page).locator('tr[data-action="print"] kbd')).toHaveText(['Ctrl+P']);
  // Live keys only on a live page.
  await expect(dialog(page).locator('tr[data-action="qr"]')).toHaveCount(0);
  expect(await page.evaluate(() => window.lectern?.deck.isPaused())).toBe(false);
  // Keys go to the help, not to the deck behind it.
  const before = await page.evaluate(() => window.lectern?.deck.getIndices().h);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('b');
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(before);
  expect(await page.evaluate(() => window.lectern?.deck.isPaused())).toBe(false);
  await expect(page.locator('.lectern-help-close')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  expect(await page.evaluate(() => document.querySelector('.reveal.overview') !== null)).toBe(false);
  // ? again opens it, ? closes it; the deck answers keys again.
  await page.keyboard.press('?');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('?');
  await expect(dialog(page)).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.lectern?.deck.getIndices().h)).not.toBe(before);
  expect(watch.errors).toEqual([]);
});

test('a Chinese deck’s help is in Chinese, and the close button closes it', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins');
  await page.keyboard.press('?');
  await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('快捷键');
  await expect(dialog(page).getByText('讲者视图（备注、计时、下一页）')).toBeVisible();
  await expect(dialog(page).locator('tr[data-action="next"] kbd').first()).toHaveText('右方向键');
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(dialog(page)).toBeHidden();
  expect(watch.errors).toEqual([]);
});

test('reading mode and the speaker view list their own keys', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins-en', '?view=read');
  await page.keyboard.press('?');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).locator('tr[data-action="next"] kbd')).toHaveText(['Right arrow', 'J', 'N', 'Page Down']);
  await expect(dialog(page).locator('tr[data-action="pause"]')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await openDeck(page, 'reasoning-origins', '?view=speaker');
  await page.keyboard.press('?');
  await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('快捷键');
  await expect(dialog(page).locator('tr[data-action="pause"] kbd')).toHaveText(['B', '.']);
  await expect(dialog(page).locator('tr[data-action="speaker"]')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  expect(watch.errors).toEqual([]);
});
