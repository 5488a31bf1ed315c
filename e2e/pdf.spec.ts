import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import * as pdfLib from 'pdf-lib';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { HOW_TO_GET_A_BROWSER } from '../src/export/browser';
import { readPageLabels } from '../src/export/page-labels';
import { type ExportResult, exportPdf, PdfExportError } from '../src/export/pdf';
import { PAGE, SLIDE_SIZE, slideLabel } from '../src/model/page';
import { expect, test } from './fixtures';
import { embeddedFonts, systemFonts } from './pdf-fonts';

/** PDF export (issue 4) against the preview server of `dist/`: the site must be built. */

const SLUG = 'reasoning-origins';

interface DeckFacts {
  title: string;
  author: string;
  slides: number;
  /** Pages reveal prints with pdfSeparateFragments: per slide, one plus one per fragment group. */
  steps: number;
  firstNotes: string;
}

/** What the built deck page says, parsed without running it. */
async function deckFacts(baseURL: string, slug: string): Promise<DeckFacts> {
  const html = await (await fetch(`${baseURL}/${slug}/`)).text();
  const { document } = new JSDOM(html).window;
  const leaves = [...document.querySelectorAll<HTMLElement>(`${PAGE.slides} section`)].filter((s) => !s.querySelector(':scope > section'));
  let steps = 0;
  for (const s of leaves) {
    const indexed = new Set<string>();
    let unindexed = 0;
    for (const f of s.querySelectorAll(PAGE.fragment)) {
      if (f.closest(PAGE.notes)) continue;
      const i = f.getAttribute('data-fragment-index');
      if (i === null) unindexed++;
      else indexed.add(i);
    }
    steps += 1 + indexed.size + unindexed;
  }
  return {
    title: document.title,
    author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
    slides: leaves.length,
    steps,
    firstNotes: (leaves[0]?.querySelector(PAGE.notes)?.textContent ?? '').trim(),
  };
}

/** Text of every page, via pdf.js (what a viewer's search and copy see). */
async function pageTexts(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return texts;
}

async function linkTargets(file: string, pageNumber: number): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;
  const annotations = await (await doc.getPage(pageNumber)).getAnnotations();
  await doc.destroy();
  return annotations.filter((a) => a.subtype === 'Link' && a.url).map((a) => String(a.url));
}

/** Titles in the PDF's outline (bookmarks), depth first. */
async function outlineTitles(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;
  const titles: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) => {
    for (const i of items ?? []) {
      titles.push(i.title);
      walk(i.items as { title: string; items: unknown[] }[]);
    }
  };
  walk(await doc.getOutline());
  await doc.destroy();
  return titles;
}

const only = (results: ExportResult[]) => {
  expect(results).toHaveLength(1);
  return results[0] as ExportResult;
};

test.describe('npm run pdf', () => {
  test('slides: one 16:9 page per slide, searchable Chinese, diagrams, links, metadata', async ({ browser, baseURL }, info) => {
    const facts = await deckFacts(baseURL ?? '', SLUG);
    const result = only(await exportPdf({ baseUrl: baseURL, slugs: [SLUG], outDir: info.outputPath('pdf'), browser }));
    expect(result.file).toMatch(/reasoning-origins\.pdf$/);
    expect(result.slides).toBe(facts.slides);

    const pdf = await PDFDocument.load(await readFile(result.file), { updateMetadata: false });
    expect(pdf.getPageCount(), 'one page per slide, no trailing blank page').toBe(facts.slides);
    // A viewer's page box shows the slide number every view uses.
    expect(readPageLabels(pdfLib, pdf)).toEqual(Array.from({ length: facts.slides }, (_, i) => slideLabel(i)));
    for (const page of pdf.getPages()) {
      expect(page.getSize()).toEqual({ width: SLIDE_SIZE.width * 0.75, height: SLIDE_SIZE.height * 0.75 }); // CSS px → pt
    }
    expect(pdf.getTitle()).toBe(facts.title);
    expect(pdf.getAuthor()).toBe(facts.author);
    expect(pdf.getCreator()).toBe('Lectern');

    const fonts = await embeddedFonts(pdf);
    expect(
      fonts.some((f) => /NotoSansSC/i.test(f)),
      `CJK font embedded, got ${fonts.join(' ')}`,
    ).toBe(true);
    // Only bundled fonts: a system one (DejaVu, Liberation) would make the PDF differ from machine to machine.
    expect(systemFonts(fonts)).toEqual([]);

    const texts = await pageTexts(result.file);
    const all = texts.join('\n');
    expect(all).toContain('指令微调');
    expect(all).toContain('code-davinci-002');
    expect(all).toContain('复杂推理');
    // Every diagram drawn, whole, as text: the lineage slides carry every model name.
    const diagramPages = texts.filter((t) => t.includes('text-davinci-003') && t.includes('ChatGPT') && t.includes('code-cushman-001'));
    expect(diagramPages.length, 'pages with the complete lineage diagram').toBeGreaterThanOrEqual(5);

    expect(await linkTargets(result.file, 1)).toContainEqual(expect.stringContaining('yaofu.notion.site'));

    // A bookmark per slide, from its heading: every slide is in the tagged PDF, not only the first.
    const outline = await outlineTitles(result.file);
    expect(outline).toHaveLength(facts.slides);
    expect(outline).toContain(facts.title);
    expect(outline).toContain('引子：ChatGPT 为什么这么强？');
    expect(outline.at(-1)).toMatch(/参考文献/);
  });

  test('--fragments: one page per step', async ({ browser, baseURL }, info) => {
    const facts = await deckFacts(baseURL ?? '', SLUG);
    const result = only(await exportPdf({ baseUrl: baseURL, slugs: [SLUG], fragments: true, outDir: info.outputPath('pdf'), browser }));
    expect(facts.steps).toBeGreaterThan(facts.slides);
    expect(result.pages).toBe(facts.steps);
    const pdf = await PDFDocument.load(await readFile(result.file), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(facts.steps);
    // Each step's page carries its slide's number: 1, 2, 2, 2, 3 …
    const labels = readPageLabels(pdfLib, pdf);
    expect(new Set(labels)).toEqual(new Set(Array.from({ length: facts.slides }, (_, i) => slideLabel(i))));
    expect(labels.map(Number)).toEqual([...labels.map(Number)].sort((a, b) => a - b));
    // The overview diagram steps in page by page: its first page shows GPT-3 Initial alone (the first group,
    // with the slide), later pages add the branches, the last the whole tree.
    const texts = await pageTexts(result.file);
    const overview = texts.map((t, i) => ({ t, label: labels[i] })).filter(({ t }) => t.includes('GPT-3 Initial'));
    const first = overview.find(({ t }) => !t.includes('code-cushman-001'));
    expect(first, "a page with the diagram's first group only").toBeDefined();
    const same = overview.filter(({ label }) => label === first?.label).map(({ t }) => t);
    expect(same.length, 'one page per group').toBe(4);
    expect(same.at(-1)).toContain('ChatGPT');
    expect(same.slice(0, -1).some((t) => t.includes('ChatGPT'))).toBe(false);
    expect(result.warnings.filter((w) => /diagram steps/.test(w))).toEqual([]);
  });

  test('--handout: A4 with each slide and its notes', async ({ browser, baseURL }, info) => {
    const facts = await deckFacts(baseURL ?? '', SLUG);
    const result = only(await exportPdf({ baseUrl: baseURL, slugs: [SLUG], kinds: ['handout'], outDir: info.outputPath('pdf'), browser }));
    expect(result.file).toMatch(/reasoning-origins-handout\.pdf$/);
    const pdf = await PDFDocument.load(await readFile(result.file), { updateMetadata: false });
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(facts.slides / 2));
    expect(pages).toBeLessThanOrEqual(facts.slides);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round(width)).toBe(595); // A4 portrait
    expect(Math.round(height)).toBe(842);
    expect(pdf.getTitle()).toContain(facts.title);
    expect(pdf.getAuthor()).toBe(facts.author);
    expect((await embeddedFonts(pdf)).some((f) => /NotoSansSC/i.test(f))).toBe(true);
    expect(systemFonts(await embeddedFonts(pdf))).toEqual([]);

    const all = (await pageTexts(result.file)).join('\n').replace(/\s+/g, '');
    expect(facts.firstNotes.length).toBeGreaterThan(20);
    expect(all).toContain(facts.firstNotes.slice(0, 24).replace(/\s+/g, ''));
    expect(all).toContain('指令微调');
    expect(all).toContain('code-davinci-002');
    expect(all).toContain('text-davinci-003'); // diagram labels, whole
  });

  test('a failed export keeps the previous PDF and leaves no temporary file', async ({ browser, baseURL }, info) => {
    const outDir = info.outputPath('pdf');
    const first = only(await exportPdf({ baseUrl: baseURL, slugs: ['demo'], outDir, browser }));
    const before = await readFile(first.file);
    const mtime = (await stat(first.file)).mtimeMs;

    // The page never becomes ready in time: the export fails with a clear error…
    const failing = exportPdf({ baseUrl: baseURL, slugs: ['demo'], outDir, browser, timeoutMs: 1 });
    await expect(failing).rejects.toThrow(PdfExportError);
    await expect(failing).rejects.toThrow(/demo \(slides\): .*(ready|Timeout)/);
    // …and the old file is untouched, nothing half-written beside it.
    expect((await readFile(first.file)).equals(before)).toBe(true);
    expect((await stat(first.file)).mtimeMs).toBe(mtime);
    expect((await readdir(outDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    // An unknown deck is an error too (served from dist/ here, so the deck list is known).
    await expect(exportPdf({ slugs: ['no-such-deck'], outDir, build: 'never', browser })).rejects.toThrow(/unknown deck/);
  });

  test('the command line: `npm run pdf -- <slug>` prints the deck and says where it went', async ({ baseURL }, info) => {
    const facts = await deckFacts(baseURL ?? '', SLUG);
    const run = (...args: string[]) => promisify(execFile)('npm', ['run', '--silent', 'pdf', '--', ...args], { cwd: process.cwd() });
    const outDir = info.outputPath('cli');
    const { stdout } = await run(SLUG, '--no-build', '--out', outDir);
    expect(stdout).toContain(`${facts.slides} pages`);
    expect(stdout).toMatch(/Done: 1 PDF in [\d.]+ s\./);
    const pdf = await PDFDocument.load(await readFile(`${outDir}/${SLUG}.pdf`), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(facts.slides);

    expect((await run('--help')).stdout).toContain('--handout');
    const failed = await run('no-such-deck', '--no-build', '--out', outDir).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/unknown deck\(s\): no-such-deck \(built decks: .*reasoning-origins/),
    });
  });

  test('no browser: says what to install', async () => {
    const saved = process.env.LECTERN_CHROMIUM;
    process.env.LECTERN_CHROMIUM = '/nonexistent/chromium';
    try {
      await expect(exportPdf({ slugs: [SLUG], build: 'never' })).rejects.toThrow(HOW_TO_GET_A_BROWSER);
    } finally {
      if (saved === undefined) delete process.env.LECTERN_CHROMIUM;
      else process.env.LECTERN_CHROMIUM = saved;
    }
  });
});
