import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { queryFor } from '../src/export/print-page';
import { serve } from '../src/export/serve';
import { type Ink, serializeInk } from '../src/model/ink';
import { PAGE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { tempCourse } from './temp-course';

/** Ink as a lecturer uses it: D, drawing with the pointer, the toolbar, reload, the speaker view, the saved file. */

const DECK = 'reasoning-origins-en';
const inkPaths = (page: Page, scope = '.reveal .lectern-ink-deck') => page.locator(`${scope} path`);
const inkRequests = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/(speaker-)?ink[-.]/.test(e.name)).length);

async function stroke(page: Page, points: [number, number][]) {
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(...first);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 6 });
  await page.mouse.up();
}

test('D draws on the slide: pens, highlighter, eraser, undo; Esc leaves', async ({ page, watch }) => {
  await openDeck(page, DECK, '#/3/0');
  expect(await inkRequests(page), 'no ink code before D').toBe(0);
  const toolbar = page.getByRole('toolbar');
  await expect(toolbar).toHaveCount(0);
  await page.keyboard.press('d');
  await expect(toolbar).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await stroke(page, [
    [300, 300],
    [500, 350],
    [700, 300],
  ]);
  await expect(inkPaths(page)).toHaveCount(1);
  await expect(inkPaths(page).first()).toHaveAttribute('fill', '#e0245e');
  // Drawing did not move the deck.
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(3);
  await toolbar.getByRole('button', { name: 'Blue pen' }).click();
  await expect(toolbar.getByRole('button', { name: 'Blue pen' })).toHaveAttribute('aria-pressed', 'true');
  await stroke(page, [
    [300, 500],
    [600, 520],
  ]);
  await toolbar.getByRole('button', { name: 'Highlighter' }).click();
  await stroke(page, [
    [200, 200],
    [600, 200],
  ]);
  await expect(inkPaths(page)).toHaveCount(3);
  await expect(page.locator('.lectern-ink-deck path.lectern-ink-highlight')).toHaveCount(1);
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(inkPaths(page)).toHaveCount(2);
  await toolbar.getByRole('button', { name: 'Eraser' }).click();
  await stroke(page, [
    [450, 490],
    [450, 540],
  ]);
  await expect(inkPaths(page)).toHaveCount(1);
  await expect(inkPaths(page).first()).toHaveAttribute('fill', '#e0245e');

  // Esc leaves drawing (and does not open the overview).
  await page.keyboard.press('Escape');
  await expect(toolbar).toBeHidden();
  expect(await page.evaluate(() => document.querySelector('.reveal.overview'))).toBeNull();
  expect(watch.errors).toEqual([]);
});

test('ink stays with its slide, survives a reload, lines up at any window size; clear empties the slide', async ({ page, watch }) => {
  await openDeck(page, DECK, '#/3/0');
  await page.keyboard.press('d');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await stroke(page, [
    [300, 300],
    [700, 300],
  ]);
  await expect(inkPaths(page)).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.lectern?.deck.getIndices().h)).toBe(4);
  await expect(inkPaths(page)).toHaveCount(0);
  await page.evaluate(() => window.lectern?.deck.slide(3, 0));
  await expect(inkPaths(page)).toHaveCount(1);

  await page.reload();
  await page.waitForSelector(PAGE.readySelector);
  await page.evaluate(() => window.lectern?.deck.slide(3, 0));
  await expect(inkPaths(page)).toHaveCount(1);
  // In slide coordinates: the same place on the slide at another window size.
  const at1280 = await inkPaths(page).first().boundingBox();
  await page.setViewportSize({ width: 640, height: 360 });
  await expect.poll(async () => (await inkPaths(page).first().boundingBox())?.width).toBeCloseTo((at1280?.width ?? 0) / 2, -1);

  await page.keyboard.press('d');
  await page.getByRole('toolbar').getByRole('button', { name: 'Clear this slide' }).click();
  await expect(inkPaths(page)).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('the blank board: W opens an empty sheet with pages of its own', async ({ page, watch }) => {
  await openDeck(page, DECK, '#/2/0');
  await page.keyboard.press('w');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await expect(page.locator('.lectern-ink-deck .lectern-ink-board')).toHaveCount(1);
  await stroke(page, [
    [300, 300],
    [600, 320],
  ]);
  await expect(inkPaths(page)).toHaveCount(1);
  const toolbar = page.getByRole('toolbar');
  await expect(toolbar.locator('.lectern-ink-page')).toHaveText('Board 1 / 1');
  await toolbar.getByRole('button', { name: /Next board page/ }).click();
  await expect(inkPaths(page)).toHaveCount(0);
  await stroke(page, [
    [300, 400],
    [600, 420],
  ]);
  await expect(toolbar.locator('.lectern-ink-page')).toHaveText('Board 2 / 2');
  await toolbar.getByRole('button', { name: 'Previous board page' }).click();
  await expect(inkPaths(page)).toHaveCount(1);
  await page.keyboard.press('w');
  await expect(page.locator('.lectern-ink-deck .lectern-ink-board')).toHaveCount(0);
  await expect(inkPaths(page)).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('ink crosses between the deck and the speaker view, both ways, point by point while it is drawn', async ({ page, context, watch }) => {
  await openDeck(page, DECK, '#/3/0');
  const speaker = await context.newPage();
  await openDeck(speaker, DECK, '?view=speaker');
  await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
  await page.bringToFront();
  await page.keyboard.press('d');
  await expect(page.getByRole('toolbar')).toBeVisible();
  const speakerInk = inkPaths(speaker, '.lectern-sv-current .lectern-ink');
  const widthOf = (p: Page) =>
    p
      .locator('.lectern-sv-current .lectern-ink path')
      .last()
      .evaluate((e) => (e as SVGPathElement).getBBox().width);
  // The pen is still down: the speaker view already shows the stroke, and it grows as the hand moves.
  await page.mouse.move(300, 300);
  await page.mouse.down();
  await page.mouse.move(400, 300, { steps: 6 });
  await expect(speakerInk).toHaveCount(1);
  const early = await widthOf(speaker);
  await page.mouse.move(700, 320, { steps: 12 });
  await expect.poll(() => widthOf(speaker)).toBeGreaterThan(early + 200);
  await speaker.screenshot({ path: test.info().outputPath('speaker-mid-stroke.png') });
  await page.mouse.up();
  await expect(speakerInk).toHaveCount(1);
  await expect(inkPaths(page)).toHaveCount(1);

  await speaker.bringToFront();
  await speaker.keyboard.press('d');
  await expect(speaker.getByRole('toolbar')).toBeVisible();
  const box = await speaker.locator('.lectern-sv-current .lectern-sv-screen').boundingBox();
  if (!box) throw new Error('no preview');
  await speaker.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.7);
  await speaker.mouse.down();
  await speaker.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 10 });
  await expect(inkPaths(page)).toHaveCount(2);
  await speaker.mouse.up();
  await expect(inkPaths(page)).toHaveCount(2);
  await expect(speakerInk).toHaveCount(2);
  // After a reload both strokes are there once each (the stroke under way was not stored twice).
  await page.reload();
  await page.waitForSelector(PAGE.readySelector);
  await expect(inkPaths(page)).toHaveCount(2);
  expect(watch.errors).toEqual([]);
});

test('the blank board is shared with the speaker view: opened, drawn on and paged in either window', async ({ page, context, watch }) => {
  await openDeck(page, DECK, '#/2/0');
  const speaker = await context.newPage();
  await openDeck(speaker, DECK, '?view=speaker');
  await page.bringToFront();
  await page.keyboard.press('w');
  const speakerBoard = speaker.locator('.lectern-sv-current .lectern-ink .lectern-ink-board');
  await expect(speakerBoard).toHaveCount(1);
  await stroke(page, [
    [300, 300],
    [600, 320],
  ]);
  await expect(inkPaths(speaker, '.lectern-sv-current .lectern-ink')).toHaveCount(1);
  // The speaker view draws on the board and turns to a new page: the projector follows.
  await speaker.bringToFront();
  await speaker.keyboard.press('d');
  const bar = speaker.getByRole('toolbar');
  await expect(bar.locator('.lectern-ink-page')).toHaveText('Board 1 / 1');
  await bar.getByRole('button', { name: /Next board page/ }).click();
  await expect(page.locator('.lectern-ink-deck .lectern-ink-board')).toHaveCount(1);
  await expect(inkPaths(page)).toHaveCount(0);
  const box = await speaker.locator('.lectern-sv-current .lectern-sv-screen').boundingBox();
  if (!box) throw new Error('no preview');
  await stroke(speaker, [
    [box.x + box.width * 0.3, box.y + box.height * 0.5],
    [box.x + box.width * 0.6, box.y + box.height * 0.5],
  ]);
  await expect(inkPaths(page)).toHaveCount(1);
  // W on the projector closes the board in both windows.
  await page.bringToFront();
  await page.keyboard.press('w');
  await expect(page.locator('.lectern-ink-deck .lectern-ink-board')).toHaveCount(0);
  await expect(speakerBoard).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('L turns the cursor into a laser dot, shown in the speaker view at the same spot of the slide', async ({ page, context, watch }) => {
  await openDeck(page, DECK, '#/3/0');
  const speaker = await context.newPage();
  await openDeck(speaker, DECK, '?view=speaker');
  await page.bringToFront();
  await page.keyboard.press('l');
  expect(await page.evaluate(() => window.lectern?.deck.getIndices().h), 'L no longer moves right').toBe(3);
  await page.mouse.move(640, 360);
  await page.mouse.move(700, 400, { steps: 4 });
  await expect(page.locator(`${PAGE.slides} > .lectern-laser`)).toBeVisible();
  const dot = speaker.locator('.lectern-sv-current .lectern-laser');
  await expect(dot).toBeVisible();
  // Slide coordinates: the dot is where the pointer is on the slide, in both windows.
  const [deckLeft, speakerLeft] = [
    await page.locator(`${PAGE.slides} > .lectern-laser`).evaluate((d) => Number.parseFloat(d.style.left)),
    await dot.evaluate((d) => Number.parseFloat(d.style.left)),
  ];
  expect(Math.abs(deckLeft - speakerLeft)).toBeLessThan(1);
  await page.keyboard.press('l');
  await expect(dot).toBeHidden();
  expect(watch.errors).toEqual([]);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('.lectern-ink-bar').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

const SLUG = 'inked';
const SAVED: Ink = {
  slides: { 'slide-2': [{ tool: 'pen', color: '#e0245e', size: 12, points: [200, 400, 0.5, 600, 400, 0.5, 1000, 400, 0.5] }] },
  board: [],
};

test('a saved ink file: build warns at a bad line, presenting starts with it, reading mode shows it on a toggle, the PDF and the handout print it (not with --no-ink)', async ({
  page,
  watch,
}) => {
  test.setTimeout(180_000);
  const lines = serializeInk(SAVED, SLUG).split('\n');
  // A second stroke, hand-broken: a colour name.
  const bad = lines.findIndex((l) => l.includes('"tool"'));
  lines.splice(bad + 1, 0, '      ,{"tool":"pen","color":"red","size":4,"points":[1,2,0.5]}');
  lines[bad] = lines[bad]?.replace(/,$/, '') ?? '';
  const course = tempCourse({
    // The inked slide has an id of its author's: ink still names it by its number (slide-2).
    [`slides/${SLUG}.md`]:
      '---\ntitle: Inked\n---\n\n# Inked\n\n---\n\n<!-- .slide: id="the-inked" -->\n\n## The inked slide\n\nText under the ink.\n\n---\n\n## The end\n',
    [`slides/${SLUG}.ink.json`]: lines.join('\n'),
  });
  const lectern = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(process.cwd(), 'bin', 'lectern.mjs'), ...args], { cwd: tmpdir() });
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    const built = await lectern('build', course.root);
    expect(`${built.stdout}${built.stderr}`).toContain(`slides/${SLUG}.ink.json:${bad + 2}: warning: ink: stroke left out: \`color\``);
    site = await serve(join(course.root, 'dist'));
    await page.goto(`${site.url}/${SLUG}/?view=read`);
    await page.waitForSelector(PAGE.readySelector);
    const toggle = page.getByRole('button', { name: "Show the lecturer's ink" });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('.lectern-ink-figure path')).toBeHidden();
    await toggle.click();
    await expect(page.locator('.lectern-ink-figure path')).toHaveCount(1);
    await expect(page.locator('.lectern-ink-figure path')).toBeVisible();
    await expect(page.locator('.lectern-ink-figure')).toContainText('Text under the ink.');
    // Presenting starts with it.
    await page.goto(`${site.url}/${SLUG}/#/1/0`);
    await page.waitForSelector(PAGE.readySelector);
    await expect(page.locator('.lectern-ink-deck path')).toHaveCount(1);
    await expect(page.locator('section#the-inked.present')).toHaveCount(1);

    await page.goto(`${site.url}/${SLUG}/${queryFor('slides', false)}`);
    await page.waitForSelector(PAGE.readySelector);
    await expect(page.locator('.lectern-ink-print path')).toHaveCount(1);
    // --no-ink asks the print page for ?ink=0, which prints none.
    await page.goto(`${site.url}/${SLUG}/${queryFor('slides', false, false)}`);
    await page.waitForSelector(PAGE.readySelector);
    await expect(page.locator('.lectern-ink-print')).toHaveCount(0);
    // The handout: over the second slide's stage only.
    await page.goto(`${site.url}/${SLUG}/${queryFor('handout', false)}`);
    await page.waitForSelector(PAGE.readySelector);
    await expect(page.locator('.handout-stage .lectern-ink-print path')).toHaveCount(1);
    await expect(page.locator('.handout-item').nth(1).locator('.lectern-ink-print path')).toBeVisible();
    await page.goto(`${site.url}/${SLUG}/${queryFor('handout', false, false)}`);
    await page.waitForSelector(PAGE.readySelector);
    await expect(page.locator('.lectern-ink-print')).toHaveCount(0);
    await lectern('pdf', course.root, '--no-build', '--slides', '--handout');
    expect(redOnPage(join(course.root, 'dist', 'pdf', `${SLUG}.pdf`), 2)).toBeGreaterThan(200);
    // Two slides a sheet: the inked slide is on the handout's first page.
    expect(redOnPage(join(course.root, 'dist', 'pdf', `${SLUG}-handout.pdf`), 1)).toBeGreaterThan(50);
  } finally {
    await site?.close();
    course.done();
  }
  expect(watch.errors).toEqual([]);
});

/** Pixels of the pen's red on a page of the PDF (rendered by pdftoppm as PPM). */
function redOnPage(pdf: string, n: number): number {
  const out = join(tmpdir(), `ink-${process.pid}`);
  execFileSync('pdftoppm', ['-r', '30', '-f', String(n), '-l', String(n), pdf, out]);
  const file = readdirSync(tmpdir()).find((f) => f.startsWith(`ink-${process.pid}`) && f.endsWith('.ppm'));
  if (!file) throw new Error('pdftoppm wrote nothing');
  const data = readFileSync(join(tmpdir(), file));
  // P6\n<w> <h>\n255\n then RGB bytes.
  let offset = 0;
  for (let fields = 0; fields < 4; offset++) if (data[offset] === 0x0a || data[offset] === 0x20) fields++;
  let red = 0;
  for (let i = offset; i + 2 < data.length; i += 3)
    if ((data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 90 && (data[i + 2] ?? 255) < 140) red++;
  rmSync(join(tmpdir(), file));
  return red;
}
