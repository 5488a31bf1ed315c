import type { Page } from '@playwright/test';
import { DIAGRAM, PAGE } from '../src/model/page';
import { fill, UI_STRINGS } from '../src/model/ui-strings';
import { talkKeys } from '../src/runtime/talk-state';
import { expect, openDeck, test } from './fixtures';

/** The notes panel of a speaker view. */
const notes = (speaker: Page) => speaker.locator('.lectern-sv-notes-body');

/** Reads reveal's indices in the deck. */
const deckIndices = (deck: Page) => deck.evaluate(() => window.lectern?.deck.getIndices());

test.describe('speaker view', () => {
  test('S opens it as a popup that shows the notes and follows the deck', async ({ page, watch }) => {
    await openDeck(page, 'demo');
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    speaker.on('pageerror', (e) => watch.errors.push(e.message));
    await speaker.waitForSelector(PAGE.readySelector);
    expect(new URL(speaker.url()).searchParams.get('view')).toBe('speaker');

    // Slide 1's notes, and the current slide preview of slide 1.
    await expect(notes(speaker)).toContainText('Welcome');
    await expect(speaker.locator('.lectern-sv-current h1')).toHaveText('Lectern demo');
    await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');

    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect(notes(speaker)).toContainText('KaTeX typesets at build time');
    await expect(speaker.locator('.lectern-sv-current h2')).toHaveText('Math and code');
    // The notes' math and the slide's math are KaTeX markup, styled by the page's KaTeX CSS.
    await expect(speaker.locator('.lectern-sv-current .katex').first()).toBeVisible();
    expect(watch.errors).toEqual([]);
  });

  test('the next preview shows the next step, then the next slide', async ({ page }) => {
    await openDeck(page, 'demo', '#/2/0');
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await speaker.waitForSelector(PAGE.readySelector);
    await expect(speaker.locator('.lectern-sv-current h2')).toHaveText('Fragments');
    await expect(speaker.locator('.lectern-sv-next-what')).toContainText('step 1 of');
    await expect(speaker.locator(`.lectern-sv-next ${PAGE.fragment}.visible`)).toHaveCount(1);
    await expect(speaker.locator(`.lectern-sv-current ${PAGE.fragment}.visible`)).toHaveCount(0);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect(speaker.locator(`.lectern-sv-current ${PAGE.fragment}.visible`)).toHaveCount(1);
  });

  test("long notes scroll with the keyboard: Tab to the notes, then ↑ ↓; a clicker's keys still step", async ({ page, context }) => {
    await openDeck(page, 'reasoning-origins', '#/slide-8');
    const speaker = await context.newPage();
    await speaker.setViewportSize({ width: 1280, height: 600 });
    await openDeck(speaker, 'reasoning-origins', '?view=speaker');
    await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
    const panel = speaker.getByRole('region', { name: UI_STRINGS.zh.speaker.notes });
    expect(await panel.evaluate((p) => p.scrollHeight > p.clientHeight), 'the notes overflow their panel').toBe(true);
    await panel.focus();
    const before = await deckIndices(page);
    for (let i = 0; i < 3; i++) await speaker.keyboard.press('ArrowDown');
    await expect.poll(() => panel.evaluate((p) => p.scrollTop)).toBeGreaterThan(0);
    expect(await deckIndices(page)).toEqual(before);
    await speaker.keyboard.press('PageDown');
    await expect.poll(() => deckIndices(page)).not.toEqual(before);
  });

  test('as a tab, it follows the deck and drives it', async ({ page, context }) => {
    await openDeck(page, 'demo');
    const speaker = await context.newPage();
    await openDeck(speaker, 'demo', '?view=speaker');
    await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
    await expect(notes(speaker)).toContainText('Welcome');

    // Driving: keys in the speaker tab move the deck.
    await speaker.bringToFront();
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => deckIndices(page)).toMatchObject({ h: 1, v: 0 });
    await expect(notes(speaker)).toContainText('KaTeX typesets at build time');
    await speaker.keyboard.press('ArrowLeft');
    await expect.poll(() => deckIndices(page)).toMatchObject({ h: 0 });

    // Following: the deck moves, the speaker tab follows.
    await page.bringToFront();
    await page.evaluate(() => window.lectern?.deck.slide(4, 1));
    await expect(notes(speaker)).toContainText('中文备注');
    await expect(speaker.locator('.lectern-sv-position')).toHaveText('6 / 6');
    await expect(speaker.locator('.lectern-sv-next')).toHaveClass(/lectern-sv-end/);
  });

  test('with popups blocked, the deck offers a link to a tab', async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await openDeck(page, 'demo');
    await page.keyboard.press('s');
    const notice = page.locator('.lectern-speaker-notice');
    await expect(notice).toBeVisible();
    const link = notice.getByRole('link', { name: 'Open speaker view in a new tab' });
    await expect(link).toHaveAttribute('target', '_blank');
    expect(new URL((await link.getAttribute('href')) ?? '', page.url()).searchParams.get('view')).toBe('speaker');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('pacing: a deck with a duration shows ahead/behind and the slide budget', async ({ page, context }) => {
    // A Chinese deck: the speaker view speaks Chinese.
    const t = UI_STRINGS.zh.speaker;
    await openDeck(page, 'reasoning-origins');
    const speaker = await context.newPage();
    await openDeck(speaker, 'reasoning-origins', '?view=speaker');
    await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
    await expect(speaker.locator('.lectern-sv-status')).toHaveText(t.following);
    await expect(speaker.locator('.lectern-sv-current .lectern-sv-label')).toContainText(t.current);
    await expect(speaker.locator('.lectern-sv-time')).toContainText(t.elapsed);
    await expect(speaker.getByRole('button', { name: t.reset })).toBeVisible();
    const pacing = speaker.locator('.lectern-sv-pacing');
    await expect(pacing).toBeVisible();
    // 45 minutes over 36 slides: 1:15 a slide.
    await expect(pacing.locator('.lectern-sv-pace-slide')).toContainText(fill(t.slidePlan, { time: '1:15' }));
    await expect(pacing.locator('.lectern-sv-pace-total')).toContainText('45:00');
    await expect(pacing).toHaveAttribute('data-pace', 'idle');

    // The first step of the lecture starts the clock; jumping far ahead early is "ahead".
    await page.bringToFront();
    await page.evaluate(() => window.lectern?.deck.slide(10));
    await expect(pacing).toHaveAttribute('data-pace', 'ahead');
    await expect(pacing.locator('.lectern-sv-pace-state')).toHaveText(t.ahead);
    await expect(pacing.locator('.lectern-sv-pace-by')).toHaveText(/^\d+:\d\d$/);
    await expect(speaker.locator('.lectern-sv')).toHaveAttribute('data-timer', 'running');

    // Pretend 20 minutes have passed at slide 11 (planned to end at 13:45): behind.
    await speaker.evaluate((key) => {
      localStorage.setItem(key, JSON.stringify({ start: Date.now() - 20 * 60_000, pausedAt: null }));
    }, talkKeys('reasoning-origins').timer);
    await speaker.reload();
    await speaker.waitForSelector(PAGE.readySelector);
    await expect(speaker.locator('.lectern-sv-position')).toHaveText('11 / 36');
    await expect(speaker.locator('.lectern-sv-pacing')).toHaveAttribute('data-pace', 'behind');
  });

  test('pacing: data-timing fixes a slide budget, the rest of the duration is shared', async ({ page, context }) => {
    // demo: 10 minutes, 6 slides; give slide 2 five minutes, the other five get one minute each.
    await context.route(/\/demo\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<section id="slide-2"', '<section id="slide-2" data-timing="300"');
      await route.fulfill({ response, body });
    });
    await openDeck(page, 'demo');
    const speaker = await context.newPage();
    await openDeck(speaker, 'demo', '?view=speaker');
    const slideBudget = speaker.locator('.lectern-sv-pace-slide');
    await expect(slideBudget).toHaveText(/^This slide: 1:00 planned/);
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect(slideBudget).toHaveText(/^This slide: 5:00 planned \(data-timing\)/);
    await expect(speaker.locator('.lectern-sv-pace-total')).toContainText('of 10:00');
  });

  test('diagrams and math render in the previews', async ({ page, context }) => {
    await openDeck(page, 'reasoning-origins', '#/7/0');
    const speaker = await context.newPage();
    await openDeck(speaker, 'reasoning-origins', '?view=speaker');
    await expect(speaker.locator('.lectern-sv-position')).toHaveText('8 / 36');
    const svg = speaker.locator(`.lectern-sv-current ${DIAGRAM.selector} svg`);
    await expect(svg).toBeVisible();
    const box = await svg.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);

    await page.bringToFront();
    // The PPO-ptx slide: math in its notes and on the slide.
    await page.evaluate(() => window.lectern?.deck.slide(31));
    await expect(speaker.locator('.lectern-sv-notes-body .katex').first()).toBeVisible();
    await expect(speaker.locator('.lectern-sv-current .katex-display').first()).toBeVisible();
    // Notes' links open elsewhere, never replacing the speaker view.
    for (const a of await speaker.locator('.lectern-sv-notes-body a[href]').all()) await expect(a).toHaveAttribute('target', '_blank');
  });
});
