/**
 * Screenshots every slide of a deck (fragments shown) for a person to look at:
 *   tsx scripts/shots.ts <slug> [--size WxH (default: the slide size)] [--out shots] [--base http://127.0.0.1:4173]
 * Needs a built site served (npm run build && npx vite preview).
 */

import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { launchOptions } from '../src/export/browser.js';
import { DIAGRAM, PAGE, SLIDE_SIZE } from '../src/model/page.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: `${SLIDE_SIZE.width}x${SLIDE_SIZE.height}` },
    out: { type: 'string', default: 'shots' },
    base: { type: 'string', default: 'http://127.0.0.1:4173' },
    query: { type: 'string', default: '?transition=none' },
  },
});
const [width, height] = values.size.split('x').map(Number);
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: width ?? SLIDE_SIZE.width, height: height ?? SLIDE_SIZE.height } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
for (const slug of positionals) {
  mkdirSync(values.out, { recursive: true });
  await page.goto(`${values.base}/${encodeURI(slug)}/${values.query}`);
  await page.waitForSelector(PAGE.readySelector);
  const total = await page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
  for (let i = 0; i < total; i++) {
    await page.evaluate((n) => {
      const deck = window.lectern?.deck;
      if (!deck) return;
      const slides = deck.getSlides();
      const s = slides[n];
      if (!s) return;
      const idx = deck.getIndices(s);
      deck.slide(idx.h, idx.v, Number.MAX_SAFE_INTEGER);
    }, i);
    await page.waitForFunction(
      (figure) =>
        [...document.querySelectorAll(`.present ${figure}`)].every(
          (f) => (f as HTMLElement).dataset.state === 'rendered' || (f as HTMLElement).dataset.state === 'error',
        ),
      DIAGRAM.selector,
    );
    await page.evaluate(() => {
      const deck = window.lectern?.deck;
      const { h, v } = deck?.getIndices() ?? { h: 0, v: 0 };
      deck?.slide(h, v, Number.MAX_SAFE_INTEGER);
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    await page.screenshot({ path: `${values.out}/${slug}-${String(i + 1).padStart(2, '0')}.png` });
  }
  console.log(`${slug}: ${total} slides -> ${values.out}/`);
}
await browser.close();
