import { renameSync, rmSync } from 'node:fs';
import { DIAGRAM, PAGE } from '../src/model/page';
import { devServerFor } from './dev-server';
import { devPort, expect, test } from './fixtures';

/**
 * On a dev server of its own: a deck deleted or renamed while it runs (the server and the other decks
 * keep working), and an untrusted deck (`html: false`) whose scripts never run.
 */
const PORT = devPort(15);
const UNTRUSTED_DECK = `---
title: Untrusted
html: false
---

# Untrusted <!-- .element: onclick="window.pwned = 'element'" -->

<script>window.pwned = 'script'</script>

<img src="x" alt="x" onerror="window.pwned = 'onerror'">

<a href="javascript:window.pwned = 'raw link'">raw link</a> and [markdown link](javascript:window.pwned='md')

---

<!-- .slide: data-background-iframe="https://example.org/" onmouseover="window.pwned = 'slide'" -->

## Diagram links

\`\`\`mermaid caption="Clicks"
flowchart LR
  a[Start] --> b[End]
  click a "javascript:window.pwned = 'mermaid href'"
  click b call eval("window.pwned = 'mermaid call'")
\`\`\`
`;

const dev = devServerFor(
  PORT,
  {
    'zz-bad-input-test.md': '---\ntitle: Going away\n---\n\n# One\n\n---\n\n## Two\n\nStill here.\n',
    'zz-untrusted-test.md': UNTRUSTED_DECK,
  },
  ['slides/demo.md', 'assets'], // the deck that keeps working, and what it uses
);
const FILE = dev.deckFile('zz-bad-input-test.md');
const RENAMED = dev.deckFile('zz-bad-input-renamed.md');
const BASE = dev.base;

test('html: false — no script, event handler or javascript: link reaches the page; Mermaid runs strict', async ({ page }) => {
  await page.goto(`${BASE}/zz-untrusted-test/`);
  await page.waitForSelector(PAGE.readySelector);
  for (const n of [0, 1]) {
    await page.evaluate((h) => window.lectern?.deck.slide(h, 0), n);
    await page.waitForFunction(
      (figure) => [...document.querySelectorAll<HTMLElement>(`section.present ${figure}`)].every((f) => f.dataset.state === 'rendered'),
      DIAGRAM.selector,
    );
    for (const el of await page.locator('section.present a, section.present h1, section.present .node').all())
      await el.click({ force: true }).catch(() => {});
    await page.locator('section.present').hover();
  }
  const found = await page.evaluate((slidesSelector) => {
    const slides = document.querySelector(slidesSelector);
    const all = [...(slides?.querySelectorAll('*') ?? [])];
    return {
      pwned: (window as unknown as { pwned?: string }).pwned ?? null,
      scripts: slides?.querySelectorAll('script, iframe').length ?? -1,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
      jsLinks: all.filter((e) => /javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? '')).length,
      shownAsText: slides?.textContent?.includes("<script>window.pwned = 'script'</script>") ?? false,
      iframes: document.querySelectorAll('iframe').length,
    };
  }, PAGE.slides);
  expect(found).toEqual({ pwned: null, scripts: 0, handlers: [], jsLinks: 0, shownAsText: true, iframes: 0 });
  // Not in the served page either, before any script of ours runs.
  const html = await (await page.request.get(`${BASE}/zz-untrusted-test/`)).text();
  const served = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const all = [...doc.querySelectorAll('.reveal *')];
    return (
      all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => a.name))
        .length + doc.querySelectorAll('.reveal script').length
    );
  }, html);
  expect(served).toBe(0);
});

test('renaming then deleting the open deck: the page stays, the server and other decks keep working', async ({ page, watch }) => {
  await page.goto(`${BASE}/zz-bad-input-test/#/slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 7; // survives only if the page does not reload
  });
  const gone = page.evaluate(() => new Promise<void>((done) => document.addEventListener('lectern:gone', () => done(), { once: true })));

  renameSync(FILE, RENAMED);
  await gone;
  await expect(page.locator('section.present')).toContainText('Still here.');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);

  await expect.poll(async () => (await page.request.get(`${BASE}/zz-bad-input-renamed/`)).status()).toBe(200);
  expect((await page.request.get(`${BASE}/zz-bad-input-test/`)).status()).toBe(404);
  const list = await (await page.request.get(`${BASE}/`)).text();
  expect(list).toContain('zz-bad-input-renamed');
  expect(list).not.toContain('zz-bad-input-test');

  rmSync(RENAMED);
  await expect.poll(async () => (await page.request.get(`${BASE}/zz-bad-input-renamed/`)).status()).toBe(404);

  const other = await page.context().newPage();
  await other.goto(`${BASE}/demo/`);
  await other.waitForSelector(PAGE.readySelector);
  expect(await other.evaluate(() => window.lectern?.deck.getTotalSlides())).toBeGreaterThan(1);
  expect(watch.errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
});
