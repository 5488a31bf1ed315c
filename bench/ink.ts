/**
 * Drawing latency: from a pointer event to the frame that shows it. The page's ink surface reports, for
 * each pointermove it drew, `performance.now() - event.timeStamp` at the animation frame that put the new
 * path in place (window.lecternInkProbe, src/runtime/ink-surface.ts). Strokes are drawn by Chromium's input
 * pipeline (Playwright's mouse), on the lecture's fourth slide, 1280×720.
 */
import type { Browser } from 'playwright-core';
import { PAGE, SLIDE_SIZE } from '../src/model/page.js';
import { serveDir } from './browser.js';

export interface InkRun {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

export async function inkLatency(browser: Browser, dist: string, slug: string, strokes: number): Promise<InkRun> {
  const site = await serveDir(dist);
  const context = await browser.newContext({ viewport: { ...SLIDE_SIZE } });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/${slug}/#/3`);
    await page.waitForSelector(PAGE.readySelector);
    await page.evaluate(() => {
      const w = window as unknown as { inkSamples: number[] };
      w.inkSamples = [];
      window.lecternInkProbe = (ms) => w.inkSamples.push(ms);
    });
    await page.keyboard.press('d');
    await page.waitForSelector('.lectern-ink-bar:not([hidden])');
    for (let i = 0; i < strokes; i++) {
      const y = 150 + ((i * 37) % 450);
      await page.mouse.move(150, y);
      await page.mouse.down();
      // A stroke of 60 moves across the slide, as a hand writes a word.
      for (let k = 1; k <= 60; k++) await page.mouse.move(150 + k * 16, y + Math.sin(k / 4) * 30);
      await page.mouse.up();
    }
    const samples = await page.evaluate(() => (window as unknown as { inkSamples: number[] }).inkSamples);
    return { samples: samples.length, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95) };
  } finally {
    await context.close();
    await site.close();
  }
}
