import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { serve } from '../src/export/serve';
import { DIAGRAM, FONT_FAMILY, PAGE } from '../src/model/page';
import { UI_STRINGS } from '../src/model/ui-strings';
import { expect, test } from './fixtures';
import { embeddedFonts } from './pdf-fonts';

/**
 * A lecturer's own course in a folder of its own: `lectern build DIR` and `lectern pdf DIR`, run from
 * elsewhere, give a working deck and a PDF in DIR/dist, and write nothing into this checkout.
 */
const CHECKOUT = process.cwd();
const LECTERN = join(CHECKOUT, 'bin', 'lectern.mjs');
const SLUG = `my-course-${process.pid}`; // in font subset names: a trace of it in the checkout would be found
const DECK = `---
title: 我的课程 My course
lang: zh
---

# 第一讲：导论

Welcome — 欢迎。 $e^{i\\pi} + 1 = 0$

![A square](../assets/square.svg)

---

## Steps

- first <!-- .element: class="fragment" -->
- second <!-- .element: class="fragment" -->

---

## A diagram

\`\`\`mermaid caption="Flow"
flowchart LR
  a[输入] --> b[Output]
\`\`\`

---

## The end

Note: Thank the audience.
`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#36c"/></svg>';

/** Files under `dir` changed since `since` (ms), as checkout-relative paths, leaving out what other specs write. */
function writtenSince(dir: string, since: number, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(CHECKOUT, path);
    if (['.git', 'dist', 'test-results', 'playwright-report'].includes(rel)) continue;
    // Other specs run `npm run pdf` in the checkout, which may refresh its own bundle and temporaries.
    if (/^node_modules[/\\]\.cache[/\\](lectern[/\\]cli[/\\](pdf|check)-|lectern-pdf-)/.test(rel)) continue;
    if (rel === 'node_modules') {
      for (const cache of ['.vite', '.cache']) if (existsSync(join(path, cache))) writtenSince(join(path, cache), since, out);
      continue;
    }
    if (entry.isDirectory()) writtenSince(path, since, out);
    else if (statSync(path).mtimeMs >= since || entry.name.includes(SLUG)) out.push(rel);
  }
  return out;
}

test('lectern build and lectern pdf of a course folder elsewhere: a working deck, its PDF, nothing written here', async ({
  page,
  watch,
}) => {
  test.setTimeout(180_000);
  const course = mkdtempSync(join(tmpdir(), 'lectern-course-'));
  const started = Date.now() - 1;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    mkdirSync(join(course, 'slides'));
    mkdirSync(join(course, 'assets'));
    writeFileSync(join(course, 'slides', `${SLUG}.md`), DECK);
    writeFileSync(join(course, 'assets', 'square.svg'), SVG);
    const lectern = (...args: string[]) => promisify(execFile)(process.execPath, [LECTERN, ...args], { cwd: tmpdir() });

    await lectern('build', course);
    expect(existsSync(join(course, 'dist', SLUG, 'index.html'))).toBe(true);
    const { stdout } = await lectern('pdf', course);
    expect(stdout).toContain(`dist/pdf/${SLUG}.pdf  (4 pages`);

    const pdf = await PDFDocument.load(readFileSync(join(course, 'dist', 'pdf', `${SLUG}.pdf`)));
    expect(pdf.getPageCount()).toBe(4);
    expect(pdf.getTitle()).toBe('我的课程 My course');
    const fonts = await embeddedFonts(pdf);
    expect(
      fonts.some((f) => /NotoSansSC/.test(f)),
      fonts.join(' '),
    ).toBe(true);
    expect(
      fonts.some((f) => /KaTeX/.test(f)),
      fonts.join(' '),
    ).toBe(true);

    site = await serve(join(course, 'dist'));
    await page.goto(`${site.url}/`);
    await expect(page.locator('.deck-card', { hasText: '我的课程 My course' })).toContainText(`4 ${UI_STRINGS.zh.home.slides}`);
    await page.goto(`${site.url}/${SLUG}/`);
    await page.waitForSelector(PAGE.readySelector);
    expect(await page.evaluate(() => window.lectern?.deck.getTotalSlides())).toBe(4);
    await expect(page.locator('section.present h1')).toHaveText('第一讲：导论');
    await expect(page.locator('section.present .katex')).toBeVisible();
    expect(await page.locator('section.present img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
    const cjk = await page.evaluate(async (family) => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.includes(family) && f.status === 'loaded').length;
    }, FONT_FAMILY);
    expect(cjk).toBeGreaterThan(0);
    await page.evaluate(() => window.lectern?.deck.slide(2, 0));
    const figure = page.locator(`section.present ${DIAGRAM.selector}`);
    await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
    await expect(figure.locator('svg')).toContainText('输入');
    expect(watch.errors).toEqual([]);

    expect(writtenSince(CHECKOUT, started)).toEqual([]);
  } finally {
    await site?.close();
    rmSync(course, { recursive: true, force: true });
  }
});
