import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { exportPdf } from '../src/export/pdf';
import { serve } from '../src/export/serve';
import { buildSite } from '../src/export/site';
import { PAGE, printQuery, WALK } from '../src/model/page';
import { expect, test } from './fixtures';
import { tempCourse } from './temp-course';

/**
 * Code walkthroughs as a lecturer steps through them: which lines are lit and which dimmed, forwards and backwards,
 * in the speaker view, the overview, the PDF with --fragments, and reading mode; a range past the end is a warning.
 */
const DECK = [
  '---',
  'title: Walkthroughs',
  '---',
  '',
  '# Walkthroughs',
  '',
  '---',
  '',
  '## Sorting',
  '',
  '::: fragment',
  'First, the data.',
  ':::',
  '',
  '```js {1|3-4|6}',
  'const xs = [3, 1, 2];',
  '',
  'const sorted = [...xs]',
  '  .sort((a, b) => a - b);',
  '',
  'console.log(sorted);',
  '```',
  '',
  '---',
  '',
  '## Numbered',
  '',
  '```python [1|2-3]',
  'def mean(xs):',
  '    total = sum(xs)',
  '    return total / len(xs)',
  '```',
  '',
  '---',
  '',
  '## Raw reveal.js',
  '',
  '<pre><code class="language-js" data-trim data-line-numbers="|2">',
  'let a = 1;',
  'let b = a + 1;',
  '</code></pre>',
  '',
  '---',
  '',
  '## Too far',
  '',
  '```js {1|9}',
  "only('one line');",
  '```',
];
const TOO_FAR_LINE = DECK.indexOf('```js {1|9}') + 1;

/** Lit (full opacity) or dimmed, per line of the walkthrough under `root`, as a viewer sees it. */
const lit = (root: Locator) =>
  root.locator(`${WALK.selector} .line`).evaluateAll((lines) => lines.map((l) => Number(getComputedStyle(l).opacity) > 0.9));

const G1 = [true, false, false, false, false, false];
const G2 = [false, false, true, true, false, false];
const G3 = [false, false, false, false, false, true];

// One build of the course for every test here: the tests run in order in one worker.
test.describe.configure({ mode: 'default' });

let course: ReturnType<typeof tempCourse>;
let server: Awaited<ReturnType<typeof serve>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  course = tempCourse({ 'slides/walk.md': DECK.join('\n') });
  await buildSite(course.root, { quiet: true });
  server = await serve(`${course.root}/dist`);
});

test.afterAll(async () => {
  await server?.close();
  course?.done();
});

async function open(page: Page, query = '', hash = ''): Promise<void> {
  // No fade between steps: what is read is the step's state, not a frame of its transition.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${server.url}/walk/${query}${hash}`);
  await page.waitForSelector(PAGE.readySelector);
}

test('→ lights each group in turn and dims the rest, ← goes back step by step', async ({ page }) => {
  await open(page, '?transition=none', '#/slide-2');
  const slide = page.locator('section.present');
  const said = slide.getByText('First, the data.');
  // The first group shows with the slide; the fragment before the code comes first, as it is written.
  await expect.poll(() => lit(slide)).toEqual(G1);
  await expect(said).toBeHidden();
  const forward = [G1, G2, G3];
  for (const want of forward) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lit(slide)).toEqual(want);
    await expect(said).toBeVisible();
  }
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section.present h2')).toHaveText('Numbered');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('section.present h2')).toHaveText('Sorting');
  for (const want of [G3, G2, G1]) {
    await expect.poll(() => lit(slide)).toEqual(want);
    await page.keyboard.press('ArrowLeft');
  }
  await expect(said).toBeHidden();
  await expect.poll(() => lit(slide)).toEqual(G1);
  // No line numbers unless asked for (Slidev's convention).
  const before = await slide
    .locator('.line')
    .first()
    .evaluate((l) => getComputedStyle(l, '::before').content);
  expect(before).toBe('none');
});

test("reveal's [1|2-3] and raw data-line-numbers are numbered; an empty first group lights every line", async ({ page }) => {
  await open(page, '?transition=none', '#/slide-3');
  const slide = page.locator('section.present');
  await expect.poll(() => lit(slide)).toEqual([true, false, false]);
  const numbers = await slide.locator('.line').evaluateAll((lines) =>
    lines.map((l) => {
      const n = getComputedStyle(l, '::before');
      return { content: n.content, width: Number.parseFloat(n.width) };
    }),
  );
  for (const n of numbers) {
    expect(n.content).toContain(WALK.counter);
    expect(n.width).toBeGreaterThan(5);
  }
  // The numbers are drawn, not text: copying the code takes the code only.
  expect(await slide.locator('code').textContent()).toBe('def mean(xs):\n    total = sum(xs)\n    return total / len(xs)');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lit(slide)).toEqual([false, true, true]);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section.present h2')).toHaveText('Raw reveal.js');
  await expect.poll(() => lit(slide)).toEqual([true, true]);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lit(slide)).toEqual([false, true]);
});

test('the speaker view previews and the overview show the step the deck is at', async ({ page, context }) => {
  await open(page, '?transition=none', '#/1/0/1');
  const slide = page.locator('section.present');
  await expect.poll(() => lit(slide)).toEqual(G2);
  const speaker = await context.newPage();
  await open(speaker, '?view=speaker');
  await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
  await expect.poll(() => lit(speaker.locator('.lectern-sv-current'))).toEqual(G2);
  await expect.poll(() => lit(speaker.locator('.lectern-sv-next'))).toEqual(G3);
  await page.bringToFront();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => lit(speaker.locator('.lectern-sv-current'))).toEqual(G1);
  await expect.poll(() => lit(speaker.locator('.lectern-sv-next'))).toEqual(G2);
  await page.keyboard.press('o');
  await expect(page.locator('.reveal.overview')).toBeVisible();
  await expect.poll(() => lit(page.locator('.reveal.overview section.present'))).toEqual(G1);
});

test('--fragments prints a page per step, each with its own lines lit; the code is in each page once', async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  await page.goto(`${server.url}/walk/${printQuery('slides', true)}`);
  await page.waitForSelector(PAGE.readySelector);
  await page.waitForSelector('.reveal.ready .pdf-page');
  const pages = page.locator('.pdf-page', { hasText: 'Sorting' });
  await expect(pages).toHaveCount(4);
  const states = [];
  for (let i = 0; i < 4; i++) states.push(await lit(pages.nth(i)));
  expect(states).toEqual([G1, G1, G2, G3]);
  // Without --fragments, a slide prints as it is after its last step.
  await page.goto(`${server.url}/walk/${printQuery('slides', false)}`);
  await page.waitForSelector(PAGE.readySelector);
  await page.waitForSelector('.reveal.ready .pdf-page');
  await expect(page.locator('.pdf-page', { hasText: 'Sorting' })).toHaveCount(1);
  expect(await lit(page.locator('.pdf-page', { hasText: 'Sorting' }))).toEqual(G3);

  const [result] = await exportPdf({ baseUrl: server.url, slugs: ['walk'], fragments: true, outDir: info.outputPath('pdf'), browser });
  const doc = await getDocument({ data: new Uint8Array(await readFile(result?.file ?? '')), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  // title 1 + sorting 4 + numbered 2 + raw 2 + too far 2
  expect(texts).toHaveLength(11);
  const sorting = texts.filter((t) => t.includes('Sorting'));
  expect(sorting).toHaveLength(4);
  for (const t of sorting) expect(t.split('console.log').length - 1).toBe(1);
});

test('reading mode and the handout show the code once, every line lit, each group marked with its number', async ({ page }) => {
  await open(page, '?view=read');
  const walk = page.locator(WALK.selector).first();
  await walk.scrollIntoViewIfNeeded();
  expect(await lit(page.locator('section').filter({ has: page.getByRole('heading', { name: 'Sorting' }) }))).toEqual(G1.map(() => true));
  const marks = await walk.locator('.line').evaluateAll((lines) =>
    lines.map((l) => ({
      bar: getComputedStyle(l).boxShadow !== 'none',
      label: getComputedStyle(l, '::after').content,
    })),
  );
  expect(marks.map((m) => m.bar)).toEqual([true, false, true, true, false, true]);
  expect(marks.map((m) => m.label.match(/"(\d)"/)?.[1] ?? '')).toEqual(['1', '', '2', '', '', '3']);
  // The handout, made to annotate, shows it the same way.
  await open(page, '?view=handout');
  const handout = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Sorting' }) });
  expect(await lit(handout)).toEqual(G1.map(() => true));
  expect(await handout.locator('.line').evaluateAll((ls) => ls.map((l) => getComputedStyle(l).boxShadow !== 'none'))).toEqual(
    marks.map((m) => m.bar),
  );
});

test('a range past the end: a file:line warning with a hint from `lectern check`, the deck whole', async ({ page }) => {
  test.setTimeout(120_000);
  const lectern = join(process.cwd(), 'bin', 'lectern.mjs');
  const out = await promisify(execFile)('node', [lectern, 'check', '--no-browser', '--json'], { cwd: course.root })
    .catch((e: { stdout: string; stderr: string }) => e)
    .then((r) => r.stdout);
  const found = (JSON.parse(out) as { diagnostics?: { code: string; file: string; line: number; hint?: string }[] }).diagnostics ?? [];
  expect(found.filter((d) => d.code === 'code-line-range').map((d) => `${d.file}:${d.line}`)).toEqual([`slides/walk.md:${TOO_FAR_LINE}`]);
  expect(found.find((d) => d.code === 'code-line-range')?.hint).toContain('1-1');
  await open(page, '?transition=none', '#/slide-5');
  await expect(page.locator('section.present code')).toHaveText("only('one line');");
  expect(await page.locator(PAGE.slides).locator(':scope > section').count()).toBe(5);
});
