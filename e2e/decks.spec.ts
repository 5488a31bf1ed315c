import { DIAGRAM, diagramsIn, PAGE } from '../src/model/page';
import { deckSlugs, expect, openDeck, test } from './fixtures';
import { diagramsOnCurrentSlide, indices, totalSlides, visitEverySlide } from './slides';

test('the deck list shows every deck with title, date and slide count', async ({ page, watch }) => {
  await page.goto('/');
  const cards = page.locator('.deck-card');
  await expect(cards).toHaveCount(5);
  // A card's title link also holds a visually hidden "Lecture N: ": match the visible title at its end.
  for (const title of ['LLM 复杂推理的来源分析 I', 'LLM 复杂推理的来源分析 II'])
    await expect(page.locator('.deck-card', { has: page.locator('.deck-title', { hasText: new RegExp(`${title}$`) }) })).toContainText(
      /2025-08-20 · \d+ slides/,
    );
  await page.locator('.deck-title', { hasText: 'Lectern demo' }).click();
  await page.waitForSelector(PAGE.readySelector);
  await expect(page.locator(`${PAGE.slides} section.present h1`)).toHaveText('Lectern demo');
  expect(watch.errors).toEqual([]);
});

test('every deck: every slide is reachable, diagrams drawn, no page errors, nothing leaves the host', async ({ page, watch }) => {
  test.setTimeout(180_000);
  for (const slug of await deckSlugs(page)) {
    await openDeck(page, slug, '?transition=none');
    const sections = await page.locator(`${PAGE.slides} section:not(.stack)`).count();
    expect(await totalSlides(page), slug).toBe(sections);
    await visitEverySlide(page, async () => {
      for (const svg of await page.locator(`section.present ${DIAGRAM.selector} svg`).all()) {
        const box = await svg.boundingBox();
        expect(box?.width ?? 0, `${slug}: diagram width`).toBeGreaterThan(200);
        expect(box?.height ?? 0, `${slug}: diagram height`).toBeGreaterThan(100);
      }
      await expect(page.locator(`section.present ${diagramsIn('error')}`)).toHaveCount(0);
    });
  }
  expect(watch.errors).toEqual([]);
});

test('keyboard steps fragments, then moves on', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/slide-3');
  const items = page.locator(`section.present ${PAGE.fragment}`);
  await expect(items).toHaveCount(3);
  await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(3);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await indices(page)).h).toBe(3);
  await expect(page.locator('section.present h2')).toHaveText('Q & A');
});

test('Q&A steps question, answer, then each item of the answer', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/slide-4');
  const visible = page.locator(`section.present ${PAGE.fragment}.visible`);
  const expected = ['Q: What is Lectern?', 'A: A lecture tool.', 'it builds decks', 'it prints PDFs'];
  for (const [i, text] of expected.entries()) {
    await page.keyboard.press('ArrowRight');
    await expect(visible).toHaveCount(i + 1);
    await expect(visible.nth(i)).toHaveText(text);
  }
});

test('a diagram on a slide hidden at load is drawn at full size, and its steps are fragments', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none');
  await page.keyboard.press('End');
  await page.evaluate(() => window.lectern?.deck.slide(4, 0, -1));
  await diagramsOnCurrentSlide(page);
  const figure = page.locator(`section.present ${DIAGRAM.selector}`);
  await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
  const box = await figure.locator('svg').boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(300);
  await expect(figure.locator('.lecternHl')).toHaveCount(1);
  await expect(figure.locator(`${DIAGRAM.step}:not(.visible)`)).not.toHaveCount(0);
  // Four groups: the first shows with the slide, three steps.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(figure.locator(`${DIAGRAM.step}:not(.visible)`)).toHaveCount(0);
  await expect(figure.getByText('code-davinci-002', { exact: true })).toBeVisible();
});

test('math is typeset at build time: no KaTeX script, formulas present', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await openDeck(page, 'demo', '#/slide-2');
  await expect(page.locator('section.present .katex-display')).toHaveCount(1);
  await expect(page.locator('section.present .katex-display .katex-html')).toBeVisible();
  expect(scripts.some((s) => /katex/i.test(s))).toBe(false);
});

test('Mermaid is downloaded only when a diagram is near', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await openDeck(page, 'demo');
  expect(loaded.filter((u) => /mermaid|dagre|cytoscape/i.test(u))).toEqual([]);
  await page.evaluate(() => window.lectern?.deck.slide(4, 0));
  await diagramsOnCurrentSlide(page);
  const mermaid = loaded.filter((u) => /\/mermaid\//.test(u));
  expect(mermaid.length).toBeGreaterThan(1);
  // Asked for all at once: every module Mermaid loaded was announced up front by a modulepreload link
  // (the build lists them), none found one import after another.
  const preloaded = await page.$$eval('link[rel="modulepreload"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(mermaid.filter((u) => !preloaded.includes(u))).toEqual([]);
});

test('a link to a step of a diagram slide opens at that step', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/slide-5/1');
  await diagramsOnCurrentSlide(page);
  const figure = page.locator(`section.present ${DIAGRAM.selector}`);
  await expect.poll(() => figure.locator(`${DIAGRAM.step}.visible`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().f)).toBe(1);
  await expect(figure.locator(`${DIAGRAM.step}[data-fragment-index="2"].visible`)).toHaveCount(0);
});
