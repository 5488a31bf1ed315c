import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { exportPdf, PdfExportError } from '../src/export/pdf';
import { serve } from '../src/export/serve';
import { buildSite } from '../src/export/site';
import { PAGE } from '../src/model/page';
import { expect, test } from './fixtures';
import { solidPng, tempCourse } from './temp-course';

/** Images far down a deck: every export waits for them; an image that fails is an error, never a blank. */

const slides = (image: string) =>
  [
    '---\ntitle: Pictures\nauthor: A. Lecturer\ntags: [optimisation, ML]\n---\n\n# Pictures',
    ...Array.from({ length: 30 }, (_, i) => `## Slide ${i + 2}\n\nText ${i + 2}.\n\nNote: notes ${i + 2}.`),
    `## Far down\n\n![a red square](../assets/${image})\n\nNote: the picture.`,
  ].join('\n\n---\n\n');

/** Pages (1-based) that paint a raster image, via pdf.js. */
async function pagesWithImages(file: string): Promise<number[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;
  const out: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    if (ops.fnArray.some((f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject)) out.push(n);
  }
  return out;
}

test.describe.configure({ mode: 'serial' });

test('the handout and the slides print an image on the last slide; keywords come from tags; nothing leaves the host', async () => {
  test.setTimeout(180_000);
  // A picture from the internet in a slide's raw HTML: a hall has no internet, and the export asks for none.
  const offHost = 'http://offhost.example/bg.png';
  const deck = slides('red.png').replace('Text 5.', `Text 5.\n\n<div style="width:40px;height:40px;background:url(${offHost})"></div>`);
  const course = tempCourse({ 'slides/pictures.md': deck, 'assets/red.png': solidPng(64, 48, [200, 30, 30]) });
  try {
    // exportPdf's own browser (as `npm run pdf` runs it): its pages share a cache, the network is blocked at launch.
    const results = await exportPdf({ root: course.root, kinds: ['slides', 'handout'] });
    for (const r of results) expect(r.warnings).toContain(`blocked 1 request(s) outside the site, e.g. ${offHost}`);
    const [slidesPdf, handout] = results;
    expect(await pagesWithImages(slidesPdf?.file ?? '')).toEqual([32]);
    // Two slides a sheet: slide 32 is on sheet 16.
    expect(await pagesWithImages(handout?.file ?? '')).toEqual([16]);
    const pdf = await PDFDocument.load(await readFile(slidesPdf?.file ?? ''), { updateMetadata: false });
    expect(pdf.getKeywords()?.split(/\s+/)).toEqual(expect.arrayContaining(['optimisation', 'ML']));
  } finally {
    course.done();
  }
});

test('print views are ready only once every image is in, however slowly it arrives', async ({ page }) => {
  test.setTimeout(180_000);
  const course = tempCourse({ 'slides/pictures.md': slides('red.png'), 'assets/red.png': solidPng(64, 48, [200, 30, 30]) });
  const server = await (async () => {
    await buildSite(course.root);
    return serve(`${course.root}/dist`);
  })();
  try {
    await page.route(/red.*\.png$/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.continue();
    });
    for (const view of ['handout', 'print']) {
      await page.goto(`${server.url}/pictures/?view=${view}`);
      await page.waitForSelector(PAGE.readySelector, { state: 'attached' });
      const images = await page.$$eval('img', (all) => all.map((i) => ({ complete: i.complete, width: i.naturalWidth })));
      expect(images, view).toEqual([{ complete: true, width: 64 }]);
    }
  } finally {
    await server.close();
    course.done();
  }
});

test('an image that fails to load stops the export with its slide named', async ({ browser }) => {
  test.setTimeout(180_000);
  const course = tempCourse({ 'slides/pictures.md': slides('broken.png'), 'assets/broken.png': 'this is not a PNG' });
  try {
    for (const kind of ['handout', 'slides'] as const) {
      const failing = exportPdf({ root: course.root, kinds: [kind], browser });
      await expect(failing).rejects.toThrow(PdfExportError);
      await expect(failing).rejects.toThrow(/image "a red square" failed to load \(slides\/pictures\.md:\d+\)/);
    }
  } finally {
    course.done();
  }
});

test("npm run pdf's pages are reused from deck to deck: each PDF is its own deck's, with its own warnings", async () => {
  test.setTimeout(180_000);
  const offHost = 'http://offhost.example/logo.png';
  const deck = (title: string, n: number, extra = '') =>
    [
      `---\ntitle: ${title}\n---\n\n# ${title}`,
      ...Array.from({ length: n - 1 }, (_, i) => `## ${title} ${i + 2}\n\n${i === 0 ? extra : ''}Text.`),
    ].join('\n\n---\n\n');
  const course = tempCourse({
    'slides/a.md': deck('Alpha', 3, `<div style="width:40px;height:40px;background:url(${offHost})"></div>\n\n`),
    'slides/b.md': deck('Bravo', 5),
    'slides/c.md': deck('Charlie', 2),
    'slides/d.md': deck('Delta', 4),
  });
  try {
    // Two pages at a time for four decks of each kind: the later decks print in pages the earlier ones used.
    const results = await exportPdf({ root: course.root, kinds: ['slides', 'handout'], concurrency: 2 });
    const titles: Record<string, [string, number]> = { a: ['Alpha', 3], b: ['Bravo', 5], c: ['Charlie', 2], d: ['Delta', 4] };
    expect(results).toHaveLength(8);
    for (const r of results) {
      const [title, slides] = titles[r.slug] ?? ['', 0];
      expect(r.slides, `${r.slug} ${r.kind}`).toBe(slides);
      if (r.kind === 'slides') expect(r.pages, r.slug).toBe(slides);
      const pdf = await PDFDocument.load(await readFile(r.file), { updateMetadata: false });
      expect(pdf.getTitle()).toBe(r.kind === 'handout' ? `${title} (handout)` : title);
      const blocked = r.warnings.filter((w) => w.startsWith('blocked'));
      expect(blocked, `${r.slug} ${r.kind}`).toEqual(r.slug === 'a' ? [`blocked 1 request(s) outside the site, e.g. ${offHost}`] : []);
    }
  } finally {
    course.done();
  }
});
