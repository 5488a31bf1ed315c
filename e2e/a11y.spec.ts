import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DIAGRAM, PAGE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { slideWith } from './slides';

/** Accessibility: axe-core in presenting and reading mode, tab order, diagram names, reduced motion. */
const DECK = 'reasoning-origins';

/** Serious and critical axe violations on the page, as `rule: target` lines. */
async function seriousViolations(page: Page, opts: { include?: string; exclude?: string } = {}): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  if (opts.include) axe = axe.include(opts.include);
  if (opts.exclude) axe = axe.exclude(opts.exclude);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

for (const [kind, selector] of [
  ['text', 'ul'],
  ['table', 'table'],
  ['diagram', `${DIAGRAM.selector}`],
] as const) {
  test(`presenting a ${kind} slide: no serious or critical axe violations`, async ({ page }) => {
    await openDeck(page, DECK, '?transition=none');
    await slideWith(page, selector);
    // The view switch is checked on its own below.
    expect(await seriousViolations(page, { exclude: '.lectern-view-switch' })).toEqual([]);
  });
}

test('the "read" switch shown while presenting has enough contrast', async ({ page }) => {
  await openDeck(page, DECK, '?transition=none');
  expect(await seriousViolations(page, { include: '.lectern-view-switch' })).toEqual([]);
});

test('reading mode: no serious or critical axe violations', async ({ page }) => {
  await openDeck(page, DECK, '?view=read');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await seriousViolations(page)).toEqual([]);
});

test('only the current slide is in the tab order', async ({ page }) => {
  await openDeck(page, DECK, '?transition=none');
  await slideWith(page, 'a[href]');
  const current = await page.evaluate(() => window.lectern?.deck.getCurrentSlide()?.id ?? '');
  const outside: string[] = [];
  let onSlide = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((slides) => {
      const el = document.activeElement;
      const section = el?.closest<HTMLElement>(`${slides} section:not(.stack)`);
      return { tag: el?.tagName ?? '', slide: section?.id ?? null, text: (el?.textContent ?? '').trim().slice(0, 30) };
    }, PAGE.slides);
    if (where.slide === null) continue; // reveal's controls, the view switch: not slide content
    if (where.slide === current) onSlide++;
    else outside.push(`${where.tag} "${where.text}" on ${where.slide}`);
  }
  expect(outside).toEqual([]);
  expect(onSlide).toBeGreaterThan(0);
  // Links on far slides cannot be reached at all.
  const farLinks = await page.evaluate((slides) => {
    const current = window.lectern?.deck.getCurrentSlide();
    return [...document.querySelectorAll<HTMLElement>(`${slides} section a[href]`)]
      .filter((a) => !current?.contains(a))
      .filter((a) => {
        a.focus();
        return document.activeElement === a;
      }).length;
  }, PAGE.slides);
  expect(farLinks).toBe(0);
});

test('every diagram has an accessible name and a description from its source', async ({ page }) => {
  await openDeck(page, DECK, '?transition=none');
  await slideWith(page, `${DIAGRAM.selector}`);
  const figures = await page.$$eval(`${DIAGRAM.selector} ${DIAGRAM.svg}`, (figs) =>
    figs.map((f) => ({
      role: f.getAttribute('role'),
      name: f.getAttribute('aria-label') ?? '',
      description: (f.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    })),
  );
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) {
    expect(f.role).toBe('img');
    expect(f.name).not.toBe('diagram');
    expect(f.name.length).toBeGreaterThan(3);
    expect(f.description.length).toBeGreaterThan(10);
  }
  const snapshot = await page.locator(`${PAGE.slides} section.present ${DIAGRAM.selector}`).first().ariaSnapshot();
  expect(snapshot).toMatch(/img ".+"/);
});

test('prefers-reduced-motion turns slide and fragment transitions off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDeck(page, DECK);
  const config = await page.evaluate(() => {
    const c = window.lectern?.deck.getConfig();
    return { transition: c?.transition, background: c?.backgroundTransition };
  });
  expect(config).toEqual({ transition: 'none', background: 'none' });
  const durations = await page.evaluate(
    (sel) => [...document.querySelectorAll(sel)].slice(0, 50).map((e) => getComputedStyle(e).transitionDuration),
    `${PAGE.slides} section, .reveal ${PAGE.fragment}`,
  );
  expect(durations.every((d) => d.split(',').every((x) => Number.parseFloat(x) === 0))).toBe(true);
});

test('without reduced motion, slides still move', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openDeck(page, DECK);
  expect(await page.evaluate(() => window.lectern?.deck.getConfig().transition)).toBe('slide');
});
