import { PAGE } from '../src/model/page';
import { expect, test } from './fixtures';

/**
 * Issue 14's "done when" on this course's own home: a student finds any term of either lecture in one
 * search — a term only in lecture 2's speaker notes, a term only in lecture 1's English edition, and a
 * Chinese term both lectures use — and the result opens that slide in reading mode.
 */
const hits = (page: import('@playwright/test').Page) =>
  page.locator('.search-hit').evaluateAll((as) =>
    as.map((a) => ({
      path: new URL((a as HTMLAnchorElement).href).pathname,
      hash: new URL((a as HTMLAnchorElement).href).hash,
      notes: !!a.querySelector('.search-hit-text small'),
    })),
  );

test('one search on the course home finds a term of either lecture, in slides or notes, in either language', async ({ page, watch }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox');
  /** Searches, and waits for this term's results (those of the last term may still show). */
  const search = async (term: string) => {
    await box.fill(term);
    await expect(page.locator('.search-hit mark').first()).toHaveText(new RegExp(term.slice(0, 2), 'i')); // CJK is marked by pairs
  };

  // 隐式 is said only in lecture 2's notes (slide "ICL 与归纳头" and its neighbours), in no slide text.
  await search('隐式');
  const implicit = await hits(page);
  expect(implicit.length).toBeGreaterThan(0);
  for (const h of implicit) {
    expect(h.path).toBe('/reasoning-origins-2/');
    expect(h.notes, 'found in the notes').toBe(true);
  }

  // "hypotheses" is a word of lecture 1's English edition only.
  await search('hypotheses');
  expect(new Set((await hits(page)).map((h) => h.path))).toEqual(new Set(['/reasoning-origins-en/']));

  // 思维链 (chain of thought): both Chinese lectures.
  await search('思维链');
  const paths = new Set((await hits(page)).map((h) => h.path));
  expect(paths.has('/reasoning-origins/')).toBe(true);
  expect(paths.has('/reasoning-origins-2/')).toBe(true);

  // The result opens the slide in reading mode, scrolled to it.
  await search('hypotheses');
  const first = page.locator('.search-hit').first();
  const hash = new URL((await first.getAttribute('href', { timeout: 15_000 })) ?? '', page.url()).hash;
  await first.click();
  await page.waitForSelector(PAGE.readySelector);
  expect(new URL(page.url()).search).toBe('?view=read');
  await expect(page.locator(hash)).toBeInViewport();
  await expect(page.locator(hash)).toContainText(/hypothes/i);
  expect(watch.errors).toEqual([]);
});
