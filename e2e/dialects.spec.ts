import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DIAGRAM, PAGE } from '../src/model/page';
import { devServerFor } from './dev-server';
import { devPort, expect, test } from './fixtures';

/**
 * Decks written for other tools (test/fixtures/dialects), served from a course folder of their own by a
 * dev server on loopback: what a viewer sees of each, with no dialect markup on any slide.
 */
const fixture = (name: string) => readFileSync(join('test', 'fixtures', 'dialects', name), 'utf8');
const dev = devServerFor(devPort(16), {
  'reveal-md.md': fixture('reveal-md.md'),
  'quarto.md': fixture('quarto.md'),
  'marp.md': fixture('marp.md'),
});
const base = dev.base;
const GRAPH =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><rect width="400" height="300" fill="#cde"/><circle cx="200" cy="150" r="80" fill="#246"/></svg>';

test.describe.configure({ timeout: 120_000 });
test.beforeAll(() => {
  // The decks' pictures, beside them in the course's assets/ (served on request, so after the start is fine).
  writeFileSync(join(dirname(dirname(dev.deckFile('x.md'))), 'assets', 'dialect-graph.svg'), GRAPH);
});

async function open(page: import('@playwright/test').Page, slug: string): Promise<void> {
  await page.goto(`${base}/${slug}/`);
  await page.waitForSelector(PAGE.readySelector);
}

const MARKUP = /:::|\. \. \.|<!--|-->|\{\.|\.element|\.slide:|^\s*Notes?:|#\||%%\||!\[bg/m;

/** The text a viewer can read on every slide (every step shown), notes and diagram sources left out. */
async function slideTexts(page: import('@playwright/test').Page): Promise<string[]> {
  return page.$$eval(
    `${PAGE.slides} section:not(.stack)`,
    (sections, notes) =>
      sections
        .filter((s) => !s.querySelector(':scope > section'))
        .map((s) => {
          const copy = s.cloneNode(true) as HTMLElement;
          for (const el of copy.querySelectorAll(`${notes}, [hidden], [id$="-desc"]`)) el.remove();
          return copy.textContent ?? '';
        }),
    PAGE.notes,
  );
}

test('reveal-md deck: its separators, vertical stacks, steps and notes', async ({ page, watch }) => {
  await open(page, 'reveal-md');
  expect(await page.locator(`${PAGE.slides} > section`).count()).toBe(5);
  expect(await page.locator(`${PAGE.slides} > section:nth-child(2) > section`).count()).toBe(3);
  // Raw <section>s in a slide: an auto-animate stack, as reveal makes of them
  expect(await page.locator(`${PAGE.slides} > section:nth-child(4) > section[data-auto-animate]`).count()).toBe(2);
  expect(await page.evaluate(() => window.lectern?.deck.getConfig().transition)).toBe('fade');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section.present:not(.stack) h2')).toHaveText('Bubble sort');
  expect(await page.locator(`section.present:not(.stack) ${PAGE.fragment}`).count()).toBe(2);
  await expect(page.locator(`section.present:not(.stack) ${PAGE.fragment}.visible`)).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`section.present:not(.stack) ${PAGE.fragment}.visible`)).toHaveCount(1);
  const notes = page.locator(`${PAGE.slides} section`).first().locator(PAGE.notes);
  await expect(notes).toContainText('Welcome everyone');
  await expect(notes).toBeHidden();
  for (const text of await slideTexts(page)) expect(text).not.toMatch(MARKUP);
  await page.evaluate(() => window.lectern?.deck.slide(3, 1));
  const card = page.locator('section.present:not(.stack) em.fragment.highlight-red');
  await expect(card).toHaveText('slide');
  await expect(card).not.toHaveClass(/visible/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(card).toHaveClass(/visible/);
  await page.evaluate(() => window.lectern?.deck.slide(2));
  // reveal moves data-src to src (and drops data-src) when the slide comes near
  const presented = page.locator('section.present:not(.stack) img[alt="A graph, loaded lazily"]');
  await expect.poll(() => presented.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await page.goto(`${base}/reveal-md/?view=read`);
  await page.waitForSelector(PAGE.readySelector);
  const lazy = page.locator('img[alt="A graph, loaded lazily"]');
  await lazy.scrollIntoViewIfNeeded();
  await expect.poll(() => lazy.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  expect(watch.errors).toEqual([]);
});

test('Quarto deck: title slide, sections, columns side by side, pause, notes', async ({ page, watch }) => {
  await open(page, 'quarto');
  await expect(page.locator('section.present:not(.stack) h1')).toHaveText('Gradient descent');
  await expect(page.locator('section.present')).toContainText('A Quarto revealjs deck');
  expect(await page.locator(`${PAGE.slides} > section`).count()).toBe(9);
  await page.evaluate(() => window.lectern?.deck.slide(3));
  const cols = page.locator('section.present:not(.stack) .lectern-column');
  await expect(cols).toHaveCount(2);
  const [a, b] = [await cols.nth(0).boundingBox(), await cols.nth(1).boundingBox()];
  expect(a && b && b.x > a.x + a.width - 1 && Math.abs(a.y - b.y) < 2).toBe(true);
  expect((a?.width ?? 0) / (b?.width ?? 1)).toBeCloseTo(40 / 60, 1);
  await page.evaluate(() => window.lectern?.deck.slide(2));
  await expect(page.locator(`section.present:not(.stack) ${PAGE.fragment}`)).toHaveCount(1);
  await expect(page.locator('section.present:not(.stack) .katex-display')).toBeVisible();
  await page.evaluate(() => window.lectern?.deck.slide(6));
  await expect(page.locator(`section.present:not(.stack) ${DIAGRAM.selector} svg`)).toBeVisible();
  // Callouts: a tinted box with its title, the tip's in green, the warning's named by its kind
  await page.evaluate(() => window.lectern?.deck.slide(8));
  const tip = page.locator('section.present:not(.stack) .lectern-callout-tip');
  await expect(tip.locator('.lectern-callout-title')).toHaveText('Try it');
  await expect(page.locator('section.present:not(.stack) .lectern-callout-warning .lectern-callout-title')).toHaveText('Warning');
  const [rule, title] = await tip.evaluate((box) => [
    getComputedStyle(box).borderLeftColor,
    getComputedStyle(box.querySelector('.lectern-callout-title') as Element).color,
  ]);
  expect(rule).toBe(title);
  expect(rule).not.toBe(await page.locator('section.present:not(.stack) h2').evaluate((h) => getComputedStyle(h).color));
  await expect(tip.locator('.lectern-callout-title svg')).toBeVisible();
  // `collapse="true"`: folded behind its title until the viewer opens it (a click, or Enter on the title)
  const folded = page.locator('section.present:not(.stack) .lectern-callout-warning');
  await expect(folded.getByText('Too large a rate diverges.')).toBeHidden();
  await folded.locator('.lectern-callout-title').click();
  await expect(folded.getByText('Too large a rate diverges.')).toBeVisible();
  await expect(page.locator('section.present:not(.stack) h2')).toHaveText('Summary');
  for (const text of await slideTexts(page)) expect(text).not.toMatch(MARKUP);
  expect(watch.errors).toEqual([]);
});

test('Marp deck: directives, backgrounds, fitted heading, comment notes', async ({ page, watch }) => {
  await open(page, 'marp');
  expect(await page.locator(`${PAGE.slides} > section`).count()).toBe(6);
  await expect(page.locator('section.present.lead h1 .r-fit-text')).toHaveText('Graph search');
  await expect(page.locator('section.present:not(.stack) .lectern-footer')).toHaveText('Lecture 3 · Marp');
  await page.evaluate(() => window.lectern?.deck.slide(2));
  const bg = page.locator('section.present:not(.stack) .lectern-bgs-right .lectern-bg');
  await expect(bg).toBeVisible();
  const box = await bg.boundingBox();
  const list = await page.locator('section.present:not(.stack) ul').boundingBox();
  expect(box && list && list.x + list.width <= box.x + 1).toBe(true);
  // A split background reaches the screen's edges, as in Marp (a Marp slide is the whole screen).
  const screen = page.viewportSize();
  await expect
    .poll(async () => {
      const b = await bg.boundingBox(); // once the slide has moved in
      return b && [Math.round(b.y), Math.round(b.x + b.width), Math.round(b.height)];
    })
    .toEqual([0, screen?.width, screen?.height]);
  await page.evaluate(() => window.lectern?.deck.slide(3));
  const stacked = page.locator('section.present:not(.stack) .lectern-bg');
  await expect(stacked).toHaveCount(2);
  const [upper, lower] = await Promise.all([stacked.nth(0).boundingBox(), stacked.nth(1).boundingBox()]);
  expect(upper && lower && lower.y >= upper.y + upper.height - 1).toBe(true); // ![bg vertical]: one above the other
  const h2Color = () => page.locator('section.present:not(.stack) h2').evaluate((h) => getComputedStyle(h).color);
  const otherSlide = await h2Color();
  // class: invert: light text on the dark background; <style scoped>: this slide's h2 only
  await page.evaluate(() => window.lectern?.deck.slide(5));
  expect(await h2Color()).toBe('rgb(255, 209, 102)');
  expect(otherSlide).not.toBe('rgb(255, 209, 102)');
  const background = await page
    .locator('.reveal .backgrounds .slide-background.present')
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).toBe('rgb(22, 27, 38)');
  const text = await page.locator('section.present:not(.stack) li').evaluate((li) => getComputedStyle(li).color);
  expect(text).toBe('rgb(232, 236, 243)');
  for (const text of await slideTexts(page)) expect(text).not.toMatch(MARKUP);
  expect(watch.errors).toEqual([]);
});
