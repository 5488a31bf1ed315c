import { expect, openDeck, test } from './fixtures';

/** A student reading on a phone: wide formulas, tables and code say that they scroll, and keys reach them. */

for (const width of [390, 360]) {
  test(`at ${width} px, a wide formula fades at its hidden side and is a named keyboard stop`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openDeck(page, 'reasoning-origins-en', '?view=read');
    const slide = page.locator('article', { hasText: 'PPO-ptx', has: page.locator('.katex-display') }).first();
    await slide.scrollIntoViewIfNeeded();
    const formula = slide.locator('.katex-display').first();
    await expect(formula).toHaveAttribute('data-lectern-more', 'right');
    await expect(formula).toHaveAttribute('tabindex', '0');
    await expect(formula).toHaveAttribute('role', 'region');
    await expect(formula).toHaveAttribute('aria-label', 'Formula, scrolls sideways');
    // The cue is drawn: the right edge of the formula is faded out.
    expect(await formula.evaluate((e) => getComputedStyle(e).maskImage)).toContain('linear-gradient');

    // Keyboard: Tab reaches it, arrows scroll it, and at the end the fade moves to the other side.
    await formula.focus();
    await expect(formula).toBeFocused();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => formula.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    await formula.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    await expect(formula).toHaveAttribute('data-lectern-more', 'left');
  });
}

test('on a phone, formulas, tables and code that fit are not tab stops or landmarks', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openDeck(page, 'reasoning-origins-en', '?view=read');
  const boxes = page.locator('.lectern-reading :is(.katex-display, .lectern-table-scroll, pre)');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(3);
  let scrolling = 0;
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    // Boxes inside something hidden (a collapsed block) are neither seen nor reached.
    if (!(await box.evaluate((e) => e.checkVisibility()))) continue;
    await box.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await expect
      .poll(() =>
        box.evaluate((e) => {
          const scrolls = e.scrollWidth > e.clientWidth + 1;
          const stop = e.getAttribute('tabindex') === '0' && e.getAttribute('role') === 'region' && !!e.getAttribute('aria-label');
          const none = !e.hasAttribute('tabindex') && !e.hasAttribute('role') && !e.hasAttribute('aria-label');
          return scrolls ? (stop ? 'scrolls' : 'scrolls, but no stop') : none ? 'fits' : 'fits, but a stop';
        }),
      )
      .toMatch(/^(scrolls|fits)$/);
    if ((await box.getAttribute('role')) === 'region') scrolling++;
  }
  expect(scrolling).toBeGreaterThan(0);
});
