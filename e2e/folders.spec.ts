import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkSiteLinks } from '../src/check/site-links';
import { serve } from '../src/export/serve';
import { FONT_FAMILY, PAGE } from '../src/model/page';
import { expect, test } from './fixtures';
import { solidPng, tempCourse } from './temp-course';

/**
 * A course kept in folders, as a semester grows: `slides/part-1/…` is a section of the home and the
 * deck's address follows its path; a deck folder (`slides/lec1/slides.md` + `figs/`, reveal-md's layout)
 * is one deck at `/lec1/`. Built with `lectern build DIR` from elsewhere, served as a static site.
 */
const REPO = process.cwd();
const deck = (title: string, slides: string[]) => `---\ntitle: ${title}\n---\n\n# ${title}\n\n---\n\n${slides.join('\n\n---\n\n')}\n`;
let course: ReturnType<typeof tempCourse>;
let site: Awaited<ReturnType<typeof serve>> | undefined;

const lectern = (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(REPO, 'bin', 'lectern.mjs'), ...args], { cwd: tmpdir(), maxBuffer: 16 * 1024 * 1024 });

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(240_000);
  course = tempCourse({
    'lectern.yml': 'title: Folders course\nsections:\n  part-2: "Part two: circuits"\n',
    'slides/welcome.md': deck('Welcome', ['## Plan\n\nStart with [the first lecture](part-1/01-intro.md).']),
    'slides/part-1/01-intro.md': deck('Intro', [
      '## Links\n\n[Induction heads](../part-2/induction.md#slide-2) and {% post_link attention %}\n\nNote: quokkaterm only in the notes',
    ]),
    'slides/part-1/02-attention.md': deck('Attention', ['## 注意力\n\n归纳头 zebraterm']),
    'slides/part-2/induction.md': deck('Induction', ['## Heads\n\nplatypusterm and [back to the intro](/part-1/01-intro/)']),
    'slides/lec1/slides.md': deck('Lecture one', ['## A figure\n\n![A blue square](figs/blue.png)']),
    'slides/lec1/figs/blue.png': solidPng(40, 40, [0x33, 0x66, 0xcc]),
    'slides/lec1/figs/README.md': 'Not a deck: a file of the deck folder lec1.',
  });
  const built = await lectern('build', course.root);
  // Every link resolved: no warning about a deck link or a post_link.
  expect(`${built.stdout}${built.stderr}`).not.toMatch(/post_link|link to deck/);
  site = await serve(join(course.root, 'dist'));
});
test.afterAll(async () => {
  await site?.close();
  course?.done();
});

test('the home shows each folder as a section, titled from lectern.yml or the folder name, in course order', async ({ page, watch }) => {
  await page.goto(`${site?.url}/`);
  // Folders listed in lectern.yml's sections: come first, in that order; the others by name.
  await expect(page.locator('h2')).toHaveText(['Part two: circuits', 'Part 1']);
  const hrefs = await page.locator('.lecture-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(['./lec1/', './welcome/', './part-2/induction/', './part-1/01-intro/', './part-1/02-attention/']);
  // A term of a deck in a folder, from its notes: the result opens that slide in reading mode at its address.
  await page.getByRole('searchbox').fill('quokkaterm');
  await page.locator('.search-hit').first().click();
  await page.waitForSelector(PAGE.readySelector);
  expect(new URL(page.url()).pathname).toBe('/part-1/01-intro/');
  await expect(page.locator('#slide-2')).toBeInViewport();
  expect(watch.errors).toEqual([]);
});

test('a deck in a folder loads its code, fonts and figures, and links to decks in other folders', async ({ page, watch }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(r.url());
  });
  await page.goto(`${site?.url}/lec1/`);
  await page.waitForSelector(PAGE.readySelector);
  await page.keyboard.press('ArrowRight');
  const img = page.locator('section.present img');
  await expect(img).toBeVisible();
  expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(40);

  await page.goto(`${site?.url}/part-1/01-intro/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  expect(await page.evaluate((family) => document.fonts.check(`16px "${family}"`, '注意力'), FONT_FAMILY)).toBe(true);
  const links = page.locator('section.present a');
  await expect(links).toHaveCount(2);
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    '../../part-2/induction/#slide-2',
    '../../part-1/02-attention/',
  ]);
  await links.first().click();
  await page.waitForSelector(PAGE.readySelector);
  expect(new URL(page.url()).pathname).toBe('/part-2/induction/');
  await expect(page.locator('section.present')).toContainText('platypusterm');
  expect(failed).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('previous and next cross folders in course order, in reading mode and the speaker view opens', async ({ page, watch }) => {
  await page.goto(`${site?.url}/part-1/01-intro/?view=read`);
  await page.waitForSelector(PAGE.readySelector);
  const nav = page.locator('.lectern-rfooter .lectern-lecture-nav');
  await expect(nav.locator('a[rel="prev"]')).toContainText('Induction');
  await expect(nav.locator('a[rel="next"]')).toContainText('Attention');
  await page.goto(`${site?.url}/welcome/?view=read`);
  await page.waitForSelector(PAGE.readySelector);
  await nav.locator('a[rel="next"]').click();
  await page.waitForSelector(PAGE.readySelector);
  expect(page.url()).toMatch(/\/part-2\/induction\/\?view=read(#slide-1)?$/);
  await nav.locator('a[rel="next"]').click();
  await page.waitForSelector(PAGE.readySelector);
  expect(page.url()).toMatch(/\/part-1\/01-intro\/\?view=read(#slide-1)?$/);
  await page.goto(`${site?.url}/part-2/induction/?view=speaker`);
  await expect(page.locator('.lectern-sv-current')).toBeVisible();
  expect(watch.errors).toEqual([]);
});

test('the site link check passes, and PDFs of a deck in a folder go into that folder and are linked', async ({ page }) => {
  test.setTimeout(240_000);
  expect(checkSiteLinks(join(course.root, 'dist')).problems).toEqual([]);
  const out = await lectern('pdf', course.root, 'part-2/induction', '--handout', '--slides');
  expect(out.stdout).toContain('part-2/induction');
  for (const file of ['part-2/induction.pdf', 'part-2/induction-handout.pdf'])
    expect(existsSync(join(course.root, 'dist', 'pdf', file)), file).toBe(true);
  await page.goto(`${site?.url}/`);
  const pdfs = await page.locator('a[href*="pdf/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(pdfs.sort()).toEqual(['./pdf/part-2/induction-handout.pdf', './pdf/part-2/induction.pdf']);
  for (const href of pdfs) expect((await page.request.get(`${site?.url}/${href?.slice(2)}`)).ok(), href ?? '').toBe(true);
});
