import type { Page } from '@playwright/test';
import { DIAGRAM, PAGE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';

/** Reading mode (`?view=read`): one continuous page, every step shown, notes as commentary. */

const DECK = 'reasoning-origins';
const PHONE = { width: 390, height: 844 };

/** Slides whose source has speaker notes, counted in the server-rendered page (before any script). */
async function slidesWithNotes(page: Page, slug: string): Promise<number> {
  const html = await (await page.request.get(`/${slug}/`)).text();
  return html.split('<aside class="notes">').length - 1;
}

/** The slide reading mode considers current, from the bar's "12 / 36". */
async function currentPosition(page: Page): Promise<string> {
  return (await page.locator('.lectern-rcount-now').textContent()) ?? '';
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', PHONE],
] as const) {
  test.describe(`reading mode, ${name}`, () => {
    test.use({ viewport, ...(name === 'phone' ? { isMobile: true, hasTouch: true } : {}) });

    for (const slug of ['reasoning-origins', 'reasoning-origins-en', 'demo']) {
      test(`${slug}: everything is shown and fits`, async ({ page }) => {
        await openDeck(page, slug, '?view=read');
        await expect(page.locator('main#lectern-main')).toBeVisible();
        await expect(page.locator('nav#lectern-toc')).toHaveCount(1);

        // Every slide, vertical sub-slides included, in order; no reveal.js.
        const ids = await page.$$eval('.lectern-ritem', (items) => items.map((i) => i.id));
        expect(ids.length).toBeGreaterThan(3);
        expect(ids[0]).toBe('slide-1');
        await expect(page.locator(PAGE.slides)).toHaveCount(0);
        await expect(page.locator('.lectern-rcount')).toContainText(`/ ${ids.length}`);

        // Q&A answers (and the notes explaining them) are folded for a self-check: open them all, as a reader does.
        const showAll = page.locator('.lectern-answers-all');
        if (await showAll.count()) await showAll.first().click();

        // No fragment hidden: not by opacity, visibility or display.
        expect(await page.locator(PAGE.fragment).count()).toBeGreaterThan(0);
        const hidden = await page.$$eval(PAGE.fragment, (els) =>
          els
            .filter((el) => {
              const s = getComputedStyle(el);
              return s.opacity === '0' || s.visibility === 'hidden' || s.display === 'none';
            })
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(hidden).toEqual([]);

        // Notes: one visible commentary per slide with notes.
        const commentary = page.locator('.lectern-commentary');
        await expect(commentary).toHaveCount(await slidesWithNotes(page, slug));
        for (const box of await commentary.all()) {
          expect(await box.evaluate((el) => el.getBoundingClientRect().height > 20 && getComputedStyle(el).display !== 'none')).toBe(true);
        }

        // Diagrams drawn (each as it comes near) and sized; math typeset.
        for (const figure of await page.locator(DIAGRAM.selector).all()) {
          await figure.scrollIntoViewIfNeeded();
          await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
        }
        const diagrams = await page.$$eval(`${DIAGRAM.selector}`, (figs) =>
          figs.map((f) => {
            const svg = f.querySelector('svg');
            const r = svg?.getBoundingClientRect();
            return { state: (f as HTMLElement).dataset.state, w: r?.width ?? 0, h: r?.height ?? 0, right: r?.right ?? 0 };
          }),
        );
        const width = await page.evaluate(() => innerWidth);
        for (const d of diagrams) {
          expect(d.state).toBe('rendered');
          expect(d.w).toBeGreaterThan(100);
          expect(d.h).toBeGreaterThan(100);
          expect(d.right).toBeLessThanOrEqual(width);
        }
        if (slug !== 'demo') expect(diagrams.length).toBeGreaterThan(0);
        expect(await page.locator('main .katex').count()).toBeGreaterThan(0);

        await noSidewaysScroll(page);
      });
    }

    test('table of contents lists the sections and jumps to slides', async ({ page }) => {
      await openDeck(page, DECK, '?view=read');
      // Section dividers head groups of slides.
      const sections = page.locator('.lectern-toc-section > a');
      expect(await sections.count()).toBeGreaterThanOrEqual(3);
      if (name === 'phone') {
        await expect(page.locator('#lectern-toc')).toBeHidden();
        await page.locator('.lectern-toc-toggle').tap();
        await expect(page.locator('#lectern-toc')).toBeVisible();
        await expect(page.locator('.lectern-toc-toggle')).toHaveAttribute('aria-expanded', 'true');
        // A modal dialog: Tab (forward and back, past either end) never leaves it.
        await expect(page.getByRole('dialog')).toHaveAttribute('aria-modal', 'true');
        const links = await page.locator('#lectern-toc a, #lectern-toc button').count();
        for (const key of ['Tab', 'Shift+Tab']) {
          for (let i = 0; i < links + 2; i++) {
            await page.keyboard.press(key);
            expect(await page.evaluate(() => !!document.activeElement?.closest('#lectern-toc')), `${key} ${i}`).toBe(true);
          }
        }
      }
      await page.locator('#lectern-toc a[href="#slide-22"]').click();
      await expect(page).toHaveURL(/\?view=read#slide-22$/);
      await expect.poll(() => currentPosition(page)).toBe('22');
      await expect(page.locator('#lectern-toc a[href="#slide-22"]')).toHaveAttribute('aria-current', 'location');
      if (name === 'phone') await expect(page.locator('#lectern-toc')).toBeHidden();
      // The slide's top sits just under the bar (not above it: slides passed on the way are laid out late).
      const belowBar = (id: string) => () =>
        page.evaluate((id) => {
          const bar = document.querySelector('.lectern-rbar')?.getBoundingClientRect().bottom ?? 0;
          return Math.round((document.getElementById(id)?.getBoundingClientRect().top ?? -1000) - bar);
        }, id);
      await expect.poll(belowBar('slide-22')).toBeLessThan(30);
      await expect.poll(belowBar('slide-22')).toBeGreaterThanOrEqual(0);
      // And back to the start, a long way up: the title slide under the bar.
      await page.keyboard.press('Home');
      await expect.poll(() => currentPosition(page)).toBe('1');
      await expect.poll(belowBar('slide-1')).toBeLessThan(30);
      await expect.poll(belowBar('slide-1')).toBeGreaterThanOrEqual(0);
      await noSidewaysScroll(page);
    });

    test('reopening resumes at the slide the reader reached', async ({ page }) => {
      await openDeck(page, DECK, '?view=read');
      await page.evaluate(() => localStorage.clear());
      // Scroll like a reader (not a link): put slide 12 under the bar. The slides passed are laid out only
      // then (content-visibility) and may be shorter than their estimate (a Q&A slide with folded answers):
      // the reader adjusts once they see where they landed.
      for (let i = 0; i < 2; i++) {
        await page.evaluate(() => {
          const el = document.getElementById('slide-12');
          if (el) window.scrollBy(0, el.getBoundingClientRect().top - 70);
        });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      await expect.poll(() => currentPosition(page)).toBe('12');
      await expect(page).toHaveURL(/#slide-12$/);
      await page.waitForTimeout(400); // the position is saved shortly after scrolling stops
      // Reload without the hash: only localStorage remembers.
      await page.goto(`/${DECK}/?view=read`);
      await page.waitForSelector(PAGE.readySelector);
      expect(await currentPosition(page)).toBe('12');
      const top = await page.evaluate(() => document.getElementById('slide-12')?.getBoundingClientRect().top ?? -1);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(200);
      await page.reload();
      await page.waitForSelector(PAGE.readySelector);
      expect(await currentPosition(page)).toBe('12');
    });

    test('a slide link opens at that slide', async ({ page }) => {
      await openDeck(page, DECK, '?view=read#slide-30');
      expect(await currentPosition(page)).toBe('30');
      const inView = await page.evaluate(() => {
        const r = document.getElementById('slide-30')?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.top < innerHeight / 2;
      });
      expect(inView).toBe(true);
      await expect(page.locator('.lectern-rpresent-now')).toHaveAttribute('href', './#/slide-30');
    });
  });
}

test.describe('reading mode, keyboard', () => {
  test('j/k, arrows, Home/End move between slides', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDeck(page, DECK, '?view=read#slide-5');
    await page.keyboard.press('j');
    await expect.poll(() => currentPosition(page)).toBe('6');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => currentPosition(page)).toBe('7');
    await page.keyboard.press('k');
    await expect.poll(() => currentPosition(page)).toBe('6');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => currentPosition(page)).toBe('5');
    await page.keyboard.press('End');
    await expect.poll(() => currentPosition(page)).toBe('36');
    await page.keyboard.press('Home');
    await expect.poll(() => currentPosition(page)).toBe('1');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect(page).toHaveURL(/#slide-\d+$/);
  });

  test('focus is visible and the page has landmarks', async ({ page }) => {
    await openDeck(page, DECK, '?view=read');
    await expect(page.getByRole('main')).toHaveCount(1);
    // The contents, and (in a course) the previous/next lecture links: each navigation landmark is named.
    await expect(page.locator('nav#lectern-toc')).toHaveCount(1);
    for (const nav of await page.getByRole('navigation').all())
      expect(await nav.evaluate((n) => n.getAttribute('aria-label') ?? n.getAttribute('aria-labelledby'))).toBeTruthy();
    await page.keyboard.press('Tab');
    const skip = page.locator('.lectern-skip');
    await expect(skip).toBeFocused();
    expect(await skip.evaluate((el) => el.getBoundingClientRect().top >= 0 && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    // Headings of the slides are kept.
    expect(await page.locator('main h2').count()).toBeGreaterThan(20);
  });
});

test.describe('switching between presenting and reading', () => {
  // Desktop only: below 435 px reveal.js 6 switches to its scroll view (`scrollActivationWidth`), which
  // ignores the `#/slide-N` hash on load; the phone half of reading -> present is checked above by href.
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }]] as const) {
    test(`present -> read -> present keeps the slide (${name})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openDeck(page, DECK, '#/slide-9');
      const link = page.locator('.lectern-view-switch');
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', './?view=read#slide-9');
      await page.evaluate(() => window.lectern?.deck.slide(11));
      await expect(link).toHaveAttribute('href', './?view=read#slide-12');
      await link.click();
      await page.waitForURL(/\?view=read#slide-12$/);
      await page.waitForSelector(PAGE.readySelector);
      expect(await currentPosition(page)).toBe('12');

      // "Present" in the bar, then the per-slide "present from here" link.
      await page.locator('.lectern-rpresent-now').click();
      await page.waitForURL(/\/reasoning-origins\/#\/slide-12$/);
      await page.waitForSelector(PAGE.readySelector);
      expect(await page.evaluate(() => (window.lectern?.deck.getCurrentSlide() as HTMLElement | undefined)?.id)).toBe('slide-12');
    });
  }

  test('key R opens reading mode at the current slide, and a vertical slide round-trips', async ({ page }) => {
    await openDeck(page, 'demo', '#/slide-6');
    await page.keyboard.press('r');
    await page.waitForURL(/\?view=read#slide-6$/);
    await page.waitForSelector(PAGE.readySelector);
    expect(await currentPosition(page)).toBe('6');
    await page.locator('#slide-6 .lectern-rpresent').click();
    await page.waitForURL(/\/demo\/#\/slide-6$/);
    await page.waitForSelector(PAGE.readySelector);
    expect(await page.evaluate(() => window.lectern?.deck.getIndices())).toMatchObject({ h: 4, v: 1 });
  });

  test('no reading link when printing', async ({ page }) => {
    await openDeck(page, 'demo', '?print-pdf');
    await expect(page.locator('.lectern-view-switch')).toHaveCount(0);
  });
});

test('reading mode downloads no Mermaid until a diagram is within two screens, then draws it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const mermaid: string[] = [];
  page.on('request', (r) => {
    if (/mermaid|dagre|cytoscape/i.test(r.url())) mermaid.push(r.url());
  });
  // The lecture's first diagram is on slide 8, many screens down on a phone.
  await openDeck(page, 'reasoning-origins-en', '?view=read');
  const figure = page.locator(`#slide-8 figure${DIAGRAM.selector}`);
  const screensAway = await figure.evaluate((f) => (f.closest('article')?.getBoundingClientRect().top ?? 0) / innerHeight);
  expect(screensAway).toBeGreaterThan(3);
  await page.evaluate(() => scrollBy(0, innerHeight));
  await page.waitForTimeout(500);
  expect(mermaid).toEqual([]);
  await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'pending');
  await figure.evaluate((f) => f.closest('article')?.scrollIntoView());
  await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
  expect(mermaid.length).toBeGreaterThan(0);
});
