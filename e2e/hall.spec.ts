import type { Page } from '@playwright/test';
import { diagramsIn, PAGE, pendingDiagrams } from '../src/model/page';
import { talkKeys } from '../src/runtime/talk-state';
import { expect, openDeck, test } from './fixtures';
import { indices } from './slides';

/** A lecturer in the hall: big projectors, a speaker view in a second window, the mishaps of a live talk. */

const slideBox = (page: Page) => page.locator(PAGE.slides).boundingBox();
const controlsBox = (page: Page) => page.locator('.reveal .controls .navigate-right').boundingBox();
const elapsed = (speaker: Page) => speaker.locator('.lectern-sv-elapsed');

async function openSpeakerTab(page: Page, slug: string): Promise<Page> {
  const speaker = await page.context().newPage();
  await openDeck(speaker, slug, '?view=speaker');
  await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
  return speaker;
}

test.describe('on any projector', () => {
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    test(`the slide fills a ${width}×${height} screen`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openDeck(page, 'demo');
      const box = await slideBox(page);
      // 16:9 slide, reveal's 4 % margin: the limiting side is filled to ≥ 90 %.
      const fill = Math.max((box?.width ?? 0) / width, (box?.height ?? 0) / height);
      expect(fill).toBeGreaterThan(0.9);
    });
  }

  test('the controls grow with a 4K screen and keep their size on a laptop', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDeck(page, 'demo');
    const hd = await controlsBox(page);
    await page.setViewportSize({ width: 3840, height: 2160 });
    await expect.poll(async () => ((await controlsBox(page))?.width ?? 0) / (hd?.width ?? 1)).toBeGreaterThan(1.9);
  });
});

test.describe('the talk survives closing a window', () => {
  test('a reopened speaker view keeps the running timer', async ({ page }) => {
    await openDeck(page, 'demo');
    const speaker = await openSpeakerTab(page, 'demo');
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect(speaker.locator('.lectern-sv')).toHaveAttribute('data-timer', 'running');
    // Started two minutes ago, as far as the stored talk knows.
    await speaker.evaluate((key) => {
      localStorage.setItem(key, JSON.stringify({ start: Date.now() - 120_000, pausedAt: null }));
    }, talkKeys('demo').timer);
    await speaker.close();
    const again = await openSpeakerTab(page, 'demo');
    await expect(again.locator('.lectern-sv')).toHaveAttribute('data-timer', 'running');
    await expect(elapsed(again)).toHaveText(/^2:0\d$/);
    await expect(again.locator('.lectern-sv-position')).toHaveText('2 / 6');
  });

  test('a reopened deck goes where the speaker view is, steps taken meanwhile included', async ({ page, context }) => {
    await openDeck(page, 'demo');
    const speaker = await openSpeakerTab(page, 'demo');
    await speaker.bringToFront();
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => indices(page)).toMatchObject({ h: 1 });
    await page.close();
    await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'false');
    // Rehearsing on while the projector's window is gone: two more slides.
    await speaker.keyboard.press('ArrowRight');
    await speaker.keyboard.press('ArrowRight');
    const where = await speaker.locator('.lectern-sv-position').textContent();
    const talk = await speaker.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), talkKeys('demo').pos);
    expect(talk.h).toBeGreaterThan(1);

    const deck = await context.newPage();
    await openDeck(deck, 'demo');
    await expect.poll(() => indices(deck)).toMatchObject({ h: talk.h, v: talk.v });
    expect((await indices(deck)).f ?? -1).toBe(talk.f);
    await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
    await expect(speaker.locator('.lectern-sv-position')).toHaveText(where ?? '');
    // The clock started with the first step and was never reset.
    await expect(speaker.locator('.lectern-sv')).toHaveAttribute('data-timer', 'running');
  });
});

test.describe('blackout', () => {
  const overlay = (page: Page) => page.locator('.reveal .pause-overlay');

  test('B on the deck: fully black, no button; a step key brings the same slide back', async ({ page }) => {
    await openDeck(page, 'demo', '#/1/0');
    const before = await indices(page);
    await page.keyboard.press('b');
    await expect(overlay(page)).toBeVisible();
    await expect(overlay(page)).toHaveCSS('opacity', '1');
    await expect(overlay(page)).toHaveCSS('background-color', 'rgb(0, 0, 0)');
    await expect(page.locator('.reveal .resume-button')).toBeHidden();
    const shot = await page.screenshot();
    const black = await page.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx?.drawImage(img, 0, 0);
      const data = ctx?.getImageData(0, 0, img.width, img.height).data ?? [];
      let lit = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 30) lit++;
      return lit;
    }, shot.toString('base64'));
    expect(black, 'pixels that are not black').toBe(0);

    await page.keyboard.press('PageDown');
    await expect(overlay(page)).toBeHidden();
    expect(await indices(page)).toEqual(before);
    await page.keyboard.press('PageDown');
    await expect.poll(() => indices(page)).not.toEqual(before);
  });

  test('from the speaker view: the same keys mean the same', async ({ page }) => {
    await openDeck(page, 'demo', '#/1/0');
    const before = await indices(page);
    const speaker = await openSpeakerTab(page, 'demo');
    await speaker.bringToFront();
    await speaker.keyboard.press('b');
    await expect(overlay(page)).toBeVisible();
    await expect(speaker.locator('.lectern-sv')).toHaveClass(/lectern-sv-paused/);
    await speaker.keyboard.press('ArrowRight');
    await expect(overlay(page)).toBeHidden();
    expect(await indices(page)).toEqual(before);
  });
});

test('diagram edge labels sit on a solid background', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/4/0');
  await page.evaluate(async () => (await window.lecternInspector?.())?.settle(30_000));
  const labels = page.locator('.present .edgeLabel rect.background');
  expect(await labels.count()).toBeGreaterThan(3);
  for (const rect of await labels.all()) {
    await expect(rect).toHaveCSS('opacity', '1');
    await expect(rect).toHaveCSS('fill', 'rgb(255, 255, 255)');
  }
});

test('the "LM + code training" label leaves most of its arrow in view', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/4/0');
  await page.evaluate(async () => (await window.lecternInspector?.())?.settle(30_000));
  const covered = await page.evaluate(() => {
    const svg = document.querySelector('.present svg');
    const label = [...(svg?.querySelectorAll('.edgeLabel') ?? [])].find((l) => l.textContent?.includes('LM + code'));
    const path = svg?.querySelector<SVGPathElement>('path[data-id^="L_cd002_merge"]');
    if (!label || !path) return -1;
    const box = label.getBoundingClientRect();
    const ctm = path.getScreenCTM();
    if (!ctm) return -1;
    const length = path.getTotalLength();
    let inside = 0;
    const samples = 100;
    for (let i = 0; i <= samples; i++) {
      const p = path.getPointAtLength((length * i) / samples).matrixTransform(ctm);
      if (p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom) inside++;
    }
    return inside / (samples + 1);
  });
  expect(covered, 'share of the arrow under its label').toBeGreaterThanOrEqual(0);
  expect(covered, 'share of the arrow under its label').toBeLessThan(0.5);
});

test('a reload right after quick steps comes back at the same step', async ({ page }) => {
  await openDeck(page, 'reasoning-origins-en', '?transition=none');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const before = await indices(page);
  expect(before.h + (before.f ?? 0)).toBeGreaterThan(1);
  await page.reload();
  await page.waitForSelector(PAGE.readySelector);
  expect(await indices(page)).toEqual(before);
});

test('the overview shows every diagram drawn, far slides included', async ({ page }) => {
  await openDeck(page, 'reasoning-origins', '?transition=none');
  const pending = page.locator(`${PAGE.slides} ${pendingDiagrams}`);
  expect(await pending.count(), 'far diagrams wait until they are near').toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.overview')).toBeVisible();
  await expect(pending).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator(`${PAGE.slides} ${diagramsIn('rendered')}`).first()).toBeVisible();
});

test.describe('the arrows by keyboard on an Android phone', () => {
  test.use({
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
    hasTouch: true,
    isMobile: true,
    viewport: { width: 844, height: 390 },
  });

  test('the focused next arrow shows a focus ring, and Enter steps (reveal listens to touchend alone there)', async ({ page }) => {
    await openDeck(page, 'demo', '?transition=none');
    const next = page.locator('.reveal .controls .navigate-right');
    await next.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    expect(await next.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => indices(page)).toMatchObject({ h: 1, v: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => indices(page)).toMatchObject({ h: 2 });
  });
});
