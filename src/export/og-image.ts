/**
 * A lecture's link preview image: its title slide as a PNG (`dist/og/<slug>.png`, 1200×675), taken from the
 * same print layout the PDF is printed from, so it shows exactly the first page of the PDF.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SLIDE_SIZE } from '../model/page.js';
import { OG_SIZE, ogImageFile } from '../model/site.js';
import { blockOffHost } from './browser.js';
import { PdfExportError, queryFor, waitUntilReady } from './print-page.js';
import { writeAtomically } from './write-atomic.js';

export interface PreviewResult {
  slug: string;
  file: string;
  bytes: number;
  ms: number;
}

export async function writePreviewImage(
  browser: Browser,
  baseUrl: string,
  slug: string,
  distDir: string,
  timeoutMs: number,
): Promise<PreviewResult> {
  const started = performance.now();
  const context = await browser.newContext({
    viewport: { ...SLIDE_SIZE },
    deviceScaleFactor: OG_SIZE.width / SLIDE_SIZE.width,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  await blockOffHost(context, baseUrl);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const url = `${baseUrl}/${slug.split('/').map(encodeURIComponent).join('/')}/${queryFor('slides', false)}`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    if (!response?.ok()) throw new PdfExportError(`${url} answered ${response?.status() ?? 'nothing'}`);
    await waitUntilReady(page, 'slides', timeoutMs, errors);
    const box = await page.locator('.reveal .pdf-page').first().boundingBox();
    if (!box) throw new PdfExportError('the print layout has no first page');
    // Exactly the slide (its page box may be a fraction of a pixel short): 1280×720 CSS px = 1200×675 px.
    const png = await page.screenshot({ clip: { x: box.x, y: box.y, ...SLIDE_SIZE }, animations: 'disabled', timeout: timeoutMs });
    const file = join(distDir, ogImageFile(slug));
    await writeAtomically(file, png);
    return { slug, file, bytes: png.byteLength, ms: Math.round(performance.now() - started) };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new PdfExportError(`${slug} (preview image): ${message}`, { cause: err });
  } finally {
    await context.close();
  }
}
