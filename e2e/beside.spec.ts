import { serve } from '../src/export/serve';
import { buildSite } from '../src/export/site';
import { PAGE } from '../src/model/page';
import { expect, test } from './fixtures';
import { solidPng, tempCourse } from './temp-course';

/**
 * A course laid out as other tools lay it out: pictures in a folder beside the deck, named relative to it,
 * as reveal.js backgrounds, lazy media and raw HTML. The built site has every one of them.
 */
const DECK = [
  '---',
  'title: Beside',
  'dialect: reveal',
  '---',
  '<!-- .slide: data-background-image="figs/red.png" data-background-size="cover" -->',
  '# Red background',
  '',
  '---',
  '## Raw HTML',
  '',
  '<img src="./figs/blue.png" alt="blue square" width="120">',
  '',
  '<img data-src="../assets/green.png" alt="green square" width="120">',
].join('\n');

test('backgrounds, lazy media and raw <img> beside the deck are in the built site', async ({ page }) => {
  test.setTimeout(240_000);
  const course = tempCourse({
    'slides/beside.md': DECK,
    'slides/figs/red.png': solidPng(32, 18, [200, 30, 30]),
    'slides/figs/blue.png': solidPng(16, 16, [30, 30, 200]),
    'assets/green.png': solidPng(16, 16, [30, 160, 60]),
  });
  await buildSite(course.root, { quiet: true });
  const server = await serve(`${course.root}/dist`);
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(`${server.url}/beside/`);
    await page.waitForSelector(PAGE.readySelector);
    // The background is drawn: reveal's background layer shows the red picture.
    const background = page.locator('.reveal .backgrounds .slide-background.present .slide-background-content');
    await expect.poll(() => background.evaluate((b) => getComputedStyle(b).backgroundImage)).toContain('red');
    const red = await page.evaluate(async () => {
      const el = document.querySelector('.reveal .backgrounds .slide-background.present .slide-background-content') as HTMLElement;
      const url = /url\("?(.*?)"?\)/.exec(getComputedStyle(el).backgroundImage)?.[1] ?? '';
      const img = new Image();
      img.src = url;
      await img.decode();
      return img.naturalWidth;
    });
    expect(red).toBe(32);
    await page.keyboard.press('ArrowRight');
    for (const alt of ['blue square', 'green square']) {
      const img = page.locator(`section.present img[alt="${alt}"]`);
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(16);
    }
    expect(failed).toEqual([]);
  } finally {
    await server.close();
    course.done();
  }
});
