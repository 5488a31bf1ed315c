import type { Browser, BrowserContext, Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DIAGRAM, PAGE, SLIDE_SIZE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { diagramsOnCurrentSlide } from './slides';

/**
 * A hall with no network: presenting, reading and the PDF give the same result with every request
 * outside localhost aborted (the fixtures' `page`) as in a browser with no blocking at all.
 */
const DECK = 'reasoning-origins';

interface Seen {
  presenting: string;
  diagrams: string[];
  reading: string;
  pdf: string[];
}

async function pdfText(page: Page): Promise<string[]> {
  await openDeck(page, DECK, '?view=print&margin=0&pdfMaxPagesPerSlide=1');
  await page.waitForFunction(
    () => document.querySelector('.reveal .pdf-page') && !document.querySelector('.reveal-viewport.loading-scroll-mode'),
  );
  const bytes = await page.pdf({ width: `${SLIDE_SIZE.width}px`, height: `${SLIDE_SIZE.height}px`, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  return pages;
}

async function look(page: Page): Promise<Seen> {
  await openDeck(page, DECK, '?transition=none');
  const slides = await page.evaluate(() => (window.lectern?.deck.getSlides() ?? []).map((s) => window.lectern?.deck.getIndices(s)));
  for (const idx of slides) {
    await page.evaluate(({ h, v }) => window.lectern?.deck.slide(h, v, Number.MAX_SAFE_INTEGER), { h: idx?.h ?? 0, v: idx?.v ?? 0 });
    await diagramsOnCurrentSlide(page);
  }
  const presenting = await page.locator(PAGE.slides).innerText();
  const diagrams = await page.$$eval(`${DIAGRAM.selector}`, (figs) =>
    figs.map((f) => `${(f as HTMLElement).dataset.state} ${f.querySelectorAll('svg g.node').length} nodes`),
  );
  await openDeck(page, DECK, '?view=read');
  const reading = await page.locator('main').innerText();
  return { presenting, diagrams, reading, pdf: await pdfText(page) };
}

async function unblocked(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { ...SLIDE_SIZE } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, requests };
}

test('presenting, reading and the PDF are the same with the network outside localhost cut off', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const offline = await look(page);
  const open = await unblocked(browser, baseURL ?? '');
  try {
    const online = await look(open.page);
    expect(offline.diagrams.every((d) => d.startsWith('rendered'))).toBe(true);
    expect(offline).toEqual(online);
    expect(offline.pdf.join('').length).toBeGreaterThan(1000);
    // Without blocking, nothing was asked of the network either.
    expect(open.requests.filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/.test(u))).toEqual([]);
  } finally {
    await open.context.close();
  }
});
