import type { Locator, Page } from '@playwright/test';
import { serve } from '../src/export/serve';
import { buildSite } from '../src/export/site';
import { DIAGRAM, PAGE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { diagramsOnCurrentSlide } from './slides';
import { tempCourse } from './temp-course';

/**
 * Issue 18.8 + 19.7: a diagram's steps are declared in the built HTML, so reveal counts them before Mermaid
 * has drawn; the first group shows with the slide; an edge appears with the later of its two ends.
 * The demo's lineage diagram: steps="gpt3 | codex instruct | s35 merge cd002 td002 | td003 chatgpt".
 */
const figure = (page: Page) => page.locator(`section.present ${DIAGRAM.selector}`);
const step = () => page_.evaluate(() => window.lectern?.deck.getIndices().f ?? -1);
let page_: Page;

/** Source ids of the diagram's nodes a viewer can see (not hidden by a step). */
async function visibleNodes(fig: Locator): Promise<string[]> {
  return fig.locator('g.node').evaluateAll((nodes) =>
    nodes
      .filter((n) => getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0')
      .map((n) => /flowchart-(.+)-\d+$/.exec(n.id)?.[1] ?? n.id)
      .sort(),
  );
}

/** Edges a viewer can see whose one end is a node they cannot see. */
async function danglingEdges(fig: Locator): Promise<string[]> {
  return fig.evaluate((f) => {
    const shown = (e: Element) => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0';
    const nodes = new Map([...f.querySelectorAll('g.node')].map((n) => [/flowchart-(.+)-\d+$/.exec(n.id)?.[1] ?? n.id, shown(n)] as const));
    const out: string[] = [];
    for (const path of f.querySelectorAll('path[data-id^="L_"]')) {
      if (!shown(path)) continue;
      const key = path.getAttribute('data-id') ?? '';
      const ends = [...nodes.keys()].filter((id) => key.startsWith(`L_${id}_`) || key.endsWith(`_${id}_${key.split('_').pop()}`));
      if (ends.some((id) => nodes.get(id) === false)) out.push(key);
    }
    return out;
  });
}

test.beforeEach(({ page }) => {
  page_ = page;
});

test('the steps are in the built page: stepping before the diagram is drawn counts them, and the drawing shows that step', async ({
  page,
}) => {
  // Keep Mermaid from loading, so the slide is stepped while its diagram is still undrawn.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route(/\/mermaid\b|mermaid[.-]/, async (route) => {
    await held;
    await route.continue();
  });
  await openDeck(page, 'demo', '?transition=none#/slide-5');
  await expect(figure(page)).toHaveAttribute(DIAGRAM.stateAttr, /pending|drawing/);
  await expect(figure(page).locator(DIAGRAM.step)).toHaveCount(3);
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  expect(await step()).toBe(1);
  await expect(page).toHaveURL(/#\/slide-5\/1$/);
  await page.keyboard.press('ArrowLeft');
  expect(await step()).toBe(0);
  await page.keyboard.press('ArrowRight');
  expect(await step()).toBe(1);

  release();
  await diagramsOnCurrentSlide(page);
  await expect(figure(page)).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
  // Groups 0-2 shown (gpt3; codex instruct; s35 merge cd002 td002), group 3 (td003 chatgpt) not yet.
  await expect.poll(() => visibleNodes(figure(page))).toEqual(expect.arrayContaining(['gpt3', 'codex', 'instruct', 'cd002']));
  expect(await visibleNodes(figure(page))).not.toContain('td003');
  expect(await danglingEdges(figure(page))).toEqual([]);
});

test('after drawing: the first group shows with the slide, each step adds a group, back takes it away, no edge hangs', async ({ page }) => {
  await openDeck(page, 'demo', '?transition=none#/slide-4');
  await page.keyboard.press('End');
  await page.evaluate(() => window.lectern?.deck.slide(4, 0, -1));
  await diagramsOnCurrentSlide(page);
  const fig = figure(page);
  await expect(fig).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');

  // The edge check below looks at Mermaid's edge paths: make sure there are some to look at.
  expect(await fig.locator('path[data-id^="L_"]').count()).toBeGreaterThan(5);
  const seen: string[][] = [await visibleNodes(fig)];
  expect(seen[0]).toContain('gpt3');
  expect(seen[0]).not.toContain('codex');
  expect(await danglingEdges(fig)).toEqual([]);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await visibleNodes(fig)).length).toBeGreaterThan(seen.at(-1)?.length ?? 0);
    seen.push(await visibleNodes(fig));
    expect(await danglingEdges(fig)).toEqual([]);
  }
  expect(seen.at(-1)).toEqual(expect.arrayContaining(['td003', 'chatgpt']));
  expect(await step()).toBe(2);
  for (let i = 2; i >= 0; i--) {
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => visibleNodes(fig)).toEqual(seen[i]);
    expect(await danglingEdges(fig)).toEqual([]);
  }
  // Arriving back from the next slide shows every step.
  await page.keyboard.press('ArrowLeft');
  await expect(page).not.toHaveURL(/#\/slide-5/);
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => window.lectern?.deck.slide(4, 1));
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => visibleNodes(fig)).toEqual(seen.at(-1));
});

test('reading mode shows the whole diagram', async ({ page }) => {
  await openDeck(page, 'demo', '?view=read#slide-5');
  await page.waitForSelector(PAGE.readySelector);
  const fig = page.locator(`#slide-5 ${DIAGRAM.selector}`);
  await expect(fig).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
  expect(await visibleNodes(fig)).toEqual(expect.arrayContaining(['gpt3', 'codex', 'td003', 'chatgpt']));
});

test('a fragment written above a stepped diagram comes first: the steps follow the order of the slide', async ({ page }) => {
  test.setTimeout(240_000);
  const course = tempCourse({
    'slides/order.md': [
      '---',
      'title: Order',
      '---',
      '',
      '## Order',
      '',
      '::: fragment',
      'First this point.',
      ':::',
      '',
      '```mermaid steps="a | b"',
      'flowchart LR',
      '  a --> b',
      '```',
    ].join('\n'),
  });
  await buildSite(course.root, { quiet: true });
  const server = await serve(`${course.root}/dist`);
  try {
    await page.goto(`${server.url}/order/?transition=none#/slide-2`);
    await page.waitForSelector(PAGE.readySelector);
    await diagramsOnCurrentSlide(page);
    const fig = figure(page);
    const point = page.locator('section.present').getByText('First this point.');
    await expect.poll(() => visibleNodes(fig)).toEqual(['a']);
    await expect(point).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(point).toBeVisible();
    expect(await visibleNodes(fig)).toEqual(['a']);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => visibleNodes(fig)).toEqual(['a', 'b']);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => visibleNodes(fig)).toEqual(['a']);
    await expect(point).toBeVisible();
  } finally {
    await server.close();
    course.done();
  }
});
